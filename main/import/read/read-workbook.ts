import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { readCsv } from './read-csv';
import { readWithSheetJs } from './read-sheetjs';
import { sniffFormat } from '../sniff/sniff-file';
import { MIN_CELL_BYTES, xlsxSheetDimensions } from './xlsx-dimensions';
import { zipEntries } from '../sniff/zip-directory';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_CELLS, type FileInfo, type ReadOptions, type Workbook } from './workbook-types';

/**
 * The importer's front door: any supported file → a Workbook of uniform Sheets, with the file's
 * sha256 (so the same file is recognised next time) and, for text files, the detected encoding and
 * separator. Refuses, with a message naming the file, anything too large, password-protected,
 * damaged or not a spreadsheet at all — before parsing where it can, so memory stays bounded.
 */
function fmtBytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** A measured size, in kB below a megabyte. */
function fmtMeasured(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} kB` : fmtBytes(n);
}

export function sha256(buf: Uint8Array): string {
  return createHash('sha256').update(buf).digest('hex');
}

/** A file read into memory and identified, not yet parsed. */
export interface LoadedFile {
  buf: Buffer;
  file: FileInfo;
}

/** Reads and identifies a file: refuses it when too large, unreadable or not a spreadsheet. */
export async function loadFile(filePath: string, opts: ReadOptions = {}): Promise<LoadedFile> {
  const name = path.basename(filePath);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const st = await stat(filePath);
    if (!st.isFile()) throw new AppError('FILE_UNREADABLE', `${name} cannot be read: it is not a file`, { file: name });
    size = st.size;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('FILE_UNREADABLE', `${name} cannot be read: ${err instanceof Error ? err.message : String(err)}`, { file: name });
  }
  if (size > maxBytes) {
    throw new AppError('FILE_TOO_LARGE', `${name} is ${fmtBytes(size)}; files over ${fmtBytes(maxBytes)} are refused`, { file: name });
  }

  let buf: Buffer;
  try {
    buf = await readFile(filePath);
  } catch (err) {
    throw new AppError('FILE_UNREADABLE', `${name} cannot be read: ${err instanceof Error ? err.message : String(err)}`, { file: name });
  }
  const format = sniffFormat(buf, name);
  return { buf, file: { path: filePath, name, sizeBytes: size, sha256: sha256(buf), format } };
}

/** The most a shared-strings part may hold, uncompressed (every text cell's text, once). */
export const MAX_SHARED_STRINGS_BYTES = 512 * 1024 * 1024;

/**
 * An .xlsx whose parts could not be within the limits, refused before anything is expanded: a
 * sheet whose XML is larger than several times the cell limit could need (its declared
 * `<dimension>` is a hint only and decides nothing here), or a string table over its limit. The
 * cells themselves are counted while they are read.
 */
export function checkXlsxSize(loaded: LoadedFile, maxCells: number): void {
  const { buf, file } = loaded;
  const dims = xlsxSheetDimensions(buf) ?? [];
  const over = dims.find((d) => d.maxCells > 4 * maxCells);
  if (over) {
    const part = over.path.replace(/^.*\//, '');
    const bytes = over.maxCells * MIN_CELL_BYTES;
    throw new AppError('FILE_TOO_LARGE', `${file.name}: ${part} is ${fmtMeasured(bytes)} of XML uncompressed, room for up to ${over.maxCells.toLocaleString('en')} cells; the limit is ${maxCells.toLocaleString('en')} cells`, { file: file.name });
  }
  const strings = (zipEntries(buf) ?? []).find((e) => /^xl\/sharedStrings\.xml$/i.test(e.path));
  if (strings && strings.uncompressed > MAX_SHARED_STRINGS_BYTES) {
    throw new AppError('FILE_TOO_LARGE', `${file.name}: its string table (sharedStrings.xml) is ${fmtMeasured(strings.uncompressed)} uncompressed; the limit is ${fmtBytes(MAX_SHARED_STRINGS_BYTES)}`, { file: file.name });
  }
}

/** Parses a loaded file into uniform Sheets (the whole workbook in memory). */
export function parseLoaded(loaded: LoadedFile, opts: ReadOptions = {}): Workbook {
  const { buf, file } = loaded;
  const name = file.name;
  const maxCells = opts.maxCells ?? DEFAULT_MAX_CELLS;
  if (file.format === 'csv') {
    const sheetName = name.replace(/\.[^.]+$/, '');
    const { sheet, info } = readCsv(buf, name, sheetName, opts, maxCells);
    return { file, sheets: [sheet], csv: info };
  }
  // Check the declared size of each sheet before expanding any of them (xlsx only: the others
  // are checked once parsed).
  if (file.format === 'xlsx') checkXlsxSize(loaded, maxCells);
  const sheets = readWithSheetJs(buf, name, file.format);
  // The cells really there, counted as the sheets were taken over from the parse.
  const over = sheets.find((s) => (s.cellCount ?? s.rows * s.cols) > maxCells);
  if (over) {
    throw new AppError('FILE_TOO_LARGE', `${name}: sheet "${over.name}" has ${(over.cellCount ?? over.rows * over.cols).toLocaleString('en')} cells; the limit is ${maxCells.toLocaleString('en')}`, {
      file: name,
      sheet: over.name,
    });
  }
  return { file, sheets };
}

export async function readWorkbook(filePath: string, opts: ReadOptions = {}): Promise<Workbook> {
  return parseLoaded(await loadFile(filePath, opts), opts);
}
