import pkg from '../../package.json';
import type { Shell } from '../../shared/contract/app';
import type { z } from 'zod';
import { openStore, type OpenStoreOptions, type OpenedStore } from '../store/open-store';
import type { ServiceContext } from '../services/context';
import { dispatch } from '../services/dispatch';
import type { Envelope } from '../../shared/contract/envelope';

export const APP_VERSION: string = pkg.version;

export interface Services {
  opened: OpenedStore;
  ctx: ServiceContext;
  call: (name: string, input: unknown) => Promise<Envelope>;
  close: () => void;
}

/** Open the store and wire the services for one shell. Shells differ only in transport. */
export function startServices(storePath: string, shell: z.infer<typeof Shell>, options: OpenStoreOptions = {}): Services {
  const opened = openStore(storePath, options);
  const ctx: ServiceContext = {
    db: opened.db,
    storePath: opened.path,
    shell,
    appVersion: APP_VERSION,
    log: (message, err) => {
      const detail = err instanceof Error ? `\n${err.stack ?? err.message}` : err !== undefined ? ` ${String(err)}` : '';
      process.stderr.write(`[wijkverkenner] ${message}${detail}\n`);
    },
  };
  return {
    opened,
    ctx,
    call: (name, input) => dispatch(name, input, ctx),
    close: () => opened.db.close(),
  };
}
