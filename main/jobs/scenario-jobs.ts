import type { AnyJobKind } from './job-types';

// Long-running scenario jobs (issue 4), by name, e.g. 'scenario.monteCarlo'.
export const scenarioJobs: Record<string, AnyJobKind> = {};
