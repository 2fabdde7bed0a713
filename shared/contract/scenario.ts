import type { CallSpec } from './define';

// Scenario calls (issue 4): templates, run (a job), saved scenarios.
export const scenarioCalls = {} satisfies Record<string, CallSpec>;
