import { backupStore } from '../store/backup';
import { latestVersion } from '../store/migrations/index';
import { storeCounts } from '../store/queries/store-counts';
import { latestPeriod } from '../store/queries/source-periods';
import type { Handlers } from './handler-types';

export const appHandlers: Handlers<'app.info' | 'app.backup'> = {
  'app.info': (_input, ctx) => ({
    appVersion: ctx.appVersion,
    shell: ctx.shell,
    storePath: ctx.storePath,
    schemaVersion: latestVersion,
    counts: (({ areas, indicators, observations, sources }) => ({ areas, indicators, observations, sources }))(storeCounts(ctx.db)),
    latestPeriod: latestPeriod(ctx.db),
  }),
  'app.backup': (input, ctx) => backupStore(ctx.db, ctx.storePath, input.path, input.overwrite ? { overwrite: true } : {}),
};
