import { backupStore } from '../store/backup';
import { latestVersion } from '../store/migrations/index';
import { latestPeriod } from '../store/queries/source-periods';
import type { Handlers } from './handler-types';

export const appHandlers: Handlers<'app.info' | 'app.backup'> = {
  'app.info': (_input, ctx) => {
    const count = (table: string): number => ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return {
      appVersion: ctx.appVersion,
      shell: ctx.shell,
      storePath: ctx.storePath,
      schemaVersion: latestVersion,
      counts: { areas: count('area'), indicators: count('indicator'), observations: count('observation'), sources: count('source') },
      latestPeriod: latestPeriod(ctx.db),
    };
  },
  'app.backup': (input, ctx) => backupStore(ctx.db, ctx.storePath, input.path, input.overwrite ? { overwrite: true } : {}),
};
