import type { Grid, GridCell, MergeRange } from './grid';

/**
 * A grid built from rows as a streaming reader yields them (non-empty cells only). It serves the
 * head of a sheet for layout detection, and a sliding window of rows for the walk: rows are added
 * as they arrive and dropped once walked, so a national-sized sheet never sits in memory whole.
 */
export interface GridRow {
  /** 0-based row index. */
  r: number;
  /** The row's non-empty cells, left to right. */
  cells: GridCell[];
}

export class RowGrid implements Grid {
  readonly merges: readonly MergeRange[] = [];
  rows = 0;
  cols = 0;
  private readonly byRow = new Map<number, (GridCell | undefined)[]>();

  constructor(readonly name: string) {}

  add(row: GridRow): void {
    const cells: (GridCell | undefined)[] = [];
    for (const cell of row.cells) cells[cell.c] = cell;
    this.byRow.set(row.r, cells);
    if (row.r + 1 > this.rows) this.rows = row.r + 1;
    if (cells.length > this.cols) this.cols = cells.length;
  }

  /** Forget the rows before `r` (already walked). */
  dropBefore(r: number): void {
    for (const k of this.byRow.keys()) if (k < r) this.byRow.delete(k);
  }

  cell(r: number, c: number): GridCell {
    return this.byRow.get(r)?.[c] ?? { r, c, text: '' };
  }
}
