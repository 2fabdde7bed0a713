import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { checkBulkLoad, resumeRowChecks, setAsideIndexes, suspendRowChecks } from '../../../main/store/queries/bulk-load';
import { ObservationWrites } from '../../../main/store/queries/observation-writes';
import { freshServices } from '../../helpers/services';
import { makeBuurtenCsv } from '../../fixtures/make-buurten-csv';
import { commit, commitJob, expectSourceExtentsCover, fingerprint, storedFigures } from './commit-helpers';

/**
 * A large file is bulk loaded: the foreign keys and the other tables' CHECKs are checked once at
 * the end instead of on every row (the figures' rules in the writer), and any observation index that rows would land all over is set aside and built again (since
 * migration 0005 there is none: observation_area grows at its end). None of that may show: the same
 * figures as a normal import, the same indexes afterwards, foreign keys back on, and a failure or a
 * cancel still leaves the store exactly as it was — indexes included.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const indexes = (s: Services) => s.ctx.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observation' ORDER BY name").all();
const request = (filePath: string) => ({ filePath, choices: { areas: { newAreas: 'create' as const } } });

/** Inside a transaction: a source for figures written by hand, and an area and an indicator they can point to. */
function loadTarget(db: Services['ctx']['db'], title: string): { sourceId: number; areaId: number; indicatorId: number } {
  const sourceId = Number(db.prepare("INSERT INTO source (kind, title, imported_at) VALUES ('file', ?, 'now')").run(title).lastInsertRowid);
  const areaId = db.prepare("SELECT id FROM area WHERE code = 'NPLV01'").pluck().get() as number;
  const indicatorId = db.prepare('SELECT id FROM indicator LIMIT 1').pluck().get() as number;
  return { sourceId, areaId, indicatorId };
}

