import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Services } from '../../../main/app/services';
import { eachFigureInPeriod, loadFigures, SIGN_CODE_SQL } from '../../../main/store/queries/compare';
import type { CompareCell, CompareResult } from '../../../shared/contract/compare';
import { SIGN_CODES } from '../../../shared/domain/compare/figure-block';
import { MemoryCompareData } from '../../../shared/domain/compare/memory-data';
import { servicesWithYears } from './helpers';

/**
 * Without per-member detail (memberDetail: false: the charts' scatter, a national aggregation),
 * members' figures are read in bulk and held as columns (figure-block.ts). Every cell must be the
 * one the member-by-member path gives — value, coverage, reason, source line, delta — only the
 * per-member list is left out. On three generated KWB years (see make-kwb-years.ts).
 */
let s: Services;
beforeAll(async () => {
  s = await servicesWithYears();
});
afterAll(() => s.close());

async function ok<T>(name: string, input: unknown): Promise<T> {
  const env = await s.call(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
  return env.value as T;
}
const cellOf = (r: CompareResult, area: string, ind: string): CompareCell => {
  const c = r.rows.find((x) => x.areaCode === area)?.cells.find((x) => x.indicatorCode === ind);
  if (!c) throw new Error(`no cell ${area}/${ind}`);
  return c;
};
const withoutDetail = (r: CompareResult) => ({ ...r, rows: r.rows.map((row) => ({ ...row, cells: row.cells.map((c) => ({ ...c, memberDetail: null })) })) });

describe('members read in bulk give the same cells as member by member', () => {
  const requests = [
    { members: ['BU03440301', 'BU03440302'], input: { areas: ['NPLV15'], indicators: ['p_koopw', 'a_woning', 'a_inw'], period: '2024', compareTo: '2022', references: ['municipality', 'total'] } },
    { members: ['BU03440301', 'BU03440302'], input: { areas: ['NPLV15'], indicators: ['p_koopw', 'a_inw'], period: '2022', minCoverage: 0.5 } },
    { members: ['WK034401', 'WK034402'], input: { areas: ['NPLV15', 'NPLV01'], indicators: ['p_koopw', 'a_woning'], period: '2024', compareTo: '2022', references: ['total'] } },
    { members: ['WK034401', 'WK034402', 'WK034403'], input: { areas: 'focus', indicators: ['p_koopw', 'a_inw', 'ind_wbi'], period: 'latest', compareTo: '2023', references: ['municipality', 'NL', 'total'] } },
  ];
  for (const [k, { members, input }] of requests.entries()) {
    it(`request ${k + 1}: ${members.join('+')} · ${input.indicators.join(', ')} · ${input.period}`, async () => {
      await ok('composition.set', { areaCode: 'NPLV15', memberCodes: members });
      const spy = vi.spyOn(MemoryCompareData.prototype, 'memberValues');
      try {
        const detailed = await ok<CompareResult>('compare.run', { ...input, memberDetail: true });
        expect(spy).not.toHaveBeenCalled();
        const bulk = await ok<CompareResult>('compare.run', { ...input, memberDetail: false });
        // the columns were used, not the member-by-member path
        expect(spy.mock.results.some((r) => r.value !== undefined)).toBe(true);
        expect(bulk).toEqual(withoutDetail(detailed));
        expect(bulk.rows.flatMap((r) => r.cells).filter((c) => c.aggregated && c.value !== null).length).toBeGreaterThan(0);
      } finally {
        spy.mockRestore();
      }
    });
  }

  it("by hand, in bulk: a '.' member lowers the coverage, a '-' member is zero, the source line names each member's cell", async () => {
    await ok('composition.set', { areaCode: 'NPLV15', memberCodes: ['BU03440301', 'BU03440302'] });
    const strict = await ok<CompareResult>('compare.run', { areas: ['NPLV15'], indicators: ['p_koopw'], period: '2022', memberDetail: false });
    expect(cellOf(strict, 'NPLV15', 'p_koopw')).toMatchObject({ value: null, coverage: 0.5, memberDetail: null, missingReason: 'dekking 1 van 2 leden (50%), 56,3% van het gewicht, onder de drempel van 100%' });
    const y2024 = await ok<CompareResult>('compare.run', { areas: ['NPLV15'], indicators: ['p_koopw', 'a_woning'], period: '2024', memberDetail: false });
    const c = cellOf(y2024, 'NPLV15', 'p_koopw');
    expect(c.value).toBe((25 * 9000 + 0 * 7000) / 16000); // 14,0625
    expect(c.members).toEqual(['BU03440301', 'BU03440302']);
    expect(c.coverageDetail).toEqual({ withFigure: 2, total: 2, weightShare: 1, threshold: 1 });
    expect(c.source).toMatch(/^gewogen gemiddelde \(gewicht a_woning\) van 2 leden: BU03440301 \(.*blad.*cel [A-Z]+\d+.*\); BU03440302 \(.*cel [A-Z]+\d+.*\)$/);
    expect(cellOf(y2024, 'NPLV15', 'a_woning').value).toBe(16000);
  });
});

describe('eachFigureInPeriod: seek and scan hand over the same figures as the row read', () => {
  it('codes every CBS sign as SIGN_CODES does', () => {
    const code = s.ctx.db.prepare(`SELECT ${SIGN_CODE_SQL} FROM (SELECT ? AS sign) o`).pluck();
    SIGN_CODES.forEach((sign, i) => expect(code.get(sign), String(sign)).toBe(i));
  });

  it('every area × indicator of the store, each period', () => {
    const db = s.ctx.db;
    const areas = db.prepare('SELECT id FROM area ORDER BY id').pluck().all() as number[];
    const indicators = db.prepare('SELECT id FROM indicator ORDER BY id').pluck().all() as number[];
    for (const period of ['2022', '2023', '2024']) {
      const rows = loadFigures(db, areas, indicators, [period]);
      expect(rows.length).toBeGreaterThan(20);
      const expected = new Map(rows.map(([area, ind, , value, , , sign, , , , ]) => [`${area}/${ind}`, [value, sign]]));
      for (const how of ['seek', 'scan'] as const) {
        const got = new Map<string, [number | null, string | null]>();
        eachFigureInPeriod(db, areas, indicators, period, (_id, area, ind, value, sign) => got.set(`${area}/${ind}`, [value, SIGN_CODES[sign] ?? null]), how);
        expect(got, `${period} ${how}`).toEqual(expected);
      }
    }
  });

  it('some areas × every other indicator: the scan keeps only the asked indicators (the flag mask), like the seek', () => {
    const db = s.ctx.db;
    const areas = db.prepare("SELECT id FROM area WHERE kind = 'neighbourhood' ORDER BY id").pluck().all() as number[];
    const withFigures = db.prepare("SELECT DISTINCT indicator_id FROM observation WHERE period = '2024' ORDER BY 1").pluck().all() as number[];
    expect(withFigures.length).toBeGreaterThan(2);
    const indicators = withFigures.filter((_, k) => k % 2 === 1);
    const asked = new Set(indicators);
    const rows = loadFigures(db, areas, indicators, ['2024']);
    expect(rows.length).toBeGreaterThan(1);
    const expected = new Map(rows.map(([area, ind, , value, , , sign]) => [`${area}/${ind}`, [value, sign]]));
    for (const how of ['seek', 'scan'] as const) {
      const got = new Map<string, [number | null, string | null]>();
      const wanted = new Set(areas);
      eachFigureInPeriod(db, areas, indicators, '2024', (_id, area, ind, value, sign) => {
        expect(asked.has(ind), `${how}: indicator ${ind} not asked`).toBe(true);
        if (wanted.has(area)) got.set(`${area}/${ind}`, [value, SIGN_CODES[sign] ?? null]);
      }, how);
      expect(got, how).toEqual(expected);
    }
  });
});

describe('a lean answer (the grid of thousands of rows) has the same figures without per-cell provenance', () => {
  const leanOf = (r: CompareResult) => ({
    ...r,
    sourceTitles: [],
    rows: r.rows.map((row) => ({ ...row, cells: row.cells.map((c) => ({ ...c, sourceRef: null, source: null, memberDetail: null })) })),
  });
  const requests = [
    { areas: ['BU03440301', 'BU03440302', 'WK034401', 'GM0344'], indicators: ['p_koopw', 'a_woning', 'a_inw'], period: '2024', compareTo: '2022', references: ['municipality', 'NL'] },
    { areas: 'focus', indicators: ['p_koopw', 'a_inw', 'ind_wbi'], period: 'latest', compareTo: '2023', references: ['municipality', 'NL', 'total'] },
  ];
  for (const [k, input] of requests.entries()) {
    it(`request ${k + 1}: ${Array.isArray(input.areas) ? input.areas.join(', ') : input.areas} · ${input.indicators.join(', ')}`, async () => {
      await ok('composition.set', { areaCode: 'NPLV15', memberCodes: ['BU03440301', 'BU03440302'] });
      const full = await ok<CompareResult>('compare.run', { ...input, memberDetail: false });
      const lean = await ok<CompareResult>('compare.run', { ...input, memberDetail: false, lean: true });
      expect({ ...lean, sourceTitles: [] }).toEqual(leanOf(full));
      const cells = lean.rows.flatMap((r) => r.cells);
      expect(cells.every((c) => c.sourceRef === null && c.source === null && c.memberDetail === null)).toBe(true);
      // the figures are there: values, CBS signs, coverage of aggregates
      expect(cells.filter((c) => c.value !== null).length).toBeGreaterThan(0);
      expect(cells.filter((c) => c.value !== null).length).toBe(full.rows.flatMap((r) => r.cells).filter((c) => c.value !== null).length);
      // the files behind the table are named once: every file a full answer names per cell (and those of
      // the comparison period, whose figures make the deltas)
      const perCell = new Set(full.rows.flatMap((r) => r.cells).map((c) => c.sourceRef?.file).filter((x): x is string => !!x));
      expect(perCell.size).toBeGreaterThan(0);
      for (const f of perCell) expect(lean.sourceTitles).toContain(f);
      expect(lean.sourceTitles).toEqual(full.sourceTitles);
      expect(lean.sourceTitles).toContain('kwb-utrecht-2022.xlsx');
      // and memberDetail: true is overruled by lean (a lean answer never carries members' sources)
      const leanDetail = await ok<CompareResult>('compare.run', { ...input, memberDetail: true, lean: true });
      expect(leanDetail.rows.flatMap((r) => r.cells).every((c) => c.memberDetail === null && c.sourceRef === null)).toBe(true);
    });
  }
});
