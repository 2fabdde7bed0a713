import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeStore, openStore } from '../../../main/store/open-store';

/**
 * The whole-store check (PRAGMA quick_check) runs when the last session did not close cleanly —
 * not at every opening (6 s on a 1.5 GB store). A session that crashed leaves its token behind.
 */
const tmp = (): string => path.join(mkdtempSync(path.join(os.tmpdir(), 'wv-sessions-')), 'store.sqlite');
const sessions = (file: string): { pid: number; id: string }[] => {
  const db = new Database(file, { readonly: true });
  try {
    return JSON.parse(db.prepare("SELECT value FROM app_meta WHERE key = 'open_sessions'").pluck().get() as string) as { pid: number; id: string }[];
  } finally {
    db.close();
  }
};
/** A process id that has ended (a session of it was cut off). */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid as number;
const leaveCrashedSession = (file: string): void => {
  const db = new Database(file);
  db.prepare("UPDATE app_meta SET value = ? WHERE key = 'open_sessions'").run(JSON.stringify([{ pid: deadPid(), id: 'crashed' }]));
  db.close();
};

describe('store sessions: check the store after an unclean close, not at every opening', () => {
  it('checks a new store, not after a clean close, and again after a session that crashed', () => {
    const file = tmp();
    const first = openStore(file);
    expect(first.checked).toBe(true);
    expect(sessions(file)).toEqual([{ pid: process.pid, id: first.session }]);
    closeStore(first);
    expect(sessions(file)).toEqual([]);

    const clean = openStore(file);
    expect(clean.checked).toBe(false);
    closeStore(clean);

    leaveCrashedSession(file);
    const after = openStore(file);
    expect(after.checked).toBe(true);
    // the crashed session's token is gone once the check passed; this one is recorded
    expect(sessions(file)).toEqual([{ pid: process.pid, id: after.session }]);
    closeStore(after);
  });

  it('a session still running is no reason to check; a worker connection records none', () => {
    const file = tmp();
    closeStore(openStore(file));
    const app = openStore(file);
    const second = openStore(file);
    expect(second.checked).toBe(false);
    const worker = openStore(file, { seed: false, session: false });
    expect(worker.checked).toBe(false);
    expect(worker.session).toBeNull();
    expect(sessions(file).map((s) => s.id).sort()).toEqual([app.session, second.session].sort());
    closeStore(worker);
    closeStore(second);
    closeStore(app);
    expect(sessions(file)).toEqual([]);
  });

  it('refuses a damaged store after an unclean close, saying so, and leaves the file as it was', () => {
    const file = tmp();
    const made = openStore(file);
    const root = made.db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'observation'").pluck().get() as number;
    const pageSize = made.db.pragma('page_size', { simple: true }) as number;
    closeStore(made);
    leaveCrashedSession(file);
    // overwrite the figures table's root page with garbage
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);
    const bytes = readFileSync(file);
    expect(() => openStore(file)).toThrowError(expect.objectContaining({ code: 'STORE_CORRUPT', message: `${file} is not a readable Wijkverkenner store: database disk image is malformed` }));
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