describe('bulk load of a large file', () => {
  let s: Services;
  let normal: Services;
  beforeAll(() => {
    s = freshServices();
    normal = freshServices();
  });
  afterAll(() => {
    s.close();
    normal.close();
  });
  beforeEach(() => {
    process.env.WV_IMPORT_BULK_MIN_FIGURES = '1';
  });
  afterEach(() => {
    delete process.env.WV_IMPORT_BULK_MIN_FIGURES;
  });

  it('stores exactly what a normal import stores, and leaves the indexes and foreign keys as they were', async () => {
    const { file } = makeBuurtenCsv(dir, { rows: 3000, name: 'buurten-bulk-2024.csv' });
    const before = indexes(s);
    expect(before.map((i) => (i as { name: string }).name)).toEqual(['observation_area']);
    const bulk = await commit(s, request(file));
    delete process.env.WV_IMPORT_BULK_MIN_FIGURES;
    const plain = await commit(normal, request(file));
    expect(bulk).toMatchObject({ committed: true, observations: 6000, rowsRead: 3000 });
    expect(storedFigures(s, bulk.sourceId as number)).toEqual(storedFigures(normal, plain.sourceId as number));
    expectSourceExtentsCover(s);
    expectSourceExtentsCover(normal);
    expect(indexes(s)).toEqual(before);
    expect(s.ctx.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(s.ctx.db.pragma('ignore_check_constraints', { simple: true })).toBe(0);
    expect(s.ctx.db.pragma('foreign_key_check')).toEqual([]);
    expect(s.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The indexes are in use again: a lookup by area goes through observation_area.
    const plan = s.ctx.db.prepare('EXPLAIN QUERY PLAN SELECT * FROM observation WHERE area_id = 5 AND indicator_id = 1').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/observation_area/);
  });

  it('a failure half-way leaves the store as it was, its indexes included', async () => {
    const { file } = makeBuurtenCsv(dir, { rows: 6000, name: 'buurten-bulk-fout-2024.csv' });
    s.ctx.db.exec("CREATE TRIGGER forced_failure BEFORE INSERT ON observation WHEN NEW.cell = 'C4001' BEGIN SELECT RAISE(ABORT, 'forced failure half-way'); END;");
    const before = fingerprint(s);
    const idx = indexes(s);
    try {
      const st = await commitJob(s, request(file));
      expect(st).toMatchObject({ state: 'failed', error: { code: 'INTERNAL' } });
      expect(st.error?.message).toMatch(/forced failure half-way/);
    } finally {
      s.ctx.db.exec('DROP TRIGGER forced_failure');
    }
    expect(fingerprint(s)).toEqual(before);
    expect(indexes(s)).toEqual(idx);
    expect(s.ctx.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});

describe('the reference check that replaces per-row foreign keys', () => {
  let s: Services;
  beforeAll(() => {
    s = freshServices();
  });
  afterAll(() => s.close());

  it('refuses figures that point to an area or indicator that does not exist, naming what is wrong', () => {
    const db = s.ctx.db;
    db.pragma('foreign_keys = OFF');
    db.exec('BEGIN');
    try {
      const kept = setAsideIndexes(db);
      const { sourceId, areaId, indicatorId } = loadTarget(db, 'x.csv');
      const w = new ObservationWrites(db, sourceId);
      const row = { period: '2024', yearStart: 2024, yearEnd: 2024, value: 1, low: null, high: null, qualifier: null, sign: null, raw: '1', breakdown: null };
      w.add({ ...row, areaId, indicatorId, cell: 'B2' });
      w.add({ ...row, areaId: 999_999, indicatorId, cell: 'B3' });
      w.add({ ...row, areaId, indicatorId: 888_888, cell: 'B4' });
      w.flush();
      expect(w.written).toBe(3);
      kept.rebuild();
      expect(() => checkBulkLoad(db, { areaIds: w.areaIds, indicatorIds: w.indicatorIds, sourceId })).toThrow(
        /not saved: 1 area\(s\) the figures point to do not exist; 1 indicator\(s\) the figures point to do not exist/,
      );
      // Figures that point to what exists pass.
      expect(() => checkBulkLoad(db, { areaIds: new Set([areaId]), indicatorIds: new Set([indicatorId]), sourceId })).not.toThrow();
    } finally {
      db.exec('ROLLBACK');
      db.pragma('foreign_keys = ON');
    }
  });

  it('refuses rows of the other tables that break a CHECK while CHECKs were off, and enforces CHECKs again from then on', () => {
    const db = s.ctx.db;
    suspendRowChecks(db);
    db.exec('BEGIN');
    try {
      const { sourceId } = loadTarget(db, 'z.csv');
      // With the CHECKs off SQLite takes an area kind it does not know; the end of the load does not.
      db.prepare("INSERT INTO area (code, name, kind, created_at) VALUES ('XX01', 'Nergens', 'galaxy', 'now')").run();
      expect(() => checkBulkLoad(db, { areaIds: new Set(), indicatorIds: new Set(), sourceId })).toThrow(/not saved: area: CHECK constraint failed in area/);
      expect(() => db.prepare("INSERT INTO area (code, name, kind, created_at) VALUES ('XX02', 'Ook nergens', 'galaxy', 'now')").run()).toThrow(/CHECK constraint failed/);
    } finally {
      db.exec('ROLLBACK');
      resumeRowChecks(db);
    }
    expect(db.pragma('ignore_check_constraints', { simple: true })).toBe(0);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});

describe('figures written without a statement journal (INSERT OR FAIL)', () => {
  let s: Services;
  beforeAll(() => {
    s = freshServices();
  });
  afterAll(() => s.close());

  it('are only written inside a transaction', () => {
    expect(() => new ObservationWrites(s.ctx.db, 1)).toThrow(/only written inside the transaction of their import/);
  });

  it('a row that breaks a constraint in the middle of a batch still stops the import, and the rollback leaves nothing', () => {
    const db = s.ctx.db;
    const before = db.prepare('SELECT count(*) FROM observation').pluck().get();
    db.exec('BEGIN');
    try {
      const { sourceId, areaId, indicatorId } = loadTarget(db, 'x.csv');
      const w = new ObservationWrites(db, sourceId);
      const row = { areaId, indicatorId, period: '2024', yearStart: 2024, yearEnd: 2024, low: null, high: null, qualifier: null, sign: null, breakdown: null };
      // 300 rows: the first batch of 256 has the bad one at place 140, after rows it already inserted.
      const add = () => {
        for (let i = 0; i < 300; i++) w.add({ ...row, value: i === 140 ? null : i, raw: i === 140 ? '' : String(i), cell: `B${i + 2}` });
      };
      // A figure is a value, a range or a sign, never nothing: the writer refuses row 140 (cell
      // B142), loudly, before SQLite's CHECK would (a bulk load switches those off: figure-rules).
      expect(add).toThrow(/not saved: the figure from cell B142 cannot be stored: it has no value, no range and no CBS sign/);
    } finally {
      db.exec('ROLLBACK');
    }
    expect(db.prepare('SELECT count(*) FROM observation').pluck().get()).toBe(before);
    expect(db.prepare("SELECT count(*) FROM source WHERE title = 'x.csv'").pluck().get()).toBe(0);
  });

  it('keeps file order and every field when plain figures and ranges, qualifiers or other periods alternate', () => {
    const db = s.ctx.db;
    db.exec('BEGIN');
    try {
      const { sourceId, areaId, indicatorId } = loadTarget(db, 'y.csv');
      const w = new ObservationWrites(db, sourceId);
      const base = { areaId, indicatorId, period: '2024', yearStart: 2024, yearEnd: 2024, value: null, low: null, high: null, qualifier: null, sign: null, breakdown: null };
      // Runs of plain figures (one batch and more, a few, one) between figures of the other form:
      // what is pending at each switch goes in smaller statements, still in file order.
      const runs = [300, 17, 1, 40, 255, 3];
      const expected: { cell: string; value: number | null; low: number | null; qualifier: string | null; period: string; sign: string | null }[] = [];
      let n = 0;
      for (const run of runs) {
        for (let i = 0; i < run; i++, n++) {
          const dot = n % 7 === 0;
          const f = { ...base, value: dot ? null : n, sign: dot ? 'unknown' : null, raw: dot ? '.' : String(n), cell: `C${n + 2}` };
          w.add(f);
          expected.push({ cell: f.cell, value: f.value, low: null, qualifier: null, period: '2024', sign: f.sign });
        }
        const other = n % 2 === 0
          ? { ...base, value: null, low: 30_000, high: 40_000, qualifier: 'about', raw: 'ca. 30.000 tot 40.000', cell: `C${n + 2}` }
          : { ...base, value: n, period: '2023', yearStart: 2023, yearEnd: 2023, raw: String(n), cell: `C${n + 2}` };
        w.add(other);
        expected.push({ cell: other.cell, value: other.value, low: other.low, qualifier: other.qualifier, period: other.period, sign: null });
        n++;
      }
      w.flush();
      expect(w.written).toBe(expected.length);
      const got = db.prepare('SELECT cell, value, low, qualifier, period, sign FROM observation WHERE source_id = ? ORDER BY id').all(sourceId);
      expect(got).toEqual(expected);
    } finally {
      db.exec('ROLLBACK');
    }
  });
});
