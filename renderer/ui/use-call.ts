import { useCallback, useEffect, useState } from 'react';
import type { CallName, Input, Output } from '../../shared/contract/index';
import { call } from '../api/client';

export type CallState<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ok'; value: T };

/** Load a call's answer for a component; `reload` runs it again (e.g. after an import). */
export function useCall<N extends CallName>(name: N, input: Input<N>): [CallState<Output<N>>, () => void] {
  const [state, setState] = useState<CallState<Output<N>>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    call(name, JSON.parse(key) as Input<N>).then(
      (value) => live && setState({ status: 'ok', value }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [name, key, tick]);
  return [state, useCallback(() => setTick((t) => t + 1), [])];
}
