import type { Store } from '../store/open-store';
import type { z } from 'zod';
import type { Shell } from '../../shared/contract/app';

/** What a handler gets besides its input: the open store and who is asking. */
export interface ServiceContext {
  db: Store;
  storePath: string;
  shell: z.infer<typeof Shell>;
  appVersion: string;
  /** Log for developers (English, with stacks); never shown to analysts. */
  log: (message: string, err?: unknown) => void;
}
