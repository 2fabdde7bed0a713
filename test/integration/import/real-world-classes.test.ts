import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Area } from '../../../shared/contract/model';
import { hasRealData, realDataSkipReason, realFile } from '../../helpers/real-data';
import { cli } from '../../helpers/run-cli';
import { freshServices } from '../../helpers/services';
import { xlsxSheetDimensions } from '../../../main/import/read/xlsx-dimensions';
import { commit, fingerprint, preview, storedFigures } from './commit-helpers';

/**
 * Issue 15: classes of real-world files the importer refused or got wrong. Each class has a file
 * the test writes itself (and the real shared file where one fits), imported through the CLI with
 * --mapping auto and through the wizard's calls (preview, commit); figures are checked against the
 * cells they came from, refusals for their message and an unchanged store.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-classes-'));
const scratch = (): string => path.join(mkdtempSync(path.join(dir, 'db-')), 'store.sqlite');

/** Writes rows as an .xlsx sheet (SheetJS), numbers as numbers. */
// SheetJS types its bundled CFB (and ZIP) library as `any`; these are the calls used here.
interface CfbApi {
  read(buf: Buffer, opts: { type: 'buffer' }): unknown;
  find(c: unknown, name: string): { content: Buffer | Uint8Array } | null;
  write(c: unknown, opts: { type: 'buffer'; fileType: 'zip'; compression: boolean }): Uint8Array;
}
const CFB = XLSX.CFB as CfbApi;

function writeXlsx(name: string, rows: (string | number | null)[][], sheet = 'Blad1', declaredRef?: string): string {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheet);
  const file = path.join(dir, name);
  let buf = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  if (declaredRef) {
    // What LibreOffice writes when whole columns are formatted: a <dimension> far beyond the data.
    const zip = CFB.read(buf, { type: 'buffer' });
    const part = CFB.find(zip, '/xl/worksheets/sheet1.xml');
    if (!part) throw new Error('no sheet1.xml');
    part.content = Buffer.from(Buffer.from(part.content).toString('utf8').replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${declaredRef}"/>`));
    buf = Buffer.from(CFB.write(zip, { type: 'buffer', fileType: 'zip', compression: true }));
  }
  writeFileSync(file, buf);
  return file;
}

async function areasOf(db: string): Promise<Map<string, { name: string; kind: string; parent_code: string | null }>> {
  const run = await cli('--db', db, 'areas', '--json');
  return new Map((run.json() as { code: string; name: string; kind: string; parent_code: string | null }[]).map((a) => [a.code, a]));
}

// ---- class 7 and 11: CBS codes say where they belong; an import that skips most of a file says so
const KWB_ROWS: (string | number | null)[][] = [
  ['gwb_code', 'regio', 'a_inw', 'a_hh'],
  ['GM0344', 'Utrecht', 374_238, 196_000],
  ['WK034403', 'Wijk 03 Overvecht', 35_255, 15_120],
  ['BU03440311', 'Taag- en Rubicondreef en omgeving', 4_210, '.'],
  ['BU03440312', 'Tigris- en Amazonedreef en omgeving', 3_980, 1_870],
  ['WK034402', 'Wijk 02 Noordwest', 41_020, 19_800],
  ['BU03440232', 'Elinkwijk en omgeving', 5_115, 2_420],
];

