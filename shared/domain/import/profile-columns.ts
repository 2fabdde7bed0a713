import { normaliseAreaCode } from '../areas/normalise-code';
import { detectDecimalSeparator, type DecimalSeparatorVerdict } from '../numbers/detect-decimal-separator';
import { parseCell } from '../numbers/parse-cell';
import type { Grid } from './grid';
import type { ColumnHeader } from './header-labels';

/**
 * What each column holds, counted over a sample of data rows: figures, CBS signs, text, CBS area
 * codes, digits-only codes, years, repeated values. Roles (area, period, indicator, …) and the
 * layout are decided from these counts, never from a column's position.
 */
export interface ColumnProfile {
  c: number;
  header: ColumnHeader;
  filled: number;
  empty: number;
  numbers: number;
  signs: number;
  texts: number;
  invalid: number;
  integers: number;
  years: number;
  /** Values that are CBS codes with a prefix (GM0363, WK036300) or NL00. */
  cbsCodes: number;
  /** Digits-only text values ("0344", "034401") and whether any keeps a leading zero. */
  digitCodes: number;
  leadingZeros: number;
  digitLengths: Set<number>;
  /** Values naming an area level: Gemeente, Wijk, Buurt, Land. */
  levelWords: number;
  distinct: Set<string>;
  maxTextLength: number;
  decimal: DecimalSeparatorVerdict;
  min: number;
  max: number;
}

const LEVEL_WORDS = /^(land|gemeente|wijk|buurt|stadsdeel|gebied|provincie|g|w|b)$/i;
const YEAR_TEXT = /^(19|20)\d{2}(JJ00)?\*{0,2}$/;
const MAX_DISTINCT = 5000;

export function profileColumns(grid: Grid, headers: readonly ColumnHeader[], rows: readonly number[]): ColumnProfile[] {
  return headers.map((header) => {
    const c = header.c;
    const p: ColumnProfile = {
      c, header, filled: 0, empty: 0, numbers: 0, signs: 0, texts: 0, invalid: 0, integers: 0, years: 0,
      cbsCodes: 0, digitCodes: 0, leadingZeros: 0, digitLengths: new Set(), levelWords: 0,
      distinct: new Set(), maxTextLength: 0, decimal: { separator: null, commaVotes: 0, pointVotes: 0, mixed: false },
      min: Infinity, max: -Infinity,
    };
    const votes: string[] = [];
    for (const r of rows) {
      const cell = grid.cell(r, c);
      const text = cell.text.trim();
      if (cell.value === undefined && text === '') {
        p.empty++;
        continue;
      }
      p.filled++;
      if (p.distinct.size < MAX_DISTINCT) p.distinct.add(text);
      p.maxTextLength = Math.max(p.maxTextLength, text.length);
      if (cell.value === undefined && /^\d+$/.test(text)) {
        p.digitCodes++;
        p.digitLengths.add(text.length);
        if (text.length > 1 && text.startsWith('0')) p.leadingZeros++;
      }
      if (cell.value === undefined) {
        if (/[A-Za-z]/.test(text) && normaliseAreaCode(text)) p.cbsCodes++;
        if (LEVEL_WORDS.test(text)) p.levelWords++;
        if (YEAR_TEXT.test(text)) p.years++;
        votes.push(text);
      } else if (cell.value >= 1900 && cell.value < 2100 && YEAR_TEXT.test(text)) p.years++; // a number is a year only as 1900–2099, shown as such
      const parsed = parseCell(cell);
      if (parsed.kind === 'number') {
        p.numbers++;
        if (Number.isInteger(parsed.value)) p.integers++;
        p.min = Math.min(p.min, parsed.value);
        p.max = Math.max(p.max, parsed.value);
      } else if (parsed.kind === 'sign') p.signs++;
      // "Wijk 01 West" and "9901A" hold digits but are names and codes, not broken figures.
      else if (parsed.kind === 'invalid' && /^[-−+€(.,\d]/.test(text) && !/[A-Za-z]{2}/.test(text)) p.invalid++;
      else p.texts++;
    }
    p.decimal = detectDecimalSeparator(votes);
    return p;
  });
}

/** Mostly figures or CBS signs (or nothing at all below a header): a column of measurements. */
export function isFigureColumn(p: ColumnProfile): boolean {
  if (p.filled === 0) return true;
  return (p.numbers + p.signs + p.invalid) / p.filled >= 0.6 && p.numbers + p.signs > 0 && !isCodeLike(p);
}

/** Digits that are identifiers, not amounts: leading zeros kept, all one length of 4/6/8. */
export function isCodeLike(p: ColumnProfile): boolean {
  return p.digitCodes > 0 && p.leadingZeros > 0 && p.digitCodes === p.filled;
}

/** Every filled value is a year (2019, "2019", StatLine's "2019JJ00"). */
export function isYearColumn(p: ColumnProfile): boolean {
  return p.filled > 0 && p.years === p.filled;
}

export function distinctRatio(p: ColumnProfile): number {
  return p.filled === 0 ? 0 : p.distinct.size / p.filled;
}
