import * as XLSX from 'xlsx';
import type { GridCell, MergeRange } from '../../shared/domain/import/grid';
import { AppError } from '../../shared/errors';
import { gridRows, type Sheet } from './workbook-types';

/**
 * .xlsx/.xls/.ods through SheetJS (dense mode: rows as arrays, no per-cell address strings).
 * Each cell keeps Excel's formatted text (what the analyst saw, stored as the raw text) and, for
 * numbers, the stored value (what is imported). Text cells such as '0344' stay text. Date-formatted
 * numbers are exposed as their text only: a date is not a figure.
 */
type DenseSheet = XLSX.WorkSheet & { '!data'?: (XLSX.CellObject | undefined)[][] };

function cellOf(cell: XLSX.CellObject | undefined, r: number, c: number): GridCell {
  if (!cell || cell.t === 'z') return { r, c, text: '' };
  const text = cell.w ?? (cell.v === undefined || cell.v === null ? '' : String(cell.v));
  if (cell.t === 'n' && typeof cell.v === 'number') {
    const isDate = typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z);
    return isDate ? { r, c, text } : { r, c, text, value: cell.v };
  }
  return { r, c, text };
}

function toSheet(name: string, ws: DenseSheet): Sheet {
  const data = ws['!data'] ?? [];
  const range = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']) : { s: { r: 0, c: 0 }, e: { r: -1, c: -1 } };
  const merges: MergeRange[] = (ws['!merges'] ?? []).map((m) => ({ r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c }));
  return {
    name,
    rows: range.e.r + 1,
    cols: range.e.c + 1,
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

/** Cells per sheet from the workbook's own dimension, read without parsing the cells. */
export function sheetSizes(buf: Uint8Array): Array<{ name: string; cells: number }> {
  const wb = XLSX.read(buf, { type: 'buffer', sheetRows: 1, dense: true });
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name] as (XLSX.WorkSheet & { '!fullref'?: string }) | undefined;
    const ref = ws?.['!fullref'] ?? ws?.['!ref'];
    if (!ref) return { name, cells: 0 };
    const r = XLSX.utils.decode_range(ref);
    return { name, cells: (r.e.r - r.s.r + 1) * (r.e.c - r.s.c + 1) };
  });
}

export function readWithSheetJs(buf: Uint8Array, fileName: string): Sheet[] {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(buf, { type: 'buffer', dense: true, cellNF: true, cellDates: false });
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
