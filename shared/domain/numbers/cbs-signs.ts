import type { MissingSign } from './parsed-cell';

/**
 * CBS "verklaring van tekens" (explanation of symbols), as printed under every CBS table:
 *   .   figure unknown, insufficiently reliable or secret (newer tables fold these together)
 *   x   secret
 *   -   nil (a real zero); also written as an en or em dash
 *   *   provisional figure;  ** revised provisional figure
 *   0 (0,0)  less than half of the unit used
 *   (empty)  a figure cannot occur
 * The signs are data: a "." must never be stored as 0, and a "-" must be stored as 0.
 */

export type StandaloneSign = MissingSign | 'nil';

const STANDALONE: Readonly<Record<string, StandaloneSign>> = {
  '.': 'unknown',
  '..': 'unknown',
  '…': 'unknown',
  x: 'secret',
  X: 'secret',
  '-': 'nil',
  '–': 'nil',
  '—': 'nil',
  '−': 'nil',
};

/** A cell whose whole (trimmed) text is a CBS sign, e.g. "       ." in a StatLine CSV. */
export function standaloneSign(trimmed: string): StandaloneSign | null {
  // Own keys only: "constructor" or "__proto__" in a cell is text, not an inherited property.
  return Object.hasOwn(STANDALONE, trimmed) ? (STANDALONE[trimmed] ?? null) : null;
}

/** "12*" → provisional, "12**" → revised provisional; returns the figure without the stars. */
export function takeProvisionalStars(
  trimmed: string,
): { rest: string; sign?: 'provisional' | 'revised_provisional' } {
  const m = /^(.*?\S)\s*(\*{1,2})$/.exec(trimmed);
  if (!m || m[1] === undefined) return { rest: trimmed };
  return { rest: m[1], sign: m[2] === '**' ? 'revised_provisional' : 'provisional' };
}

/** The literal legend form "0 (0,0)" that some tables print in cells. */
export function isLessThanHalfLegend(trimmed: string): boolean {
  return /^0\s*\(\s*0[.,]0+\s*\)$/.test(trimmed);
}

/** A zero as written ("0", "0,0", "0.00", "-0"), for CBS tables where it means "less than half". */
export function isWrittenZero(trimmed: string): boolean {
  return /^[-−]?0(?:[.,]0+)?$/.test(trimmed);
}
