import type { AnyJobKind } from './job-types';

// Long-running import jobs (issue 3), by name, e.g. 'import.commit'.
export const importJobs: Record<string, AnyJobKind> = {};
