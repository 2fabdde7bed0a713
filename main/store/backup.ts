import { existsSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { Store } from './open-store';
import { attachCopy, detachCopy, storeCounts, type StoreCounts } from './queries/store-counts';

export interface BackupOptions {
  /** Replace a file that is already at the path (the desktop's save dialog asked). Default false. */
  overwrite?: boolean;
  /** Pages copied per step (the event loop runs between steps). Tests make it small. */
  pagesPerStep?: number;
  /** Called after each step with the pages still to copy and the store's page count (progress). */
  onProgress?: (progress: { remainingPages: number; totalPages: number }) => void;
}

export interface BackupResult {
  path: string;
  bytes: number;
  schemaVersion: number;
  counts: StoreCounts;
  /** How often another connection's writes made SQLite start the copy again. */
  restarts: number;
}

/** The name a backup gets by default: wijkverkenner-reservekopie-2026-12-05.sqlite */
export function backupFileName(now: Date): string {
  return `wijkverkenner-reservekopie-${now.toISOString().slice(0, 10)}.sqlite`;
}

/** After this many restarts (another process keeps writing) the rest is copied in one step. */
const MAX_RESTARTS = 3;

/**
 * A consistent copy of the open store while it is in use, with SQLite's online backup API
 * (better-sqlite3's `backup()`): pages are copied in steps with the event loop free between them;
 * when another connection writes meanwhile, SQLite starts over so the copy is always one moment's
 * state — after a few restarts the remainder goes in one step, which holds a read snapshot (WAL
 * lets writers continue). The copy is written beside the target under a temporary name, switched
 * to a single self-contained file (journal_mode DELETE, no -wal beside it), checked
 * (`quick_check`), counted, and only then renamed to the target: a backup that is there is whole.
 */
export async function backupStore(db: Store, storePath: string, target: string, options: BackupOptions = {}): Promise<BackupResult> {
  const dest = path.resolve(target);
  const where = { file: dest };
  if (!existsSync(path.dirname(dest))) throw new AppError('BACKUP_FAILED', `The folder ${path.dirname(dest)} does not exist.`, where);
  if (existsSync(dest)) {
    if (statSync(dest).isDirectory()) throw new AppError('BACKUP_FAILED', `${dest} is a folder; give a file name for the backup.`, where);
    if (storePath !== ':memory:' && realpathSync(dest) === realpathSync(storePath)) {
      throw new AppError('BACKUP_FAILED', `${dest} is the open store itself; choose another file for the backup.`, where);
    }
    if (!options.overwrite) throw new AppError('BACKUP_FAILED', `${dest} already exists; choose another name (nothing was overwritten).`, where);
  }
  if (Buffer.byteLength(path.basename(dest)) > 200) throw new AppError('BACKUP_FAILED', 'The file name for the backup is too long (at most 200 bytes).', where);
  const part = path.join(path.dirname(dest), `.${path.basename(dest)}.${randomBytes(4).toString('hex')}.part`);
  const step = Math.max(1, options.pagesPerStep ?? 4096);
  let restarts = 0;
  let lastRemaining = Infinity;
  try {
    await db.backup(part, {
      progress: ({ remainingPages, totalPages }) => {
        if (remainingPages > lastRemaining) restarts++;
        lastRemaining = remainingPages;
        options.onProgress?.({ remainingPages, totalPages });
        return restarts >= MAX_RESTARTS ? 0x7fffffff : step;
      },
    });
    // Checked on the store's own connection (attached), so the desktop's native build is used.
    let counts: StoreCounts;
    let schemaVersion: number;
    attachCopy(db, part);
    try {
      db.pragma('wv_backup.journal_mode = DELETE');
      const problems = (db.pragma('wv_backup.quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((s) => s !== 'ok');
      if (problems.length > 0) throw new AppError('BACKUP_FAILED', `The copy failed its integrity check: ${problems.slice(0, 3).join('; ')}.`, where);
      counts = storeCounts(db, 'wv_backup');
      schemaVersion = db.pragma('wv_backup.user_version', { simple: true }) as number;
    } finally {
      detachCopy(db);
    }
    renameSync(part, dest);
    return { path: dest, bytes: statSync(dest).size, schemaVersion, counts, restarts };
  } catch (err) {
    for (const f of [part, `${part}-wal`, `${part}-shm`, `${part}-journal`]) {
      try {
        rmSync(f, { force: true });
      } catch {
        // Nothing to remove, or not removable: the error below is what the analyst needs.
      }
    }
    if (err instanceof AppError) throw err;
    throw new AppError('BACKUP_FAILED', `The backup to ${dest} failed: ${(err as Error).message}. Nothing was written there.`, where);
  }
}
