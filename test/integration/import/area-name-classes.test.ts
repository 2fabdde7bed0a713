import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Area } from '../../../shared/contract/model';
import { cli } from '../../helpers/run-cli';
import { freshServices } from '../../helpers/services';
import { commit, fingerprint, preview, storedFigures } from './commit-helpers';

/**
 * Issue 15, the classes about areas: names without codes become areas of the analyst's gemeente
 * (class 2). Each file is written here, imported through the CLI with --mapping auto and through
 * the wizard's calls; figures are checked against their cells, refusals for their message and an
 * unchanged store.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-area-classes-'));
const scratch = (): string => path.join(mkdtempSync(path.join(dir, 'db-')), 'store.sqlite');

function writeXlsx(name: string, rows: (string | number | null)[][], sheet = 'Blad1'): string {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheet);
  const file = path.join(dir, name);
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
  return file;
}

interface CliArea { code: string; name: string; kind: string; parent_code: string | null }
async function areasOf(db: string): Promise<Map<string, CliArea>> {
  const run = await cli('--db', db, 'areas', '--json');
  return new Map((run.json() as CliArea[]).map((a) => [a.code, a]));
}
interface CliFigure { area_code: string; indicator_code: string; period: string; value: number | null; source: { cell: string } }
async function figuresOf(db: string, sourceId: number): Promise<CliFigure[]> {
  return (await cli('--db', db, 'observations', '--source', String(sourceId), '--json')).json() as CliFigure[];
}

// ---- class 2: areas given by name only
// A municipal monitor's export: the city's own areas by name, no CBS code, the year in the file name.
const MONITOR = (year: number, extra: (string | number)[][] = []): (string | number | null)[][] => [
  ['Gebied', 'Aantal inwoners', 'Aantal woningen'],
  ['Buurt Zuilen-noord', 5_210 + year - 2024, 2_400],
  ['Geuzenwijk, De Driehoek', 3_105, 1_480],
  ['Lombok-West', 4_020, 2_110],
  ['Sterrenwijk', 2_950, 1_390],
  ...extra,
];

describe('class 2: areas given by name only become areas of the gemeente the analyst names', () => {
  it('CLI: without --under nothing is imported (exit 1, one line, store unchanged); with --create-areas --under GM0344 --level buurt every name becomes a buurt of Utrecht', async () => {
    const file = writeXlsx('utrecht-monitor-2024.xlsx', MONITOR(2024));
    const db = scratch();
    const sourcesBefore = (await cli('--db', db, 'sources', '--json')).json();
    const areasBefore = await areasOf(db);
    const refused = await cli('--db', db, 'import', file, '--mapping', 'auto');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('utrecht-monitor-2024.xlsx: 8 figures skipped: 4 unknown area names — use --create-areas --under GM…, or --alias NAME=CODE; nothing was imported');
    expect((await cli('--db', db, 'sources', '--json')).json()).toEqual(sourcesBefore);
    expect((await areasOf(db)).size).toBe(areasBefore.size);

    const run = await cli('--db', db, 'import', file, '--mapping', 'auto', '--create-areas', '--under', 'GM0344', '--level', 'buurt', '--json');
    expect(run.code).toBe(0);
    const r = run.json() as { source_id: number };
    expect(r).toMatchObject({ committed: true, observations: 8, areas_matched: 4, areas_unmatched: 0, figures_skipped: 0 });
    const areas = await areasOf(db);
    expect(areas.size).toBe(areasBefore.size + 4);
    expect(areas.get('GM0344-buurt-zuilen-noord')).toMatchObject({ name: 'Buurt Zuilen-noord', kind: 'neighbourhood', parent_code: 'GM0344' });
    expect(areas.get('GM0344-buurt-geuzenwijk-de-driehoek')).toMatchObject({ name: 'Geuzenwijk, De Driehoek', kind: 'neighbourhood', parent_code: 'GM0344' });
    // The municipality column of the areas table shows Utrecht for them.
    expect((await cli('--db', db, 'areas', '--kind', 'neighbourhood')).stdout).toMatch(/GM0344-buurt-lombok-west\s+Lombok-West\s+neighbourhood\s+Utrecht\s+Utrecht/);
    const figures = await figuresOf(db, r.source_id);
    const at = (cell: string) => figures.find((f) => f.source.cell === cell);
    expect(at('B2')).toMatchObject({ area_code: 'GM0344-buurt-zuilen-noord', period: '2024', value: 5_210 });
    expect(at('C3')).toMatchObject({ area_code: 'GM0344-buurt-geuzenwijk-de-driehoek', value: 1_480 });
    expect(at('B5')).toMatchObject({ area_code: 'GM0344-buurt-sterrenwijk', value: 2_950 });

    // Next year's file with the same names: matched, nothing created, no --under needed.
    const next = writeXlsx('utrecht-monitor-2025.xlsx', MONITOR(2025));
    const again = await cli('--db', db, 'import', next, '--mapping', 'auto', '--json');
    expect(again.code).toBe(0);
    const r2 = again.json() as { source_id: number };
    expect(r2).toMatchObject({ committed: true, observations: 8, areas_matched: 4, figures_skipped: 0 });
    expect((await areasOf(db)).size).toBe(areasBefore.size + 4);
    expect((await figuresOf(db, r2.source_id)).find((f) => f.source.cell === 'B2')).toMatchObject({ area_code: 'GM0344-buurt-zuilen-noord', period: '2025', value: 5_211 });
  });

  it('CLI: a name close to an existing area is offered for confirmation, not created twice', async () => {
    const db = scratch();
    const first = await cli('--db', db, 'import', writeXlsx('utrecht-monitor-2024-b.xlsx', MONITOR(2024)), '--under', 'GM0344', '--json');
    expect(first.code).toBe(0);
    expect((await areasOf(db)).get('GM0344-eigen-lombok-west')).toMatchObject({ kind: 'other', parent_code: 'GM0344' });
    const size = (await areasOf(db)).size;
    // Next year's export spells one name differently and adds one new area.
    const file = writeXlsx('utrecht-monitor-2025-b.xlsx', [...MONITOR(2025).map((row) => row.map((c) => (c === 'Lombok-West' ? 'Lombok West.' : c === 'Sterrenwijk' ? 'Sterrenwyk' : c))), ['Hoograven-Noord', 6_010, 2_900]]);
    const run = await cli('--db', db, 'import', file, '--under', 'GM0344', '--allow-skips', '--json');
    expect(run.code).toBe(0);
    const r = run.json() as { source_id: number; issues: { severity: string; message: string }[] };
    // "Lombok West." is the same name by its key; "Sterrenwyk" is a close name: to confirm, not created.
    expect(r).toMatchObject({ committed: true, observations: 8, figures_skipped: 2 });
    expect(r.issues.some((i) => i.severity === 'warning' && /"Sterrenwyk" read as GM0344-eigen-sterrenwijk by a close name/.test(i.message))).toBe(true);
    const areas = await areasOf(db);
    expect(areas.size).toBe(size + 1);
    expect(areas.get('GM0344-eigen-hoograven-noord')).toMatchObject({ name: 'Hoograven-Noord', kind: 'other' });
    expect(areas.has('GM0344-eigen-sterrenwyk')).toBe(false);
    // Confirmed, it is remembered as an alias and the next file matches it at once.
    const confirmed = await cli('--db', db, 'import', writeXlsx('utrecht-monitor-2026-b.xlsx', [['Gebied', 'Aantal inwoners'], ['Sterrenwyk', 2_990], ['Lombok-West', 4_100]]), '--alias', 'Sterrenwyk=GM0344-eigen-sterrenwijk', '--json');
    expect(confirmed.json()).toMatchObject({ committed: true, observations: 2, figures_skipped: 0 });
    const later = await cli('--db', db, 'import', writeXlsx('utrecht-monitor-2027-b.xlsx', [['Gebied', 'Aantal inwoners'], ['Sterrenwyk', 3_010], ['Lombok-West', 4_150]]), '--json');
    expect(later.json()).toMatchObject({ committed: true, observations: 2, figures_skipped: 0 });
  });

  it('CLI: a wrong --under or --level is a usage error (exit 2) that names the option, and the store is unchanged', async () => {
    const file = writeXlsx('utrecht-monitor-2024-c.xlsx', MONITOR(2024));
    const db = scratch();
    const before = (await cli('--db', db, 'sources', '--json')).json();
    const bad = await cli('--db', db, 'import', file, '--under', '344');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--under takes the code of the gemeente the names belong to (GM and four digits, e.g. GM0344), not "344"');
    const level = await cli('--db', db, 'import', file, '--under', 'GM0344', '--level', 'stad');
    expect(level.code).toBe(2);
    expect(level.stderr).toContain('--level takes buurt, wijk or eigen, not "stad"');
    const contra = await cli('--db', db, 'import', file, '--under', 'GM0344', '--no-create-areas');
    expect(contra.code).toBe(2);
    expect(contra.stderr).toContain('--under creates areas from names; it contradicts --no-create-areas');
    expect((await cli('--db', db, 'import', file, '--level', 'wijk')).code).toBe(2);
    expect((await cli('--db', db, 'sources', '--json')).json()).toEqual(before);
  });

  it('wizard: the areas step\'s choice (gemeente + level) previews the new areas and the commit creates them as wijken', async () => {
    const file = writeXlsx('utrecht-monitor-2024-d.xlsx', MONITOR(2024));
    const s = freshServices();
    try {
      const plain = await preview(s, { filePath: file });
      expect(plain.areas).toMatchObject({ unmatched: 4, created: 0 });
      const choices = { areas: { under: 'GM0344', level: 'wijk' as const } };
      const p = await preview(s, { filePath: file, choices });
      expect(p.areas).toMatchObject({ within: 'GM0344', created: 4, unmatched: 0, needsConfirmation: 0 });
      expect(p.figures.toImport).toBe(8);
      expect(p.problems).toContainEqual(expect.objectContaining({ kind: 'new_area', severity: 'info', cell: 'A4', message: 'A4: "Lombok-West" is not an area of GM0344 yet; it will be created under it as GM0344-wijk-lombok-west' }));
      expect(p.areas.review.map((x) => [x.label, x.status, x.code])).toContainEqual(['Buurt Zuilen-noord', 'new', 'GM0344-wijk-zuilen-noord']);
      // A gemeente code that is not one is refused by the contract, with the store unchanged.
      const before = fingerprint(s);
      const bad = await s.call('import.preview', { filePath: file, choices: { areas: { under: 'Utrecht' } } });
      expect(bad.ok).toBe(false);
      expect(bad.ok ? [] : bad.error.details).toContainEqual('choices.areas.under: a gemeente code: GM and four digits (GM0344)');
      expect(fingerprint(s)).toEqual(before);
      const report = await commit(s, { filePath: file, choices });
      expect(report).toMatchObject({ committed: true, observations: 8, areasCreated: 4, aliasesRemembered: 4 });
      const list = (await s.call('areas.list', { kind: 'district' })) as { ok: true; value: Area[] };
      expect(list.value.find((a) => a.code === 'GM0344-wijk-lombok-west')).toMatchObject({ name: 'Lombok-West', parentCode: 'GM0344', municipalityCode: 'GM0344', municipalityName: 'Utrecht' });
      const figs = storedFigures(s, report.sourceId as number);
      expect(figs.find((f) => f.cell === 'B4')).toMatchObject({ area: 'GM0344-wijk-lombok-west', indicator: expect.any(String), period: '2024', value: 4_020 });
      expect(figs.find((f) => f.cell === 'C2')).toMatchObject({ area: 'GM0344-wijk-zuilen-noord', value: 2_400 });
    } finally {
      s.close();
    }
  });
});

// ---- class 9: names that are the same place
// CBS's own table of a few Utrecht buurten first (the store learns them from their codes) …
const KWB: (string | number | null)[][] = [
  ['gwb_code', 'regio', 'a_inw'],
  ['WK034402', 'Wijk 02 Noordwest', 41_020],
  ['BU03440231', 'Julianapark en omgeving', 3_870],
  ['BU03440232', 'Elinkwijk en omgeving', 5_115],
  ['BU03440233', 'Prins Bernhardplein en omgeving', 2_760],
  ['BU03440241', 'Geuzenwijk', 4_480],
  ['WK034403', 'Wijk 03 Overvecht', 35_255],
  ['BU03440311', 'Taag- en Rubicondreef en omgeving', 4_210],
];
// … then the municipality's monitor, which writes the same buurten its own way.
const FORMS: (string | number | null)[][] = [
  ['Buurt', 'Aantal woningen'],
  ['Buurt Elinkwijk e.o.', 2_420],
  ['Buurt Julianapark e.o.', 1_760],
  ['Pr. Bernhardplein e.o.', 1_310],
  ['Taag & Rubicondreef e.o.', 1_950],
  ['Geuzenwijk, De Driehoek', 2_050],
];

describe('class 9: names that are the same place are matched, close ones offered, and remembered', () => {
  it('CLI: common forms match the CBS buurten; a close name is refused until confirmed; confirmed names match the next file at once', async () => {
    const db = scratch();
    expect((await cli('--db', db, 'import', writeXlsx('kwb-2024-noordwest.xlsx', KWB), '--mapping', 'auto')).code).toBe(0);
    const areasBefore = (await areasOf(db)).size;
    const file = writeXlsx('utrecht-woningen-2024.xlsx', FORMS);
    const sourcesBefore = (await cli('--db', db, 'sources', '--json')).json();
    // "Geuzenwijk, De Driehoek" is only close to CBS's "Geuzenwijk": 1 of 5 figures would be skipped.
    const refused = await cli('--db', db, 'import', file, '--mapping', 'auto');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('utrecht-woningen-2024.xlsx: 1 figure skipped: 1 close match to confirm — use --accept-fuzzy or --alias NAME=CODE; nothing was imported');
    expect((await cli('--db', db, 'sources', '--json')).json()).toEqual(sourcesBefore);
    // Even with --under, the close name is not created a second time.
    const under = await cli('--db', db, 'import', file, '--under', 'GM0344', '--level', 'buurt', '--dry-run', '--json');
    expect(under.json()).toMatchObject({ observations: 4, figures_skipped: 1 });
    expect((under.json() as { issues: { message: string }[] }).issues.map((i) => i.message)).toContainEqual('A6: "Geuzenwijk, De Driehoek" read as BU03440241 by a close name (similarity 0.8); confirm it, or its figures are not imported');

    const run = await cli('--db', db, 'import', file, '--mapping', 'auto', '--alias', 'Geuzenwijk, De Driehoek=BU03440241', '--json');
    expect(run.code).toBe(0);
    const r = run.json() as { source_id: number };
    expect(r).toMatchObject({ committed: true, observations: 5, areas_matched: 5, figures_skipped: 0 });
    expect((await areasOf(db)).size).toBe(areasBefore);
    const figures = await figuresOf(db, r.source_id);
    const at = (cell: string) => figures.find((f) => f.source.cell === cell);
    expect(at('B2')).toMatchObject({ area_code: 'BU03440232', period: '2024', value: 2_420 });
    expect(at('B3')).toMatchObject({ area_code: 'BU03440231', value: 1_760 });
    expect(at('B4')).toMatchObject({ area_code: 'BU03440233', value: 1_310 });
    expect(at('B5')).toMatchObject({ area_code: 'BU03440311', value: 1_950 });
    expect(at('B6')).toMatchObject({ area_code: 'BU03440241', value: 2_050 });

    // Next year: the forms and the confirmed name are aliases now; no option is needed.
    const next = await cli('--db', db, 'import', writeXlsx('utrecht-woningen-2025.xlsx', FORMS.map((row) => row.map((c) => (typeof c === 'number' ? c + 10 : c)))), '--mapping', 'auto', '--json');
    expect(next.code).toBe(0);
    expect(next.json()).toMatchObject({ committed: true, observations: 5, figures_skipped: 0 });
    expect((await figuresOf(db, (next.json() as { source_id: number }).source_id)).find((f) => f.source.cell === 'B6')).toMatchObject({ area_code: 'BU03440241', period: '2025', value: 2_060 });
  });

  it('wizard: the preview matches the forms, offers the close name with its candidate, and the commit remembers every matched name as an alias', async () => {
    const s = freshServices();
    try {
      await commit(s, { filePath: writeXlsx('kwb-2024-noordwest-b.xlsx', KWB) });
      const file = writeXlsx('utrecht-woningen-2024-b.xlsx', FORMS);
      const p = await preview(s, { filePath: file });
      expect(p.areas).toMatchObject({ within: 'GM0344', matched: 4, needsConfirmation: 1, unmatched: 0 });
      const item = p.areas.review.find((x) => x.label === 'Geuzenwijk, De Driehoek');
      expect(item).toMatchObject({ status: 'fuzzy', code: 'BU03440241' });
      expect(item?.candidates.map((c) => c.name)).toContain('Geuzenwijk');
      expect(p.figures.toImport).toBe(4);
      const before = fingerprint(s);
      const refused = await commit(s, { filePath: file, allowSkips: false });
      expect(refused).toMatchObject({ committed: false, skips: { figures: 1, tooMany: true } });
      expect(fingerprint(s)).toEqual(before);
      const report = await commit(s, { filePath: file, choices: { areas: { choices: [{ label: 'Geuzenwijk, De Driehoek', action: 'use', code: 'BU03440241' }] } } });
      expect(report).toMatchObject({ committed: true, observations: 5, areasCreated: 0, aliasesRemembered: 5 });
      const aliases = s.ctx.db.prepare("SELECT al.alias, a.code FROM area_alias al JOIN area a ON a.id = al.area_id WHERE al.context = '' ORDER BY al.alias").all();
      expect(aliases).toEqual(expect.arrayContaining([
        { alias: 'Buurt Elinkwijk e.o.', code: 'BU03440232' },
        { alias: 'Geuzenwijk, De Driehoek', code: 'BU03440241' },
        { alias: 'Pr. Bernhardplein e.o.', code: 'BU03440233' },
      ]));
      const figs = storedFigures(s, report.sourceId as number);
      expect(figs.find((f) => f.cell === 'B4')).toMatchObject({ area: 'BU03440233', period: '2024', value: 1_310 });
    } finally {
      s.close();
    }
  });
});

// ---- class 3: totals rows
describe('class 3: totals rows are not areas; they are checked against the rows they total, and "Nederland" is the country', () => {
  // A monitor by name: a totals row at the bottom that is off in one count column, then the country.
  const MONITOR_TOTALS: (string | number | null)[][] = [
    ['Gebied', 'Aantal inwoners', 'Aantal woningen', 'Koopwoningen (%)'],
    ['Buurt Zuilen-noord', 5_210, 2_400, 45],
    ['Lombok-West', 4_020, 2_110, 38],
    ['Sterrenwijk', 2_950, 1_390, 51],
    ['Buurten totaal', 12_180, 5_950, 44],
    ['Nederland', 17_942_000, 8_100_000, 57],
  ];

  it('CLI: the totals row is not created and its mismatch is an issue, not a refusal; "Nederland" is stored on NL00', async () => {
    const file = writeXlsx('utrecht-monitor-totalen-2024.xlsx', MONITOR_TOTALS);
    const db = scratch();
    const before = await areasOf(db);
    const run = await cli('--db', db, 'import', file, '--mapping', 'auto', '--under', 'GM0344', '--level', 'buurt', '--json');
    expect(run.code).toBe(0);
    const r = run.json() as { source_id: number; issues: { severity: string; cell: string | null; message: string }[] };
    expect(r).toMatchObject({ committed: true, observations: 12, figures_skipped: 0 });
    // Woningen: 2,400 + 2,110 + 1,390 = 5,900, not 5,950; inwoners add up; the percentages are not summed.
    expect(r.issues.filter((i) => /rows above it add up/.test(i.message))).toEqual([
      expect.objectContaining({ severity: 'warning', cell: 'C5', message: 'C5: "Buurten totaal" gives 5,950, but the 3 rows above it add up to 5,900 (a difference of 50)' }),
    ]);
    expect(r.issues).toContainEqual(expect.objectContaining({ severity: 'info', message: 'A5: "Buurten totaal" is a totals row; its figures are not imported' }));
    const areas = await areasOf(db);
    expect(areas.size).toBe(before.size + 3);
    expect([...areas.values()].some((a) => /totaal|nederland/i.test(a.code))).toBe(false);
    const figures = await figuresOf(db, r.source_id);
    expect(figures.some((f) => f.source.cell.endsWith('5'))).toBe(false);
    expect(figures.find((f) => f.source.cell === 'B6')).toMatchObject({ area_code: 'NL00', value: 17_942_000 });
    expect(figures.find((f) => f.source.cell === 'C4')).toMatchObject({ area_code: 'GM0344-buurt-sterrenwijk', value: 1_390 });
  });

  it('wizard: a totals row at the top is checked against the rows below it, one at the bottom against those above; stacked blocks each', async () => {
    const rows: (string | number | null)[][] = [
      ['gwb_code', 'regio', 'a_inw', 'a_woning'],
      [null, 'Totaal', 76_275, 34_920],
      ['WK034402', 'Wijk 02 Noordwest', 41_020, 19_800],
      ['WK034403', 'Wijk 03 Overvecht', 35_255, 15_120],
      [null, 'Wijken totaal', 76_275, 34_920],
      ['BU03440231', 'Julianapark en omgeving', 3_870, 1_760],
      ['BU03440232', 'Elinkwijk en omgeving', 5_115, '.'],
      [null, 'Buurten totaal', 9_085, 2_420],
    ];
    const file = writeXlsx('kwb-totalen-2024.xlsx', rows);
    const s = freshServices();
    try {
      const p = await preview(s, { filePath: file });
      expect(p.areas.skippedRows).toBe(3);
      // Four areas, two figures each (the "." is a CBS sign, stored as such).
      expect(p.figures.toImport).toBe(8);
      const totals = p.problems.filter((x) => x.kind === 'total_checked' || x.kind === 'total_mismatch');
      // The buurten's total is checked for inwoners only: a_woning has a "." in one of its rows.
      expect(totals).toEqual([
        expect.objectContaining({ kind: 'total_checked', severity: 'info', message: 'B2: "Totaal" equals the sum of the 2 rows below it in 2 count columns' }),
        expect.objectContaining({ kind: 'total_checked', severity: 'info', message: 'B5: "Wijken totaal" equals the sum of the 2 rows above it in 2 count columns' }),
        expect.objectContaining({ kind: 'total_mismatch', severity: 'warning', cell: 'C8', message: 'C8: "Buurten totaal" gives 9,085, but the 2 rows above it add up to 8,985 (a difference of 100)' }),
      ]);
      const report = await commit(s, { filePath: file, allowSkips: false });
      expect(report).toMatchObject({ committed: true, observations: 8, areasCreated: 3 });
      expect(report.issues.filter((i) => i.kind === 'total_mismatch')).toHaveLength(1);
      const figs = storedFigures(s, report.sourceId as number);
      expect(figs.some((f) => ['C2', 'C5', 'C8'].includes(f.cell ?? ''))).toBe(false);
      expect(figs.find((f) => f.cell === 'C7')).toMatchObject({ area: 'BU03440232', value: 5_115 });
      expect(figs.find((f) => f.cell === 'D7')).toMatchObject({ area: 'BU03440232', value: null, sign: expect.any(String) });
    } finally {
      s.close();
    }
  });
});
