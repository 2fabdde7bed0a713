import type { UnitBase } from './units';

/**
 * Reads the unit and scale a column header states: "(%)", "aantal", "(Getal)", "euro",
 * "x 1 000", "(x € 1.000)", "x1000 euro", "per 1 000 inwoners", "km", "ha". Returns what it found
 * and the words it found it in, so the preview can show the analyst why it guessed a unit. A unit
 * in parentheses at the end of the label (before any period) wins over words earlier in it.
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

// A period that ends a label ("|2024", " 2024", "(2023)", "2022*") is not part of its unit.
const TRAILING_PERIOD = /(?:\s*\|\s*|\s+|\s*\()(?:19|20)\d\d\*?\)?\s*$/;
// The last parenthesised part of a label: "…/Binnen 1 km (aantal)" → "(aantal)".
const TRAILING_PARENS = /\(([^()]*)\)\s*\*?\s*$/;

function baseOf(text: string): { base: UnitBase; evidence: string } | null {
  for (const [re, base] of PATTERNS) {
    const m = re.exec(text);
    if (m) return { base, evidence: m[0].trim() };
  }
  return null;
}

/**
 * A unit in parentheses at the end of a label wins over words earlier in it:
 * "Nabijheid/Aantal huisartsenpraktijken/Binnen 1 km (aantal)" is a count, not a distance.
 */
function trailingUnit(header: string): HeaderUnit | null {
  const m = TRAILING_PARENS.exec(header.replace(TRAILING_PERIOD, ''));
  if (!m) return null;
  const inner = `(${m[1] ?? ''})`;
  const found = baseOf(inner);
  if (!found) return null;
  const own = factorOf(inner);
  const f = own ?? factorOf(header);
  // The evidence is the whole parenthesised unit, as the label writes it ("(x1000 euro)", "(%)").
  return { base: found.base, factor: f?.factor ?? 1, evidence: [...(f && !own ? [f.evidence] : []), inner] };
}

export function unitFromHeader(header: string): HeaderUnit {
  const trailing = trailingUnit(header);
  if (trailing) return trailing;
  const evidence: string[] = [];
  const f = factorOf(header);
  if (f) evidence.push(f.evidence);
  const found = baseOf(header);
  if (found) {
    evidence.push(found.evidence);
    return { base: found.base, factor: f?.factor ?? 1, evidence };
  }
  return { factor: f?.factor ?? 1, evidence };
}
