import type { Store } from '../store/store-types';
import type { z } from 'zod';
import type { Shell } from '../../shared/contract/app';
import type { JobRunner } from '../jobs/job-runner';

/** What a handler gets besides its input: the open store and who is asking. */
export interface ServiceContext {
  db: Store;
  storePath: string;
  shell: z.infer<typeof Shell>;
  appVersion: string;
  /** Long work: imports, Monte Carlo. In a worker thread under Electron and the web shell. */
  jobs: JobRunner;
  /** Desktop app only: ask where to save an export (a save dialog); null when cancelled. */
  saveDialog?: (suggestedName: string, format: 'xlsx' | 'csv' | 'html') => Promise<string | null>;
  /** Log for developers (English, with stacks); never shown to analysts. */
  log: (message: string, err?: unknown) => void;
  /** better-sqlite3's binary for this runtime (Electron's own build), for other SQLite files (GeoPackages). */
  nativeBinding?: string | undefined;
}
