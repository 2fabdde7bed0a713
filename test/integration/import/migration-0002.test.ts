import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/store/migrate';
import { migrations } from '../../../main/store/migrations/index';
import { openStore } from '../../../main/store/open-store';

/** A store at schema version 1 with a few figures, written the way version 1 wrote them (with created_at). */
function version1Store(file: string): Database.Database {
  const v1 = new Database(file);
  v1.pragma('foreign_keys = ON');
  migrate(v1, file, migrations.slice(0, 1));
  v1.exec(`
    INSERT INTO source (id, kind, title, imported_at) VALUES (1, 'document', 'Kamerstuk 30 995 nr. 104', '2026-01-01');
    INSERT INTO area (id, code, name, kind, created_at) VALUES (1, 'NPLV', 'NPLV', 'programme', 'then'), (2, 'NPLV01', 'Amsterdam Nieuw-West', 'focus_area', 'then');
    INSERT INTO indicator (id, code, name, theme, unit, aggregation) VALUES (1, 'woningen_verbeterd', 'Woningen verbeterd', 'wonen', 'count', 'sum');
    INSERT INTO observation (area_id, indicator_id, period, year_start, year_end, value, low, high, qualifier, raw, source_id, cell, created_at) VALUES
      (1, 1, '2024', 2024, 2024, 1400, NULL, NULL, 'nearly', 'bijna 1.400', 1, NULL, 'then'),
      (1, 1, '2023-2025', 2023, 2025, NULL, 30000, 40000, NULL, '30.000 tot 40.000', 1, NULL, 'then'),
      (2, 1, '2024', 2024, 2024, 15000, NULL, NULL, 'about', 'ca. 15.000', 1, 'F23', 'then');`);
  return v1;
}

/**
 * Migration 0002 rebuilds the observation table (a breakdown column, CHECKs as OR-chains): a
 * version-1 store with figures and history must come through with every row, rule and link intact.
 */
const rows = (db: Database.Database) => db.prepare('SELECT id, area_id, indicator_id, period, value, low, high, qualifier, sign, raw, source_id, cell, superseded_by FROM observation ORDER BY id').all();

describe('migration 0002 (import)', () => {
  it('upgrades a version-1 store with figures and superseded history, keeping every row', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wv-m2-')), 'v1.sqlite');
    const v1 = version1Store(file);
    // One revised figure: the old row points to its successor.
    const first = v1.prepare('SELECT id, area_id, indicator_id, period, year_start, year_end, source_id FROM observation ORDER BY id LIMIT 1').get() as Record<string, number | string>;
    const next = v1
      .prepare("INSERT INTO observation (area_id, indicator_id, period, year_start, year_end, value, raw, source_id, cell, created_at) VALUES (?, ?, ?, ?, ?, 21, '21', ?, NULL, 'now')")
      .run(first.area_id, first.indicator_id, first.period, first.year_start, first.year_end, first.source_id).lastInsertRowid;
    v1.prepare('UPDATE observation SET superseded_by = ? WHERE id = ?').run(next, first.id);
    const before = rows(v1);
    v1.close();

    const { db, migration } = openStore(file, { seed: false });
    expect(migration).toMatchObject({ from: 1, to: migrations.length });
    expect(migration.backupPath).not.toBeNull();
    expect(rows(db)).toEqual(before);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const cols = (db.prepare('PRAGMA table_info(observation)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).toContain('breakdown');
    // 0003: the figure's time is its source's import time; the column is gone.
    expect(cols).not.toContain('created_at');
    const sourceCols = (db.prepare('PRAGMA table_info(source)').all() as { name: string }[]).map((c) => c.name);
    expect(sourceCols).toEqual(expect.arrayContaining(['layout', 'mapping_name', 'report_json']));
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observation' ORDER BY name").pluck().all();
    // 0005: figures are found area first; the periods each source holds are listed in source_period.
    // 0006: a source's figures are found by its id range, which the migration reads off its figures.
    expect(indexes).toEqual(['observation_area']);
    expect(db.prepare('SELECT id, first_observation_id AS first, last_observation_id AS last FROM source ORDER BY id').all()).toEqual([{ id: 1, first: 1, last: 4 }]);
    const periods = db.prepare('SELECT source_id, period, year_start, year_end FROM source_period ORDER BY source_id, period').all();
    expect(periods).toEqual(db.prepare('SELECT DISTINCT source_id, period, year_start, year_end FROM observation ORDER BY source_id, period').all());
    expect(periods.length).toBeGreaterThan(0);

    // The rules are the same rules: a bad sign or qualifier, an empty figure, a reversed range are refused.
    const insert = (patch: string) => () =>
      db.prepare(`INSERT INTO observation (area_id, indicator_id, period, year_start, year_end, value, low, high, sign, qualifier, source_id) VALUES (1, 1, '2024', 2024, 2024, ${patch}, 1)`).run();
    expect(insert("5, NULL, NULL, 'bogus', NULL")).toThrow(/CHECK/);
    expect(insert("5, NULL, NULL, NULL, 'roughly'")).toThrow(/CHECK/);
    expect(insert('NULL, NULL, NULL, NULL, NULL')).toThrow(/CHECK/);
    expect(insert('NULL, 9, 3, NULL, NULL')).toThrow(/CHECK/);
    expect(insert("NULL, NULL, NULL, 'unknown', NULL")).not.toThrow();
    expect(insert("12, NULL, NULL, 'provisional', 'about'")).not.toThrow();
    // The self-reference still holds: a row cannot be superseded by a figure that does not exist.
    expect(() => db.prepare('UPDATE observation SET superseded_by = 999999 WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
