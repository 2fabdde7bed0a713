import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { GridCell } from '../../../shared/domain/import/grid';
import { AppError } from '../../../shared/errors';
import type { SheetRow } from './workbook-types';
import { SharedStringsParser, SheetXmlParser, type RowSink } from './xlsx-sheet-xml';
import { xlsxSheets, type XlsxSheet } from './xlsx-sheets';
import { zipEntries, type ZipEntry } from '../sniff/zip-directory';

/**
 * Streams an .xlsx row by row without holding the sheet in memory: the file is read once into a
 * buffer, the sheet's part is inflated a slice at a time (zlib) and its XML tokenised as it comes
 * (htmlparser2, see xlsx-sheet-xml.ts), so rows are yielded while the rest is still compressed and
 * a commit can insert while it reads. It replaced ExcelJS's WorkbookReader, which took about three
 * times as long on a national-KWB-sized sheet, and reads cells the way that reader did (see
 * xlsx-sheet-xml.ts for the few places where it was wrong).
 *
 * Differences from the SheetJS reader, on purpose: the text of a numeric cell is the number as
 * stored (String(value)), not Excel's display format — number formats are not rendered — and
 * merged-cell information is not available. Layout detection therefore runs on the SheetJS grid
 * (or on the first rows collected from this stream); this reader feeds the row walk.
 */
export interface StreamedRow extends SheetRow {
  sheet: string;
}

/** Which sheet to stream: by its name in the workbook; the number in its part's file name ("sheet3.xml") finds it where no sheet has that name. */
export interface SheetPick {
  name: string;
  partNo: number | null;
}

/** Compressed bytes handed to zlib at a time; inflated text comes in chunks of INFLATED bytes. */
const SLICE = 64 * 1024;
const INFLATED = 256 * 1024;

function* slices(data: Buffer): Generator<Buffer> {
  for (let at = 0; at < data.length; at += SLICE) yield data.subarray(at, at + SLICE);
}

/** A part's bytes, inflated a chunk at a time (the XML parsers decode them; see XmlPart.write). */
async function* partBytes(buf: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (entry.dataStart + entry.compressed > buf.length) throw new Error(`${entry.path} runs past the end of the file`);
  const data = buf.subarray(entry.dataStart, entry.dataStart + entry.compressed);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += INFLATED) yield data.subarray(at, at + INFLATED);
  } else if (entry.method === 8) {
    // Fed a slice at a time through a pipe, so inflating waits while the parser is behind: memory
    // stays at a few chunks however large the sheet's XML is.
    const inflate = zlib.createInflateRaw({ chunkSize: INFLATED });
    const source = Readable.from(slices(data), { objectMode: false });
    source.pipe(inflate);
    try {
      for await (const chunk of inflate) yield chunk as Buffer;
    } finally {
      source.destroy();
      inflate.destroy();
    }
  } else {
    throw new Error(`${entry.path} is compressed with method ${entry.method}, which this reader does not support`);
  }
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** The sharedStrings part: as the workbook's relationships name it, else where Excel puts it; null when the workbook has none. */
async function sharedStringsEntry(buf: Buffer, byPath: Map<string, ZipEntry>): Promise<ZipEntry | null> {
  const rels = byPath.get('xl/_rels/workbook.xml.rels');
  if (rels) {
    const chunks: Buffer[] = [];
    for await (const chunk of partBytes(buf, rels)) chunks.push(chunk);
    const xml = Buffer.concat(chunks).toString('utf8');
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const type = attr(m[0], 'Type');
      const target = attr(m[0], 'Target');
      if (!type?.endsWith('/sharedStrings') || !target) continue;
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      const entry = byPath.get(path);
      if (!entry) throw new Error(`its shared strings part ${path} is missing`);
      return entry;
    }
  }
  return byPath.get('xl/sharedStrings.xml') ?? null;
}

async function readSharedStrings(buf: Buffer, byPath: Map<string, ZipEntry>): Promise<string[]> {
  const entry = await sharedStringsEntry(buf, byPath);
  if (!entry) return [];
  const parser = new SharedStringsParser();
  for await (const chunk of partBytes(buf, entry)) parser.write(chunk);
  parser.end();
  return parser.strings;
}

function chosen(all: XlsxSheet[], sheets?: readonly string[] | SheetPick): XlsxSheet[] {
  if (!sheets) return all;
  if (Array.isArray(sheets)) return all.filter((s) => sheets.includes(s.name));
  const pick = sheets as SheetPick;
  const one = all.find((s) => s.name === pick.name) ?? (pick.partNo === null ? undefined : all.find((s) => s.partNo === pick.partNo));
  return one ? [one] : [];
}

