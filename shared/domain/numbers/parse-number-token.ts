/**
 * Reads one bare figure ("1.234,5", "1,234.5", "−12", "17 000") into a canonical decimal string.
 * Words, units, signs and ranges are handled by parse-cell; this file only settles separators.
 *
 * The hard case is a single separator followed by exactly three digits: "1.400" is 1400 to a Dutch
 * reader and 1.4 to an English one. Only the column can settle that (see detect-decimal-separator);
 * without a hint the Dutch reading is taken and the result is flagged `ambiguous`.
 */

export interface NumberToken {
  /** "-1234.5": optional minus, digits, optional point and digits. */
  canonical: string;
  ambiguous: boolean;
}

// Hyphen-minus, the real minus sign (U+2212) and the en dash that word processors put in its place.
const MINUS = /^[-\u2212\u2013]/;
const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/;

function validGroups(intPart: string, sep: string): boolean {
  const groups = intPart.split(sep);
  const [first, ...rest] = groups;
  if (first === undefined || first.length < 1 || first.length > 3) return false;
  if (first === '0' && rest.length > 0) return false;
  return rest.every((g) => /^\d{3}$/.test(g));
}

function canonicalOf(negative: boolean, intDigits: string, fracDigits: string): string {
  const intPart = intDigits.replace(/^0+(?=\d)/, '') || '0';
  const frac = fracDigits.replace(/0+$/, '');
  const body = frac ? `${intPart}.${frac}` : intPart;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/**
 * @param text a trimmed figure without words or units
 * @param decimalHint the column's decimal separator, if known
 * @returns null when the text is not a figure at all
 */
export function parseNumberToken(text: string, decimalHint?: ',' | '.'): NumberToken | null {
  let s = text;
  let negative = false;
  if (MINUS.test(s)) {
    negative = true;
    s = s.slice(1).trimStart();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trimStart();
  }
  if (SPACE_GROUPED.test(s)) s = s.replace(/ /g, '');
  if (!/^(?:\d[\d.,]*|[.,]\d+)$/.test(s) || /[.,]$/.test(s)) return null;

  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;

  if (dots === 0 && commas === 0) return { canonical: canonicalOf(negative, s, ''), ambiguous: false };

  if (dots > 0 && commas > 0) {
    // Both present: the last one is the decimal separator, the other groups thousands.
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const at = Math.max(lastDot, lastComma);
    const intPart = s.slice(0, at);
    if (intPart.includes(decimal) || !validGroups(intPart, group)) return null;
    return { canonical: canonicalOf(negative, intPart.split(group).join(''), s.slice(at + 1)), ambiguous: false };
  }

  const sep = dots > 0 ? '.' : ',';
  const count = dots + commas;
  if (count > 1) {
    // "1.234.567": only grouping can repeat.
    if (!validGroups(s, sep)) return null;
    return { canonical: canonicalOf(negative, s.split(sep).join(''), ''), ambiguous: false };
  }

  const [intPart = '', fracPart = ''] = s.split(sep);
  const couldGroup = fracPart.length === 3 && intPart.length >= 1 && intPart.length <= 3 && intPart !== '0';
  if (!couldGroup) return { canonical: canonicalOf(negative, intPart, fracPart), ambiguous: false };

  const decimal = decimalHint ?? ',';
  if (sep === decimal) return { canonical: canonicalOf(negative, intPart, fracPart), ambiguous: decimalHint === undefined };
  return { canonical: canonicalOf(negative, intPart + fracPart, ''), ambiguous: decimalHint === undefined };
}
