import type { z } from 'zod';

/** What a job's code may do while it runs: report progress and check whether to stop. */
export interface JobControl {
  storePath: string;
  /** better-sqlite3 binary for this runtime (Electron), to open the job's own store connection. */
  nativeBinding?: string | undefined;
  progress: (phase: string, done: number, total: number | null) => void;
  /** True once the analyst pressed cancel: stop at the next safe point and throw `cancelled()`. */
  isCancelled: () => boolean;
}

export interface JobKind<I = unknown, R = unknown> {
  input: z.ZodType<I>;
  result: z.ZodType<R>;
  run: (input: I, control: JobControl) => Promise<R> | R;
}

export function defineJob<I, R>(kind: JobKind<I, R>): JobKind<I, R> {
  return kind;
}

/** Any job kind, for tables of kinds: each kind checks its own input and result with zod. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobKind = JobKind<any, any>;
