import type { Handlers } from './handler-types';

// Handlers for shared/contract/scenario.ts (issue 4).
export const scenarioHandlers: Handlers<never> = {};
