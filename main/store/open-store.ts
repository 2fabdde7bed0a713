import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { migrate, refuseNewerStore, type MigrationResult } from './migrate';
import { applySeed, type SeedResult } from './seed';
import { applyCompositionSeed } from './seed-compositions';
import { beginSession, endSession, lastCloseUnclean } from './store-sessions';
import type { Store } from './store-types';

/** The store's type lives in store-types.ts (queries take it without importing this file); kept here for main/import's imports. */
export type { Store };

/**
 * Pages of 16 KiB instead of SQLite's 4 KiB for new stores: a store holds millions of small
 * figures, and bulk-loading a national CBS workbook (two million of them) writes its B-trees a
 * third faster with the larger pages (measured with `npm run bench -- import`).
 */
export const NEW_STORE_PAGE_SIZE = 16_384;

/** The page cache of a connection, in KiB (see openStore). */
const PAGE_CACHE_KIB = 65_536;

export interface OpenStoreOptions {
  /** Apply the NPLV default dataset (idempotent). Default true. */
  seed?: boolean;
  /** Path to a better-sqlite3 binary built for another ABI (Electron). */
  nativeBinding?: string;
  readonly?: boolean;
  /**
   * Record this opening as a session (default true), checking the whole store first when the last
   * session did not close cleanly (store-sessions.ts). False for a second connection of a process
   * that already holds a session (an import's worker thread): no check, no record.
   */
  session?: boolean;
}

export interface OpenedStore {
  db: Store;
  path: string;
  migration: MigrationResult;
  seed: SeedResult | null;
  /** Whether the whole store was checked at this opening (PRAGMA quick_check). */
  checked: boolean;
  /** This opening's session token (null: none recorded); closeStore ends it. */
  session: string | null;
}

/**
 * Open (or create) the one SQLite file that is a Wijkverkenner project: WAL, foreign keys,
 * a busy timeout, an integrity check when the last session did not close cleanly (see
 * store-sessions.ts), migrations (with a backup), then the default dataset.
 */
export function openStore(dbPath: string, options: OpenStoreOptions = {}): OpenedStore {
  if (dbPath !== ':memory:') mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  let db: Store;
  try {
    db = new Database(dbPath, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.readonly ? { readonly: true, fileMustExist: true } : {}),
    });
  } catch (err) {
    throw new AppError('STORE_CORRUPT', `Cannot open the store ${dbPath}: ${(err as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    // First, and read-only: a store from a newer app is refused with its bytes untouched
    // (switching it to WAL below would already rewrite its header).
    refuseNewerStore(db.pragma('user_version', { simple: true }) as number, dbPath);
    // Only a new, empty file takes a page size; an existing store keeps the one it was made with.
    if (!options.readonly && db.pragma('page_count', { simple: true }) === 0) db.pragma(`page_size = ${NEW_STORE_PAGE_SIZE}`);
    db.pragma('foreign_keys = ON');
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // 64 MiB of page cache instead of SQLite's 2 MiB: a comparison reads figures scattered over
    // the store (an area's figures sit in each year's import), and keeps them for the next question.
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    const sessions = options.session !== false && !options.readonly && dbPath !== ':memory:';
    const checked = options.readonly === true || (sessions && lastCloseUnclean(db));
    if (checked) checkIntegrity(db, dbPath);
    const migration = migrate(db, dbPath);
    const seed = options.seed === false ? null : applySeed(db);
    if (options.seed !== false) applyCompositionSeed(db);
    const session = sessions ? beginSession(db) : null;
    return { db, path: dbPath, migration, seed, checked, session };
  } catch (err) {
    db.close();
    const code = (err as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new AppError('STORE_CORRUPT', `${dbPath} is not a Wijkverkenner store (SQLite says: ${(err as Error).message}).`);
    }
    throw err;
  }
}

function checkIntegrity(db: Store, dbPath: string): void {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma('quick_check') as { quick_check: string }[];
  } catch (err) {
    throw new AppError('STORE_CORRUPT', `${dbPath} is not a readable Wijkverkenner store: ${(err as Error).message}`);
  }
  const problems = rows.map((r) => r.quick_check).filter((s) => s !== 'ok');
  if (problems.length > 0) {
    throw new AppError('STORE_CORRUPT', `The store ${dbPath} failed its integrity check.`, undefined, problems.slice(0, 20));
  }
}

/** Close a store opened by openStore: its session ends cleanly (the next opening need not check it). */
export function closeStore(opened: Pick<OpenedStore, 'db' | 'session'>): void {
  try {
    if (opened.session && opened.db.open && !opened.db.readonly) endSession(opened.db, opened.session);
  } finally {
    opened.db.close();
  }
}
