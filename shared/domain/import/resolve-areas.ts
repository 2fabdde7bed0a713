import { AppError } from '../../errors';
import { matchArea, type AreaIndex, type AreaMatch } from '../areas/match-area';
import { municipalityOf, normaliseAreaCode, parentCode } from '../areas/normalise-code';
import { formKey, nameKeys } from '../areas/normalise-name';

import { classifyNonAreaRow, type NonAreaRow } from '../areas/totals-rows';
import type { AreaPolicy } from '../../contract/import-choices';
import type { AreaKind } from '../../contract/model';
import { NAMED_LEVEL_KIND, namedAreaCode } from '../areas/named-areas';

const COUNTRY = 'NL00';
/** "Nederland", "Totaal Nederland", "Nederland totaal": the country row of a table. */
const COUNTRY_NAME = /^(totaal )?nederland( totaal)?$/;
import type { AreaPlan } from './import-plan';

/**
 * Resolves the area of each row (or column) through matchArea, once per distinct code/name pair,
 * and recognises totals and catch-all rows first so they are skipped rather than matched.
 */
export type ResolvedArea =
  | {
      kind: 'area';
      code: string;
      match: AreaMatch;
      known: boolean;
      parent: string | null;
      needsConfirmation: boolean;
      /** The analyst confirmed or linked this label: remember it as an alias (context '' for names). */
      remember?: { alias: string; context: string };
      /** A name-only area to create under the analyst's gemeente (its code says neither parent nor kind). */
      create?: { parent: string; kind: AreaKind };
    }
  | { kind: 'skip'; row: NonAreaRow }
  /** 'not_created': a CBS code the store does not know, and new areas are not created. */
  | { kind: 'unmatched'; match: AreaMatch; reason?: 'not_created' }
  | { kind: 'missing' };

export interface AreaResolver {
  resolve(code: string | number | null, name: string | null): ResolvedArea;
}

export function areaResolver(index: AreaIndex, plan: AreaPlan): AreaResolver {
  const cache = new Map<string, ResolvedArea>();
  const codeOptions = { ...(plan.level ? { level: plan.level } : {}), ...(plan.padded ? { padded: true } : {}) };
  return {
    resolve(code, name) {
      const codeText = code === null ? '' : String(code).trim();
      const nameText = (name ?? '').trim();
      const key = `${codeText}\u0000${nameText}`;
      const hit = cache.get(key);
      if (hit) return hit;
      let out: ResolvedArea;
      const skip = classifyNonAreaRow(nameText || codeText, codeText || null);
      if (!codeText && !nameText) out = { kind: 'missing' };
      // "Nederland" under a table of a city's areas is the country, not a name of that city to match or create.
      else if (!codeText && COUNTRY_NAME.test(formKey(nameText))) out = { kind: 'area', code: COUNTRY, match: { status: 'code', code: COUNTRY, level: 'country', known: index.byCode.has(COUNTRY), confidence: 1 }, known: index.byCode.has(COUNTRY), parent: null, needsConfirmation: false };
      else if (skip) out = { kind: 'skip', row: skip };
      else {
        const match = matchArea(
          { code: typeof code === 'number' ? code : codeText || null, name: nameText || null, codeOptions, context: plan.context, ...(plan.within ? { within: plan.within } : {}) },
          index,
        );
        if (match.status === 'none' || match.status === 'ambiguous') out = { kind: 'unmatched', match };
        else {
          const known = match.status === 'code' ? match.known : true;
          const needsConfirmation = match.status === 'fuzzy';
          out = { kind: 'area', code: match.code, match, known, parent: known ? null : parentCode(match.code), needsConfirmation };
        }
      }
      cache.set(key, out);
      return out;
    },
  };
}

/** The label an area is known by in the preview and in the analyst's choices: its code as written, else its name. */
export function areaLabel(code: string | number | null, name: string | null): string {
  const codeText = code === null ? '' : String(code).trim();
  return codeText || (name ?? '').trim();
}

/**
 * The analyst's decisions over the detected matches: a label linked to an area, confirmed, left
 * out or created; new CBS areas created or not; close matches accepted wholesale or one by one.
 * A known area's code is trusted as it is; a code the analyst gives that is neither known nor a
 * CBS code cannot be created and leaves the label unmatched.
 */
