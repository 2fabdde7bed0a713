import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/run-cli';
import { makeNotSpreadsheets } from '../../fixtures/make-not-spreadsheets';
import { makeUglyWorkbook } from '../../fixtures/make-ugly-workbook';

/**
 * `wijkverkenner import` without questions: the policy for what the wizard would ask is in the
 * options and in --help; undecided areas are skipped and listed, never guessed; exit codes say
 * whether anything was committed.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-cli-import-'));
const scratch = (): string => path.join(mkdtempSync(path.join(dir, 'db-')), 'store.sqlite');
const KEYS = ['committed', 'source_id', 'file', 'sha256', 'sheet', 'layout', 'header_rows', 'rows_read', 'observations', 'areas_matched', 'areas_unmatched', 'indicators_new', 'figures_skipped', 'skip_summary', 'issues'];

interface CliIssue {
  sheet: string | null;
  row: number | null;
  column: string | null;
  cell: string | null;
  severity: string;
  message: string;
}
interface CliReport {
  committed: boolean;
  source_id: number | null;
  observations: number;
  areas_matched: number;
  areas_unmatched: number;
  issues: CliIssue[];
}

/** The default store's own sources: programme figures, focus areas, municipality codes, composition proposals. */
const SEED_SOURCES = 4;

describe('wijkverkenner import', () => {
  it('--help documents the options and the policy for areas it cannot decide', async () => {
    const run = await cli('import', '--help');
    expect(run.code).toBe(0);
    for (const text of ['--sheet NAME', '--mapping auto|none|NAME', '--period YYYY', '--dry-run', '--json', '--create-areas', '--no-create-areas', '--allow-skips', '--accept-fuzzy', '--alias TEXT=CODE', 'skipped and listed as an issue', 'Exit 1 when nothing could be committed']) {
      expect(run.stdout).toContain(text);
    }
    const all = await cli('--help');
    expect(all.stdout).toContain('import FILE');
    expect(all.stdout).toContain('sources [--json]');
  });

  it('with --no-create-areas skips CBS areas the store lacks, lists them, and exits 1 when nothing was committed', async () => {
    const db = scratch();
    const { file } = makeUglyWorkbook(dir);
    const without = await cli('--db', db, 'import', file, '--no-create-areas', '--json');
    expect(without.code).toBe(1);
    const r = without.json() as CliReport;
    expect(Object.keys(r)).toEqual(KEYS);
    // The default store ships the focus areas' proposed members (Overvecht, WK034403, among them):
    // the other three districts and the unknown name are what it lacks.
    expect(r).toMatchObject({ committed: false, source_id: null, observations: 0, areas_matched: 0, areas_unmatched: 4 });
    const skipped = r.issues.filter((i) => /not in the store and new areas are not created/.test(i.message));
    expect(skipped.map((i) => i.cell)).toEqual(['B7', 'B10', 'B11']);
    expect(skipped[0]).toEqual({ sheet: 'Focusgebieden', row: 7, column: 'B', cell: 'B7', severity: 'warning', message: expect.stringContaining('WK034406') });
    // Overvecht's figures could go in, but most of the file would be left out: not committed.
    expect(r.issues[0]).toMatchObject({ severity: 'error', message: expect.stringMatching(/^20 figures skipped: 3 areas not in the store — use --create-areas; 1 unknown area name .*; nothing was imported \(--allow-skips imports the rest\)$/) });
    expect((await cli('--db', db, 'sources', '--json')).json()).toHaveLength(SEED_SOURCES);

    // By default CBS codes are created with their parents; what is still left out (an unknown name,
    // a text cell) is more than a small share of this small file: not committed, unless --allow-skips.
    const refused = await cli('--db', db, 'import', file, '--json');
    expect(refused.code).toBe(1);
    expect(refused.json()).toMatchObject({ committed: false, observations: 0, figures_skipped: 9, skip_summary: '9 figures skipped: 1 unknown area name — use --create-areas --under GM…, or --alias NAME=CODE; 4 repeating an area and period; 1 in cells that are not numbers' });
    expect(refused.stderr).toContain('focusgebieden-2023.xlsx: 9 figures skipped: 1 unknown area name');
    expect((await cli('--db', db, 'sources', '--json')).json()).toHaveLength(SEED_SOURCES);
    const created = await cli('--db', db, 'import', file, '--allow-skips', '--json');
    expect(created.code).toBe(0);
    expect(created.json()).toMatchObject({ committed: true, layout: 'wide', header_rows: [4, 5], rows_read: 7, observations: 15, areas_matched: 4, areas_unmatched: 1, indicators_new: 3 });
  });

  it('--dry-run previews what a commit would write and writes nothing', async () => {
    const db = scratch();
    const { file } = makeUglyWorkbook(dir);
    const run = await cli('--db', db, 'import', file, '--dry-run', '--create-areas', '--allow-skips', '--json');
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ committed: false, source_id: null, observations: 15, areas_matched: 4, areas_unmatched: 1, indicators_new: 3 });
    expect((await cli('--db', db, 'sources', '--json')).json()).toHaveLength(SEED_SOURCES);
    const human = await cli('--db', db, 'import', file, '--dry-run', '--create-areas', '--allow-skips');
    expect(human.stdout).toMatch(/^Proefimport \(er is niets opgeslagen\): focusgebieden-2023\.xlsx \(blad Focusgebieden\)\./);
    expect(human.stdout).toContain('15 cijfers zouden worden opgeslagen');
    expect(human.stdout).toMatch(/fout\s+C10\s+C10: "n\.v\.t\." is text/);
  });

  it('links a name the store does not know with --alias, and remembers it', async () => {
    const db = scratch();
    const file = path.join(dir, 'stadsdelen-2022.csv');
    writeFileSync(file, 'Stadsdeel;Inwoners\nZuidoost (stadsdeel);89000\nNieuw-West (stadsdeel);163000\n');
    const unknown = (await cli('--db', db, 'import', file, '--json')).json() as CliReport;
    expect(unknown).toMatchObject({ committed: false, areas_unmatched: 2 });
    const linked = await cli('--db', db, 'import', file, '--json', '--alias', 'Zuidoost (stadsdeel)=NPLV11', '--alias', 'Nieuw-West (stadsdeel)=Amsterdam Nieuw-West');
    expect(linked.code, linked.stderr).toBe(0);
    expect(linked.json()).toMatchObject({ committed: true, observations: 2, areas_matched: 2, areas_unmatched: 0 });
    const figures = (await cli('--db', db, 'observations', '--area', 'NPLV11', '--json')).json() as { indicator_code: string; value: number }[];
    expect(figures.find((f) => f.value === 89000)).toBeDefined();
    // Remembered: a second edition needs no --alias.
    writeFileSync(file, 'Stadsdeel;Inwoners\nZuidoost (stadsdeel);89500\nNieuw-West (stadsdeel);163500\n');
    const next = await cli('--db', db, 'import', file, '--json');
    expect(next.json()).toMatchObject({ committed: true, observations: 2, areas_unmatched: 0 });
    expect((await cli('--db', db, 'import', file, '--alias', 'geen-gelijkteken')).code).toBe(2);
    writeFileSync(file, 'Stadsdeel;Inwoners\nZuidoost (stadsdeel);90000\n');
    const typo = await cli('--db', db, 'import', file, '--alias', 'Zuidoost (stadsdeel)=NPLV99');
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/error AREA_UNKNOWN: no area has the code or name "NPLV99" \(chosen for "Zuidoost \(stadsdeel\)"\)/);
  });

  it('leaves a close name match out until it is confirmed (--alias) or all are accepted (--accept-fuzzy)', async () => {
    const db = scratch();
    const file = path.join(dir, 'focusgebieden-typo-2023.csv');
    writeFileSync(file, 'Gebied;Inwoners\nRotterdm-Zuid;98000\nUtrecht Overvecht;35000\n');
    const asked = (await cli('--db', db, 'import', file, '--dry-run', '--json')).json() as CliReport;
    expect(asked).toMatchObject({ observations: 1, areas_matched: 1, areas_unmatched: 1 });
    expect(asked.issues.find((i) => i.cell === 'A2')).toMatchObject({ severity: 'warning', message: expect.stringMatching(/"Rotterdm-Zuid" read as NPLV09 by a close name .*confirm it, or its figures are not imported/) });
    const accepted = await cli('--db', db, 'import', file, '--accept-fuzzy', '--json');
    expect(accepted.json()).toMatchObject({ committed: true, observations: 2, areas_matched: 2, areas_unmatched: 0 });
    // Accepted once, remembered: the next file with the same spelling matches at once.
    const again = path.join(dir, 'focusgebieden-typo-2024.csv');
    writeFileSync(again, 'Gebied;Inwoners\nRotterdm-Zuid;99000\n');
    expect((await cli('--db', db, 'import', again, '--json')).json()).toMatchObject({ committed: true, observations: 1, areas_unmatched: 0 });
  });

  it('refuses what is not a spreadsheet with exit 1, the reason on stderr and in the JSON', async () => {
    const bad = makeNotSpreadsheets(dir, makeUglyWorkbook(dir).file);
    const run = await cli('--db', scratch(), 'import', bad.png, '--json');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error FILE_NOT_SPREADSHEET: kaart\.xlsx is a PNG image, not a spreadsheet/);
    expect(run.json()).toMatchObject({ committed: false, source_id: null, file: 'kaart.xlsx', issues: [{ severity: 'error', message: expect.stringMatching(/PNG image/) }] });
    expect((await cli('--db', scratch(), 'import')).code).toBe(2);
    expect((await cli('--db', scratch(), 'import', bad.png, '--header-rows', 'x')).code).toBe(2);
  });

  it('sources, mappings and observations --source: each figure says where it came from', async () => {
    const db = scratch();
    const { file } = makeUglyWorkbook(dir);
    const r = (await cli('--db', db, 'import', file, '--create-areas', '--allow-skips', '--json')).json() as CliReport;
    const sources = (await cli('--db', db, 'sources', '--json')).json() as Record<string, unknown>[];
    expect(sources[0]).toMatchObject({ id: r.source_id, kind: 'file', file: 'focusgebieden-2023.xlsx', sheet: 'Focusgebieden', layout: 'wide', rows_read: 7, observations_written: 15, current: 15, superseded: 0 });
    expect((sources[0]?.sha256 as string).length).toBe(64);
    const human = await cli('--db', db, 'sources');
    expect(human.stdout).toMatch(/focusgebieden-2023\.xlsx\s+Focusgebieden\s+[0-9a-f]{12}\s/);
    expect((await cli('--db', db, 'mappings', '--json')).json()).toEqual([expect.objectContaining({ name: 'focusgebieden', layout: 'wide', measures: 4 })]);
    const figures = (await cli('--db', db, 'observations', '--source', String(r.source_id), '--json')).json() as { source: Record<string, unknown>; value: number | null; sign: string | null }[];
    expect(figures).toHaveLength(15);
    expect(figures.find((f) => f.source.cell === 'C11')).toMatchObject({
      value: 12480,
      sign: 'provisional',
      source: { id: r.source_id, title: 'focusgebieden-2023.xlsx', file: 'focusgebieden-2023.xlsx', sheet: 'Focusgebieden', cell: 'C11', raw: '12.480*' },
    });
  });
});
