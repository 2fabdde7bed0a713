import type { CallSpec } from './define';

// Import calls (issue 3): preview, commit (a job), sources, mappings.
export const importCalls = {} satisfies Record<string, CallSpec>;
