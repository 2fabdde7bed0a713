import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { expect } from 'vitest';
import { zipEntries, zipEntryText } from '../../main/import/sniff/zip-directory';

/**
 * Reading exported briefing files back as a colleague's Excel would, for the integration and e2e
 * tests alike: the workbook through ExcelJS, the raw parts of the package, a cell's text as Dutch
 * Excel shows it (its number format applied to its value), and CSV under Dutch conventions.
 */

export interface ReadBack {
  wb: ExcelJS.Workbook;
  table: ExcelJS.Worksheet;
  account: ExcelJS.Worksheet;
  /** xl/workbook.xml and the table sheet's XML, to see what ExcelJS's reader might smooth over. */
  workbookXml: string;
  sheetXml: string;
}

export async function readXlsx(buf: Buffer): Promise<ReadBack> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const table = wb.getWorksheet('Tabel');
  const account = wb.getWorksheet('Verantwoording');
  if (!table || !account) throw new Error(`sheets: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const entries = zipEntries(buf) ?? [];
  const text = (name: string): string => {
    const e = entries.find((x) => x.path === name);
    return e ? zipEntryText(buf, e) : '';
  };
  return { wb, table, account, workbookXml: text('xl/workbook.xml'), sheetXml: text('xl/worksheets/sheet1.xml') };
}

/** What Dutch Excel shows for a value under a number format: the format applied, separators swapped. */
export function dutchShown(numFmt: string, value: number): string {
  const en = XLSX.SSF.format(numFmt, value);
  return en.replace(/(\d)([.,])(?=\d)/g, (_m: string, d: string, sep: string) => `${d}${sep === ',' ? '.' : ','}`);
}

/** Every non-empty cell of a sheet as text (strings as they are), row by row. */
export function sheetTexts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(typeof c.value === 'string' ? c.value : String(c.value))));
  return out;
}

/** The row whose first cell is `label`. */
export function rowByLabel(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && row.getCell(1).value === label) found = row;
  });
  if (!found) throw new Error(`no row "${label}" in ${ws.name}`);
  return found;
}

export interface HouseStyleExpectation {
  caption: string;
  /** Header row: the stub's heading, then each column's. */
  headers: string[];
  sourceLine: string | RegExp;
  /** Sources the Verantwoording sheet must list (titles or file names). */
  sources: string[];
}

/**
 * The house-style checks every exported workbook must pass: bold caption, bold header with borders,
 * frozen under the header, A4 with the header rows as print titles, source line under the table,
 * every string cell a string (never a formula), and a Verantwoording sheet with the sources.
 * Returns the header row number.
 */
export function expectHouseStyle(r: ReadBack, e: HouseStyleExpectation): number {
  const ws = r.table;
  expect(ws.getCell('A1').value).toBe(e.caption);
  expect(ws.getCell('A1').font?.bold).toBe(true);
  const header = rowByLabel(ws, e.headers[0] as string);
  const headerCells = e.headers.map((_, i) => header.getCell(i + 1));
  expect(headerCells.map((c) => c.value)).toEqual(e.headers);
  for (const c of headerCells) {
    expect(c.font?.bold).toBe(true);
    expect(c.border?.bottom?.style).toBe('medium');
    expect(c.border?.left?.style).toBe('thin');
  }
  const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
  expect(view?.state).toBe('frozen');
  expect(view?.ySplit).toBe(header.number);
  expect(ws.pageSetup.paperSize).toBe(9);
  expect(ws.pageSetup.printTitlesRow).toMatch(new RegExp(`^\\d+:${header.number}$`));
  // The print titles as Excel stores them: a defined name _xlnm.Print_Titles on the sheet.
  expect(r.workbookXml).toMatch(new RegExp(`_xlnm\\.Print_Titles" localSheetId="0">(&apos;)?Tabel(&apos;)?!\\$\\d+:\\$${header.number}<`));
  // No formula anywhere in the table sheet.
  expect(r.sheetXml).not.toMatch(/<f[ >]/);
  const texts = sheetTexts(ws);
  if (typeof e.sourceLine === 'string') expect(texts).toContain(e.sourceLine);
  else expect(texts.some((t) => (e.sourceLine as RegExp).test(t))).toBe(true);
  const account = sheetTexts(r.account);
  expect(account[0]).toBe(`Verantwoording bij ${e.caption}`);
  expect(account.some((t) => /^Gemaakt met Wijkverkenner \d+\.\d+\.\d+/.test(t))).toBe(true);
  for (const s of e.sources) expect(account.some((t) => t.includes(s))).toBe(true);
  return header.number;
}

/** A CSV as Dutch Excel reads it: BOM, `;`, quotes, decimal comma (no grouping). */
export function parseDutchCsv(buf: Buffer): { bom: boolean; rows: string[][]; number: (s: string) => number | null } {
  const text = buf.toString('utf8');
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  const number = (s: string): number | null => (/^-?\d+(,\d+)?(e[+-]?\d+)?$/i.test(s) ? Number(s.replace(',', '.')) : null);
  return { bom, rows, number };
}
