import type { Grid, GridCell } from '../../../shared/domain/import/grid';
import type { TextEncoding } from './decode-text';
import type { SpreadsheetFormat } from '../sniff/sniff-file';

/**
 * What the readers hand to the rest of the importer. A Sheet is a Grid (random access, for layout
 * detection and the preview) that can also be consumed as a stream of rows, so a later commit can
 * overlap reading with writing; the streaming xlsx reader produces the stream without the grid.
 */
export interface SheetRow {
  /** 0-based row index (in a CSV: the physical line minus one). */
  r: number;
  /** The row's non-empty cells, left to right. */
  cells: GridCell[];
}

export interface Sheet extends Grid {
  rowsAsync(): AsyncIterable<SheetRow>;
  /** Cells with content, counted while the sheet was read (where the reader counts them). */
  cellCount?: number;
}

export interface FileInfo {
  path: string;
  name: string;
  sizeBytes: number;
  sha256: string;
  format: SpreadsheetFormat;
}

export interface CsvInfo {
  encoding: TextEncoding;
  encodingDetected: boolean;
  separator: string;
  separatorDetected: boolean;
  lineEnding: 'crlf' | 'lf' | 'cr' | 'none';
  lines: number;
}

export interface Workbook {
  file: FileInfo;
  sheets: Sheet[];
  /** Present for .csv/.txt: what was detected (or forced), for the preview to show. */
  csv?: CsvInfo;
}

export interface ReadOptions {
  /** Force a text encoding instead of detecting it. */
  encoding?: TextEncoding;
  /** Force a CSV separator (';', ',', '\t', '|') instead of detecting it. */
  separator?: string;
  /** Refuse files larger than this (default 200 MB). */
  maxBytes?: number;
  /** Refuse sheets with more cells than this (default 10 million). */
  maxCells?: number;
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
export const DEFAULT_MAX_CELLS = 10_000_000;

/** Streams any Grid row by row (non-empty cells only); for readers that hold the grid already. */
export async function* gridRows(grid: Grid): AsyncGenerator<SheetRow> {
  for (let r = 0; r < grid.rows; r++) {
    const cells: GridCell[] = [];
    for (let c = 0; c < grid.cols; c++) {
      const cell = grid.cell(r, c);
      if (cell.value !== undefined || cell.text !== '') cells.push(cell);
    }
    yield { r, cells };
  }
}