describe('class 7, 11: CBS codes are created with their parents, and skipping most of a file is not success', () => {
  it('CLI: a generated KWB table into a new store — areas created from the codes and names, each with its municipality', async () => {
    const file = writeXlsx('kwb-2024-utrecht.xlsx', KWB_ROWS);
    const db = scratch();
    const run = await cli('--db', db, 'import', file, '--mapping', 'auto', '--json');
    expect(run.code).toBe(0);
    const r = run.json() as Record<string, unknown>;
    expect(r).toMatchObject({ committed: true, observations: 12, areas_unmatched: 0, figures_skipped: 0, skip_summary: null });
    const areas = await areasOf(db);
    expect(areas.get('WK034403')).toMatchObject({ name: 'Wijk 03 Overvecht', kind: 'district', parent_code: 'GM0344' });
    expect(areas.get('BU03440311')).toMatchObject({ name: 'Taag- en Rubicondreef en omgeving', kind: 'neighbourhood', parent_code: 'WK034403'});
    expect(areas.get('BU03440232')).toMatchObject({ parent_code: 'WK034402' });
    // The human table shows the municipality of a buurt (class 11).
    expect((await cli('--db', db, 'areas', '--kind', 'neighbourhood')).stdout).toMatch(/BU03440311\s+Taag- en Rubicondreef en omgeving\s+neighbourhood\s+Wijk 03 Overvecht\s+Utrecht/);
    const figures = (await cli('--db', db, 'observations', '--source', String(r.source_id), '--json')).json() as { area_code: string; value: number | null; sign: string | null; source: { cell: string; raw: string } }[];
    const at = (cell: string) => figures.find((f) => f.source.cell === cell);
    expect(at('C4')).toMatchObject({ area_code: 'BU03440311', value: KWB_ROWS[3]?.[2] });
    expect(at('D4')).toMatchObject({ area_code: 'BU03440311', value: null, sign: 'unknown', source: { raw: '.' } });
  });

  it('CLI: --no-create-areas keeps the old behaviour, and a commit that would skip most figures exits 1 with one line and leaves the store as it was', async () => {
    const file = writeXlsx('kwb-2024-utrecht-b.xlsx', KWB_ROWS);
    const db = scratch();
    const before = (await cli('--db', db, 'sources', '--json')).json();
    const refused = await cli('--db', db, 'import', file, '--mapping', 'auto', '--no-create-areas');
    expect(refused.code).toBe(1);
    // The default store holds Utrecht and Overvecht (WK034403, a proposed member of a focus area):
    // the other four areas' eight figures would be left out.
    expect(refused.stderr).toContain('kwb-2024-utrecht-b.xlsx: 8 figures skipped: 4 areas not in the store — use --create-areas; nothing was imported (--allow-skips imports the rest)');
    expect((await cli('--db', db, 'sources', '--json')).json()).toEqual(before);
    expect((await areasOf(db)).has('BU03440311')).toBe(false);
    const json = await cli('--db', db, 'import', file, '--no-create-areas', '--json');
    expect(json.code).toBe(1);
    expect(json.json()).toMatchObject({ committed: false, observations: 0, figures_skipped: 8, issues: expect.arrayContaining([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^8 figures skipped: 4 areas not in the store/) })]) });
    // Intended: the municipality's and Overvecht's figures only.
    const allowed = await cli('--db', db, 'import', file, '--no-create-areas', '--allow-skips', '--json');
    expect(allowed.code).toBe(0);
    expect(allowed.json()).toMatchObject({ committed: true, observations: 4, figures_skipped: 8 });
    // --create-areas and --no-create-areas together is a usage error.
    expect((await cli('--db', db, 'import', file, '--create-areas', '--no-create-areas')).code).toBe(2);
  });

  it('wizard: the preview carries the same summary before the commit, and creates the areas by default', async () => {
    const file = writeXlsx('kwb-2024-utrecht-c.xlsx', KWB_ROWS);
    const s = freshServices();
    try {
      const skip = await preview(s, { filePath: file, choices: { areas: { newAreas: 'skip' } } });
      expect(skip.skips).toEqual({ figures: 8, share: 0.6667, tooMany: true, line: '8 figures skipped: 4 areas not in the store — use --create-areas' });
      expect(skip.figures.skipped).toEqual({ area_not_in_store: { figures: 8, areas: 4 } });
      const p = await preview(s, { filePath: file });
      expect(p.skips).toMatchObject({ figures: 0, tooMany: false, line: null });
      expect(p.areas).toMatchObject({ created: 4, matched: 2 });
      const before = fingerprint(s);
      // A caller that asks for the refusal gets it, with the store untouched.
      const refused = await commit(s, { filePath: file, choices: { areas: { newAreas: 'skip' } }, allowSkips: false });
      expect(refused).toMatchObject({ committed: false, observations: 0, skips: { figures: 8, tooMany: true } });
      expect(refused.issues[0]).toMatchObject({ kind: 'too_many_skipped', severity: 'error' });
      expect(fingerprint(s)).toEqual(before);
      const report = await commit(s, { filePath: file });
      expect(report).toMatchObject({ committed: true, observations: 12, areasCreated: 4 });
      const areas = (await s.call('areas.list', { kind: 'neighbourhood' })) as { ok: true; value: Area[] };
      expect(areas.value.find((a) => a.code === 'BU03440311')).toMatchObject({ parentCode: 'WK034403', municipalityCode: 'GM0344', municipalityName: 'Utrecht' });
      const figs = storedFigures(s, report.sourceId as number);
      expect(figs.find((f) => f.cell === 'C2')).toMatchObject({ area: 'GM0344', value: 374_238 });
    } finally {
      s.close();
    }
  });

  it.skipIf(!hasRealData)(`the real CBS-Utrecht-kwb-2024.xlsx into a new store: every figure, areas with parents (${hasRealData ? 'present' : realDataSkipReason})`, async () => {
    const file = realFile('CBS-Utrecht-kwb-2024.xlsx');
    const db = scratch();
    const refused = await cli('--db', db, 'import', file, '--mapping', 'auto', '--no-create-areas');
    expect(refused.code).toBe(1);
    // The default store already holds Utrecht and Overvecht (a seeded composition member): 120 areas are new.
    expect(refused.stderr).toContain('13,800 figures skipped: 120 areas not in the store — use --create-areas');
    const run = await cli('--db', db, 'import', file, '--mapping', 'auto', '--json');
    expect(run.code).toBe(0);
    const r = run.json() as { source_id: number };
    expect(r).toMatchObject({ committed: true, observations: 14_030, areas_unmatched: 0, figures_skipped: 0 });
    const areas = await areasOf(db);
    expect(areas.get('WK034403')).toMatchObject({ kind: 'district', parent_code: 'GM0344' });
    expect(areas.get('BU03440311')).toMatchObject({ kind: 'neighbourhood', parent_code: 'WK034403'});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    // The name the file gives beside the code (row 23), not the code.
    expect(areas.get('BU03440232')?.name).toBe('Elinkwijk en omgeving');
    expect(ws.getRow(23).values).toContain('Elinkwijk en omgeving');
    const figures = (await cli('--db', db, 'observations', '--source', String(r.source_id), '--json')).json() as { area_code: string; value: number | null; source: { cell: string } }[];
    const h29 = figures.find((f) => f.source.cell === 'H29');
    expect(h29).toMatchObject({ area_code: 'WK034403', value: ws.getCell('H29').value });
  }, 60_000);
});

