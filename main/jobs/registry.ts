import type { AnyJobKind } from './job-types';

/**
 * Every kind of long-running job, by name. The worker bundle (main/workers/jobs.worker.ts) and the
 * services use this same table; features add their job here.
 */
export const jobKinds: Record<string, AnyJobKind> = {};
