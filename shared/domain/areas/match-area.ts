import { distance } from 'fastest-levenshtein';
import type { AreaKind } from '../../contract/model';
import { municipalityOf, normaliseAreaCode, type CbsLevel, type NormaliseOptions } from './normalise-code';
import { compactFormKey, compactNameKey, exactKeys, formKey, nameKeys } from './normalise-name';

/**
 * Finds the area a row is about: by CBS code first (certain), then by a confirmed alias or the
 * exact name (certain when only one area has it), then by a fuzzy name match (never certain: it
 * always needs the analyst's confirmation). Pure: the known areas and aliases come in as data.
 */

export interface KnownArea {
  code: string;
  name: string;
  kind: AreaKind;
  parentCode?: string | null;
}

export interface KnownAlias {
  alias: string;
  code: string;
  /** '' applies everywhere; a publisher context ('bbga') only for files of that kind. */
  context?: string;
}

export interface AreaCandidate {
  code: string;
  name: string;
  score: number;
}

export type AreaMatch =
  | { status: 'code'; code: string; level: CbsLevel; known: boolean; confidence: 1 }
  /** form: found only once the common forms were folded ("Buurt Elinkwijk e.o." = "Elinkwijk en omgeving"); worth remembering as an alias. */
  | { status: 'alias' | 'name'; code: string; confidence: 1; form?: true }
  | { status: 'fuzzy'; code: string; confidence: number; candidates: AreaCandidate[]; needsConfirmation: true }
  | { status: 'ambiguous'; candidates: AreaCandidate[]; needsConfirmation: true }
  | { status: 'none'; candidates: AreaCandidate[] };

export interface AreaIndex {
  byCode: Map<string, KnownArea>;
  byKey: Map<string, Set<string>>;
  aliasByContext: Map<string, Map<string, Set<string>>>;
  areas: KnownArea[];
  /** Each area's name as close names are measured: compactFormKey, and its words (formKey). */
  forms: Map<string, { compact: string; words: string[] }>;
}

function addTo(map: Map<string, Set<string>>, key: string, code: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(code);
}

export function buildAreaIndex(areas: readonly KnownArea[], aliases: readonly KnownAlias[] = []): AreaIndex {
  const byCode = new Map<string, KnownArea>();
  const byKey = new Map<string, Set<string>>();
  const aliasByContext = new Map<string, Map<string, Set<string>>>();
  const forms = new Map<string, { compact: string; words: string[] }>();
  for (const a of areas) {
    byCode.set(a.code, a);
    for (const k of nameKeys(a.name)) addTo(byKey, k, a.code);
    addTo(byKey, compactNameKey(a.name), a.code);
    const form = formKey(a.name);
    addTo(byKey, form.replace(/ /g, ''), a.code);
    forms.set(a.code, { compact: form.replace(/ /g, ''), words: form.split(' ') });
  }
  for (const al of aliases) {
    const ctx = al.context ?? '';
    let m = aliasByContext.get(ctx);
    if (!m) aliasByContext.set(ctx, (m = new Map()));
    for (const k of nameKeys(al.alias)) addTo(m, k, al.code);
    addTo(m, compactNameKey(al.alias), al.code);
    addTo(m, compactFormKey(al.alias), al.code);
    // A BBGA stadsdeel letter is matched case-sensitively as written, so keep the raw text too.
    addTo(m, `raw:${al.alias.trim()}`, al.code);
  }
  return { byCode, byKey, aliasByContext, areas: [...areas], forms };
}

export interface MatchInput {
  code?: string | number | null;
  name?: string | null;
  /** Options for reading the code cell (column level, padded digits). */
  codeOptions?: NormaliseOptions;
  /** Only areas in this gemeente (GM code) are candidates for a name: "Centrum" exists everywhere. */
  within?: string | null;
  /** Only areas of these kinds are candidates for a name. */
  kinds?: readonly AreaKind[];
  /** The publisher context for aliases (e.g. 'bbga'); '' aliases always apply. */
  context?: string;
  /** Lowest similarity (0–1) a fuzzy candidate needs; default 0.8. */
  fuzzyThreshold?: number;
  /** Exact matches only (layout detection asks "is this an area name?" for every header cell). */
  exactOnly?: boolean;
}

/**
 * The gemeente of an area: from its CBS code, else — for a buurt, wijk or own area created from a
 * name under its gemeente — through its parents. Focus areas and programmes stay outside a gemeente's scope.
 */
export function municipalityOfArea(index: AreaIndex, code: string): string | null {
  const own = municipalityOf(code);
  if (own) return own;
  let area = index.byCode.get(code);
  for (let depth = 0; area && depth < 4 && NAMED_KINDS.has(area.kind) && area.parentCode; depth++) {
    const gm = municipalityOf(area.parentCode);
    if (gm) return gm;
    area = index.byCode.get(area.parentCode);
  }
  return null;
}
const NAMED_KINDS: ReadonlySet<AreaKind> = new Set(['neighbourhood', 'district', 'other']);

function inScope(index: AreaIndex, code: string, input: MatchInput): boolean {
  const area = index.byCode.get(code);
  if (input.kinds && area && !input.kinds.includes(area.kind)) return false;
  if (input.within && municipalityOfArea(index, code) !== input.within) return false;
  return true;
}

