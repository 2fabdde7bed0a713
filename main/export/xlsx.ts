import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import type { BriefingLayout, BriefingSource } from '../../shared/domain/briefing';
import { dateNl } from '../../shared/domain/briefing';

/**
 * A briefing table as a styled workbook: sheet "Tabel" in house style (bold caption and header, thin
 * borders, right-aligned numbers with a Dutch number format per cell, widths that fit, frozen header,
 * A4 with the header rows repeated on every page, footnotes and source line under the table) and
 * sheet "Verantwoording" with every source, the composition status, scenario parameters and the
 * app version. Numbers are numeric cells holding the exact stored value; rounding is in the format.
 * Text is always written as a string value, never as a formula, so "=HYPERLINK(…)" stays text.
 */

export interface XlsxMeta {
  appVersion: string;
  createdAt: Date;
  /** What the table was built from, e.g. "Vergelijking 'Wonen 2024'" or "Programmacijfers". */
  origin: string;
  /** Extra lines for the Verantwoording sheet (composition status, notes). */
  notes: string[];
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = 'Calibri';
// One object per style, shared by every cell that has it (ExcelJS keys its style table on them).
const BODY: Partial<ExcelJS.Font> = { name: FONT, size: 10 };
const BODY_BOLD: Partial<ExcelJS.Font> = { name: FONT, size: 10, bold: true };
const TOTAL_BOX: Partial<ExcelJS.Borders> = { ...BOX, top: { style: 'medium', color: { argb: 'FF000000' } } };
const ALIGN: Record<'left' | 'right', Partial<ExcelJS.Alignment>> = { left: { horizontal: 'left' }, right: { horizontal: 'right' } };

/** Rows of sheet "Tabel": which row holds what, for the tests and the print titles. */
export interface TableSheetRows {
  title: number;
  headerFirst: number;
  headerLast: number;
  bodyFirst: number;
  bodyLast: number;
  sourceLine: number;
}

function text(cell: ExcelJS.Cell, value: string): void {
  // A plain string value: ExcelJS writes it as a shared string (t="s"), never as a formula.
  cell.value = value;
}

export function fillTableSheet(ws: ExcelJS.Worksheet, layout: BriefingLayout): TableSheetRows {
  const n = layout.columns.length + 1;
  let r = 1;
  const title = r;
  text(ws.getCell(r, 1), layout.title);
  ws.getCell(r, 1).font = { name: FONT, bold: true, size: 12 };
  r++;
  if (layout.subtitle) {
    text(ws.getCell(r, 1), layout.subtitle);
    ws.getCell(r, 1).font = { name: FONT, italic: true, size: 10 };
    r++;
  }
  r++; // a blank line between caption and table
  const headerFirst = r;
  if (layout.unitHeading) {
    const c = ws.getCell(r, n);
    text(c, layout.unitHeading);
    c.font = { name: FONT, italic: true, size: 10 };
    c.alignment = { horizontal: 'right' };
    r++;
  }
  const header = ws.getRow(r);
  text(header.getCell(1), layout.stubHeader);
  layout.columns.forEach((col, i) => text(header.getCell(i + 2), col.header));
  for (let c = 1; c <= n; c++) {
    const cell = header.getCell(c);
    cell.font = { name: FONT, bold: true, size: 10 };
    cell.border = { ...BOX, bottom: { style: 'medium', color: { argb: 'FF000000' } } };
    cell.alignment = { horizontal: c === 1 ? 'left' : 'right', vertical: 'bottom', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  }
  const headerLast = r;
  r++;
  const bodyFirst = r;
  for (const row of layout.rows) {
    const xr = ws.getRow(r);
    const bold = row.kind !== 'data';
    const label = xr.getCell(1);
    text(label, row.label);
    label.font = bold ? BODY_BOLD : BODY;
    label.border = row.kind === 'total' ? TOTAL_BOX : BOX;
    row.cells.forEach((laid, i) => {
      const cell = xr.getCell(i + 2);
      if (laid.value !== null) {
        cell.value = laid.value;
        if (laid.numFmt) cell.numFmt = laid.numFmt;
      } else if (laid.text !== '') {
        text(cell, laid.text);
      }
      cell.font = bold ? BODY_BOLD : BODY;
      cell.alignment = ALIGN[laid.align];
      cell.border = row.kind === 'total' ? TOTAL_BOX : BOX;
    });
    if (row.kind === 'group') label.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    r++;
  }
  const bodyLast = r - 1;
  r++;
  const small = (value: string): void => {
    const c = ws.getCell(r, 1);
    text(c, value);
    c.font = { name: FONT, size: 8 };
    r++;
  };
  for (const f of layout.footnotes) small(`${f.marker} ${f.text}`);
  for (const l of layout.legend) small(`${l.sign}  ${l.text}`);
  const sourceLine = r;
  small(layout.sourceLine);

  ws.getColumn(1).width = layout.stubWidth;
  layout.columns.forEach((col, i) => {
    ws.getColumn(i + 2).width = col.width;
  });
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: headerLast, topLeftCell: `B${headerLast + 1}`, activeCell: `B${headerLast + 1}` }];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: layout.columns.length > 6 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerFirst}:${headerLast}`,
    margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&L&8&F&R&8Pagina &P van &N' };
  return { title, headerFirst, headerLast, bodyFirst, bodyLast, sourceLine };
}

const SOURCE_KIND: Record<BriefingSource['kind'], string> = {
  file: 'Bestand',
  document: 'Document',
  seed: 'Meegeleverd',
  scenario: 'Scenario',
  composition: 'Samenstelling',
  index: 'Samengestelde index',
};

export function fillAccountSheet(ws: ExcelJS.Worksheet, layout: BriefingLayout, sources: BriefingSource[], meta: XlsxMeta): void {
  let r = 1;
  const put = (values: (string | null)[], opts: { bold?: boolean; size?: number } = {}): void => {
    values.forEach((v, i) => {
      if (v === null) return;
      const c = ws.getCell(r, i + 1);
      text(c, v);
      c.font = { name: FONT, size: opts.size ?? 10, bold: opts.bold ?? false };
    });
    r++;
  };
  put([`Verantwoording bij ${layout.title}`], { bold: true, size: 12 });
  put([`Gemaakt met Wijkverkenner ${meta.appVersion} op ${dateNl(meta.createdAt.toISOString())} (${meta.createdAt.toISOString().slice(11, 16)} UTC).`]);
  put([`Uitgangspunt: ${meta.origin}.`]);
  put(['De cijfers in de tabel zijn de opgeslagen cijfers, onafgerond; de afronding zit alleen in de getalnotatie.']);
  if (layout.disclosure.flags.length > 0) {
    put([
      `Onthullingscontrole: ${layout.disclosure.flags.length} aantal(len) op buurtniveau kleiner dan ${layout.disclosure.threshold}` +
        (layout.disclosure.suppressed ? ', getoond als x en niet in het bestand opgenomen.' : ', wel getoond (niet onderdrukt).'),
    ]);
  }
  for (const note of meta.notes) put([note]);
  r++;
  put(['Bronnen'], { bold: true });
  put(['Bron', 'Soort', 'Bestand', 'Blad', 'SHA-256', 'Ingelezen op'], { bold: true });
  const sourcesFirst = r;
  for (const s of sources) {
    put([s.title, SOURCE_KIND[s.kind], s.file, s.sheet, s.sha256, s.importedAt]);
  }
  for (let row = sourcesFirst - 1; row < r; row++) for (let c = 1; c <= 6; c++) ws.getCell(row, c).border = BOX;
  const withDetails = sources.filter((s) => s.details.length > 0);
  if (withDetails.length > 0) {
    r++;
    put(['Parameters en samenstelling'], { bold: true });
    put(['Bron', 'Parameter', 'Waarde'], { bold: true });
    for (const s of withDetails) for (const d of s.details) put([s.title, d.label, d.value]);
  }
  ws.getColumn(1).width = 60;
  ws.getColumn(2).width = 28;
  ws.getColumn(3).width = 30;
  ws.getColumn(4).width = 16;
  ws.getColumn(5).width = 66;
  ws.getColumn(6).width = 26;
}

/**
 * ExcelJS, loaded on first use: loading it takes a quarter of a second, which every CLI command
 * paid at start (an import of the national workbook too) when only an export needs it.
 */
let excelJs: typeof ExcelJS | undefined;
function exceljs(): typeof ExcelJS {
  excelJs ??= createRequire(__filename)('exceljs') as typeof ExcelJS;
  return excelJs;
}

export async function renderXlsx(layout: BriefingLayout, sources: BriefingSource[], meta: XlsxMeta): Promise<Buffer> {
  const wb = new (exceljs().Workbook)();
  wb.creator = `Wijkverkenner ${meta.appVersion}`;
  wb.created = meta.createdAt;
  wb.modified = meta.createdAt;
  wb.title = layout.title;
  const ws = wb.addWorksheet('Tabel', { properties: { defaultRowHeight: 15 } });
  fillTableSheet(ws, layout);
  fillAccountSheet(wb.addWorksheet('Verantwoording'), layout, sources, meta);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
