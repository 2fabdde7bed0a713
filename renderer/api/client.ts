import { contract, type CallName, type Input, type Output } from '../../shared/contract/index';
import type { Failure } from '../../shared/errors';
import { httpTransport } from './http-transport';
import { ipcTransport } from './ipc-transport';
import type { Transport } from './transport';

/** A failed call, with the error as the services described it (code, message, where). */
export class CallError extends Error {
  constructor(readonly failure: Failure['error']) {
    super(failure.message);
    this.name = 'CallError';
  }
}

let transport: Transport | undefined;

export function getTransport(): Transport {
  transport ??= window.wv ? ipcTransport(window.wv) : httpTransport();
  return transport;
}

/**
 * Call the services. Types follow the contract by name; the answer is validated again here, so a
 * renderer built against an older contract fails loudly instead of showing wrong figures.
 */
export async function call<N extends CallName>(name: N, input: Input<N>): Promise<Output<N>> {
  const spec = contract[name];
  const env = await getTransport().invoke(name, spec.input.parse(input));
  if (!env.ok) throw new CallError(env.error);
  return spec.output.parse(env.value) as Output<N>;
}
