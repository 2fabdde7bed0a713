import type { CallName, Output, ParsedInput } from '../../shared/contract/index';
import type { ServiceContext } from './context';

export type Handler<N extends CallName> = (input: ParsedInput<N>, ctx: ServiceContext) => Output<N> | Promise<Output<N>>;

/** A feature's handlers: a subset of the contract, each name implemented once. */
export type Handlers<N extends CallName> = { [K in N]: Handler<K> };
