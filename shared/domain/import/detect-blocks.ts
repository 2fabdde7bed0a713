import { columnLetter } from './cell-address';
import { isBlank, type Grid, type GridCell, type MergeRange } from './grid';
import { isYearHeaderLike, profileRow, type RowProfile } from './row-profile';

/**
 * Several tables stacked in one sheet (issue 15, class 6): a block title row, a header, data, blank
 * rows, the next block. A block starts where, after blank rows, a header row (two or more cells,
 * not figures) is followed by data rows; rows of figures after a blank row belong to the block
 * above (a blank row inside one table). A sheet with one block is one table, as before; with
 * several, the import reads one block (or a range the analyst gives), never the sheet as one table.
 * Rows and columns are 0-based here.
 */
export interface SheetBlock {
  /** 1-based, in sheet order. */
  index: number;
  /** The block's title (the first title row's text), when it has one. */
  title: string | null;
  titleRows: number[];
  /** From its first header row to its last data row, and its columns. */
  r1: number;
  r2: number;
  c1: number;
  c2: number;
  /** As the analyst sees it: "B6:AB19". */
  range: string;
  dataRows: number;
}

/** A row with a figure or CBS sign in it (a code, a name and one figure is a data row too); a row of years is a header. */
function hasFigures(p: RowProfile): boolean {
  return p.numbers + p.signs > 0 && !isYearHeaderLike(p);
}

/** Two or more cells and no figures: the labels of a table's columns. */
function isHeaderRow(p: RowProfile): boolean {
  return p.nonEmpty >= 2 && !hasFigures(p);
}

/** Sheets larger than this are one table (stacked tables are small; this keeps large imports fast). */
const MAX_ROWS = 50_000;
const MAX_HEADER_ROWS = 4;

function rowIsBlank(grid: Grid, r: number): boolean {
  for (let c = 0; c < grid.cols; c++) if (!isBlank(grid.cell(r, c))) return false;
  return true;
}

export function detectBlocks(grid: Grid): SheetBlock[] {
  if (grid.rows > MAX_ROWS) return [];
  // Runs of non-blank rows.
  const segments: { from: number; to: number }[] = [];
  let start = -1;
  for (let r = 0; r <= grid.rows; r++) {
    const blank = r === grid.rows || rowIsBlank(grid, r);
    if (!blank && start < 0) start = r;
    if (blank && start >= 0) {
      segments.push({ from: start, to: r - 1 });
      start = -1;
    }
  }
  if (segments.length < 2) return [];

  interface Draft { titleRows: number[]; r1: number; r2: number; firstData: number }
  const drafts: Draft[] = [];
  let pendingTitles: number[] = [];
  for (const s of segments) {
    const profiles = [];
    for (let r = s.from; r <= Math.min(s.to, s.from + MAX_HEADER_ROWS + 3); r++) profiles.push(profileRow(grid, r));
    const header = profiles.findIndex(isHeaderRow);
    const firstData = header < 0 ? profiles.findIndex(hasFigures) : profiles.findIndex((p, i) => i > header && hasFigures(p));
    if (header >= 0 && firstData > header && firstData - header <= MAX_HEADER_ROWS) {
      const titles = profiles.slice(0, header).map((p) => p.r);
      drafts.push({ titleRows: [...pendingTitles, ...titles], r1: s.from + header, r2: s.to, firstData: s.from + firstData });
      pendingTitles = [];
    } else if (firstData === 0 && drafts.length > 0) {
      // Figures after a blank row: the same table goes on.
      (drafts[drafts.length - 1] as Draft).r2 = s.to;
      pendingTitles = [];
    } else if (firstData < 0) {
      // Titles or notes: the next block's title, if a block follows.
      pendingTitles = profiles.filter((p) => p.nonEmpty > 0).map((p) => p.r).slice(0, 3);
    } else {
      pendingTitles = [];
    }
  }
  if (drafts.length < 2) return [];
  return drafts.map((d, i) => {
    let c1 = grid.cols;
    let c2 = -1;
    for (let r = d.r1; r <= d.r2; r++) {
      const p = profileRow(grid, r);
      if (p.nonEmpty === 0) continue;
      c1 = Math.min(c1, p.first);
      c2 = Math.max(c2, p.last);
    }
    // The title nearest the header is the block's own (a sheet title may stand above the first).
    const title = d.titleRows.length > 0 ? profileRow(grid, d.titleRows[d.titleRows.length - 1] as number).firstText : null;
    return {
      index: i + 1,
      title,
      titleRows: d.titleRows,
      r1: d.r1,
      r2: d.r2,
      c1,
      c2,
      range: `${columnLetter(c1)}${d.r1 + 1}:${columnLetter(c2)}${d.r2 + 1}`,
      dataRows: d.r2 - d.firstData + 1,
    };
  });
}

/** "B6:AB19" → 0-based bounds; null when it is not a range. */
export function parseRange(range: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const m = /^([A-Z]{1,3})([1-9]\d*):([A-Z]{1,3})([1-9]\d*)$/i.exec(range.trim());
  if (!m) return null;
  const col = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const a = { r: Number(m[2]) - 1, c: col(m[1] as string) };
  const b = { r: Number(m[4]) - 1, c: col(m[3] as string) };
  return { r1: Math.min(a.r, b.r), r2: Math.max(a.r, b.r), c1: Math.min(a.c, b.c), c2: Math.max(a.c, b.c) };
}

/**
 * The sheet with only a part of it: cells outside the bounds (and outside the extra rows, a block's
 * title) read as blank, rows below it end the sheet. Cells keep their own row and column, so every
 * figure still names its cell in the sheet.
 */
export function maskGrid(grid: Grid, b: { r1: number; c1: number; r2: number; c2: number }, extraRows: readonly number[] = []): Grid {
  const extra = new Set(extraRows);
  const inside = (r: number, c: number): boolean => (r >= b.r1 && r <= b.r2 && c >= b.c1 && c <= b.c2) || (extra.has(r) && c >= b.c1 && c <= b.c2);
  const merges: MergeRange[] = grid.merges.filter((m) => inside(m.r1, m.c1) && inside(m.r2, m.c2));
  return {
    name: grid.name,
    rows: Math.min(grid.rows, b.r2 + 1),
    cols: Math.min(grid.cols, b.c2 + 1),
    merges,
    cell(r: number, c: number): GridCell {
      return inside(r, c) ? grid.cell(r, c) : { r, c, text: '' };
    },
  };
}
