import { AppError } from '../../shared/errors';
import type { Store } from './open-store';

/** How long an import waits for another writer (an import in another window, the CLI) to finish. */
export const IMPORT_WAIT_MS = 120_000;

/** SQLite's "another connection holds the write lock" (better-sqlite3 puts the code on the error). */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export function storeBusy(what: string): AppError {
  return new AppError('STORE_BUSY', `The store is busy: another program (another window, the web shell or the CLI) is writing to it. ${what} Try again when it has finished.`);
}

/**
 * Take the store's write lock for a long transaction (BEGIN IMMEDIATE), waiting up to `waitMs`
 * for a writer that holds it — longer than the connection's usual busy timeout, because the
 * other writer may be an import of a national workbook. If it is still held then, a clear
 * STORE_BUSY instead of SQLite's "database is locked"; nothing was written.
 */
export function beginImmediate(db: Store, waitMs: number, what = 'Nothing was changed.'): void {
  const usual = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(waitMs))}`);
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (err) {
    if (isBusy(err)) throw storeBusy(what);
    throw err;
  } finally {
    db.pragma(`busy_timeout = ${usual}`);
  }
}
