import ExcelJS from 'exceljs';
import type { GridCell } from '../../shared/domain/import/grid';
import { AppError } from '../../shared/errors';
import type { SheetRow } from './workbook-types';

/**
 * Streams an .xlsx row by row with ExcelJS's WorkbookReader, without holding the workbook in
 * memory: on a national-KWB-sized file it reads every cell faster than SheetJS parses it, with a
 * fraction of the memory (see the importer notes), so a commit can insert while it reads.
 *
 * Differences from the SheetJS reader, on purpose: the text of a numeric cell is the number as
 * stored (String(value)), not Excel's display format — ExcelJS does not render number formats —
 * and merged-cell information is not available. Layout detection therefore runs on the SheetJS
 * grid (or on the first rows collected from this stream); this reader feeds the row walk.
 */
export interface StreamedRow extends SheetRow {
  sheet: string;
}

type CellValue = ExcelJS.CellValue;

function cellOf(r: number, c: number, v: CellValue): GridCell | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return { r, c, text: String(v), value: v };
  if (typeof v === 'string') return { r, c, text: v };
  if (typeof v === 'boolean') return { r, c, text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { r, c, text: v.toISOString().slice(0, 10) };
  if ('richText' in v) return { r, c, text: v.richText.map((t) => t.text).join('') };
  if ('error' in v) return { r, c, text: String(v.error) };
  if ('result' in v) return cellOf(r, c, (v.result ?? null) as CellValue);
  if ('text' in v) return { r, c, text: String(v.text) };
  return { r, c, text: String(v) };
}

/** Which sheet to stream: ExcelJS knows a sheet by its name when the workbook part names it, else only as "SheetN" after its part. */
export interface SheetPick {
  name: string;
  partNo: number | null;
}

function picks(pick: SheetPick, ws: { name?: string; id?: number | string }): boolean {
  if (ws.name === pick.name) return true;
  return pick.partNo !== null && ws.name === `Sheet${pick.partNo}` && String(ws.id) === String(pick.partNo);
}

/**
 * @param sheets which sheets to stream (by name, or one sheet as named in the workbook with its
 *   part number); all when omitted. Streaming stops once a single picked sheet has been read.
 */
export async function* streamXlsxRows(filePath: string, sheets?: readonly string[] | SheetPick): AsyncGenerator<StreamedRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  try {
    for await (const ws of reader) {
      // The reader's worksheet objects carry their name once the workbook part has been read.
      const sheet = ws as unknown as { name?: string; id?: number | string };
      const name = sheet.name ?? '';
      const wanted = !sheets || (Array.isArray(sheets) ? sheets.includes(name) : picks(sheets as SheetPick, sheet));
      for await (const row of ws) {
        if (!wanted) continue;
        const r = row.number - 1;
        const cells: GridCell[] = [];
        const values = row.values as CellValue[];
        for (let i = 1; i < values.length; i++) {
          const cell = cellOf(r, i - 1, values[i]);
          if (cell && (cell.value !== undefined || cell.text !== '')) cells.push(cell);
        }
        yield { sheet: wanted && sheets && !Array.isArray(sheets) ? (sheets as SheetPick).name : name, r, cells };
      }
      if (wanted && sheets && !Array.isArray(sheets)) return;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const name = filePath.replace(/^.*[\\/]/, '');
    throw new AppError('FILE_UNREADABLE', `${name} cannot be read: ${err instanceof Error ? err.message : String(err)}`, { file: name });
  }
}
