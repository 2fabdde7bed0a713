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

export const appCalls = {
  'app.info': call(z.object({}).strict(), AppInfo, 'The open store, its schema version and what it holds.'),
};
