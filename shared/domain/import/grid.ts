/**
 * The one shape every reader produces and every detector consumes: a sheet as a grid of cells,
 * each with the text as it stood in the file and, for workbook numbers, the stored value. Keeping
 * both lets provenance show the raw text while figures come from the exact stored number.
 */

export interface GridCell {
  r: number;
  c: number;
  /** The text as shown in the file (Excel's formatted text, or the CSV field); '' when empty. */
  text: string;
  /** The stored number for numeric workbook cells; absent for text, CSV fields and empty cells. */
  value?: number;
}

/** A merged range, inclusive, 0-based (as SheetJS reports `!merges`). */
export interface MergeRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface Grid {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  readonly merges: readonly MergeRange[];
  cell(r: number, c: number): GridCell;
}

export type CellInput = string | number | null | undefined;

/** A grid over plain rows, for tests and for readers that already hold rows in memory. */
export function gridFromRows(name: string, rows: readonly (readonly CellInput[])[], merges: readonly MergeRange[] = []): Grid {
  const cols = rows.reduce((m, row) => Math.max(m, row.length), 0);
  return {
    name,
    rows: rows.length,
    cols,
    merges,
    cell(r: number, c: number): GridCell {
      const v = rows[r]?.[c];
      if (typeof v === 'number') return { r, c, text: String(v), value: v };
      return { r, c, text: v ?? '' };
    },
  };
}

/** True when the cell holds nothing but whitespace. */
export function isBlank(cell: GridCell): boolean {
  return cell.value === undefined && cell.text.trim() === '';
}

/** The texts of one row from column `from` to the end, for detectors that look at whole rows. */
export function rowTexts(grid: Grid, r: number, from = 0): string[] {
  const out: string[] = [];
  for (let c = from; c < grid.cols; c++) out.push(grid.cell(r, c).text);
  return out;
}
