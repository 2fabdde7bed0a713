import { z } from 'zod';
import { ErrorCode, ErrorWhere } from '../errors';
import { call } from './define';

/**
 * Long work (imports, Monte Carlo) runs as a job off the UI and off Electron's main thread. A
 * feature call starts it and answers a job id; the renderer polls `jobs.status` for progress and
 * may `jobs.cancel` it. The finished job's result is validated against that feature's schema.
 */
export const JobState = z.enum(['running', 'done', 'failed', 'cancelled']);

export const JobProgress = z.object({
  phase: z.string(),
  done: z.number().nonnegative(),
  total: z.number().nonnegative().nullable(),
  elapsedMs: z.number().nonnegative(),
  /** Estimated time left, from the rate so far; null until there is a rate. */
  etaMs: z.number().nonnegative().nullable(),
});

export const JobStatus = z.object({
  id: z.string(),
  kind: z.string(),
  state: JobState,
  progress: JobProgress,
  result: z.unknown().optional(),
  error: z.object({ code: ErrorCode, message: z.string(), where: ErrorWhere.optional(), details: z.array(z.string()).optional() }).optional(),
});
export type JobStatus = z.infer<typeof JobStatus>;

export const JobStarted = z.object({ jobId: z.string() });

export const jobCalls = {
  'jobs.status': call(z.object({ id: z.string().min(1) }).strict(), JobStatus, 'Progress, result or error of a long-running job.'),
  'jobs.cancel': call(z.object({ id: z.string().min(1) }).strict(), JobStatus, 'Cancel a running job; nothing it did is kept.'),
};