// ---- class 1: a sheet's declared size is a hint, not its size
describe('class 1: a workbook declaring A1:AB1048576 with 29,000 cells imports like any other', () => {
  const rows: (string | number)[][] = [['gwb_code', 'regio', ...Array.from({ length: 26 }, (_, i) => `kenmerk ${i + 1} (aantal)`)]];
  for (let i = 0; i < 1035; i++) rows.push([`BU0344${String(1000 + i)}`, `Buurt ${i}`, ...Array.from({ length: 26 }, (_, j) => (i * 31 + j * 7) % 1000)]);
  const cellsInFile = rows.length * 28;

  it('CLI (read whole) and the streamed reader: every figure, none refused for the declared 29,360,128 cells', async () => {
    expect(cellsInFile).toBe(29_008);
    const file = writeXlsx('opgemaakte-kolommen-2024.xlsx', rows, 'Blad1', 'A1:AB1048576');
    expect(readFileSync(file).length).toBeLessThan(400_000);
    expect(xlsxSheetDimensions(readFileSync(file))?.[0]?.cells).toBe(29_360_128);
    for (const stream of [false, true]) {
      process.env.WV_IMPORT_STREAM_MIN_CELLS = stream ? '0' : '';
      try {
        const db = scratch();
        const run = await cli('--db', db, 'import', file, '--mapping', 'auto', '--json');
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const r = run.json() as { source_id: number };
        expect(r).toMatchObject({ committed: true, rows_read: 1035, observations: 1035 * 26, figures_skipped: 0 });
        const figures = (await cli('--db', db, 'observations', '--source', String(r.source_id), '--json')).json() as { area_code: string; period: string; value: number; source: { cell: string } }[];
        for (const [cell, r0, c0] of [['C2', 1, 2], ['AB1036', 1035, 27], ['M500', 499, 12]] as const) {
          expect(figures.find((f) => f.source.cell === cell)).toMatchObject({ area_code: rows[r0]?.[0], period: '2024', value: rows[r0]?.[c0] });
        }
      } finally {
        delete process.env.WV_IMPORT_STREAM_MIN_CELLS;
      }
    }
  }, 60_000);

  it('wizard: the preview reads the real extent, not the declared one', async () => {
    const file = writeXlsx('opgemaakte-kolommen-b-2024.xlsx', rows, 'Blad1', 'A1:AB1048576');
    const s = freshServices();
    try {
      const p = await preview(s, { filePath: file });
      expect(p.table).toMatchObject({ headerRows: [1], firstDataRow: 2, lastDataRow: 1036 });
      expect(p.figures).toMatchObject({ numbers: 1035 * 26, toImport: 1035 * 26 });
    } finally {
      s.close();
    }
  });
});