/**
 * The reader's engine, for whoever wants the rows in another shape than GridCells (the reader
 * thread packs them into typed arrays): each picked sheet's rows go to the sink made for it, and
 * the generator yields after each chunk of XML, once that chunk's rows are in the sink.
 */
export async function* feedXlsxRows(filePath: string, sheets: readonly string[] | SheetPick | undefined, sinkFor: (sheet: string) => RowSink): AsyncGenerator<void> {
  const fileName = filePath.replace(/^.*[\\/]/, '');
  try {
    const buf = await readFile(filePath);
    const entries = zipEntries(buf);
    const all = entries ? xlsxSheets(buf) : null;
    if (!entries || !all) throw new Error('its workbook parts cannot be found (not an .xlsx, or damaged)');
    const byPath = new Map(entries.map((e) => [e.path, e]));
    const picked = chosen(all, sheets);
    if (picked.length === 0) return;
    const sharedStrings = await readSharedStrings(buf, byPath);
    for (const sheet of picked) {
      const entry = byPath.get(sheet.path);
      if (!entry) throw new Error(`the part of sheet "${sheet.name}" (${sheet.path}) is missing`);
      const parser = new SheetXmlParser(sharedStrings, sinkFor(sheets && !Array.isArray(sheets) ? (sheets as SheetPick).name : sheet.name));
      for await (const chunk of partBytes(buf, entry)) {
        parser.write(chunk);
        yield;
      }
      parser.end();
      yield;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('FILE_UNREADABLE', `${fileName} cannot be read: ${err instanceof Error ? err.message : String(err)}`, { file: fileName });
  }
}

/**
 * Whether a number's text as written is the text String() gives its value: a plain decimal of at
 * most 15 characters without superfluous zeros ("12", "-0.5", not "012", "1.50", "1E3", "-0" or
 * "0.0000001") — then it is used as is, without converting the number back to text. (At most 15
 * significant digits round-trip, and below 1e21 and from 1e-6 on String() writes no exponent.)
 */
function isCanonical(t: string): boolean {
  const len = t.length;
  if (len === 0 || len > 15) return false;
  let i = t.charCodeAt(0) === 45 ? 1 : 0;
  const intStart = i;
  let ch = 0;
  while (i < len && (ch = t.charCodeAt(i)) >= 48 && ch <= 57) i++;
  const intLen = i - intStart;
  if (intLen === 0) return false;
  const zeroInt = t.charCodeAt(intStart) === 48;
  if (zeroInt && intLen > 1) return false;
  if (i === len) return !(zeroInt && intStart === 1);
  if (ch !== 46) return false;
  const fracStart = ++i;
  while (i < len && (ch = t.charCodeAt(i)) >= 48 && ch <= 57) i++;
  if (i !== len || i === fracStart || ch === 48) return false;
  if (zeroInt) {
    let z = fracStart;
    while (t.charCodeAt(z) === 48) z++;
    if (z - fracStart >= 6) return false;
  }
  return true;
}

/** Rows as GridCells, collected until the reader's generator takes them. */
class GridRows implements RowSink {
  readonly numberTexts = true;
  rows: StreamedRow[] = [];
  constructor(private readonly sheet: string) {}

  row(r: number, n: number, cols: Int32Array, nums: Float64Array, texts: readonly string[]): void {
    const cells: GridCell[] = [];
    for (let j = 0; j < n; j++) {
      const c = cols[j] as number;
      const v = nums[j] as number;
      const text = texts[j] as string;
      cells.push(v === v ? { r, c, text: isCanonical(text) ? text : String(v), value: v } : { r, c, text });
    }
    this.rows.push({ sheet: this.sheet, r, cells });
  }
}

/**
 * @param sheets which sheets to stream (by name, or one sheet as named in the workbook with its
 *   part number); all, in workbook order, when omitted.
 */
export async function* streamXlsxRows(filePath: string, sheets?: readonly string[] | SheetPick): AsyncGenerator<StreamedRow> {
  let sink: GridRows | null = null;
  for await (const _ of feedXlsxRows(filePath, sheets, (sheet) => (sink = new GridRows(sheet)))) {
    const s = sink as GridRows | null;
    if (!s || s.rows.length === 0) continue;
    const rows = s.rows;
    s.rows = [];
    yield* rows;
  }
}
