import { latestVersion } from '../store/migrations/index';
import { storeCounts } from '../store/queries/counts';
import { latestPeriod } from '../store/queries/source-periods';
import type { Handlers } from './handler-types';

export const appHandlers: Handlers<'app.info'> = {
  'app.info': (_input, ctx) => ({
    appVersion: ctx.appVersion,
    shell: ctx.shell,
    storePath: ctx.storePath,
    schemaVersion: latestVersion,
    counts: storeCounts(ctx.db),
    latestPeriod: latestPeriod(ctx.db),
  }),
};
