import type { CellUnit, Qualifier } from './parsed-cell';

/**
 * The words and symbols around a figure in Dutch (and English) policy texts and tables:
 * qualifiers in front ("ca.", "bijna", "ruim"), magnitudes after ("miljoen", "mld") and units
 * ("%", "procent", "€"). Each list is matched case-insensitively on word boundaries.
 */

// Longest phrases first, so "ten minste" wins over a shorter overlapping entry.
const QUALIFIERS: ReadonlyArray<readonly [string, Qualifier]> = [
  ['ten minste', 'at_least'],
  ['tenminste', 'at_least'],
  ['ten hoogste', 'at_most'],
  ['meer dan', 'at_least'],
  ['minder dan', 'at_most'],
  ['more than', 'at_least'],
  ['less than', 'at_most'],
  ['at least', 'at_least'],
  ['at most', 'at_most'],
  ['approximately', 'about'],
  ['ongeveer', 'about'],
  ['minstens', 'at_least'],
  ['minimaal', 'at_least'],
  ['maximaal', 'at_most'],
  ['hooguit', 'at_most'],
  ['nagenoeg', 'nearly'],
  ['vrijwel', 'nearly'],
  ['approx.', 'about'],
  ['approx', 'about'],
  ['around', 'about'],
  ['circa', 'about'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['about', 'about'],
  ['bijna', 'nearly'],
  ['ruim', 'at_least'],
  ["zo'n", 'about'],
  ['ong.', 'about'],
  ['max.', 'at_most'],
  ['ca.', 'about'],
  ['ca', 'about'],
  ['c.', 'about'],
  ['>=', 'at_least'],
  ['<=', 'at_most'],
  ['≥', 'at_least'],
  ['≤', 'at_most'],
  ['>', 'at_least'],
  ['<', 'at_most'],
  ['±', 'about'],
  ['~', 'about'],
  ['≈', 'about'],
];

/** Magnitude words as powers of ten. "bln" is left out: Dutch readers take it as 10^12, English as 10^9. */
const SCALES: ReadonlyArray<readonly [string, number]> = [
  ['miljarden', 9],
  ['miljard', 9],
  ['billion', 9],
  ['mld.', 9],
  ['mld', 9],
  ['mrd.', 9],
  ['mrd', 9],
  ['bn', 9],
  ['miljoenen', 6],
  ['miljoen', 6],
  ['million', 6],
  ['mln.', 6],
  ['mln', 6],
  ['mio', 6],
  ['duizend', 3],
  ['thousand', 3],
  ['dzd.', 3],
  ['dzd', 3],
  ['biljoen', 12],
];

const UNITS: ReadonlyArray<readonly [string, CellUnit]> = [
  ['procent', 'percent'],
  ['percent', 'percent'],
  ['pct.', 'percent'],
  ['pct', 'percent'],
  ['%', 'percent'],
  ['promille', 'per_mille'],
  ['‰', 'per_mille'],
  ['euros', 'euro'],
  ['euro', 'euro'],
  ['eur', 'euro'],
  ['€', 'euro'],
];

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Removes `word` from the start of `s` if it is there as a whole word; returns the rest or null. */
function takePrefix(s: string, word: string): string | null {
  if (!s.toLowerCase().startsWith(word)) return null;
  const last = word[word.length - 1];
  // "ca" must not eat the start of "cabine"; a symbol or a word ending in "." may touch the figure.
  if (isWordChar(last) && isWordChar(s[word.length])) return null;
  return s.slice(word.length).trimStart();
}

function takeSuffix(s: string, word: string): string | null {
  if (!s.toLowerCase().endsWith(word)) return null;
  const first = word[0];
  if (isWordChar(first) && isWordChar(s[s.length - word.length - 1])) {
    // "12mln" is fine (a digit before the word); "hectare" must not lose its ending "are".
    const before = s[s.length - word.length - 1] ?? '';
    if (!/\d/.test(before)) return null;
  }
  return s.slice(0, s.length - word.length).trimEnd();
}

export function takeQualifier(s: string): { rest: string; qualifier?: Qualifier } {
  for (const [word, qualifier] of QUALIFIERS) {
    const rest = takePrefix(s, word);
    if (rest !== null && rest.length > 0) return { rest, qualifier };
  }
  return { rest: s };
}

/** A unit symbol or word at either end ("€ 12", "12 euro", "70%", "70 procent"). */
export function takeUnit(s: string): { rest: string; unit?: CellUnit } {
  for (const [word, unit] of UNITS) {
    const suffix = takeSuffix(s, word);
    if (suffix !== null && suffix.length > 0) return { rest: suffix, unit };
    const prefix = takePrefix(s, word);
    if (prefix !== null && prefix.length > 0) return { rest: prefix, unit };
  }
  return { rest: s };
}

/** A magnitude word after the figure ("256 miljoen", "1,2 mld"); returns the power of ten. */
export function takeScale(s: string): { rest: string; exponent?: number } {
  for (const [word, exponent] of SCALES) {
    const rest = takeSuffix(s, word);
    if (rest !== null && rest.length > 0) return { rest, exponent };
  }
  return { rest: s };
}
