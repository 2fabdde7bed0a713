import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/store/open-store';
import { BLOCK_SCAN_SQL, BLOCK_SEEK_SQL, FIGURES_BY_ID_SQL, FIGURES_ALL_PERIODS_SQL, FIGURES_IN_PERIODS_SQL, HAS_FIGURE_SQL, LEAN_FIGURES_IN_PERIODS_SQL, INDICATORS_IN_RANGE_SQL, PERIOD_EXTENT_SQL, registerFigurePut } from '../../../main/store/queries/compare';

/**
 * The compare reads stay index seeks as the store grows: figures area first through
 * observation_area (area, indicator[, period]) — never a scan of observation, never a temporary
 * index. (Speed itself is measured by `npm run bench -- compare`.)
 */
describe('query plans of the comparison', () => {
  const { db } = openStore(':memory:');
  afterAll(() => db.close());
  const plan = (sql: string, params: Record<string, unknown>) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((p) => p.detail);
  const args = { areas: '[1,2,3]', indicators: '[1,2]', periods: '["2024","2022"]', indicator: 1, period: '2024', indicatorMask: Buffer.from([0, 1, 1]) };

  it('figures in given periods (and without raw text and cell, lean): one seek in observation_area per (area, indicator, period)', () => {
    for (const sql of [FIGURES_IN_PERIODS_SQL, LEAN_FIGURES_IN_PERIODS_SQL]) {
      const p = plan(sql, args);
      expect(p.join('\n')).toMatch(/SEARCH o USING INDEX observation_area \(area_id=\? AND indicator_id=\? AND period=\?\)/);
      expect(p.some((d) => /SCAN o\b|AUTOMATIC|TEMP B-TREE/.test(d))).toBe(false);
    }
  });

  it('figures in every period: one seek per (area, indicator)', () => {
    const p = plan(FIGURES_ALL_PERIODS_SQL, args);
    expect(p.join('\n')).toMatch(/SEARCH o USING INDEX observation_area \(area_id=\? AND indicator_id=\?\)/);
    expect(p.some((d) => /SCAN o\b|AUTOMATIC|TEMP B-TREE/.test(d))).toBe(false);
  });

  it("'latest': whether any area has a figure in a period is a seek per area, stopping at the first", () => {
    const p = plan(HAS_FIGURE_SQL, args);
    expect(p.join('\n')).toMatch(/SEARCH o USING INDEX observation_area \(area_id=\? AND indicator_id=\? AND period=\?\)/);
    expect(p.some((d) => /SCAN o\b|AUTOMATIC/.test(d))).toBe(false);
  });

  it("'latest' in a period of few figures: its sources' id ranges walked once for all indicators", () => {
    const p = plan(INDICATORS_IN_RANGE_SQL, { first: 1, last: 900, period: '2025', areas: '[1,2]' });
    expect(p.join('\n')).toMatch(/SEARCH o USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
    expect(p.some((d) => /SCAN o\b|AUTOMATIC/.test(d))).toBe(false);
  });

  it('members in bulk (per-member detail off), few: one seek in observation_area per (area, indicator, period)', () => {
    registerFigurePut(db);
    const p = plan(BLOCK_SEEK_SQL, args);
    expect(p.join('\n')).toMatch(/SEARCH o USING INDEX observation_area \(area_id=\? AND indicator_id=\? AND period=\?\)/);
    expect(p.some((d) => /SCAN o\b|AUTOMATIC|TEMP B-TREE/.test(d))).toBe(false);
  });

  it("members in bulk, many: the period's sources walked as rowid ranges (no index, no scan of other sources' ranges)", () => {
    registerFigurePut(db);
    const p = plan(BLOCK_SCAN_SQL, args);
    expect(p.join('\n')).toMatch(/SEARCH s USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(p.join('\n')).toMatch(/SEARCH o USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
    expect(p.some((d) => /SCAN o\b|AUTOMATIC|TEMP B-TREE|BLOOM FILTER ON o/.test(d))).toBe(false);
    // the indicators are a BLOB of flags read per row, not a json_each probe per row
    expect(p.some((d) => /json_each/.test(d))).toBe(false);
    const extent = plan(PERIOD_EXTENT_SQL, args);
    expect(extent.join('\n')).toMatch(/SEARCH s USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(extent.some((d) => /SCAN s\b|AUTOMATIC/.test(d))).toBe(false);
  });

  it("named members' whole figures: one rowid lookup each", () => {
    const p = (db.prepare(`EXPLAIN QUERY PLAN ${FIGURES_BY_ID_SQL}`).all('[7,9]') as { detail: string }[]).map((x) => x.detail);
    expect(p.join('\n')).toMatch(/SEARCH o USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(p.some((d) => /SCAN o\b|AUTOMATIC|TEMP B-TREE/.test(d))).toBe(false);
  });

  it('children of a district or municipality by CBS code: a range on the code index', () => {
    const p = (db.prepare("EXPLAIN QUERY PLAN SELECT id FROM area WHERE code > 'BU034403' AND code < 'BU034403~' AND length(code) = 10").all() as { detail: string }[]).map((x) => x.detail);
    expect(p.join('\n')).toMatch(/SEARCH area USING (COVERING )?INDEX sqlite_autoindex_area_1 \(code>\? AND code<\?\)/);
  });
});
