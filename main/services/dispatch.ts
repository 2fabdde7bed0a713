import { contract, isCallName, type CallName } from '../../shared/contract/index';
import type { Envelope } from '../../shared/contract/envelope';
import { AppError, toFailure } from '../../shared/errors';
import type { ServiceContext } from './context';
import { handlers } from './handlers';
import type { Handler } from './handler-types';

/**
 * The only way into the services. Every shell (Electron IPC, web HTTP, CLI) calls this: it checks
 * the name, validates the input, runs the handler, validates the output, and turns every error
 * into data. Analysts never see a stack; developers find it in the log.
 */
export async function dispatch(name: string, raw: unknown, ctx: ServiceContext): Promise<Envelope> {
  if (!isCallName(name)) return toFailure(new AppError('UNKNOWN_CALL', `Unknown call "${name}".`));
  const spec = contract[name];
  const input = spec.input.safeParse(raw ?? {});
  if (!input.success) {
    return toFailure(
      new AppError('INPUT_INVALID', `Invalid input for ${name}.`, undefined,
        input.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`)),
    );
  }
  try {
    const handler = handlers[name] as Handler<CallName>;
    const result = await handler(input.data as never, ctx);
    const output = spec.output.safeParse(result);
    if (!output.success) {
      ctx.log(`output of ${name} breaks the contract: ${output.error.message}`);
      return toFailure(new AppError('OUTPUT_INVALID', `The answer to ${name} did not match the contract.`));
    }
    return { ok: true, value: output.data };
  } catch (err) {
    const failure = toFailure(err);
    // Only a real crash goes to the developers' log (with its stack); a busy store is data.
    if (failure.error.code === 'INTERNAL') ctx.log(`call ${name} failed`, err);
    return failure;
  }
}
