import type { z } from 'zod';
import { appCalls } from './app';
import { areaCalls } from './areas';
import { jobCalls } from './jobs';
import { importCalls } from './import';
import { scenarioCalls } from './scenario';
import { compareCalls } from './compare';
import { exportCalls } from './export';
import { mapCalls } from './maps';
import { compositeCalls } from './composite';
import type { CallSpec } from './define';

/**
 * Every call the renderer (or CLI) can make, by name. Feature modules declare their calls;
 * this object is the whole contract. Shells pass (name, input) to main/services/dispatch.ts.
 */
export const contract = {
  ...appCalls,
  ...areaCalls,
  ...jobCalls,
  ...importCalls,
  ...scenarioCalls,
  ...compareCalls,
  ...exportCalls,
  ...mapCalls,
  ...compositeCalls,
} satisfies Record<string, CallSpec>;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type Input<N extends CallName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type Output<N extends CallName> = z.output<Contract[N]['output']>;

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './model';
export * from './app';
export * from './jobs';
export * from './compare';
