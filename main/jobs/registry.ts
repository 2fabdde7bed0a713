import type { AnyJobKind } from './job-types';
import { importJobs } from './import-jobs';
import { scenarioJobs } from './scenario-jobs';

/**
 * Every kind of long-running job, by name. The worker bundle (main/workers/jobs.worker.ts) and the
 * services use this same table; each feature lists its jobs in its own file.
 */
export const jobKinds: Record<string, AnyJobKind> = { ...importJobs, ...scenarioJobs };

const names = [...Object.keys(importJobs), ...Object.keys(scenarioJobs)];
if (new Set(names).size !== names.length) throw new Error('a job kind is registered twice');
