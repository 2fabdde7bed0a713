import { availableParallelism } from 'node:os';
import { AppError } from '../../../shared/errors';
import type { Store } from '../store-types';

/**
 * Loading a large file (a national CBS workbook: two million figures) the way databases are bulk
 * loaded: without SQLite's per-row foreign-key lookups — the references are checked all at once
 * before the same transaction commits — without SQLite's per-row CHECKs — the writer checks each
 * figure against the same rules (figure-rules), the other tables the load wrote are checked at
 * once at the end — and without keeping up to date, row by row, any index that rows would land all
 * over. Since migration 0005 the one observation index left (area first; 0006 dropped the one by
 * source) grows at its end as a file loads, so none is set aside; the mechanism stays for any index
 * a later migration adds (measured on the benchmark workbook: keeping an indicator-first index up to
 * date row by row cost 13 s, building it afterwards about 1 s — and 0005 dropped even that).
 *
 * Everything happens inside the import's transaction: a failure or cancel rolls the dropped
 * indexes back with the rest, so the store is exactly as it was.
 */

/** Figures from which a bulk load is worth it at all; WV_IMPORT_BULK_MIN_FIGURES lowers it (tests). */
export function bulkMinFigures(): number {
  const env = process.env.WV_IMPORT_BULK_MIN_FIGURES;
  return env !== undefined && env !== '' && Number.isFinite(Number(env)) ? Number(env) : 100_000;
}

/**
 * Whether rebuilding the indexes over the whole table costs less than keeping them up to date for
 * the new figures: the case when the import brings at least a quarter as many figures as the store
 * holds. (max(id) counts the rows closely enough, in O(log n), where count(*) reads them all.)
 */
export function bulkLoadPays(db: Store, expectedFigures: number): boolean {
  if (expectedFigures < bulkMinFigures()) return false;
  const rows = (db.prepare('SELECT max(id) FROM observation').pluck().get() as number | null) ?? 0;
  return expectedFigures * 4 >= rows;
}

interface IndexDef {
  name: string;
  sql: string;
}

/**
 * Figures arrive by source and, within it, area after area, and a file's figures mostly share one
 * period: an index that leads with one of these columns only grows at its end, which costs
 * little, and keeping it up to date uses time the import's thread would otherwise spend waiting
 * for the next rows. The others are set aside.
 */
const ARRIVAL_ORDER = new Set(['source_id', 'area_id']);

/** Drops the secondary indexes of `observation` that rows would land all over (as the schema defines them now); `rebuild` creates them again. Call inside a transaction. */
export function setAsideIndexes(db: Store): { rebuild: () => void } {
  if (!db.inTransaction) throw new Error('setAsideIndexes needs a transaction');
  const all = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observation' AND sql IS NOT NULL ORDER BY name").all() as IndexDef[];
  const leading = (name: string): string | undefined => (db.pragma(`index_info("${name.replace(/"/g, '""')}")`) as { seqno: number; name: string }[]).find((c) => c.seqno === 0)?.name;
  const defs = all.filter((d) => !ARRIVAL_ORDER.has(leading(d.name) ?? ''));
  for (const d of defs) db.exec(`DROP INDEX "${d.name.replace(/"/g, '""')}"`);
  return {
    rebuild: () => {
      // By the time the indexes are rebuilt the reading thread is done: SQLite's sorter may use
      // the other cores (measured: a fifth off the rebuild on this machine's two).
      const before = db.pragma('threads', { simple: true }) as number;
      db.pragma(`threads = ${Math.min(4, availableParallelism())}`);
      try {
        for (const d of defs) db.exec(d.sql);
      } finally {
        db.pragma(`threads = ${before}`);
      }
    },
  };
}

const REFERENCING = ['area', 'area_alias', 'area_member', 'indicator'] as const;
/** The tables a load writes besides `observation`, whose CHECKs are verified at its end. */
const CHECKED_AT_END = [...REFERENCING, 'source', 'source_period'] as const;

/** Before a bulk load's transaction (SQLite changes foreign-key enforcement only outside one): row-by-row checks off. */
export function suspendRowChecks(db: Store): void {
  db.pragma('foreign_keys = OFF');
  db.pragma('ignore_check_constraints = ON');
}

/** After it, whatever way it ended: on again. */
export function resumeRowChecks(db: Store): void {
  db.pragma('ignore_check_constraints = OFF');
  db.pragma('foreign_keys = ON');
}

/**
 * What the foreign keys and CHECKs would have refused, checked at the end of a load made without
 * them: the areas and indicators the new figures point to exist, the small tables an import writes
 * to (areas with their parents, aliases, memberships) have no dangling reference, and their rows
 * meet their CHECKs. (The figures themselves met theirs in the writer: figure-rules.) From here on
 * the CHECKs are enforced again, for whatever the import writes after the load.
 */
export function checkBulkLoad(db: Store, used: { areaIds: ReadonlySet<number>; indicatorIds: ReadonlySet<number>; sourceId: number }): void {
  db.pragma('ignore_check_constraints = OFF');
  const missing = (table: 'area' | 'indicator' | 'source', ids: readonly number[]): number => {
    if (ids.length === 0) return 0;
    const found = db.prepare(`SELECT count(*) FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).pluck().get(JSON.stringify(ids)) as number;
    return ids.length - found;
  };
  const problems: string[] = [];
  const areas = missing('area', [...used.areaIds]);
  if (areas > 0) problems.push(`${areas} area(s) the figures point to do not exist`);
  const indicators = missing('indicator', [...used.indicatorIds]);
  if (indicators > 0) problems.push(`${indicators} indicator(s) the figures point to do not exist`);
  if (missing('source', [used.sourceId]) > 0) problems.push(`source ${used.sourceId} does not exist`);
  for (const table of REFERENCING) {
    const broken = db.pragma(`foreign_key_check(${table})`) as unknown[];
    if (broken.length > 0) problems.push(`${broken.length} row(s) in ${table} point to rows that do not exist`);
  }
  for (const table of CHECKED_AT_END) {
    const said = (db.pragma(`quick_check(${table})`) as { quick_check: string }[]).map((r) => r.quick_check).filter((m) => m !== 'ok');
    if (said.length > 0) problems.push(`${table}: ${said.slice(0, 3).join('; ')}`);
  }
  if (problems.length > 0) throw new AppError('IMPORT_FAILED', `The import was not saved: ${problems.join('; ')}`);
}
