import { sheetjs, type XLSX } from '../sniff/sheetjs';
import type { GridCell, MergeRange } from '../../../shared/domain/import/grid';
import { AppError } from '../../../shared/errors';
import { decodeText } from './decode-text';
import type { SpreadsheetFormat } from '../sniff/sniff-file';
import { gridRows, type Sheet } from './workbook-types';

/**
 * .xlsx/.xls/.ods, and web pages or Excel 2003 XML saved as .xls, through SheetJS (dense mode:
 * rows as arrays, no per-cell address strings).
 * Each cell keeps Excel's formatted text (what the analyst saw, stored as the raw text) and, for
 * numbers, the stored value (what is imported). Text cells such as '0344' stay text. Date-formatted
 * numbers are exposed as their text only: a date is not a figure.
 */
type DenseSheet = XLSX.WorkSheet & { '!data'?: (XLSX.CellObject | undefined)[][] };

function cellOf(cell: XLSX.CellObject | undefined, r: number, c: number): GridCell {
  if (!cell || cell.t === 'z') return { r, c, text: '' };
  const text = cell.w ?? (cell.v === undefined || cell.v === null ? '' : String(cell.v));
  // With cellDates, date-formatted numbers arrive as type 'd' and so stay text here.
  if (cell.t === 'n' && typeof cell.v === 'number') return { r, c, text, value: cell.v };
  return { r, c, text };
}

/**
 * The extent of what is really in the sheet, and how many cells: the sheet's declared range (its
 * `<dimension>`, SheetJS's !ref) is a hint at most — LibreOffice declares A1:AB1048576 when whole
 * columns are formatted — so rows and columns end at the last cell with content, within that range.
 */
function extentOf(data: (XLSX.CellObject | undefined)[][], declared: { e: { r: number; c: number } }, merges: readonly MergeRange[]): { rows: number; cols: number; cells: number } {
  let rows = 0;
  let cols = 0;
  let cells = 0;
  const lastRow = Math.min(data.length, declared.e.r + 1);
  for (let r = 0; r < lastRow; r++) {
    const row = data[r];
    if (!row) continue;
    const end = Math.min(row.length, declared.e.c + 1);
    for (let c = 0; c < end; c++) {
      const cell = row[c];
      if (!cell || cell.t === 'z' || (cell.v === undefined && cell.w === undefined)) continue;
      cells++;
      rows = r + 1;
      if (c + 1 > cols) cols = c + 1;
    }
  }
  // A merged header reaches as far as its merge.
  for (const m of merges) if (m.r1 < rows) cols = Math.max(cols, Math.min(m.c2, declared.e.c) + 1);
  return { rows, cols, cells };
}

function toSheet(name: string, ws: DenseSheet): Sheet {
  const data = ws['!data'] ?? [];
  const range = ws['!ref'] ? sheetjs().utils.decode_range(ws['!ref']) : { s: { r: 0, c: 0 }, e: { r: -1, c: -1 } };
  const merges: MergeRange[] = (ws['!merges'] ?? []).map((m) => ({ r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c }));
  const extent = extentOf(data, range, merges);
  return {
    name,
    rows: extent.rows,
    cols: extent.cols,
    cellCount: extent.cells,
    merges,
    cell(r: number, c: number): GridCell {
      return cellOf(data[r]?.[c], r, c);
    },
    rowsAsync() {
      return gridRows(this);
    },
  };
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function readWithSheetJs(buf: Uint8Array, fileName: string, format: SpreadsheetFormat): Sheet[] {
  let wb: XLSX.WorkBook;
  try {
    // cellDates marks date cells by type instead of needing every number format (cellNF), which
    // costs a tenth of the parse on a national-sized workbook.
    // A web page is read as a CSV is: its text decoded here (UTF-8 or Windows-1252; SheetJS would
    // turn a Windows-1252 "Súdwest-Fryslân" into "S�dwest-Frysl�n") and its cells kept as text
    // (raw), for the importer to read Dutch numbers (SheetJS: "35.255" → 35.255, "22,4" → 224).
    const options = { dense: true, cellDates: true } as const;
    wb = format === 'html' ? sheetjs().read(decodeText(buf).text, { ...options, type: 'string', raw: true }) : sheetjs().read(buf, { ...options, type: 'buffer' });
  } catch (err) {
    const why = describe(err);
    if (/password|encrypt/i.test(why)) {
      throw new AppError('FILE_UNREADABLE', `${fileName} cannot be read: the workbook is password-protected; save it without a password and try again`, { file: fileName });
    }
    throw new AppError('FILE_UNREADABLE', `${fileName} cannot be read: the workbook is damaged or in an unknown format (${why})`, { file: fileName });
  }
  if (wb.SheetNames.length === 0) throw new AppError('FILE_UNREADABLE', `${fileName} cannot be read: the workbook has no sheets`, { file: fileName });
  return wb.SheetNames.map((name) => toSheet(name, wb.Sheets[name] as DenseSheet));
}
