import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../shared/contract/jobs';
import { MonteCarloRun } from '../../../shared/contract/scenario';
import { call, CallError } from '../../api/client';
import type { Draft } from './editor/draft';

export type McState =
  | { status: 'idle' }
  | { status: 'running'; jobId: string; progress: JobStatus['progress']; cancelling: boolean; key: string }
  | { status: 'done'; run: MonteCarloRun; key: string; elapsedMs: number }
  | { status: 'cancelled'; done: number; total: number | null }
  | { status: 'error'; error: unknown };

const POLL_MS = 120;

/**
 * Start a Monte Carlo job (a worker thread under the web shell and Electron) and follow it with
 * jobs.status until it ends; `cancel` stops it. `key` ties the result to the definition it ran on.
 */
export function useMonteCarlo(): [McState, (draft: Draft, key: string) => void, () => void] {
  const [state, setState] = useState<McState>({ status: 'idle' });
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const jobId = state.status === 'running' ? state.jobId : null;
  const key = state.status === 'running' ? state.key : null;

  useEffect(() => {
    if (!jobId || key === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async (): Promise<void> => {
      try {
        const s = await call('jobs.status', { id: jobId });
        if (stopped || !live.current) return;
        if (s.state === 'running') {
          setState((prev) => (prev.status === 'running' && prev.jobId === jobId ? { ...prev, progress: s.progress } : prev));
          timer = setTimeout(() => void poll(), POLL_MS);
        } else if (s.state === 'done') {
          setState({ status: 'done', run: MonteCarloRun.parse(s.result), key, elapsedMs: s.progress.elapsedMs });
        } else if (s.state === 'cancelled') {
          setState({ status: 'cancelled', done: s.progress.done, total: s.progress.total });
        } else {
          setState({ status: 'error', error: new CallError(s.error ?? { code: 'INTERNAL', message: 'Monte Carlo is mislukt.' }) });
        }
      } catch (error) {
        if (!stopped) setState({ status: 'error', error });
      }
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [jobId, key]);

  const start = useCallback((draft: Draft, k: string) => {
    setState({ status: 'running', jobId: '', progress: { phase: 'starten', done: 0, total: draft.uncertainty?.runs ?? 2000, elapsedMs: 0, etaMs: null }, cancelling: false, key: '' });
    call('scenario.monteCarlo', { definition: draft as unknown as Record<string, unknown> }).then(
      ({ jobId: id }) => live.current && setState((prev) => (prev.status === 'running' ? { ...prev, jobId: id, key: k } : prev)),
      (error: unknown) => live.current && setState({ status: 'error', error }),
    );
  }, []);

  const cancel = useCallback(() => {
    if (!jobId) return;
    setState((prev) => (prev.status === 'running' ? { ...prev, cancelling: true } : prev));
    call('jobs.cancel', { id: jobId }).then(
      (s) => live.current && setState({ status: 'cancelled', done: s.progress.done, total: s.progress.total }),
      (error: unknown) => live.current && setState({ status: 'error', error }),
    );
  }, [jobId]);

  return [state, start, cancel];
}