export function withChoices(base: AreaResolver, index: AreaIndex, plan: AreaPlan, policy: AreaPolicy): AreaResolver {
  // The area a choice names: a code in the store, a CBS code (created on commit), or a name only one area has.
  const target = (code: string): string | null => {
    if (index.byCode.has(code)) return code;
    const cbs = normaliseAreaCode(code);
    if (cbs) return cbs.code;
    const named = matchArea({ name: code, exactOnly: true }, index);
    return named.status === 'name' || named.status === 'alias' ? named.code : null;
  };
  for (const c of policy.choices) {
    if (c.action === 'use' && target(c.code) === null) {
      throw new AppError('AREA_UNKNOWN', `no area has the code or name "${c.code}" (chosen for "${c.label}")`, undefined, ['give a code from the store (e.g. NPLV11, GM0363), a CBS code (GM/WK/BU) or a name only one area has']);
    }
  }
  const byLabel = new Map(policy.choices.map((c) => [c.label.trim(), c]));
  const cache = new Map<string, ResolvedArea>();
  // Areas given by name only, created under the analyst's gemeente (--create-areas --under GM0344).
  const level = policy.level ?? 'eigen';
  const named = (label: string, match: AreaMatch): ResolvedArea => {
    const code = policy.under ? namedAreaCode(policy.under, level, label) : null;
    if (!code || !policy.under) return { kind: 'unmatched', match };
    const known = index.byCode.has(code);
    return {
      kind: 'area', code, match: { status: 'name', code, confidence: 1 }, known, parent: known ? null : policy.under, needsConfirmation: false,
      ...(known ? {} : { create: { parent: policy.under, kind: NAMED_LEVEL_KIND[level] } }),
      ...(policy.remember ? { remember: { alias: label, context: '' } } : {}),
    };
  };
  const use = (label: string, isCode: boolean, code: string, match: AreaMatch): ResolvedArea => {
    const found = target(code);
    const cbs = found === null ? null : { code: found };
    if (!cbs) return { kind: 'unmatched', match };
    const known = index.byCode.has(cbs.code);
    return {
      kind: 'area', code: cbs.code, match: { status: 'alias', code: cbs.code, confidence: 1 }, known, parent: known ? null : parentCode(cbs.code), needsConfirmation: false,
      ...(policy.remember ? { remember: { alias: label, context: isCode ? plan.context : '' } } : {}),
    };
  };
  return {
    resolve(code, name) {
      const label = areaLabel(code, name);
      const isCode = code !== null && String(code).trim() !== '';
      const key = `${isCode ? 'c' : 'n'}\u0000${label}\u0000${(name ?? '').trim()}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const detected = base.resolve(code, name);
      const choice = byLabel.get(label);
      let out = detected;
      if (detected.kind === 'missing' || (detected.kind === 'skip' && !choice)) out = detected;
      else if (choice?.action === 'skip') out = { kind: 'skip', row: { role: 'excluded', reason: `"${label}" is left out by the analyst` } };
      else if (choice?.action === 'use') out = use(label, isCode, choice.code, detected.kind === 'skip' ? { status: 'none', candidates: [] } : detected.match);
      else if (detected.kind === 'area' && detected.needsConfirmation && policy.fuzzy === 'accept') out = use(label, isCode, detected.code, detected.match);
      else if (detected.kind === 'area' && !detected.known && policy.newAreas === 'skip' && choice?.action !== 'create') out = { kind: 'unmatched', match: detected.match, reason: 'not_created' };
      // The same place in another form ("Buurt Elinkwijk e.o."): remembered, so the next file matches it as it is written.
      else if (detected.kind === 'area' && !isCode && detected.match.status === 'name' && detected.match.form && policy.remember) out = { ...detected, remember: { alias: label, context: '' } };
      // A name no area has (not a close one: those stay to confirm, so nothing is created twice).
      else if (detected.kind === 'unmatched' && !isCode && detected.match.status === 'none' && policy.under && (policy.newAreas === 'create' || choice?.action === 'create')) out = named(label, detected.match);
      cache.set(key, out);
      return out;
    },
  };
}

/**
 * For names without codes (Eindhoven's buurten): the gemeente most of them belong to, when one
 * clearly dominates. Names like "Centrum" exist in many places; the majority decides the scope.
 */
export function inferMunicipality(names: readonly string[], index: AreaIndex): string | null {
  const votes = new Map<string, number>();
  let counted = 0;
  for (const name of names.slice(0, 500)) {
    const gms = new Set<string>();
    for (const k of nameKeys(name)) {
      for (const code of index.byKey.get(k) ?? []) {
        const gm = municipalityOf(code);
        if (gm) gms.add(gm);
      }
    }
    if (gms.size === 0) continue;
    counted++;
    for (const gm of gms) votes.set(gm, (votes.get(gm) ?? 0) + 1);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || counted < 3) return null;
  const clear = best[1] >= 0.6 * counted && (!second || best[1] >= 2 * second[1]);
  return clear ? best[0] : null;
}