function candidates(index: AreaIndex, codes: Iterable<string>, score: number): AreaCandidate[] {
  return [...codes].map((code) => ({ code, name: index.byCode.get(code)?.name ?? code, score }));
}

function lookup(map: Map<string, Set<string>> | undefined, keys: string[], index: AreaIndex, input: MatchInput): string[] | null {
  if (!map) return null;
  for (const k of keys) {
    const hit = map.get(k);
    if (hit) {
      const scoped = [...hit].filter((c) => inScope(index, c, input));
      if (scoped.length > 0) return scoped;
    }
  }
  return null;
}

/**
 * The words of one name begin (or end) the other's: "Geuzenwijk, De Driehoek" and "Geuzenwijk".
 * Close enough to ask about, never to decide; the shorter side needs five letters.
 */
function wordsContained(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === long.length || short.join('').length < 5) return false;
  const head = short.every((w, i) => long[i] === w);
  const tail = short.every((w, i) => long[long.length - short.length + i] === w);
  return head || tail;
}

/**
 * Close names, for the analyst to confirm: measured on the folded form (formKey) with
 * fastest-levenshtein, plus names whose words begin or end the other's.
 */
function fuzzy(index: AreaIndex, name: string, input: MatchInput): AreaCandidate[] {
  const form = formKey(name);
  const key = form.replace(/ /g, '');
  if (key.length < 3) return [];
  const words = form.split(' ');
  const threshold = input.fuzzyThreshold ?? 0.8;
  const found: AreaCandidate[] = [];
  for (const area of index.areas) {
    if (!inScope(index, area.code, input)) continue;
    const other = index.forms.get(area.code) ?? { compact: compactFormKey(area.name), words: formKey(area.name).split(' ') };
    const longest = Math.max(key.length, other.compact.length);
    // Cheap bound first: a length difference alone can rule a candidate out.
    const lengthOk = Math.abs(key.length - other.compact.length) / longest <= 1 - threshold;
    const score = lengthOk ? 1 - distance(key, other.compact) / longest : 0;
    if (score >= threshold) found.push({ code: area.code, name: area.name, score: Math.round(score * 1000) / 1000 });
    else if (wordsContained(words, other.words)) found.push({ code: area.code, name: area.name, score: threshold });
  }
  return found.sort((a, b) => b.score - a.score).slice(0, 5);
}

export function matchArea(input: MatchInput, index: AreaIndex): AreaMatch {
  if (input.code !== undefined && input.code !== null && input.code !== '') {
    const cbs = normaliseAreaCode(input.code, input.codeOptions);
    if (cbs) return { status: 'code', code: cbs.code, level: cbs.level, known: index.byCode.has(cbs.code), confidence: 1 };
    const raw = `raw:${String(input.code).trim()}`;
    const viaAlias = lookup(index.aliasByContext.get(input.context ?? ''), [raw], index, input) ?? lookup(index.aliasByContext.get(''), [raw], index, input);
    if (viaAlias && viaAlias.length === 1 && viaAlias[0]) return { status: 'alias', code: viaAlias[0], confidence: 1 };
  }
  const name = input.name?.trim();
  if (!name) return { status: 'none', candidates: [] };
  const form = formKey(name);
  const keys = [...exactKeys(name), compactNameKey(name)];
  const formKeys = [form, form.replace(/ /g, '')].filter((k) => !keys.includes(k));
  const contexts = [input.context ?? '', ...(input.context ? [''] : [])];
  for (const ctx of contexts) {
    const hits = lookup(index.aliasByContext.get(ctx), keys, index, input);
    if (hits && hits.length === 1 && hits[0]) return { status: 'alias', code: hits[0], confidence: 1 };
    if (hits && hits.length > 1) return { status: 'ambiguous', candidates: candidates(index, hits, 1), needsConfirmation: true };
  }
  const byName = lookup(index.byKey, keys, index, input);
  if (byName && byName.length === 1 && byName[0]) return { status: 'name', code: byName[0], confidence: 1 };
  if (byName && byName.length > 1) return { status: 'ambiguous', candidates: candidates(index, byName, 1), needsConfirmation: true };
  // The same name in another form ("Buurt Elinkwijk e.o."): aliases first, then names.
  if (formKeys.length > 0) {
    for (const ctx of contexts) {
      const hits = lookup(index.aliasByContext.get(ctx), formKeys, index, input);
      if (hits && hits.length === 1 && hits[0]) return { status: 'alias', code: hits[0], confidence: 1 };
    }
    const byForm = lookup(index.byKey, formKeys, index, input);
    if (byForm && byForm.length === 1 && byForm[0]) return { status: 'name', code: byForm[0], confidence: 1, form: true };
    if (byForm && byForm.length > 1) return { status: 'ambiguous', candidates: candidates(index, byForm, 1), needsConfirmation: true };
  }
  if (input.exactOnly) return { status: 'none', candidates: [] };
  const near = fuzzy(index, name, input);
  const best = near[0];
  if (best) return { status: 'fuzzy', code: best.code, confidence: best.score, candidates: near, needsConfirmation: true };
  return { status: 'none', candidates: [] };
}
