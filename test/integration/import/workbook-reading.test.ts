import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readWorkbook } from '../../../main/import/read/read-workbook';
import { streamXlsxRows } from '../../../main/import/read/stream-xlsx-rows';
import { xlsxSheetDimensions } from '../../../main/import/read/xlsx-dimensions';
import { AppError } from '../../../shared/errors';
import { hasRealData, realDataSkipReason, realFile } from '../../helpers/real-data';
import { makeCbsSizedWorkbook } from '../../fixtures/make-cbs-sized-workbook';

/**
 * The two xlsx readers agree cell for cell, the pre-parse size check reads what Excel declares,
 * text cells such as '0344' stay text, and every file gets its sha256.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasRealData)(`xlsx reading (${hasRealData ? 'real files present' : realDataSkipReason})`, () => {
  it('reads the declared sheet size without parsing', () => {
    expect(xlsxSheetDimensions(readFileSync(realFile('CBS-Utrecht-kwb-2024.xlsx')))).toEqual([
      expect.objectContaining({ path: 'xl/worksheets/sheet1.xml', cells: 123 * 121 }),
    ]);
    expect(xlsxSheetDimensions(readFileSync(realFile('Tabel C1 woningvoorraad 2019.xlsx')))?.[0]?.cells).toBe(56480 * 9);
  });

  it('keeps text with leading zeros as text, numbers with their value, and hashes the file', async () => {
    const wb = await readWorkbook(realFile('CBS-Utrecht-kwb-2024.xlsx'));
    const s = wb.sheets[0];
    expect(s?.name).toBe('Gemeente-Utrecht');
    expect(s?.cell(1, 1)).toEqual({ r: 1, c: 1, text: '0344' });
    expect(s?.cell(1, 7)).toEqual({ r: 1, c: 7, text: '374238', value: 374238 });
    expect(wb.file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(wb.file.sha256).toBe((await readWorkbook(realFile('CBS-Utrecht-kwb-2024.xlsx'))).file.sha256);
  });

  it('streams the same cells as SheetJS reads', async () => {
    const file = realFile('CBS-Utrecht-kwb-2024.xlsx');
    const grid = (await readWorkbook(file)).sheets[0];
    if (!grid) throw new Error('no sheet');
    let cells = 0;
    let rows = 0;
    for await (const row of streamXlsxRows(file)) {
      expect(row.sheet).toBe('Gemeente-Utrecht');
      rows++;
      for (const cell of row.cells) {
        const other = grid.cell(cell.r, cell.c);
        expect(cell.value, `r${cell.r} c${cell.c}`).toBe(other.value);
        if (cell.value === undefined) expect(cell.text).toBe(other.text);
        cells++;
      }
    }
    expect(rows).toBe(grid.rows);
    expect(cells).toBe(123 * 121);
  });
});

describe('cell types', () => {
  it('keeps dates, booleans and errors as text, never as figures', async () => {
    const ws = XLSX.utils.aoa_to_sheet([['peildatum', 'waar', 'fout', 'getal'], [new Date(Date.UTC(2024, 0, 1)), true, null, 12.5]], { cellDates: true });
    ws['C2'] = { t: 'e', v: 0x2a, w: '#N/A' };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Blad1');
    const file = path.join(dir, 'typen.xlsx');
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', cellDates: true }) as Buffer);
    const s = (await readWorkbook(file)).sheets[0];
    expect(s?.cell(1, 0).value).toBeUndefined();
    expect(s?.cell(1, 0).text).toMatch(/2024|24/);
    expect(s?.cell(1, 1)).toEqual({ r: 1, c: 1, text: 'TRUE' });
    expect(s?.cell(1, 2)).toEqual({ r: 1, c: 2, text: '#N/A' });
    expect(s?.cell(1, 3)).toEqual({ r: 1, c: 3, text: '12.5', value: 12.5 });
  });
});

describe('size checks on a workbook without a declared dimension', () => {
  it('refuses up front when its data could not fit the limit, and reads it otherwise', async () => {
    const file = path.join(dir, 'kwb-klein.xlsx');
    await makeCbsSizedWorkbook(file, { rows: 200, cols: 20 });
    expect(xlsxSheetDimensions(readFileSync(file))?.[0]?.cells).toBeUndefined();
    const err = await readWorkbook(file, { maxCells: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/^kwb-klein\.xlsx: sheet1\.xml is [\d.]+ kB of XML uncompressed, room for up to [\d,]+ cells; the limit is 100 cells$/);
    const wb = await readWorkbook(file);
    expect(wb.sheets[0]).toMatchObject({ rows: 201, cols: 20 });
    // And when the bound allows parsing, the parsed size is checked afterwards.
    const after = await readWorkbook(file, { maxCells: 4000 }).catch((e: unknown) => e);
    expect((after as AppError).message).toMatch(/sheet "kwb" has 4,020 cells; the limit is 4,000/);
  });
});
