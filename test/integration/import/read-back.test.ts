import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { hasRealData, realDataSkipReason, realFile } from '../../helpers/real-data';
import { previewFile, type Previewed } from './preview-helpers';

/**
 * Every figure the importer reads is checked against its cell as read by a different library:
 * papaparse for CSV (one record per physical line in these files), ExcelJS for xlsx. The raw
 * text must be the cell's text, and the value what that text (or stored number) says — so a wrong
 * address, an off-by-one row or a misread separator cannot hide behind matching totals.
 */
const SIGN_TEXT: Record<string, string[]> = { unknown: ['.', ''], secret: ['x', 'X'], nil: ['-', '–'], cannot_occur: [''] };

function independentNumber(text: string, decimal: ',' | '.'): number {
  const t = text.trim();
  return Number(decimal === ',' ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, ''));
}

function checkCsv(p: Previewed, file: string): number {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { delimiter: p.workbook.csv?.separator ?? ';', skipEmptyLines: false });
  const lines = text.split(/\r?\n/).length - (/\r?\n$/.test(text) ? 1 : 0);
  // These files have no line breaks inside fields, so record i is physical line i + 1.
  expect(parsed.data.length - (parsed.data[parsed.data.length - 1]?.join('') === '' ? 1 : 0)).toBe(lines);
  const decimal = p.preview.decimalSeparator ?? '.';
  let checked = 0;
  for (const f of p.figures.values()) {
    const field = parsed.data[f.r]?.[f.c];
    expect(field, `cell r${f.r} c${f.c}`).toBe(f.raw);
    if (f.parsed.kind === 'number') expect(f.parsed.value).toBe(independentNumber(field ?? '', decimal));
    else if (f.parsed.kind === 'sign') expect(SIGN_TEXT[f.parsed.sign]).toContain((field ?? '').trim());
    else throw new Error(`unexpected ${f.parsed.kind} at r${f.r} c${f.c}`);
    checked++;
  }
  return checked;
}

async function checkXlsx(p: Previewed, file: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no worksheet');
  let checked = 0;
  for (const f of p.figures.values()) {
    const v = ws.getRow(f.r + 1).getCell(f.c + 1).value;
    if (f.parsed.kind === 'number') expect(v, `r${f.r} c${f.c}`).toBe(f.parsed.value);
    else if (f.parsed.kind === 'sign') expect(SIGN_TEXT[f.parsed.sign]).toContain(v === null ? '' : String(v));
    else throw new Error(`unexpected ${f.parsed.kind} at r${f.r} c${f.c}`);
    checked++;
  }
  return checked;
}

describe.skipIf(!hasRealData)(`read-back of every figure (${hasRealData ? 'real files present' : realDataSkipReason})`, () => {
  it.each([
    'SES_WOA_scores_per_wijk_en_buurt_25042023_160857.csv',
    'Nabijheid_voorzieningen__afstand_locatie__wijk__en_buurtcijfers_2021_17012023_183355.csv',
    'data.csv',
    'WijkEenzaamheid2016.csv',
    'bbga_latest_and_greatest-stadsdelen.csv',
  ])('%s', async (name) => {
    const p = await previewFile(realFile(name));
    const checked = checkCsv(p, realFile(name));
    expect(checked).toBe(p.preview.figures.total);
    expect(checked).toBeGreaterThan(800);
  });

  it.each(['CBS-Utrecht-kwb-2024.xlsx', 'Tabel C1 woningvoorraad 2019.xlsx'])('%s', async (name) => {
    const p = await previewFile(realFile(name));
    const checked = await checkXlsx(p, realFile(name));
    expect(checked).toBe(p.preview.figures.total);
    expect(checked).toBeGreaterThan(10_000);
  });
});
