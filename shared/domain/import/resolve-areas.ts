import { matchArea, type AreaIndex, type AreaMatch } from '../areas/match-area';
import { municipalityOf, parentCode } from '../areas/normalise-code';
import { nameKeys } from '../areas/normalise-name';
import { classifyNonAreaRow, type NonAreaRow } from '../areas/totals-rows';
import type { AreaPlan } from './import-plan';

/**
 * Resolves the area of each row (or column) through matchArea, once per distinct code/name pair,
 * and recognises totals and catch-all rows first so they are skipped rather than matched.
 */
export type ResolvedArea =
  | { kind: 'area'; code: string; match: AreaMatch; known: boolean; parent: string | null; needsConfirmation: boolean }
  | { kind: 'skip'; row: NonAreaRow }
  | { kind: 'unmatched'; match: AreaMatch }
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
