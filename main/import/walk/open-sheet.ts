import type { PipelineInput, PreviewFile } from '../../../shared/domain/import/build-preview';
import type { Grid } from '../../../shared/domain/import/grid';
import { RowGrid, type GridRow } from '../../../shared/domain/import/row-grid';
import { AppError } from '../../../shared/errors';
import { countCellTags } from '../read/count-cell-tags';
import { checkXlsxSize, loadFile, parseLoaded, type LoadedFile } from '../read/read-workbook';
import { streamXlsxRows } from '../read/stream-xlsx-rows';
import type { StepBatch } from '../thread/step-batch';
import type { Walked } from '../thread/reader-walk';
import { readerWorkerPath, readInWorker } from '../thread/reader-thread';
import { likelyCells, likelyRows, type SheetDimension } from '../read/xlsx-dimensions';
import { xlsxSheets, type XlsxSheet } from '../read/xlsx-sheets';
import { DEFAULT_MAX_CELLS, type CsvInfo, type FileInfo, type ReadOptions } from '../read/workbook-types';

/**
 * One sheet of a file, ready to import. Most files are read whole (SheetJS, or the CSV reader) and
 * the importer works on the grid. A large .xlsx is streamed instead (ExcelJS): its first rows come
 * as a grid for layout detection and the rest as a stream of rows, so a commit reads, parses and
 * writes in one pass with bounded memory. Which way a file goes depends on its size only, so a
 * preview and a commit of the same file always read it the same way.
 */
export const HEAD_ROWS = 1000;

/** Cells from which an .xlsx sheet is streamed; WV_IMPORT_STREAM_MIN_CELLS lowers it (tests, tuning). */
export function streamMinCells(): number {
  const env = Number(process.env.WV_IMPORT_STREAM_MIN_CELLS);
  return Number.isFinite(env) && env >= 0 && process.env.WV_IMPORT_STREAM_MIN_CELLS !== '' ? env : 1_000_000;
}

/**
 * The cells that decide how a sheet is read (streamed from a million): its declared range, unless
 * that range is implausibly small for its XML — under 1/64th of the cells the XML can hold, so
 * nearly a kilobyte per declared cell. Then the range is no hint but a lie (a zip bomb declares
 * A1:B2 over hundreds of megabytes) and the XML's size decides, so the cells really there are
 * counted while streaming instead of expanding it all at once.
 */
export function readingSize(d: SheetDimension): number {
  const declared = likelyCells(d);
  return declared * 64 < d.maxCells ? d.maxCells : declared;
}

export interface OpenSheetOptions extends ReadOptions {
  /** The sheet to import; the first when omitted. */
  sheet?: string | undefined;
  /**
   * What the import matches against (a commit): a streamed sheet is then walked in the thread
   * that reads it (reader-walk), where there is one.
   */
  walk?: PipelineInput | undefined;
}

/** The walk in the reading thread, seen from the import's thread (see reader-walk). */
export interface RemoteWalk {
  /** Whether the reading thread walks the sheet (a wide table), once it has decided. */
  walking: () => Promise<boolean>;
  steps: AsyncGenerator<StepBatch>;
  walked: () => Walked | null;
  close: () => void;
}

interface OpenedCommon {
  file: FileInfo;
  csv?: CsvInfo;
  sheetNames: string[];
  sheet: string;
}

export type OpenedSheet =
  | (OpenedCommon & { mode: 'grid'; grid: Grid })
  | (OpenedCommon & { mode: 'stream'; head: RowGrid; headRows: GridRow[]; rest: AsyncGenerator<GridRow>; totalRows: number | null; cells: number | null; remote?: RemoteWalk; close: () => void });

export function previewFileOf(opened: Pick<OpenedCommon, 'file' | 'csv'>): PreviewFile {
  const { file, csv } = opened;
  return { name: file.name, sha256: file.sha256, format: file.format, sizeBytes: file.sizeBytes, encoding: csv?.encoding ?? null, separator: csv?.separator ?? null };
}

/** How many cells the sheet holds — for a streamed sheet its declared dimension where that fits in its XML, else the most its XML can hold: an upper bound on its figures. */
export function sheetCells(opened: OpenedSheet): number {
  return opened.mode === 'grid' ? opened.grid.rows * opened.grid.cols : (opened.cells ?? 0);
}

function pick<T>(file: string, names: readonly string[], items: readonly T[], wanted: string | undefined): T {
  const i = wanted === undefined ? 0 : names.indexOf(wanted);
  const item = items[i];
  if (i < 0 || item === undefined) {
    throw new AppError('NOT_FOUND', `${file} has no sheet "${wanted ?? ''}"; its sheets are: ${names.join(', ')}`, { file, ...(wanted ? { sheet: wanted } : {}) });
  }
  return item;
}

