import { z } from 'zod';
import { call } from './define';

export const Shell = z.enum(['electron', 'web', 'cli']);

export const AppInfo = z.object({
  appVersion: z.string(),
  shell: Shell,
  storePath: z.string(),
  schemaVersion: z.number().int(),
  counts: z.object({ areas: z.number().int(), indicators: z.number().int(), observations: z.number().int(), sources: z.number().int() }),
  /** The most recent period with a figure in the store (shown in the status line). */
  latestPeriod: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** A consistent copy of the open store (SQLite's online backup), checked and counted. */
export const BackupRequest = z.object({
  /** Where the copy goes: a file that does not exist yet (unless overwrite); relative to the working folder. */
  path: z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'a path cannot hold a NUL character'),
  overwrite: z.boolean().optional(),
}).strict();
export const BackupResult = z.object({
  path: z.string(),
  bytes: z.number().int(),
  schemaVersion: z.number().int(),
  counts: z.object({ areas: z.number().int(), indicators: z.number().int(), sources: z.number().int(), observations: z.number().int(), scenarios: z.number().int() }),
  restarts: z.number().int(),
});
export type BackupResult = z.infer<typeof BackupResult>;

export const appCalls = {
  'app.info': call(z.object({}).strict(), AppInfo, 'The open store, its schema version and what it holds.'),
  'app.backup': call(BackupRequest, BackupResult, 'Write a consistent copy of the open store to a new file (online backup, checked).'),
};

/**
 * Calls a shell makes itself — the desktop menu, the CLI, the web shell's GET /backup — and the
 * page never does. Both doors to the page (Electron IPC, POST /api/…) refuse them, so script in
 * the page, whatever its origin, cannot write a file wherever it names (docs/security.md).
 */
export const SHELL_ONLY_CALLS: ReadonlySet<string> = new Set(['app.backup']);
