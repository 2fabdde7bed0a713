import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WalFlusher } from '../../../main/store/wal-flusher';

/**
 * The flusher sends a store's write-ahead log to disk while a long transaction writes it. It must
 * flush at most every so often, never before the log exists, stop cleanly before COMMIT, and never
 * disturb the store: the transaction commits the same rows, and another connection reads them.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-wal-flush-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function store(name: string): Database.Database {
  const db = new Database(path.join(dir, name));
  db.pragma('journal_mode = WAL');
  db.pragma('cache_size = 10'); // spill to the log early
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)');
  return db;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('WalFlusher', () => {
  it('flushes the log of a running transaction, and the transaction commits as if it were not there', async () => {
    const db = store('a.sqlite');
    const synced: number[] = [];
    const flusher = new WalFlusher(`${db.name}-wal`, { everyMs: 0, sync: (fd, done) => (synced.push(fd), setImmediate(() => done(null))) });
    db.exec('BEGIN');
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    for (let batch = 0; batch < 20; batch++) {
      for (let i = 0; i < 500; i++) insert.run(`row ${batch}-${i} ${'x'.repeat(50)}`);
      flusher.poke();
      await nextTurn();
    }
    await flusher.stop();
    db.exec('COMMIT');
    expect(flusher.flushes).toBeGreaterThan(5);
    expect(synced.length).toBe(flusher.flushes);
    const reader = new Database(db.name, { readonly: true });
    expect(reader.prepare('SELECT count(*) FROM t').pluck().get()).toBe(10_000);
    expect(reader.pragma('integrity_check', { simple: true })).toBe('ok');
    reader.close();
    db.close();
  });

  it('flushes for real (fdatasync) without harm', async () => {
    const db = store('b.sqlite');
    const flusher = new WalFlusher(`${db.name}-wal`, { everyMs: 0 });
    db.exec('BEGIN');
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    for (let i = 0; i < 5000; i++) insert.run(`row ${i} ${'y'.repeat(80)}`);
    flusher.poke();
    flusher.poke(true); // beside the one running
    await flusher.stop();
    db.exec('COMMIT');
    expect(flusher.flushes).toBe(2);
    expect(flusher.stoppedBecause).toBeNull();
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(5000);
    db.close();
  });

  it('waits out its interval, and starts no second flush while one runs unless told to', () => {
    let pending: ((err: NodeJS.ErrnoException | null) => void) | null = null;
    const db = store('c.sqlite');
    db.exec('BEGIN');
    for (let i = 0; i < 2000; i++) db.prepare('INSERT INTO t (x) VALUES (?)').run('z'.repeat(100));
    const flusher = new WalFlusher(`${db.name}-wal`, { everyMs: 60_000, sync: (_fd, done) => (pending = done) });
    flusher.poke();
    flusher.poke();
    expect(flusher.flushes).toBe(1);
    flusher.poke(true);
    expect(flusher.flushes).toBe(2);
    (pending as unknown as (err: null) => void)(null);
    db.exec('ROLLBACK');
    db.close();
  });

  it('does nothing while there is no log yet, and nothing after stop', async () => {
    const flusher = new WalFlusher(path.join(dir, 'none.sqlite-wal'), { everyMs: 0 });
    flusher.poke();
    expect(flusher.flushes).toBe(0);
    expect(existsSync(path.join(dir, 'none.sqlite-wal'))).toBe(false);
    await flusher.stop();
    flusher.poke(true);
    expect(flusher.flushes).toBe(0);
  });

  it('a failed flush ends the flushing and says why; the load is not stopped by it', async () => {
    const db = store('d.sqlite');
    db.exec('BEGIN');
    for (let i = 0; i < 2000; i++) db.prepare('INSERT INTO t (x) VALUES (?)').run('w'.repeat(100));
    const flusher = new WalFlusher(`${db.name}-wal`, { everyMs: 0, sync: (_fd, done) => setImmediate(() => done(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }))) });
    flusher.poke();
    await nextTurn();
    await nextTurn();
    flusher.poke();
    expect(flusher.flushes).toBe(1);
    expect(flusher.stoppedBecause).toMatch(/EIO/);
    await flusher.stop();
    db.exec('COMMIT');
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(2000);
    db.close();
  });
});
