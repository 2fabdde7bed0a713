import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/store/migrate';
import { migrations } from '../../../main/store/migrations/index';
import { widenSourceExtent } from '../../../main/store/queries/source-extent';
import { LATEST_PERIOD_SQL, recordSourcePeriods } from '../../../main/store/queries/source-periods';
import { openStore } from '../../../main/store/open-store';
import { AppError } from '../../../shared/errors';

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'wv-store-'));
const count = (db: Database.Database, table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('store: open, migrate, seed', () => {
  it('creates a new store at the latest version, in WAL mode with foreign keys, without a backup', () => {
    const file = path.join(tmp(), 'new.sqlite');
    const { db, migration } = openStore(file);
    expect(migration).toEqual({ from: 0, to: migrations.length, backupPath: null });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('page_size', { simple: true })).toBe(16_384);
    // The status line's latest period is read from source_period's index, the figures only probed
    // in the candidate source's id range — never a sort or scan of every figure.
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${LATEST_PERIOD_SQL}`).all() as { detail: string }[]).map((p) => p.detail).join(' ');
    expect(plan).toMatch(/source_period_latest/);
    expect(plan).toMatch(/SEARCH o (EXISTS )?USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
    expect(plan).not.toMatch(/SCAN (o|observation)\b|TEMP B-TREE/);
    // …and says what sorting every figure says: the seed's latest, then a later figure, then that
    // one superseded by a newer source's, then a period whose only figure is superseded (skipped).
    const brute = () => db.prepare('SELECT period FROM observation WHERE superseded_by IS NULL ORDER BY year_end DESC, year_start DESC LIMIT 1').pluck().get();
    const latest = () => db.prepare(LATEST_PERIOD_SQL).pluck().get();
    expect(latest()).toBe(brute());
    const any = db.prepare('SELECT id, area_id, indicator_id FROM observation LIMIT 1').get() as { id: number; area_id: number; indicator_id: number };
    const addFigure = (period: { period: string; yearStart: number; yearEnd: number }, value: number): number => {
      const sourceId = Number(db.prepare("INSERT INTO source (kind, title, imported_at) VALUES ('file', 'x.csv', 'now')").run().lastInsertRowid);
      const id = Number(db.prepare('INSERT INTO observation (area_id, indicator_id, period, year_start, year_end, value, raw, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(any.area_id, any.indicator_id, period.period, period.yearStart, period.yearEnd, value, String(value), sourceId).lastInsertRowid);
      recordSourcePeriods(db, sourceId, [period]);
      widenSourceExtent(db, sourceId, id, id);
      return id;
    };
    const later = addFigure({ period: '2020-2031', yearStart: 2020, yearEnd: 2031 }, 1);
    expect(latest()).toBe('2020-2031');
    const newer = addFigure({ period: '2020-2031', yearStart: 2020, yearEnd: 2031 }, 2);
    db.prepare('UPDATE observation SET superseded_by = ? WHERE id = ?').run(newer, later);
    expect(latest()).toBe('2020-2031');
    const latestOfAll = addFigure({ period: '2040', yearStart: 2040, yearEnd: 2040 }, 3);
    expect(latest()).toBe('2040');
    db.prepare('UPDATE observation SET superseded_by = ? WHERE id = ?').run(any.id, latestOfAll);
    expect(latest()).toBe('2020-2031');
    expect(latest()).toBe(brute());
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['area', 'area_alias', 'area_member', 'indicator', 'observation', 'source', 'mapping', 'scenario', 'saved_view', 'funding_stream']));
    db.close();
    expect(readdirSync(path.dirname(file)).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('backs up an existing store before migrating it, and keeps its data', () => {
    const file = path.join(tmp(), 'old.sqlite');
    const first = openStore(file);
    const areasBefore = count(first.db, 'area');
    first.db.prepare("UPDATE area SET name = 'Rotterdam Zuid (bewerkt)' WHERE code = 'NPLV09'").run();
    first.db.close();

    const db = new Database(file);
    const next = [...migrations, { version: migrations.length + 1, name: 'test-add-column', sql: 'ALTER TABLE area ADD COLUMN note TEXT;' }];
    const result = migrate(db, file, next);
    expect(result.from).toBe(migrations.length);
    expect(result.to).toBe(migrations.length + 1);
    expect(result.backupPath).not.toBeNull();
    expect(existsSync(result.backupPath as string)).toBe(true);
    // Data kept, new column present.
    expect(count(db, 'area')).toBe(areasBefore);
    expect(db.prepare("SELECT name, note FROM area WHERE code = 'NPLV09'").get()).toEqual({ name: 'Rotterdam Zuid (bewerkt)', note: null });
    db.close();
    // The backup is the store as it was: old version, same data.
    const backup = new Database(result.backupPath as string, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(backup.prepare("SELECT name FROM area WHERE code = 'NPLV09'").pluck().get()).toBe('Rotterdam Zuid (bewerkt)');
    backup.close();
  });

  it('leaves the store at its old version when a migration fails', () => {
    const file = path.join(tmp(), 'fail.sqlite');
    openStore(file).db.close();
    const db = new Database(file);
    const next = [
      ...migrations,
      { version: migrations.length + 1, name: 'ok-part', sql: 'CREATE TABLE half_done (x INTEGER);' },
      { version: migrations.length + 2, name: 'broken', sql: 'ALTER TABLE no_such_table ADD COLUMN y TEXT;' },
    ];
    expect(() => migrate(db, file, next)).toThrowError(/Migrating .* failed: .*no such table.*left unchanged/);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });

  it('checks foreign keys once at the end of the steps: a step that leaves a dangling reference fails and changes nothing', () => {
    const file = path.join(tmp(), 'dangling.sqlite');
    openStore(file).db.close();
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    const figures = count(db, 'observation');
    const next = [...migrations, { version: migrations.length + 1, name: 'dangling', sql: 'UPDATE observation SET source_id = 999999 WHERE id = (SELECT min(id) FROM observation);' }];
    expect(() => migrate(db, file, next)).toThrowError(/Migrating .* failed: 1 row\(s\) point to rows that do not exist .*left unchanged/);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT count(*) FROM observation WHERE source_id = 999999').pluck().get()).toBe(0);
    expect(count(db, 'observation')).toBe(figures);
    db.close();
  });

  it('refuses a store written by a newer app, and leaves its bytes as they were', () => {
    const file = path.join(tmp(), 'future.sqlite');
    openStore(file).db.close();
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    // A newer app may keep its file in another journal mode: opening must not switch it to WAL.
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const bytes = readFileSync(file);
    const siblings = readdirSync(path.dirname(file));
    try {
      openStore(file);
      expect.unreachable('a newer store must be refused');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('STORE_NEWER_THAN_APP');
      expect((err as AppError).message).toContain('schema version 99');
    }
    expect(readFileSync(file).equals(bytes)).toBe(true);
    // No backup, no -wal or -shm left beside it.
    expect(readdirSync(path.dirname(file))).toEqual(siblings);
  });

  it('refuses a file that is not a store, with a clear error', () => {
    const file = path.join(tmp(), 'not-a-store.sqlite');
    writeFileSync(file, 'this is a spreadsheet, honestly'.repeat(200));
    expect(() => openStore(file)).toThrowError(expect.objectContaining({ code: 'STORE_CORRUPT' }));
  });

  it('applies the NPLV seed once: reopening adds nothing', () => {
    const file = path.join(tmp(), 'seed.sqlite');
    const a = openStore(file);
    expect(a.seed?.applied).toBe(true);
    const counts = ['area', 'area_alias', 'indicator', 'observation', 'source'].map((t) => count(a.db, t));
    a.db.close();
    const b = openStore(file);
    expect(b.seed?.applied).toBe(false);
    expect(['area', 'area_alias', 'indicator', 'observation', 'source'].map((t) => count(b.db, t))).toEqual(counts);
    b.db.close();
  });
});
