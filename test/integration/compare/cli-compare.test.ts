import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeKwbYears } from '../../fixtures/make-kwb-years';
import { cli } from '../../helpers/run-cli';
import { hasRealData, realDataSkipReason, realFile } from '../../helpers/real-data';

/**
 * Acceptance through the CLI: `compare --json` on a store with the real CBS KWB Utrecht 2024 file
 * imported returns the file's cells with their source cell (read back here with ExcelJS), and an
 * aggregate over two districts equals the weighted mean computed by hand from the same cells.
 */
const KWB = 'CBS-Utrecht-kwb-2024.xlsx';
const KEYS = ['area_code', 'area_name', 'indicator_code', 'indicator_name', 'period', 'value', 'unit', 'sign', 'qualifier', 'delta', 'rank', 'aggregated', 'coverage', 'members', 'source'];

interface Row {
  area_code: string;
  indicator_code: string;
  period: string | null;
  value: number | null;
  sign: string | null;
  delta: number | null;
  rank: number | null;
  aggregated: boolean;
  coverage: number | null;
  members: string[] | null;
  source: string | null;
}

const newStore = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'wv-cmp-')), 'store.sqlite');

describe.skipIf(!hasRealData)(`compare on the real KWB Utrecht file (${hasRealData ? 'present' : realDataSkipReason})`, () => {
  const store = newStore();
  let ws: ExcelJS.Worksheet;
  const rowOf = new Map<string, number>();
  const colOf = new Map<string, string>();
  const cell = (code: string, ind: string) => ws.getCell(`${colOf.get(ind)}${rowOf.get(code)}`).value;

  beforeAll(async () => {
    const imported = await cli('--db', store, 'import', realFile(KWB), '--mapping', 'auto', '--create-areas', '--json');
    expect(imported.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(realFile(KWB));
    ws = wb.worksheets[0] as ExcelJS.Worksheet;
    ws.getRow(1).eachCell((c, col) => colOf.set(String(c.value), ws.getColumn(col).letter));
    ws.eachRow((r, n) => {
      if (n > 1) rowOf.set(String(r.getCell(1).value), n);
    });
  }, 120_000);

  it('returns figures equal to the file’s cells, each with its source cell; "." stays a sign', async () => {
    const run = await cli('--db', store, 'compare', '--areas', 'GM0344,WK034401,WK034403', '--indicators', 'a_inw,g_hhgro,p_koopw', '--period', 'latest', '--json');
    expect(run.code, run.stderr).toBe(0);
    const rows = run.json() as Row[];
    expect(rows).toHaveLength(9);
    for (const r of rows) expect(Object.keys(r)).toEqual(KEYS);
    for (const r of rows) {
      const raw = cell(r.area_code, r.indicator_code);
      const address = `${colOf.get(r.indicator_code)}${rowOf.get(r.area_code)}`;
      expect(r.period).toBe('2024');
      expect(r.aggregated).toBe(false);
      expect(r.source).toBe(`${KWB}, blad ${ws.name}, cel ${address}`);
      if (raw === '.') expect([r.value, r.sign]).toEqual([null, 'unknown']);
      else expect(r.value).toBe(typeof raw === 'number' ? raw : Number(String(raw).replace(',', '.')));
    }
    expect(rows.find((r) => r.area_code === 'WK034403' && r.indicator_code === 'p_koopw')).toMatchObject({ value: null, sign: 'unknown', rank: null });
    // ranks among the shown areas: the municipality has the most residents
    expect(rows.filter((r) => r.indicator_code === 'a_inw').map((r) => r.rank)).toEqual([1, 3, 2]);
  });

  it('an aggregate over two districts equals the weighted mean computed by hand from the same cells', async () => {
    const set = await cli('--db', store, 'composition', 'set', 'NPLV15', 'WK034401', 'WK034403', '--json');
    expect(set.code, set.stderr).toBe(0);
    // the analyst's own choice has no evidence beyond that; the kept proposal keeps its evidence
    expect(set.json()).toEqual([
      { focus_area_code: 'NPLV15', focus_area_name: 'Utrecht Overvecht', member_code: 'WK034401', member_name: 'Wijk 01 West', status: 'bevestigd', source: null },
      { focus_area_code: 'NPLV15', focus_area_name: 'Utrecht Overvecht', member_code: 'WK034403', member_name: 'Wijk 03 Overvecht', status: 'bevestigd', source: expect.stringMatching(/^https:\/\/www\.gelderlander\.nl\//) },
    ]);
    const run = await cli('--db', store, 'compare', '--areas', 'NPLV15', '--indicators', 'g_hhgro,a_hh,a_inw,p_koopw', '--period', '2024', '--json');
    expect(run.code, run.stderr).toBe(0);
    const rows = run.json() as Row[];
    const by = (ind: string) => rows.find((r) => r.indicator_code === ind) as Row;
    const g1 = Number(cell('WK034401', 'g_hhgro'));
    const g3 = Number(cell('WK034403', 'g_hhgro'));
    const h1 = Number(cell('WK034401', 'a_hh'));
    const h3 = Number(cell('WK034403', 'a_hh'));
    const byHand = (g1 * h1 + g3 * h3) / (h1 + h3);
    expect(by('g_hhgro').value).toBeCloseTo(byHand, 12);
    expect(by('g_hhgro').value).not.toBeCloseTo((g1 + g3) / 2, 6); // not the plain mean
    expect(by('g_hhgro')).toMatchObject({ aggregated: true, coverage: 1, members: ['WK034401', 'WK034403'] });
    expect(by('g_hhgro').source).toBe(`gewogen gemiddelde (gewicht a_hh) van 2 leden: WK034401 (${KWB}, blad ${ws.name}, cel ${colOf.get('g_hhgro')}${rowOf.get('WK034401')}); WK034403 (${KWB}, blad ${ws.name}, cel ${colOf.get('g_hhgro')}${rowOf.get('WK034403')})`);
    expect(by('a_inw').value).toBe(Number(cell('WK034401', 'a_inw')) + Number(cell('WK034403', 'a_inw')));
    // both districts have "." for p_koopw: no figure, never a zero
    expect(by('p_koopw')).toMatchObject({ value: null, coverage: 0 });
  });

  it('prints CSV for Dutch Excel: BOM, semicolons, decimal comma', async () => {
    const run = await cli('--db', store, 'compare', '--areas', 'NPLV15', '--indicators', 'g_hhgro', '--period', '2024', '--csv');
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('\uFEFFarea_code;area_name;indicator_code;indicator_name;period;value;unit;sign;qualifier;delta;rank;aggregated;coverage;members;source\r\n')).toBe(true);
    const line = run.stdout.split('\r\n')[1] as string;
    expect(line).toMatch(/^NPLV15;Utrecht Overvecht;g_hhgro;[^;]+;2024;\d+,\d+;number;;;;1;ja;1;WK034401, WK034403;/);
  });

  it('exits 1 with a clear message for an unknown area or indicator', async () => {
    const area = await cli('--db', store, 'compare', '--areas', 'Atlantis', '--indicators', 'a_inw', '--period', 'latest', '--json');
    expect(area.code).toBe(1);
    expect(area.stderr).toMatch(/Unknown area: "Atlantis"/);
    const ind = await cli('--db', store, 'compare', '--areas', 'GM0344', '--indicators', 'a_inw,x_nope', '--period', 'latest');
    expect(ind.code).toBe(1);
    expect(ind.stderr).toMatch(/Unknown indicator: "x_nope"/);
    expect((await cli('--db', store, 'compare', '--areas', 'GM0344', '--period', 'latest')).code).toBe(2);
  });
});

describe('compare, composition and views through the CLI on generated KWB years', () => {
  const store = newStore();
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-kwb-cli-'));
    for (const { year, file } of makeKwbYears(dir)) {
      const r = await cli('--db', store, 'import', file, '--period', year, '--create-areas', '--json');
      expect(r.code, r.stderr).toBe(0);
    }
  }, 120_000);

  it('deltas against an earlier year, and a delta refused across a boundary change', async () => {
    const run = await cli('--db', store, 'compare', '--areas', 'WK034401,WK034402', '--indicators', 'p_koopw', '--period', '2024', '--compare-to', '2022', '--reference', 'municipality', '--json');
    expect(run.code, run.stderr).toBe(0);
    const rows = run.json() as Row[];
    expect(rows.map((r) => [r.area_code, r.value, r.delta, r.rank])).toEqual([['GM0344', 45, 1, null], ['WK034401', 40, 2, 2], ['WK034402', 50, null, 1]]);
    const table = await cli('--db', store, 'compare', '--areas', 'WK034402', '--indicators', 'p_koopw', '--period', '2024', '--compare-to', '2022');
    expect(table.stdout).toMatch(/WK034402 .*afbakening van WK034402 gewijzigd in 2023 \(CBS ind_wbi 3\)/);
  });

  it('composition list shows proposals, and Tilburg Noordwest as "samenstelling onbekend"', async () => {
    const run = await cli('--db', store, 'composition', 'list', '--json');
    expect(run.code).toBe(0);
    const rows = run.json() as Record<string, unknown>[];
    expect(Object.keys(rows[0] as object)).toEqual(['focus_area_code', 'focus_area_name', 'member_code', 'member_name', 'status', 'source']);
    expect(rows.filter((r) => r.member_code !== null)).toHaveLength(86);
    expect(rows.every((r) => r.member_code === null || r.status === 'te bevestigen')).toBe(true);
    expect(rows.find((r) => r.focus_area_code === 'NPLV07')).toEqual({ focus_area_code: 'NPLV07', focus_area_name: 'Tilburg Noordwest', member_code: null, member_name: null, status: 'samenstelling onbekend', source: null });
    const one = await cli('--db', store, 'composition', 'list', '--area', 'NPLV15', '--json');
    expect(one.json()).toEqual([expect.objectContaining({ member_code: 'WK034403', status: 'te bevestigen', source: expect.stringMatching(/^https:\/\//) })]);
  });

  it('composition import FILE reads the shared CSV shape', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-comp-csv-'));
    const file = path.join(dir, 'samenstelling.csv');
    writeFileSync(file, 'focus_area,gemeente_code,level,cbs_code,cbs_name,code_year,evidence_url,evidence_quote,status\n'
      + 'Utrecht Overvecht,GM0344,wijk,WK034401,Wijk 01 West,2019,https://example.org/overvecht,"citaat",genoemd door bron\n'
      + 'Utrecht Overvecht,GM0344,wijk,WK034402,Wijk 02 Noordwest,2019,https://example.org/overvecht,"citaat",genoemd door bron\n');
    const run = await cli('--db', store, 'composition', 'import', file, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ focus_areas: ['NPLV15'], members: 2 });
    const list = await cli('--db', store, 'composition', 'list', '--area', 'NPLV15', '--json');
    expect((list.json() as { member_code: string }[]).map((r) => r.member_code)).toEqual(['WK034401', 'WK034402', 'WK034403']);
  });

  it('views: save with "latest", list, show (the rows compare prints) and delete', async () => {
    const save = await cli('--db', store, 'views', 'save', 'Overvecht', '--areas', 'WK034401,WK034403', '--indicators', 'a_inw,p_koopw', '--period', 'latest', '--compare-to', '2022');
    expect(save.code, save.stderr).toBe(0);
    const list = await cli('--db', store, 'views', 'list', '--json');
    expect((list.json() as { name: string; state: { period: string } }[]).map((v) => [v.name, v.state.period])).toEqual([['Overvecht', 'latest']]);
    const shown = await cli('--db', store, 'views', 'show', 'Overvecht', '--json');
    const direct = await cli('--db', store, 'compare', '--areas', 'WK034401,WK034403', '--indicators', 'a_inw,p_koopw', '--period', 'latest', '--compare-to', '2022', '--json');
    expect(shown.json()).toEqual(direct.json());
    expect((shown.json() as Row[])[0]).toMatchObject({ area_code: 'WK034401', period: '2024', value: 30000, delta: 1000 });
    const csv = await cli('--db', store, 'views', 'show', 'Overvecht', '--csv');
    expect(csv.stdout.startsWith('\uFEFFarea_code;')).toBe(true);
    const human = await cli('--db', store, 'views', 'show', 'Overvecht');
    expect(human.stdout).toMatch(/nieuwste periode per indicator: a_inw 2024, p_koopw 2024/);
    expect((await cli('--db', store, 'views', 'delete', 'Overvecht')).code).toBe(0);
    expect((await cli('--db', store, 'views', 'show', 'Overvecht')).code).toBe(1);
    expect((await cli('--db', store, 'views', 'delete', 'Overvecht')).code).toBe(1);
  });
});
