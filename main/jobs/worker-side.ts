import { parentPort, workerData } from 'node:worker_threads';
import { AppError, toFailure } from '../../shared/errors';
import type { AnyJobKind } from './job-types';

export interface JobWorkerData {
  kind: string;
  input: unknown;
  storePath: string;
  nativeBinding?: string | undefined;
  /** Int32Array[1] over shared memory: 1 means "cancel". */
  cancel: SharedArrayBuffer;
}

export type JobMessage =
  | { type: 'progress'; phase: string; done: number; total: number | null }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; failure: ReturnType<typeof toFailure> };

/** Run the job named in workerData and report back over parentPort. Used by every job worker. */
export async function serveJob(kinds: Record<string, AnyJobKind>): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('serveJob must run in a worker thread');
  const data = workerData as JobWorkerData;
  const flag = new Int32Array(data.cancel);
  const post = (m: JobMessage): void => port.postMessage(m);
  try {
    const kind = kinds[data.kind];
    if (!kind) throw new AppError('UNKNOWN_CALL', `Unknown job kind ${data.kind}.`);
    const input = kind.input.parse(data.input);
    let last = 0;
    const result = await kind.run(input as never, {
      storePath: data.storePath,
      nativeBinding: data.nativeBinding,
      // Throttle: a message per 50 ms is plenty for a progress bar.
      progress: (phase, done, total) => {
        const now = Date.now();
        if (now - last >= 50 || (total !== null && done >= total)) {
          last = now;
          post({ type: 'progress', phase, done, total });
        }
      },
      isCancelled: () => Atomics.load(flag, 0) === 1,
    });
    post({ type: 'done', result });
  } catch (err) {
    post({ type: 'failed', failure: toFailure(err) });
  }
}
