import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/store/migrate';
import { migrations } from '../../../main/store/migrations/index';
import { openStore } from '../../../main/store/open-store';
import { latestPeriod } from '../../../main/store/queries/source-periods';
import { countSourceFigures, listSources, sourceFigures } from '../../../main/store/queries/sources';

/**
 * Migration 0006 drops observation_source: a source's figures are found through the id range it
 * records. A version-5 store whose sources' figures interleave (as the shipped dataset's do) must
 * come through with ranges that cover every figure, and answer per source exactly as before.
 */
function version5Store(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, file, migrations.slice(0, 5));
  db.exec(`
    INSERT INTO source (id, kind, title, imported_at) VALUES (1, 'document', 'Brief', '2026-01-01'), (2, 'file', 'a.csv', '2026-02-01'), (3, 'file', 'leeg.csv', '2026-03-01');
    INSERT INTO area (id, code, name, kind, created_at) VALUES (1, 'GM0363', 'Amsterdam', 'municipality', 'then'), (2, 'GM0599', 'Rotterdam', 'municipality', 'then');
    INSERT INTO indicator (id, code, name, theme, unit, aggregation) VALUES (1, 'a_inw', 'Inwoners', 'bevolking', 'count', 'sum');
    INSERT INTO observation (id, area_id, indicator_id, period, year_start, year_end, value, sign, raw, source_id, cell) VALUES
      (10, 1, 1, '2023', 2023, 2023, 900, NULL, '900', 1, NULL),
      (11, 1, 1, '2024', 2024, 2024, 931, NULL, '931', 2, 'C2'),
      (12, 2, 1, '2023', 2023, 2023, 650, NULL, '650', 1, NULL),
      (13, 2, 1, '2024', 2024, 2024, NULL, 'unknown', '.', 2, 'C3');
    INSERT INTO source_period (source_id, period, year_start, year_end) VALUES (1, '2023', 2023, 2023), (2, '2024', 2024, 2024);`);
  return db;
}

describe('migration 0006 (source extent)', () => {
  it('records each source\'s id range from its figures, drops observation_source, and lists each source\'s figures as before', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wv-m6-')), 'v5.sqlite');
    const bySource = (db: Database.Database) => db.prepare('SELECT source_id, id FROM observation ORDER BY source_id, id').all();
    const v5 = version5Store(file);
    const before = bySource(v5);
    v5.close();

    const { db, migration } = openStore(file, { seed: false });
    expect(migration).toMatchObject({ from: 5, to: migrations.length });
    expect(bySource(db)).toEqual(before);
    // Interleaved figures: each range spans the other source's figures, which the source test leaves out.
    expect(db.prepare('SELECT id, first_observation_id AS first, last_observation_id AS last FROM source ORDER BY id').all()).toEqual([
      { id: 1, first: 10, last: 12 },
      { id: 2, first: 11, last: 13 },
      { id: 3, first: null, last: null },
    ]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observation'").pluck().all()).toEqual(['observation_area']);
    expect(sourceFigures(db, 1, 10, 0).map((f) => [f.id, f.value])).toEqual([[10, 900], [12, 650]]);
    expect(sourceFigures(db, 2, 10, 0).map((f) => [f.id, f.value, f.sign, f.source.cell, f.source.raw])).toEqual([[11, 931, null, 'C2', '931'], [13, null, 'unknown', 'C3', '.']]);
    expect(sourceFigures(db, 3, 10, 0)).toEqual([]);
    expect([1, 2, 3].map((id) => countSourceFigures(db, id))).toEqual([2, 2, 0]);
    expect(listSources(db).map((s) => [s.id, s.current, s.superseded])).toEqual([[3, 0, 0], [2, 2, 0], [1, 2, 0]]);
    expect(latestPeriod(db)).toBe('2024');
    // One source's figures are read as a rowid range, not by scanning the table.
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM observation o JOIN source s ON s.id = 2 WHERE o.id BETWEEN s.first_observation_id AND s.last_observation_id AND o.source_id = s.id").all() as { detail: string }[]).map((p) => p.detail).join(' ');
    expect(plan).toMatch(/SEARCH o USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
    db.close();
  });
});
