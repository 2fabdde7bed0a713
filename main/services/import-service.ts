import type { Handlers } from './handler-types';

// Handlers for shared/contract/import.ts (issue 3).
export const importHandlers: Handlers<never> = {};
