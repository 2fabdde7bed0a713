import { useCallback, useRef } from 'react';
import { MonteCarloRun } from '../../../shared/contract/scenario';
import { call } from '../../api/client';
import { useJob, type JobState } from '../../api/use-job';
import type { Draft } from './editor/draft';

/** `key` ties a run to the definition it ran on, so a result for an edited definition shows as stale. */
export type McState =
  | Exclude<JobState<MonteCarloRun>, { status: 'running' | 'done' }>
  | (Extract<JobState<MonteCarloRun>, { status: 'running' }> & { key: string })
  | { status: 'done'; run: MonteCarloRun; key: string; elapsedMs: number };

const POLL_MS = 120;

/** A Monte Carlo job (a worker thread under the web shell and Electron), followed until it ends; `cancel` stops it. */
export function useMonteCarlo(): [McState, (draft: Draft, key: string) => void, () => void] {
  const job = useJob({
    parse: (r) => MonteCarloRun.parse(r),
    failure: { code: 'INTERNAL', message: 'Monte Carlo is mislukt.' },
    pollMs: POLL_MS,
  });
  const key = useRef('');
  const { start } = job;
  const begin = useCallback(
    (draft: Draft, k: string) => {
      key.current = k;
      start(() => call('scenario.monteCarlo', { definition: draft }), draft.uncertainty?.runs ?? 2000);
    },
    [start],
  );
  const s = job.state;
  const state: McState =
    s.status === 'done' ? { status: 'done', run: s.result, key: key.current, elapsedMs: s.elapsedMs } : s.status === 'running' ? { ...s, key: key.current } : s;
  return [state, begin, job.cancel];
}
