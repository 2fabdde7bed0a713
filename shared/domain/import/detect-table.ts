import { parseCell } from '../numbers/parse-cell';
import type { Grid } from './grid';
import { isDataLike, isFootnoteLike, isYearHeaderLike, profileRow, type RowProfile } from './row-profile';

/**
 * Finds the table inside a sheet: title and note rows above, the header (one row or several),
 * the data rows, footnotes below ("Bron: CBS") and columns that are empty throughout. Rows are
 * 0-based here; the preview turns them into the row numbers the analyst sees.
 */
export interface TableRegion {
  titleRows: number[];
  headerRows: number[];
  firstDataRow: number;
  lastDataRow: number;
  footnoteRows: number[];
  firstCol: number;
  lastCol: number;
  emptyCols: number[];
  /** Columns whose cells below the header are mostly figures: a row with figures there is data, not a note. */
  bodyColumns: number[];
  /** Texts of title and footnote rows, in order: often the only place a period or source is named. */
  titles: string[];
  footnotes: string[];
}

const HEAD_SCAN = 200;
const MAX_HEADER_ROWS = 10;

/** Columns whose cells below the header are mostly figures or CBS signs. */
function numericColumns(grid: Grid, from: number, to: number): Set<number> {
  const out = new Set<number>();
  for (let c = 0; c < grid.cols; c++) {
    let filled = 0;
    let figures = 0;
    for (let r = from; r < to; r++) {
      const cell = grid.cell(r, c);
      if (cell.value === undefined && cell.text.trim() === '') continue;
      filled++;
      const k = parseCell(cell).kind;
      if (k === 'number' || k === 'sign') figures++;
    }
    if (filled > 0 && figures / filled >= 0.6) out.add(c);
  }
  return out;
}

/** Within the columns that hold figures, does this row hold figures (not their labels)? */
function rowFitsBody(grid: Grid, p: RowProfile, numeric: ReadonlySet<number>): boolean {
  if (isYearHeaderLike(p)) return false;
  let filled = 0;
  let figures = 0;
  for (const c of numeric) {
    const cell = grid.cell(p.r, c);
    if (cell.value === undefined && cell.text.trim() === '') continue;
    filled++;
    const k = parseCell(cell).kind;
    if (k === 'number' || k === 'sign') figures++;
  }
  return filled > 0 && figures * 2 >= filled;
}

export function detectTable(grid: Grid): TableRegion {
  const scan = Math.min(grid.rows, HEAD_SCAN);
  const head: RowProfile[] = [];
  for (let r = 0; r < scan; r++) head.push(profileRow(grid, r));

  const firstFilled = head.find((p) => p.nonEmpty > 0);
  const firstCol = Math.min(...head.filter((p) => p.nonEmpty > 0).map((p) => p.first), grid.cols);
  // The header starts at the first row that is wide, or whose single cell is not in the first
  // column (a spanning group label such as StatLine's "Wijken en buurten").
  const headerStart = head.find((p) => p.nonEmpty >= 2 || (p.nonEmpty === 1 && p.first > firstCol))?.r ?? firstFilled?.r ?? 0;

  const guess = head.find((p) => p.r > headerStart && isDataLike(p))?.r ?? headerStart + 1;
  const numeric = numericColumns(grid, guess, Math.min(grid.rows, guess + 100));
  let firstDataRow = headerStart + 1;
  if (numeric.size > 0) {
    const fit = head.find((p) => p.r >= headerStart && p.nonEmpty > 0 && rowFitsBody(grid, p, numeric));
    firstDataRow = fit ? fit.r : guess;
  }
  // Merged header cells that reach further down keep those rows in the header.
  for (const m of grid.merges) {
    if (m.r1 >= headerStart && m.r1 < firstDataRow && m.r2 >= firstDataRow && m.r2 < headerStart + MAX_HEADER_ROWS) firstDataRow = m.r2 + 1;
  }

  const titleRows: number[] = [];
  const headerRows: number[] = [];
  for (const p of head) {
    if (p.r >= firstDataRow || p.nonEmpty === 0) continue;
    if (p.r < headerStart) titleRows.push(p.r);
    else headerRows.push(p.r);
  }
  // A header taller than anyone would make is title text stacked above the real header.
  while (headerRows.length > MAX_HEADER_ROWS) titleRows.push(headerRows.shift() as number);

  let lastDataRow = grid.rows - 1;
  const footnoteRows: number[] = [];
  while (lastDataRow >= firstDataRow) {
    const trailer = trailerRow(grid, lastDataRow, numeric);
    if (trailer === 'data') break;
    if (trailer === 'note') footnoteRows.unshift(lastDataRow);
    lastDataRow--;
  }

  const { lastCol, emptyCols } = columnExtent(grid, [...headerRows, ...sampleRows(firstDataRow, lastDataRow)], firstCol);
  const text = (r: number) => profileRow(grid, r).firstText;
  return {
    titleRows,
    headerRows,
    firstDataRow,
    lastDataRow,
    footnoteRows,
    firstCol: firstCol === grid.cols ? 0 : firstCol,
    lastCol,
    emptyCols,
    bodyColumns: [...numeric].sort((a, b) => a - b),
    titles: titleRows.map(text),
    footnotes: footnoteRows.map(text),
  };
}

/**
 * How a row reads at the bottom of a table: empty, a note ("Bron: CBS", "* voorlopig") or data.
 * The footnotes are the run of empty and note rows at the very end; a streamed sheet holds such
 * runs back until it knows whether data follows, so both readers find the same footnotes.
 */
export function trailerRow(grid: Grid, r: number, body: ReadonlySet<number>): 'empty' | 'note' | 'data' {
  const p = profileRow(grid, r);
  if (p.nonEmpty === 0) return 'empty';
  return isFootnoteLike(p) && !(body.size > 0 && rowFitsBody(grid, p, body)) ? 'note' : 'data';
}

/** Up to ~600 rows: the first 300, the last 100 and an even spread in between. */
export function sampleRows(first: number, last: number): number[] {
  const out: number[] = [];
  if (last < first) return out;
  const total = last - first + 1;
  if (total <= 600) {
    for (let r = first; r <= last; r++) out.push(r);
    return out;
  }
  for (let r = first; r < first + 300; r++) out.push(r);
  const step = Math.ceil((total - 400) / 200);
  for (let r = first + 300; r <= last - 100; r += step) out.push(r);
  for (let r = last - 99; r <= last; r++) out.push(r);
  return out;
}

function columnExtent(grid: Grid, rows: number[], firstCol: number): { lastCol: number; emptyCols: number[] } {
  const filled = new Array<boolean>(grid.cols).fill(false);
  for (const r of rows) {
    for (let c = 0; c < grid.cols; c++) {
      if (filled[c]) continue;
      const cell = grid.cell(r, c);
      if (cell.value !== undefined || cell.text.trim() !== '') filled[c] = true;
    }
  }
  const lastCol = filled.lastIndexOf(true);
  const emptyCols: number[] = [];
  for (let c = Math.max(0, firstCol); c <= lastCol; c++) if (!filled[c]) emptyCols.push(c);
  return { lastCol: Math.max(lastCol, 0), emptyCols };
}
