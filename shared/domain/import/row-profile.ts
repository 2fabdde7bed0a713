import { parseCell } from '../numbers/parse-cell';
import type { Grid } from './grid';

/**
 * What a row looks like at a glance: how many cells are figures, CBS signs or text, and where
 * its content starts and ends. Layout detection reasons over these profiles, not over raw cells.
 */
export interface RowProfile {
  r: number;
  nonEmpty: number;
  numbers: number;
  /** Numbers that look like years (1900–2100, whole): a header row of years is not data. */
  years: number;
  signs: number;
  texts: number;
  /** First and last non-empty column, -1 when the row is empty. */
  first: number;
  last: number;
  /** Text of the first non-empty cell, for title and footnote recognition. */
  firstText: string;
}

const YEAR = /^(19|20)\d{2}\*{0,2}$/;

export function profileRow(grid: Grid, r: number): RowProfile {
  const p: RowProfile = { r, nonEmpty: 0, numbers: 0, years: 0, signs: 0, texts: 0, first: -1, last: -1, firstText: '' };
  for (let c = 0; c < grid.cols; c++) {
    const cell = grid.cell(r, c);
    const text = cell.text.trim();
    if (cell.value === undefined && text === '') continue;
    p.nonEmpty++;
    if (p.first < 0) {
      p.first = c;
      p.firstText = text;
    }
    p.last = c;
    const parsed = parseCell(cell);
    if (parsed.kind === 'number') {
      p.numbers++;
      if (YEAR.test(text) || (cell.value !== undefined && Number.isInteger(cell.value) && cell.value >= 1900 && cell.value <= 2100)) p.years++;
    } else if (parsed.kind === 'sign') p.signs++;
    else p.texts++;
  }
  return p;
}

/** Most cells are figures or CBS signs, and not merely a row of years. */
export function isDataLike(p: RowProfile): boolean {
  const figures = p.numbers + p.signs;
  if (figures === 0 || figures * 2 < p.nonEmpty) return false;
  return !isYearHeaderLike(p);
}

/** "Gebied | 2020 | 2021 | 2022*": every figure is a year and there is at most one text cell. */
export function isYearHeaderLike(p: RowProfile): boolean {
  return p.numbers >= 2 && p.years === p.numbers && p.signs === 0 && p.texts <= 2;
}

const NOTE = /^(bron|bronnen|source|sources|noot|noten|note|notes|toelichting|opmerking|verklaring|\*|\d+\)|\(\d+\)|[a-z]\)|voetnoot|cijfers|gegevens|peildatum|copyright|©)/i;

/** A row below the data that is a note: "Bron: CBS", "* voorlopige cijfers", a long sentence. */
export function isFootnoteLike(p: RowProfile): boolean {
  if (p.nonEmpty === 0) return false;
  if (p.nonEmpty <= 2 && NOTE.test(p.firstText)) return true;
  return p.nonEmpty === 1 && p.numbers === 0 && p.signs === 0 && (p.firstText.length > 30 || /[.:]$/.test(p.firstText));
}
