import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportReport } from '../../../shared/contract/import';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSheet } from '../../../main/import/walk/open-sheet';
import { freshServices } from '../../helpers/services';
import { buildJobsWorker } from '../../helpers/worker-bundle';
import { hasRealData, realFile } from '../../helpers/real-data';
import { commit, fingerprint, storedFigures, type StoredFigure } from './commit-helpers';

/**
 * A large .xlsx is streamed (ExcelJS: detection on its first rows, then read, parsed and written a
 * chunk at a time) where a small one is read whole (SheetJS). Both must import the same file to the
 * same figures: here the streaming threshold is lowered so the same files go both ways.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.WV_IMPORT_STREAM_MIN_CELLS;
  delete process.env.WV_IMPORT_READER_WORKER;
});

// The app's job worker bundle, as scripts/build.mjs makes it: the xlsx reader thread runs in it.
let workerPath = '';
beforeAll(async () => {
  workerPath = await buildJobsWorker('reader');
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

/** A long table (period, area code, variable, value): not walked as it streams, in either thread. */
async function makeLongWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Lang');
  ws.addRow(['jaar', 'gwb_code', 'variabele', 'waarde']);
  for (let i = 0; i < 1200; i++) {
    const code = `BU0344${String(Math.floor(i / 100)).padStart(2, '0')}${String(i % 100).padStart(2, '0')}`;
    ws.addRow([2022 + (i % 2), code, 'a_inw', i % 53 === 0 ? '.' : 700 + i]);
    ws.addRow([2022 + (i % 2), code, 'a_woning', 300 + i]);
  }
  await wb.xlsx.writeFile(file);
}

type Mode = 'grid' | 'stream' | 'stream, read in a worker thread';

/** What the report says about the file, whichever way it was read (the walk may run in the reading thread). */
const said = (r: ImportReport) => ({ ...r, sourceId: null, elapsedMs: 0, mapping: null });

async function importEachWay(file: string): Promise<Record<Mode, StoredFigure[]>> {
  const out: Partial<Record<Mode, StoredFigure[]>> = {};
  const reports: ImportReport[] = [];
  for (const mode of ['grid', 'stream', 'stream, read in a worker thread'] as const) {
    if (mode === 'grid') delete process.env.WV_IMPORT_STREAM_MIN_CELLS;
    else process.env.WV_IMPORT_STREAM_MIN_CELLS = '0';
    process.env.WV_IMPORT_READER_WORKER = mode === 'stream, read in a worker thread' ? workerPath : '';
    expect((await openSheet(file)).mode).toBe(mode === 'grid' ? 'grid' : 'stream');
    const s = freshServices();
    const r = await commit(s, { filePath: file, choices: { areas: { newAreas: 'create' } } });
    expect(r.committed).toBe(true);
    out[mode] = storedFigures(s, r.sourceId as number);
    reports.push(r);
    s.close();
  }
  // The same counts, issues (with their cells) and table bounds, each way.
  expect(said(reports[1] as ImportReport)).toEqual(said(reports[0] as ImportReport));
  expect(said(reports[2] as ImportReport)).toEqual(said(reports[0] as ImportReport));
  return out as Record<Mode, StoredFigure[]>;
}

