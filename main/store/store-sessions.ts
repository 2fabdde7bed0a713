import { randomUUID } from 'node:crypto';
import type { Store } from './store-types';

/**
 * Who has the store open, so the whole-store integrity check runs after a session that did not
 * close cleanly instead of at every opening (PRAGMA quick_check reads every page: 6 s on a 1.5 GB
 * store, at each start of the app, each CLI command and each import).
 *
 * Each opening writes a token (its process id and a random id) into app_meta 'open_sessions';
 * a clean close removes it. A token whose process is gone is a session that crashed, was killed
 * or lost power: the next opening checks the store before anything else and clears those tokens
 * once the check passes. A store without the entry (new, or from before this rule) is checked too.
 * Sessions of processes still running are no reason to check: they are working on it.
 */
const KEY = 'open_sessions';

interface Token {
  pid: number;
  id: string;
}

function tokens(db: Store): Token[] | null {
  let value: string | undefined;
  try {
    value = db.prepare('SELECT value FROM app_meta WHERE key = ?').pluck().get(KEY) as string | undefined;
  } catch {
    return null; // no app_meta yet: a new store
  }
  if (value === undefined) return null;
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? parsed.filter((t): t is Token => typeof t?.pid === 'number' && typeof t?.id === 'string') : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the store must be checked at this opening: no record of its sessions, or one that ended uncleanly. */
export function lastCloseUnclean(db: Store): boolean {
  const list = tokens(db);
  return list === null || list.some((t) => !alive(t.pid));
}

function write(db: Store, list: Token[]): void {
  db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(list));
}

/** Record this opening (after a passed check, the sessions that ended uncleanly are dropped); returns its token id. */
export function beginSession(db: Store): string {
  const id = randomUUID();
  db.transaction(() => {
    const live = (tokens(db) ?? []).filter((t) => alive(t.pid));
    write(db, [...live, { pid: process.pid, id }]);
  }).immediate();
  return id;
}

/** A clean close: this opening's token goes. */
export function endSession(db: Store, id: string): void {
  db.transaction(() => write(db, (tokens(db) ?? []).filter((t) => t.id !== id))).immediate();
}
