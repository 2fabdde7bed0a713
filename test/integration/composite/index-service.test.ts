import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { cli } from '../../helpers/run-cli';
import { servicesWithYears } from '../compare/helpers';
import { fails, ok } from '../scenario/helpers';

// The three generated KWB years (test/fixtures/make-kwb-years.ts), 2024: three Utrecht districts.
//            a_inw   p_koopw
// WK034401   30000   40
// WK034402   45000   50
// WK034403   35000   30
const AREAS = ['WK034401', 'WK034402', 'WK034403'];

describe('composite index through dispatch and the CLI', () => {
  let s: Services & { dir: string };
  beforeAll(async () => {
    s = await servicesWithYears();
    // Direction is the indicator's: make owner-occupation count as better for this test.
    s.ctx.db.prepare("UPDATE indicator SET direction = 'higher_better' WHERE code = 'p_koopw'").run();
    await ok(s, 'views.save', { name: 'Utrecht wijken', state: { areas: AREAS, indicators: ['a_inw', 'p_koopw'], period: '2024' } });
  });
  afterAll(() => s?.close());

  it('scores the view’s areas on the grid’s figures, contributions adding up to the score', async () => {
    const definition = { components: [{ indicatorCode: 'p_koopw', weight: 2 }, { indicatorCode: 'a_inw', weight: 1 }], reference: 'shown' as const, missing: 'exclude' as const };
    await ok(s, 'index.save', { view: 'Utrecht wijken', definition });
    const r = await ok(s, 'index.run', { view: 'Utrecht wijken' });
    // By hand: p_koopw mean 40, sd √(200/3); a_inw mean 36666.67, sd √(38888888.9) (population sd).
    const sdK = Math.sqrt(200 / 3);
    const sdI = Math.sqrt(((30000 - 110000 / 3) ** 2 + (45000 - 110000 / 3) ** 2 + (35000 - 110000 / 3) ** 2) / 3);
    const z = (x: number, m: number, sd: number) => (x - m) / sd;
    const expected = (k: number, i: number) => (2 * z(k, 40, sdK) + z(i, 110000 / 3, sdI)) / 3;
    expect(r.rows.map((x) => x.areaCode)).toEqual(['WK034402', 'WK034401', 'WK034403']);
    expect(r.rows.map((x) => x.rank)).toEqual([1, 2, 3]);
    expect(r.rows[0]!.score).toBeCloseTo(expected(50, 45000), 10);
    expect(r.rows[2]!.score).toBeCloseTo(expected(30, 35000), 10);
    for (const row of r.rows) expect(Object.values(row.contributions).reduce((a, b) => a + b, 0)).toBeCloseTo(row.score, 12);
    expect(r.stats.map((x) => [x.indicatorCode, x.n, x.period, x.share])).toEqual([['p_koopw', 3, '2024', 2 / 3], ['a_inw', 3, '2024', 1 / 3]]);
    expect(await ok(s, 'index.get', { view: 'Utrecht wijken' })).toEqual(definition);
  });

  it('turns an indicator where higher is worse', async () => {
    s.ctx.db.prepare("UPDATE indicator SET direction = 'higher_worse' WHERE code = 'p_koopw'").run();
    const r = await ok(s, 'index.run', { view: 'Utrecht wijken', definition: { components: [{ indicatorCode: 'p_koopw', weight: 1 }], reference: 'shown', missing: 'exclude' } });
    expect(r.rows.map((x) => x.areaCode)).toEqual(['WK034403', 'WK034401', 'WK034402']);
    s.ctx.db.prepare("UPDATE indicator SET direction = 'higher_better' WHERE code = 'p_koopw'").run();
  });

  it('prints {area_code, score, rank, contributions} from the CLI, keyed by indicator code', async () => {
    const run = await cli('--db', path.join(s.dir, 'store.sqlite'), 'index', '--view', 'Utrecht wijken', '--json');
    expect(run.code, run.stderr).toBe(0);
    const rows = run.json() as { area_code: string; score: number; rank: number; contributions: Record<string, number> }[];
    expect(rows.map((r) => Object.keys(r))).toEqual(rows.map(() => ['area_code', 'score', 'rank', 'contributions']));
    expect(rows.map((r) => r.area_code)).toEqual(['WK034402', 'WK034401', 'WK034403']);
    expect(Object.keys(rows[0]!.contributions).sort()).toEqual(['a_inw', 'p_koopw']);
    const table = await cli('--db', path.join(s.dir, 'store.sqlite'), 'index', '--view', 'Utrecht wijken');
    expect(table.stdout).toContain('Wijk 02 Noordwest');
    expect(table.stdout).toContain('gewicht 67%');
  });

  it('says when a view has no index, and refuses an unknown view', async () => {
    await ok(s, 'views.save', { name: 'Zonder index', state: { areas: AREAS, indicators: ['a_inw'], period: '2024' } });
    expect((await fails(s, 'index.run', { view: 'Zonder index' })).message).toContain('no composite index');
    expect((await fails(s, 'index.run', { view: 'Bestaat niet' })).code).toBe('NOT_FOUND');
    const run = await cli('--db', path.join(s.dir, 'store.sqlite'), 'index', '--view', 'Bestaat niet', '--json');
    expect(run.code).toBe(1);
  });
});