describe('streamed and whole-read workbooks import the same figures', () => {
  it('totals rows at the top and the bottom are checked the same way each way (issue 15, class 3)', async () => {
    const file = path.join(dir, 'buurten-totalen-2023.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Buurten 2023');
    ws.addRow(['Buurtcode', 'Buurtnaam', 'Inwoners']);
    const values = Array.from({ length: 1200 }, (_, i) => 800 + i);
    const sum = values.reduce((a, b) => a + b, 0);
    ws.addRow([null, 'Totaal', sum]);
    values.forEach((v, i) => ws.addRow([`BU0344${String(Math.floor(i / 100)).padStart(2, '0')}${String(i % 100).padStart(2, '0')}`, `Buurt ${i}`, v]));
    ws.addRow([null, 'Buurten totaal', sum + 5_000]);
    await wb.xlsx.writeFile(file);
    const { grid, stream, 'stream, read in a worker thread': threaded } = await importEachWay(file);
    expect(stream).toEqual(grid);
    expect(threaded).toEqual(grid);
    expect(grid).toHaveLength(1200);
    const s = freshServices();
    try {
      const r = await commit(s, { filePath: file });
      expect(r.issues.filter((i) => i.kind === 'total_checked' || i.kind === 'total_mismatch').map((i) => i.message)).toEqual([
        'B2: "Totaal" equals the sum of the 1,200 rows below it in 1 count column',
        // Within 0.1% would pass as rounding; 5,000 of 1,679,400 is not.
        `C1203: "Buurten totaal" gives ${(sum + 5_000).toLocaleString('en')}, but the 1,200 rows above it add up to ${sum.toLocaleString('en')} (a difference of 5,000)`,
      ]);
    } finally {
      s.close();
    }
  }, 180_000);

  it('a generated workbook with a title, an empty row and a note row inside the data, and footnotes', async () => {
    const file = path.join(dir, 'buurten-2023.xlsx');
    await makeStreamableWorkbook(file);
    const { grid, stream, 'stream, read in a worker thread': threaded } = await importEachWay(file);
    expect(stream).toEqual(grid);
    expect(threaded).toEqual(grid);
    expect(grid).toHaveLength(3000);
    expect(grid.find((f) => f.cell === 'C4')).toMatchObject({ area: 'BU03440000', period: '2023', value: null, sign: 'unknown' });
    expect(grid.find((f) => f.cell === 'D4')).toMatchObject({ value: 0, sign: 'nil' });
    // The footnotes are not data, and the note row among the data does not end the table.
    expect(grid.some((f) => Number(f.cell?.slice(1)) > 1505)).toBe(false);
    expect(grid.find((f) => f.cell === 'C1505')).toMatchObject({ area: 'BU03441499' });
  });

  it('a long table: the reading thread hands the rows on instead of walking them', async () => {
    const file = path.join(dir, 'buurten-lang.xlsx');
    await makeLongWorkbook(file);
    const { grid, stream, 'stream, read in a worker thread': threaded } = await importEachWay(file);
    expect(stream).toEqual(grid);
    expect(threaded).toEqual(grid);
    expect(grid).toHaveLength(2400);
    expect(grid.find((f) => f.cell === 'D2')).toMatchObject({ area: 'BU03440000', indicator: 'a_inw', period: '2022', value: null, sign: 'unknown' });
    expect(grid.find((f) => f.cell === 'D5')).toMatchObject({ area: 'BU03440001', indicator: 'a_woning', period: '2023', value: 301 });
  });

  it.skipIf(!hasRealData)('CBS-Utrecht-kwb-2024.xlsx and the CBS table C1 of 2019', async () => {
    for (const name of ['CBS-Utrecht-kwb-2024.xlsx', 'Tabel C1 woningvoorraad 2019.xlsx']) {
      const { grid, stream, 'stream, read in a worker thread': threaded } = await importEachWay(realFile(name));
      expect(stream.length).toBe(grid.length);
      expect(stream).toEqual(grid);
      expect(threaded).toEqual(grid);
    }
  }, 180_000);

  it.skipIf(!hasRealData)('a cancel while the reader thread is still reading writes nothing and stops the reader', async () => {
    process.env.WV_IMPORT_STREAM_MIN_CELLS = '0';
    process.env.WV_IMPORT_READER_WORKER = workerPath;
    const s = freshServices();
    try {
      const before = fingerprint(s);
      const env = await s.call('import.commit', { filePath: realFile('Tabel C1 woningvoorraad 2019.xlsx'), choices: { areas: { newAreas: 'create' } } });
      if (!env.ok) throw new Error(env.error.message);
      const id = (env.value as { jobId: string }).jobId;
      for (let i = 0; i < 5000 && !(s.ctx.jobs.status(id).progress.phase === 'rijen' && s.ctx.jobs.status(id).progress.done > 0); i++) await new Promise((r) => setTimeout(r, 2));
      const st = await s.ctx.jobs.cancel(id);
      expect(st.state).toBe('cancelled');
      expect(st.progress.done).toBeLessThan(56_480);
      expect(fingerprint(s)).toEqual(before);
    } finally {
      s.close();
    }
  }, 120_000);
});
