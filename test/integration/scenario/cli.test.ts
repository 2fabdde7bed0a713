import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../../shared/domain/scenario';
import { cli } from '../../helpers/run-cli';

const scratch = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-scli-'));
  return { dir, db: path.join(dir, 'scratch.sqlite') };
};

interface SeriesRow {
  area_code: string;
  stream: string;
  year: number;
  amount: number;
  per_resident: number | null;
  delta: number | null;
}

describe('wijkverkenner scenario', () => {
  it('lists the templates, as a table and as JSON', async () => {
    const { db } = scratch();
    const table = await cli('--db', db, 'scenario', 'templates');
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^id\s+naam\s+omschrijving$/);
    expect(table.stdout).toContain('kansrijke-wijk-tot-2028');
    const json = (await cli('--db', db, 'scenario', 'templates', '--json')).json() as { id: string }[];
    expect(json.map((t) => t.id)).toEqual(['kansrijke-wijk-stop', 'kansrijke-wijk-tot-2028', 'preventie-met-gezag', 'woningverbetering']);
  });

  it('prints a template as a definition that can be edited, run and saved', async () => {
    const { dir, db } = scratch();
    const tpl = await cli('--db', db, 'scenario', 'template', 'kansrijke-wijk-stop');
    expect(tpl.code).toBe(0);
    const def = tpl.json() as Record<string, unknown> & { streams: Record<string, unknown>[] };
    // The definition keeps the schema's own (camelCase) keys, so it can go straight back in.
    expect(def).toMatchObject({ schemaVersion: 1, id: 'kansrijke-wijk-stop', years: { from: 2023, to: 2030 } });
    def.id = 'tot-2027';
    def.name = 'Door tot 2027 op 80%';
    def.baseline = { id: 'kansrijke-wijk-stop' };
    def.streams[0]!.afterEnd = { kind: 'continue', pct: 80, untilYear: 2027 };
    def.streams[0]!.indexationPctPerYear = 2;
    const file = path.join(dir, 'tot-2027.json');
    writeFileSync(file, JSON.stringify(def));

    const run = await cli('--db', db, 'scenario', 'run', file, '--json');
    expect(run.code, run.stderr).toBe(0);
    const out = run.json() as { scenario: Record<string, unknown>; years: number[]; series: SeriesRow[]; housing: unknown[]; bands: unknown[]; assumptions: { kind: string }[] };
    expect(out.scenario).toEqual({ id: 'tot-2027', name: 'Door tot 2027 op 80%', description: expect.any(String), baseline_id: 'kansrijke-wijk-stop' });
    expect(out.years).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(Object.keys(out.series[0] ?? {})).toEqual(expect.arrayContaining(['area_code', 'stream', 'year', 'amount', 'per_resident', 'delta']));
    const p2026 = out.series.find((r) => r.area_code === 'NPLV' && r.year === 2026);
    // The hand figure: 85,33 × 0,8 × 1,02 in 2026.
    expect(p2026?.amount).toBeCloseTo((256e6 / 3) * 0.8 * 1.02, 4);
    expect(p2026?.delta).toBeCloseTo((256e6 / 3) * 0.8 * 1.02, 4);
    expect(p2026?.per_resident).toBeNull();
    expect(out.series.filter((r) => r.area_code === 'NPLV')).toHaveLength(8);
    expect(out.housing).toEqual([]);
    expect(out.bands).toEqual([]);
    expect(out.assumptions.some((a) => a.kind === 'ontbrekend')).toBe(true);

    const saved = await cli('--db', db, 'scenario', 'save', file);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toBe('Opgeslagen: Door tot 2027 op 80% (tot-2027)\n');
    const fromStore = await cli('--db', db, 'scenario', 'run', '--saved', 'tot-2027', '--json');
    expect((fromStore.json() as { series: SeriesRow[] }).series).toEqual(out.series);
  });

  it('runs a template with Monte Carlo bands when asked, seeded', async () => {
    const { db } = scratch();
    const a = await cli('--db', db, 'scenario', 'run', '--template', 'woningverbetering', '--runs', '500', '--seed', '9', '--json');
    expect(a.code, a.stderr).toBe(0);
    const out = a.json() as { monte_carlo: unknown; bands: { kind: string; p10: number | null; p50: number | null; p90: number | null }[]; housing_targets: unknown[] };
    expect(out.monte_carlo).toEqual({ runs: 500, seed: 9, ranged_parameters: 1 });
    expect(out.bands.some((b) => b.kind === 'targetYear')).toBe(true);
    expect(out.bands.filter((b) => b.kind === 'housing').length).toBeGreaterThan(0);
    const b = await cli('--db', db, 'scenario', 'run', '--template', 'woningverbetering', '--runs', '500', '--seed', '9', '--json');
    expect(b.json()).toEqual(out);
    // Without --runs, a definition with ranges gets bands by default; --runs 0 skips them.
    expect((await cli('--db', db, 'scenario', 'run', '--template', 'woningverbetering', '--runs', '0', '--json')).json()).toMatchObject({ bands: [], monte_carlo: null });
    const people = await cli('--db', db, 'scenario', 'run', '--template', 'woningverbetering');
    expect(people.stdout).toContain('Monte Carlo: 2.000 trekkingen, seed 1, 1 parameter met een bandbreedte');
    expect(people.stdout).toMatch(/Doel NPLV \(ten hoogste 0 slechte woningen\): Doel bereikt in \d{4}/);
  });

  it('prints the JSON schema of a definition', async () => {
    const run = await cli('--db', scratch().db, 'scenario', 'schema');
    expect(run.code).toBe(0);
    expect(run.json()).toEqual(scenarioJsonSchema());
  });

  it('lists, shows, renames, duplicates and deletes saved scenarios', async () => {
    const { dir, db } = scratch();
    const file = path.join(dir, 'def.json');
    writeFileSync(file, (await cli('--db', db, 'scenario', 'template', 'kansrijke-wijk-tot-2028')).stdout);
    expect((await cli('--db', db, 'scenario', 'list')).stdout).toContain('Nog geen opgeslagen scenario');
    // A template's own id is refused; --id gives the scenario its own.
    const refused = await cli('--db', db, 'scenario', 'save', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error SCENARIO_INVALID: The id "kansrijke-wijk-tot-2028" belongs to a shipped template/);
    expect((await cli('--db', db, 'scenario', 'save', file, '--id', 'motie', '--name', 'Motie 2028')).code).toBe(0);
    const list = (await cli('--db', db, 'scenario', 'list', '--json')).json() as Record<string, unknown>[];
    expect(list).toEqual([expect.objectContaining({ id: 'motie', name: 'Motie 2028', baseline_id: 'kansrijke-wijk-stop', streams: 1, has_housing: false })]);
    const show = await cli('--db', db, 'scenario', 'show', 'motie');
    expect(show.json()).toMatchObject({ id: 'motie', name: 'Motie 2028', schemaVersion: 1 });
    expect((await cli('--db', db, 'scenario', 'rename', 'motie', 'Motie Kamer 2028')).stdout).toBe('Hernoemd: motie heet nu Motie Kamer 2028\n');
    expect((await cli('--db', db, 'scenario', 'duplicate', 'motie')).stdout).toBe('Gekopieerd naar: Motie Kamer 2028 (kopie) (motie-kopie)\n');
    const table = (await cli('--db', db, 'scenario', 'list')).stdout;
    expect(table).toMatch(/^id\s+naam\s+jaren/);
    expect(table).toContain('motie-kopie');
    expect((await cli('--db', db, 'scenario', 'delete', 'motie-kopie')).stdout).toBe('Verwijderd: motie-kopie\n');
    const gone = await cli('--db', db, 'scenario', 'delete', 'motie-kopie');
    expect(gone.code).toBe(1);
    expect(gone.stderr).toBe('error NOT_FOUND: No saved scenario with id "motie-kopie".\n');
  });

  it('exits 1 on an invalid or unreadable definition, with the path of the problem', async () => {
    const { dir, db } = scratch();
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, id: 'x', name: 'X', years: { from: 2030, to: 2020 } }));
    const run = await cli('--db', db, 'scenario', 'run', bad);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('error SCENARIO_INVALID: Invalid scenario definition: years.to: years.to (2020) is before years.from (2030)\n  - years.to: years.to (2020) is before years.from (2030)\n');
    const notJson = path.join(dir, 'nope.json');
    writeFileSync(notJson, '{ "id": ');
    expect((await cli('--db', db, 'scenario', 'run', notJson)).stderr).toMatch(/^error SCENARIO_INVALID: .*nope\.json is not valid JSON/);
    const missing = await cli('--db', db, 'scenario', 'run', path.join(dir, 'absent.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error FILE_UNREADABLE: Cannot read .*absent\.json/);
    expect((await cli('--db', db, 'scenario', 'template', 'onbekend')).code).toBe(1);
  });

  it('exits 2 on usage errors', async () => {
    const { db } = scratch();
    for (const argv of [[], ['frobnicate'], ['run'], ['run', 'a.json', '--template', 'x'], ['run', '--template', 'x', '--runs', 'veel'], ['run', '--template', 'x', '--runs', '1000000'], ['template'], ['show'], ['rename', 'x'], ['list', '--bogus']]) {
      const run = await cli('--db', db, 'scenario', ...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stdout, argv.join(' ')).toBe('');
      expect(run.stderr.length, argv.join(' ')).toBeGreaterThan(0);
    }
  });
});
