import type Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { traceProgress } from '../app/progress-trace';
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

  traceProgress('migrate', 'backup', from, latestVersion);
  const backupPath = from > 0 && dbPath !== ':memory:' ? backupBeforeMigration(db, dbPath, from) : null;
  const pending = migrations.filter((m) => m.version > from);
  // Foreign keys are off while the steps run and checked once at their end, inside the
  // transaction — SQLite's own procedure for schema changes. With them on, dropping a rebuilt
  // table (0002 drops the old observation table) checks every deleted row against the table's
  // self-reference by a full scan: quadratic, minutes for 150,000 figures, hours for a national
  // workbook (found by the crash test, which migrates a large version-1 store).
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
  if (foreignKeys) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        traceProgress('migrate', m.name, m.version, latestVersion);
        db.exec(m.sql);
      }
      if (foreignKeys) {
        const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
        if (broken.length > 0) {
          throw new Error(`${broken.length} row(s) point to rows that do not exist (first: ${broken[0]?.table} → ${broken[0]?.parent})`);
        }
      }
      db.pragma(`user_version = ${latestVersion}`);
    })();
    traceProgress('migrate', 'done', latestVersion, latestVersion);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new AppError(
      'MIGRATION_FAILED',
      `Migrating ${dbPath} from version ${from} to ${latestVersion} failed: ${reason}. The store was left unchanged${backupPath ? `; a backup is at ${backupPath}` : ''}.`,
    );
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
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
  // VACUUM INTO writes a consistent, compact copy even while the store is in WAL mode. It goes to
  // a temporary name first: a crash while it is written must not leave half a copy named .bak.
  const part = `${target}.part`;
  rmSync(part, { force: true });
  db.prepare('VACUUM INTO ?').run(part);
  renameSync(part, target);
  return target;
}
