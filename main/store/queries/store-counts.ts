import type { Store } from '../store-types';

/** What a store holds, counted: for a backup's report and to compare a copy with its original. */
export interface StoreCounts {
  areas: number;
  indicators: number;
  sources: number;
  observations: number;
  scenarios: number;
}

/**
 * `schema` names the database on this connection: the store itself ('main') or a backup copy
 * attached to check it. A fixed pair of names, never input, so it may sit in the SQL text.
 */
export function storeCounts(db: Store, schema: 'main' | 'wv_backup' = 'main'): StoreCounts {
  return db.prepare(`
    SELECT (SELECT count(*) FROM ${schema}.area) AS areas,
           (SELECT count(*) FROM ${schema}.indicator) AS indicators,
           (SELECT count(*) FROM ${schema}.source) AS sources,
           (SELECT count(*) FROM ${schema}.observation) AS observations,
           (SELECT count(*) FROM ${schema}.scenario) AS scenarios`).get() as StoreCounts;
}

/** Attach a copy of a store to this connection as `wv_backup` (the path is a bound parameter). */
export function attachCopy(db: Store, file: string): void {
  db.prepare("ATTACH DATABASE ? AS wv_backup").run(file);
}

export function detachCopy(db: Store): void {
  db.exec('DETACH DATABASE wv_backup');
}
