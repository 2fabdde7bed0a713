import { Failure } from '../errors';

/** What every call returns across a transport: a value, or an error as data (never a stack). */
export type Envelope<T = unknown> = { ok: true; value: T } | Failure;
export { Failure };