async function openStream(loaded: LoadedFile, sheets: XlsxSheet[], sheet: XlsxSheet, maxCells: number, walk: PipelineInput | undefined): Promise<OpenedSheet> {
  const { file } = loaded;
  const pick = { name: sheet.name, partNo: sheet.partNo };
  const sheetNames = sheets.map((s) => s.name);
  const reader = readerWorkerPath();
  const request = walk ? { input: walk, file: previewFileOf({ file }), sheetNames, sheet: sheet.name, headRows: HEAD_ROWS } : null;
  const thread = reader ? readInWorker(reader, file.path, pick, request ? { request, maxCells } : null) : null;
  const rows = thread ? thread.rows : streamXlsxRows(file.path, pick);
  const head = new RowGrid(sheet.name);
  const headRows: GridRow[] = [];
  let carry: GridRow | undefined;
  let cells = 0;
  const counted = (row: GridRow): GridRow => {
    cells += row.cells.length;
    if (cells > maxCells) throw new AppError('FILE_TOO_LARGE', `${file.name}: sheet "${sheet.name}" has more than ${maxCells.toLocaleString('en')} cells; the limit is ${maxCells.toLocaleString('en')}`, { file: file.name, sheet: sheet.name });
    return row;
  };
  for (;;) {
    const next = await rows.next();
    if (next.done) break;
    const row = counted({ r: next.value.r, cells: next.value.cells });
    if (row.r >= HEAD_ROWS) {
      carry = row;
      break;
    }
    head.add(row);
    headRows.push(row);
  }
  async function* rest(): AsyncGenerator<GridRow> {
    if (thread && request) {
      // The reading thread decides whether it walks; if not, the rest comes as rows.
      if (await thread.walking()) return;
      for await (const r of thread.rest) yield counted({ r: r.r, cells: r.cells });
      return;
    }
    if (!carry) return;
    yield carry;
    for await (const r of rows) yield counted({ r: r.r, cells: r.cells });
  }
  const remote = thread && request ? { walking: thread.walking, steps: thread.steps, walked: thread.walked, close: thread.close } : undefined;
  return {
    mode: 'stream', file, sheetNames, sheet: sheet.name, head, headRows, rest: rest(),
    // The declared dimension is a hint: its rows only where the range fits in the sheet's XML.
    totalRows: sheet.dimension ? likelyRows(sheet.dimension) : null, cells: sheet.dimension ? likelyCells(sheet.dimension) : null, ...(remote ? { remote } : {}),
    // Stops the reading, also when the import ends before it has read everything (a file already in).
    close: () => {
      void rows.return(undefined);
      thread?.close();
    },
  };
}

/** Stops what an opened sheet still reads (a streamed sheet's thread); nothing for a sheet read whole. */
export function closeSheet(opened: OpenedSheet): void {
  if (opened.mode === 'stream') opened.close();
}

export async function openSheet(filePath: string, opts: OpenSheetOptions = {}): Promise<OpenedSheet> {
  const loaded = await loadFile(filePath, opts);
  const maxCells = opts.maxCells ?? DEFAULT_MAX_CELLS;
  if (loaded.file.format === 'xlsx') {
    checkXlsxSize(loaded, maxCells);
    const sheets = xlsxSheets(loaded.buf);
    if (sheets) {
      const sheet = pick(loaded.file.name, sheets.map((s) => s.name), sheets, opts.sheet);
      const size = sheet.dimension ? readingSize(sheet.dimension) : 0;
      // A range that is not believed: count the cells first (a zip bomb is refused in a second).
      if (sheet.dimension && size !== likelyCells(sheet.dimension) && ((await countCellTags(loaded.buf, sheet.path, maxCells)) ?? 0) > maxCells) {
        throw new AppError('FILE_TOO_LARGE', `${loaded.file.name}: sheet "${sheet.name}" has more than ${maxCells.toLocaleString('en')} cells; the limit is ${maxCells.toLocaleString('en')}`, { file: loaded.file.name, sheet: sheet.name });
      }
      if (size >= streamMinCells()) return openStream(loaded, sheets, sheet, maxCells, opts.walk);
    }
  }
  const wb = parseLoaded(loaded, opts);
  const names = wb.sheets.map((s) => s.name);
  const grid = pick(wb.file.name, names, wb.sheets, opts.sheet);
  return { mode: 'grid', file: wb.file, ...(wb.csv ? { csv: wb.csv } : {}), sheetNames: names, sheet: grid.name, grid };
}
