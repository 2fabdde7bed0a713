import { sheetjs } from './sheetjs';
import { AppError } from '../../../shared/errors';
import { hasZipDirectory, zipEntries, zipEntryText } from './zip-directory';

/**
 * Decides what a file is from its bytes, not its name: analysts rename files, and a PNG called
 * "cijfers.xlsx" must be refused with a clear message rather than parsed into garbage. ZIP and
 * OLE containers are opened far enough to see whether they hold a workbook; an OLE container
 * with EncryptionInfo is how Excel stores a password-protected workbook. 'xls' covers every
 * binary Excel format before 2007: BIFF8 and BIFF5 in an OLE container, BIFF2–4 bare.
 */
export type SpreadsheetFormat = 'xlsx' | 'xls' | 'ods' | 'csv' | 'html' | 'xml';

const OTHER_FORMATS: ReadonlyArray<readonly [number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document'],
];

/** Text files are read as tables only under a table's name; a README.md is not data. */
const TEXT_TABLE_EXTENSIONS = new Set(['csv', 'txt', 'tsv', 'tab', 'dat', '']);

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

function notSpreadsheet(name: string, what: string): AppError {
  return new AppError('FILE_NOT_SPREADSHEET', `${name} is ${what}, not a spreadsheet (.xlsx, .xls, .ods, .csv or .txt)`, { file: name });
}

function unreadable(name: string, why: string): AppError {
  return new AppError('FILE_UNREADABLE', `${name} cannot be read: ${why}`, { file: name });
}

// SheetJS types its bundled CFB reader as `any`: the documented listing and lookup.
interface Container {
  FullPaths: string[];
}
interface CfbReader {
  read(buf: Uint8Array, opts: { type: 'buffer' }): Container;
  find(c: Container, path: string): { content?: Uint8Array } | null;
}
const cfb = (): CfbReader => sheetjs().CFB as CfbReader;

function openContainer(buf: Uint8Array, name: string, what: string): Container {
  try {
    return cfb().read(buf, { type: 'buffer' });
  } catch (err) {
    throw unreadable(name, `the ${what} is damaged (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** Entry paths below the root storage, whatever the writer named it (Excel: "Root Entry", SheetJS: "R"). */
function containerPaths(container: Container): string[] {
  return container.FullPaths.map((p) => p.replace(/^[^/]*\//, ''));
}

/**
 * The media type an OpenDocument package declares in its "mimetype" entry. The standard puts that
 * entry first and uncompressed, so it can be read at a fixed offset — but not every writer does
 * (SheetJS puts it in the middle), so it is looked up by name.
 */
function odfMediaType(zip: Buffer, name: string): string {
  const entry = zipEntries(zip)?.find((e) => e.path === 'mimetype');
  if (entry) return zipEntryText(zip, entry).trim();
  const found = cfb().find(openContainer(zip, name, 'ZIP archive'), 'mimetype');
  return found?.content ? Buffer.from(found.content).toString('utf8').trim() : '';
}

export function sniffFormat(buf: Uint8Array, name: string): SpreadsheetFormat {
  if (buf.length === 0) throw unreadable(name, 'the file is empty');
  for (const [magic, what] of OTHER_FORMATS) if (startsWith(buf, magic)) throw notSpreadsheet(name, what);

  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) {
    // The central directory lists the entries without inflating them. Without one the archive is
    // incomplete (cut off): which entries survive before the cut is chance, so it is damaged, not
    // "a ZIP without a workbook". ZIP64 archives fall back to SheetJS's reader.
    const zip = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (!hasZipDirectory(zip)) throw unreadable(name, 'the ZIP archive is damaged: it ends before its table of contents (the file is incomplete; copy or download it again)');
    const paths = zipEntries(zip)?.map((e) => e.path) ?? containerPaths(openContainer(buf, name, 'ZIP archive'));
    if (paths.some((p) => /^xl\/workbook\.(xml|bin)$/i.test(p))) return 'xlsx';
    if (paths.includes('content.xml') && paths.includes('mimetype')) {
      if (odfMediaType(zip, name).startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
      throw notSpreadsheet(name, 'an OpenDocument file other than a spreadsheet');
    }
    if (paths.some((p) => /^word\//.test(p))) throw notSpreadsheet(name, 'a Word document');
    if (paths.some((p) => /^ppt\//.test(p))) throw notSpreadsheet(name, 'a PowerPoint presentation');
    throw notSpreadsheet(name, 'a ZIP archive without a workbook in it');
  }

  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const paths = containerPaths(openContainer(buf, name, 'Office file'));
    if (paths.includes('EncryptionInfo') || paths.includes('EncryptedPackage')) {
      throw unreadable(name, 'the workbook is password-protected; save it without a password and try again');
    }
    if (paths.some((p) => /^(Workbook|Book)$/i.test(p))) return 'xls';
    if (paths.some((p) => /^WordDocument$/i.test(p))) throw notSpreadsheet(name, 'a Word document');
    throw notSpreadsheet(name, 'an Office container without a workbook in it');
  }

  // Excel 2.x–4.0 worksheets (BIFF2–4) predate the Office container: a bare stream of records,
  // opening with a BOF record (type 0x0009, 0x0209 or 0x0409) whose length is 4 to 16 bytes.
  // Old statistics packages still write them; SheetJS reads them.
  if (buf.length >= 8 && buf[0] === 0x09 && (buf[1] === 0x00 || buf[1] === 0x02 || buf[1] === 0x04) && buf[3] === 0x00 && (buf[2] as number) >= 4 && (buf[2] as number) <= 16) {
    return 'xls';
  }

  // Text: refuse binary content (NUL bytes outside a UTF-16 BOM) rather than "reading" it as CSV.
  const head = buf.subarray(0, Math.min(buf.length, 8192));
  const utf16 = startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff]);
  if (!utf16 && head.includes(0)) throw notSpreadsheet(name, 'a binary file');
  const start = Buffer.from(head).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  // "Export to Excel" in many web applications and older tools writes a web page or an Excel
  // 2003 XML workbook and calls it .xls: both are tables SheetJS reads.
  if (/^<\?xml/i.test(start) && start.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'xml';
  if (/^<(!doctype html|html|table)/i.test(start)) {
    const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (bytes.indexOf('<table') >= 0 || bytes.indexOf('<TABLE') >= 0) return 'html';
    throw notSpreadsheet(name, 'an HTML document without a table');
  }
  if (/^<(\?xml|svg)/i.test(start)) throw notSpreadsheet(name, 'an XML document other than an Excel 2003 workbook');
  if (/^[{[]/.test(start) && /\.json$/i.test(name)) throw notSpreadsheet(name, 'a JSON document');
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (!TEXT_TABLE_EXTENSIONS.has(ext)) throw notSpreadsheet(name, `a text file (.${ext})`);
  return 'csv';
}
