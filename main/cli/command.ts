import type { Services } from '../app/services';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Exit codes: 0 success, 1 data or validation error, 2 usage error. */
export const EXIT = { ok: 0, data: 1, usage: 2 } as const;

export class UsageError extends Error {}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Receives the command's own arguments (after global options). Returns the exit code. */
  run: (args: string[], services: Services, io: CliIO) => Promise<number>;
}
