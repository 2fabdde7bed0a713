import type { Store } from '../store-types';
import { beginImmediate, IMPORT_WAIT_MS } from '../write-lock';

/**
 * The statements an import runs around its writes: its one transaction (taken IMMEDIATE, so no
 * other writer slips in between the reads it makes inside and its inserts), and the ids its
 * figures point to, read inside that transaction.
 */
export function beginImport(db: Store): void {
  beginImmediate(db, IMPORT_WAIT_MS, 'Nothing was imported.');
}

export function commitImportTransaction(db: Store): void {
  db.exec('COMMIT');
}

/** Rolls back the import's transaction if one is open (an error may already have ended it). */
export function rollbackImport(db: Store): void {
  if (db.inTransaction) db.exec('ROLLBACK');
}

/** Every area's id by its code. */
export function areaIdsByCode(db: Store): Map<string, number> {
  return new Map((db.prepare('SELECT code, id FROM area').all() as { code: string; id: number }[]).map((a) => [a.code, a.id]));
}

/** Every indicator's id by its code. */
export function indicatorIdsByCode(db: Store): Map<string, number> {
  return new Map((db.prepare('SELECT code, id FROM indicator').all() as { code: string; id: number }[]).map((i) => [i.code, i.id]));
}

/** Whether the store writes a write-ahead log to a file (not in memory, journal mode WAL). */
export function hasWalFile(db: Store): boolean {
  return !db.memory && db.pragma('journal_mode', { simple: true }) === 'wal';
}
