import type { UnitBase } from './units';

/**
 * Reads the unit and scale a column header states: "(%)", "aantal", "(Getal)", "euro",
 * "x 1 000", "(x € 1.000)", "x1000 euro", "per 1 000 inwoners", "km", "ha". Returns what it found
 * and the words it found it in, so the preview can show the analyst why it guessed a unit.
 */
export interface HeaderUnit {
  base?: UnitBase;
  /** Multiplier the header states ("x 1 000" → 1000); 1 when none. */
  factor: number;
  /** The fragments that gave the unit away, e.g. ["x € 1.000"]. */
  evidence: string[];
}

// "x 1 000", "x1000", "× 1.000", "(x € 1.000)", "x 1 mln"; the € may sit between x and the figure.
const FACTOR = /(?:^|[\s(|])[x×]\s*(€\s*)?(1[\s.,]?000(?:[\s.,]?000)?|1\s*(?:mln|miljoen|mld|miljard))\b/i;
const FACTOR_WORD = /\b(duizend|mln|miljoen|miljard|mld)\s+(euro|€)/i;

const PATTERNS: ReadonlyArray<readonly [RegExp, UnitBase]> = [
  [/(per|\/)\s*1[\s.]?000\s*(inwoners|inw\.?|residents|personen)/i, 'per_1000_residents'],
  [/per\s*1[\s.]?000\s*(huishoudens|households)/i, 'per_1000_households'],
  [/(^|[\s(|])%|\(%\)|procent|percentage|\bpct\b|\baandeel\b/i, 'percent'],
  [/per\s*km(2|²)|\/\s*km(2|²)/i, 'per_km2'],
  [/€|\beuros?\b|\beur\b/i, 'euro'],
  [/\bkwh\b/i, 'kwh'],
  [/\bm(3|³)\b/i, 'm3'],
  [/\bkm(2|²)\b/i, 'km2'],
  [/\(km\)|\bkm\b/i, 'km'],
  [/\(ha\)|\bha\b|hectare/i, 'ha'],
  [/\baantal\b|\(aantal\)|\bnumber of\b|\bcount\b/i, 'count'],
  [/\(getal\)|\bscore\b|\bindex\b/i, 'number'],
];

function factorOf(text: string): { factor: number; evidence: string } | null {
  const m = FACTOR.exec(text);
  if (m && m[2]) {
    const words = m[2].toLowerCase();
    const factor = /mld|miljard/.test(words) ? 1e9 : /mln|miljoen/.test(words) ? 1e6 : words.replace(/\D/g, '').length === 7 ? 1e6 : 1e3;
    return { factor, evidence: m[0].trim().replace(/^[(|]/, '') };
  }
  const w = FACTOR_WORD.exec(text);
  if (w && w[1]) {
    const word = w[1].toLowerCase();
    return { factor: word === 'duizend' ? 1e3 : word === 'mln' || word === 'miljoen' ? 1e6 : 1e9, evidence: w[0] };
  }
  return null;
}

export function unitFromHeader(header: string): HeaderUnit {
  const evidence: string[] = [];
  const f = factorOf(header);
  if (f) evidence.push(f.evidence);
  for (const [re, base] of PATTERNS) {
    const m = re.exec(header);
    if (m) {
      evidence.push(m[0].trim());
      return { base, factor: f?.factor ?? 1, evidence };
    }
  }
  return { factor: f?.factor ?? 1, evidence };
}