// ---- class 4: the period in a column header
describe('class 4: the period in a column header, and a column per year as a series', () => {
  const header = ['gwb_code', 'inwoners 2022', 'inwoners 2023', 'inwoners 2024', 'Aantal woningen (2023)', 'bevolking naar leeftijd|2024', 'Huishoudens 1 januari 2024', 'Koopwoningen 2022*'];
  const data = [
    ['WK034403', '34.900', '35.102', '35.255', '15.120', '35.255', '15.800', '22,4'],
    ['WK034402', '40.650', '40.880', '41.020', '19.800', '41.020', '19.950', '38,1'],
  ];
  const csv = [header, ...data].map((r) => r.join(';')).join('\r\n') + '\r\n';

  it('CLI: every column gets its own period; the three "inwoners" columns are one indicator over three years', async () => {
    const file = path.join(dir, 'monitor-zonder-jaar.csv');
    writeFileSync(file, csv);
    const db = scratch();
    const run = await cli('--db', db, 'import', file, '--mapping', 'auto', '--json');
    expect(run.code).toBe(0);
    const r = run.json() as { source_id: number; issues: { message: string }[] };
    expect(r).toMatchObject({ committed: true, observations: 14, figures_skipped: 0 });
    expect(r.issues.some((i) => /no period/.test(i.message))).toBe(false);
    const figures = (await cli('--db', db, 'observations', '--source', String(r.source_id), '--json')).json() as { area_code: string; indicator_code: string; period: string; value: number; qualifier: string | null; source: { cell: string } }[];
    const at = (cell: string) => figures.find((f) => f.source.cell === cell);
    const inwoners = at('B2')?.indicator_code;
    expect(at('B2')).toMatchObject({ area_code: 'WK034403', period: '2022', value: 34_900 });
    expect(at('C2')).toMatchObject({ indicator_code: inwoners, period: '2023', value: 35_102 });
    expect(at('D3')).toMatchObject({ indicator_code: inwoners, period: '2024', value: 41_020 });
    expect(at('E2')).toMatchObject({ period: '2023', value: 15_120 });
    expect(at('F2')).toMatchObject({ period: '2024', value: 35_255 });
    expect(at('G3')).toMatchObject({ period: '2024', value: 19_950 });
    expect(at('H2')).toMatchObject({ period: '2022', value: 22.4 });
    // The series: one indicator, three years, for one area.
    const series = figures.filter((f) => f.indicator_code === inwoners && f.area_code === 'WK034403').map((f) => [f.period, f.value]);
    expect(series).toEqual([['2022', 34_900], ['2023', 35_102], ['2024', 35_255]]);
  });

  it('wizard: the preview gives each column its period and names the indicator without it', async () => {
    const file = path.join(dir, 'monitor-zonder-jaar-b.csv');
    writeFileSync(file, csv);
    const s = freshServices();
    try {
      const p = await preview(s, { filePath: file });
      expect(p.problems.filter((x) => x.kind === 'no_period')).toEqual([]);
      const byLabel = new Map(p.measures.map((m) => [m.label, m]));
      expect(byLabel.get('inwoners 2023')?.indicator.code).toBe(byLabel.get('inwoners 2022')?.indicator.code);
      expect(byLabel.get('Aantal woningen (2023)')?.indicator.name).toBe('Aantal woningen');
      expect(p.figures.toImport).toBe(14);
    } finally {
      s.close();
    }
  });

  // The real data.csv (Eindhoven, "Indicator|2020") is imported with its period from the headers in cli-real-files.test.ts.
});
