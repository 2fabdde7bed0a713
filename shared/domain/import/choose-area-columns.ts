import { levelFromHeader, levelOfCode, normaliseAreaCode, type CbsLevel } from '../areas/normalise-code';
import { isAreaCodeHeader, isAreaNameHeader } from './header-words';
import { distinctRatio, isCodeLike, type ColumnProfile } from './profile-columns';

/**
 * Which column names the area of each row. Codes beat names, and the finest level wins: in the
 * CBS maatwerk table Gemeentecode, Wijkcode and Buurtcode all hold codes and the rows are buurten.
 * The coarser code and name columns are the parents; they are recognised and not imported.
 */
export interface AreaColumns {
  codeColumn?: number;
  nameColumn?: number;
  /** The finest level among the codes (a StatLine column mixes GM, WK and BU rows). */
  level?: CbsLevel;
  /** Integers without leading zeros are read at this level (from the header "Buurtcode"). */
  readLevel?: CbsLevel;
  /** Digits keep their leading zeros, so their length gives the level. */
  padded?: boolean;
  /** Columns describing parent areas or the area's level ("recs": Gemeente/Wijk/Buurt). */
  parents: Array<{ c: number; reason: string }>;
}

const RANK: Record<CbsLevel, number> = { country: 0, municipality: 1, district: 2, neighbourhood: 3 };

interface CodeCandidate {
  c: number;
  level: CbsLevel;
  padded: boolean;
  /** 3 = prefixed codes, 2 = digits with leading zeros, 1 = integers with a level in the header. */
  strength: number;
}

function finestLevel(values: Iterable<string>, padded: boolean): CbsLevel | null {
  let best: CbsLevel | null = null;
  for (const v of values) {
    const code = normaliseAreaCode(v, { padded });
    const level = code ? levelOfCode(code.code) : null;
    if (level && (!best || RANK[level] > RANK[best])) best = level;
  }
  return best;
}

function codeCandidate(p: ColumnProfile): CodeCandidate | null {
  if (p.filled === 0) return null;
  if (p.cbsCodes >= 0.8 * p.filled) {
    const level = finestLevel(p.distinct, false);
    return level ? { c: p.c, level, padded: false, strength: 3 } : null;
  }
  if (isCodeLike(p) && [...p.digitLengths].every((n) => n === 4 || n === 6 || n === 8)) {
    const level = finestLevel(p.distinct, true);
    return level ? { c: p.c, level, padded: true, strength: 2 } : null;
  }
  const headerLevel = levelFromHeader(p.header.label);
  const allIntegers = p.numbers === p.filled && p.integers === p.filled;
  const digitText = p.digitCodes === p.filled;
  if (headerLevel && isAreaCodeHeader(p.header.label) && (allIntegers || digitText)) {
    return { c: p.c, level: headerLevel, padded: false, strength: 1 };
  }
  return null;
}

function isNameColumn(p: ColumnProfile): boolean {
  return p.filled > 0 && p.texts + p.invalid >= 0.6 * p.filled && p.numbers === 0 && !isCodeLike(p) && p.cbsCodes < 0.5 * p.filled;
}

export function chooseAreaColumns(profiles: readonly ColumnProfile[], exclude: ReadonlySet<number>): AreaColumns {
  const usable = profiles.filter((p) => !exclude.has(p.c));
  const codes = usable.map(codeCandidate).filter((x): x is CodeCandidate => x !== null);
  codes.sort((a, b) => RANK[b.level] - RANK[a.level] || b.strength - a.strength || a.c - b.c);
  const code = codes[0];
  const parents: AreaColumns['parents'] = codes.slice(1).map((x) => ({ c: x.c, reason: x.level === code?.level ? 'same area, other code form' : 'parent area code' }));

  const levelCols = usable.filter((p) => p.filled > 0 && p.levelWords >= 0.8 * p.filled);
  for (const p of levelCols) parents.push({ c: p.c, reason: 'area level (gemeente/wijk/buurt)' });
  const taken = new Set([...parents.map((x) => x.c), ...(code ? [code.c] : [])]);

  const names = usable.filter((p) => !taken.has(p.c) && isNameColumn(p));
  const named = names.filter((p) => isAreaNameHeader(p.header.label));
  // With a code column, the name column is the one at the same level ("Buurtnaam" next to
  // "Buurtcode"), else the most varied named one; other named text columns are parents.
  let name: ColumnProfile | undefined;
  if (code) {
    name = named.find((p) => levelFromHeader(p.header.label) === code.level) ?? [...named].sort((a, b) => distinctRatio(b) - distinctRatio(a))[0];
  } else {
    const varied = names.filter((p) => distinctRatio(p) >= 0.5);
    name = varied.find((p) => isAreaNameHeader(p.header.label)) ?? varied[0];
  }
  // Only with an area column chosen are the other named columns its parents; otherwise they are
  // left for the caller (a long table's publisher codes such as BBGA's "gebiedcode15").
  if (code || name) for (const p of named) if (p !== name) parents.push({ c: p.c, reason: 'parent area name' });

  return {
    ...(code ? { codeColumn: code.c, level: code.level } : {}),
    ...(code?.strength === 1 ? { readLevel: code.level } : {}),
    ...(code?.padded ? { padded: true } : {}),
    ...(name ? { nameColumn: name.c } : {}),
    parents,
  };
}
