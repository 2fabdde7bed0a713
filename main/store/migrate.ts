import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import { migrations as shippedMigrations, type Migration } from './migrations/index';

export interface MigrationResult {
  from: number;
  to: number;
  backupPath: string | null;
}

/**
 * Bring the store to the latest schema. Pending steps run in one transaction, so a failure
 * leaves the file at its old version; a store that already held data is copied first.
 */
export function migrate(db: Database.Database, dbPath: string, migrations: readonly Migration[] = shippedMigrations): MigrationResult {
  const latestVersion = migrations.length;
  const from = db.pragma('user_version', { simple: true }) as number;
  refuseNewerStore(from, dbPath, latestVersion);
  if (from === latestVersion) return { from, to: from, backupPath: null };

  const backupPath = from > 0 && dbPath !== ':memory:' ? backupBeforeMigration(db, dbPath, from) : null;
  const pending = migrations.filter((m) => m.version > from);
  try {
    db.transaction(() => {
      for (const m of pending) db.exec(m.sql);
      db.pragma(`user_version = ${latestVersion}`);
    })();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new AppError(
      'MIGRATION_FAILED',
      `Migrating ${dbPath} from version ${from} to ${latestVersion} failed: ${reason}. The store was left unchanged${backupPath ? `; a backup is at ${backupPath}` : ''}.`,
    );
  }
  return { from, to: latestVersion, backupPath };
}

/** A store made by a newer app is refused before anything is written to it (not even a pragma). */
export function refuseNewerStore(version: number, dbPath: string, latestVersion: number = shippedMigrations.length): void {
  if (version > latestVersion) {
    throw new AppError(
      'STORE_NEWER_THAN_APP',
      `The store ${dbPath} has schema version ${version}; this app knows up to ${latestVersion}. Update Wijkverkenner to open it.`,
    );
  }
}

function backupBeforeMigration(db: Database.Database, dbPath: string, from: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let target = `${dbPath}.v${from}-${stamp}.bak`;
  for (let i = 1; existsSync(target); i++) target = `${dbPath}.v${from}-${stamp}-${i}.bak`;
  // VACUUM INTO writes a consistent, compact copy even while the store is in WAL mode.
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}
