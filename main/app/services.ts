import pkg from '../../package.json';
import type { Shell } from '../../shared/contract/app';
import type { z } from 'zod';
import { closeStore, openStore, type OpenStoreOptions, type OpenedStore } from '../store/open-store';
import type { ServiceContext } from '../services/context';
import { dispatch } from '../services/dispatch';
import type { Envelope } from '../../shared/contract/envelope';
import { JobRunner } from '../jobs/job-runner';
import { jobKinds } from '../jobs/registry';

export const APP_VERSION: string = pkg.version;

export interface Services {
  opened: OpenedStore;
  ctx: ServiceContext;
  call: (name: string, input: unknown) => Promise<Envelope>;
  close: () => void;
}

/** Open the store and wire the services for one shell. Shells differ only in transport. */
export interface StartOptions extends OpenStoreOptions {
  /** The bundled job worker (dist/main/jobs.worker.cjs). Without it jobs run on this thread (CLI, tests). */
  workerPath?: string;
}

export function startServices(storePath: string, shell: z.infer<typeof Shell>, options: StartOptions = {}): Services {
  const { workerPath, ...storeOptions } = options;
  const opened = openStore(storePath, storeOptions);
  const log = (message: string, err?: unknown): void => {
    const detail = err instanceof Error ? `\n${err.stack ?? err.message}` : err !== undefined ? ` ${String(err)}` : '';
    process.stderr.write(`[wijkverkenner] ${message}${detail}\n`);
  };
  const ctx: ServiceContext = {
    db: opened.db,
    storePath: opened.path,
    shell,
    appVersion: APP_VERSION,
    log,
    nativeBinding: storeOptions.nativeBinding,
    jobs: new JobRunner({
      storePath: opened.path,
      kinds: jobKinds,
      ...(workerPath ? { workerPath } : {}),
      ...(storeOptions.nativeBinding ? { nativeBinding: storeOptions.nativeBinding } : {}),
      log: (m) => log(m),
    }),
  };
  return {
    opened,
    ctx,
    call: (name, input) => dispatch(name, input, ctx),
    close: () => {
      void ctx.jobs.closeAll();
      closeStore(opened);
    },
  };
}
