import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openSheet } from '../../../main/import/open-sheet';
import { freshServices } from '../../helpers/services';
import { hasRealData, realFile } from '../../helpers/real-data';
import { commit, storedFigures, type StoredFigure } from './commit-helpers';

/**
 * A large .xlsx is streamed (ExcelJS: detection on its first rows, then read, parsed and written a
 * chunk at a time) where a small one is read whole (SheetJS). Both must import the same file to the
 * same figures: here the streaming threshold is lowered so the same files go both ways.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.WV_IMPORT_STREAM_MIN_CELLS;
});

/** Title, header, 1,500 buurten with a CBS sign now and then, an empty row in the middle, a note row among the data, footnotes. */
async function makeStreamableWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Buurten 2023');
  ws.addRow(['Kerncijfers buurten Utrecht 2023']);
  ws.addRow([]);
  ws.addRow(['Buurtcode', 'Buurtnaam', 'Inwoners', 'Koopwoningen (%)']);
  for (let i = 0; i < 1500; i++) {
    if (i === 700) ws.addRow([]);
    if (i === 900) ws.addRow(['* voorlopig: herzien in de volgende editie.']);
    const code = `BU0344${String(Math.floor(i / 100)).padStart(2, '0')}${String(i % 100).padStart(2, '0')}`;
    ws.addRow([code, `Buurt ${i}`, i % 97 === 0 ? '.' : 800 + i, i % 89 === 0 ? '-' : (i % 1000) / 10]);
  }
  ws.addRow([]);
  ws.addRow(['Bron: gemeente Utrecht, bewerking CBS-gegevens']);
  ws.addRow(['* voorlopige cijfers']);
  await wb.xlsx.writeFile(file);
}

async function importBothWays(file: string): Promise<{ grid: StoredFigure[]; stream: StoredFigure[] }> {
  const out: Record<string, StoredFigure[]> = {};
  for (const mode of ['grid', 'stream'] as const) {
    if (mode === 'stream') process.env.WV_IMPORT_STREAM_MIN_CELLS = '0';
    else delete process.env.WV_IMPORT_STREAM_MIN_CELLS;
    expect((await openSheet(file)).mode).toBe(mode);
    const s = freshServices();
    const r = await commit(s, { filePath: file, choices: { areas: { newAreas: 'create' } } });
    expect(r.committed).toBe(true);
    out[mode] = storedFigures(s, r.sourceId as number);
    s.close();
  }
  return { grid: out.grid as StoredFigure[], stream: out.stream as StoredFigure[] };
}

describe('streamed and whole-read workbooks import the same figures', () => {
  it('a generated workbook with a title, an empty row and a note row inside the data, and footnotes', async () => {
    const file = path.join(dir, 'buurten-2023.xlsx');
    await makeStreamableWorkbook(file);
    const { grid, stream } = await importBothWays(file);
    expect(stream).toEqual(grid);
    expect(grid).toHaveLength(3000);
    expect(grid.find((f) => f.cell === 'C4')).toMatchObject({ area: 'BU03440000', period: '2023', value: null, sign: 'unknown' });
    expect(grid.find((f) => f.cell === 'D4')).toMatchObject({ value: 0, sign: 'nil' });
    // The footnotes are not data, and the note row among the data does not end the table.
    expect(grid.some((f) => Number(f.cell?.slice(1)) > 1505)).toBe(false);
    expect(grid.find((f) => f.cell === 'C1505')).toMatchObject({ area: 'BU03441499' });
  });

  it.skipIf(!hasRealData)('CBS-Utrecht-kwb-2024.xlsx and the CBS table C1 of 2019', async () => {
    for (const name of ['CBS-Utrecht-kwb-2024.xlsx', 'Tabel C1 woningvoorraad 2019.xlsx']) {
      const { grid, stream } = await importBothWays(realFile(name));
      expect(stream.length).toBe(grid.length);
      expect(stream).toEqual(grid);
    }
  }, 120_000);
});
