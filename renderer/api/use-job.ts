import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../shared/contract/jobs';
import type { ErrorCode } from '../../shared/errors';
import { call, CallError } from './client';

/**
 * A long job (an import, a Monte Carlo run) seen from a screen: started by a feature call that
 * answers a job id, then followed with jobs.status until it ends — progress with time left, the
 * result checked against its contract, the cancel, or the error. One hook, so every long job
 * behaves the same: polling stops when the screen goes, and a late answer never overwrites a newer
 * state.
 */
export type JobState<R> =
  | { status: 'idle' }
  | { status: 'running'; jobId: string; progress: JobStatus['progress']; cancelling: boolean }
  | { status: 'done'; result: R; elapsedMs: number }
  | { status: 'cancelled'; done: number; total: number | null }
  | { status: 'error'; error: unknown };

export interface JobOptions<R> {
  /** The job's result, checked against its feature's contract. */
  parse: (result: unknown) => R;
  /** What the analyst reads when a job failed without an error of its own. */
  failure: { code: ErrorCode; message: string };
  pollMs: number;
  /** After the job ended done (e.g. tell other screens that the store changed). */
  onDone?: (result: R) => void;
}

export interface Job<R> {
  state: JobState<R>;
  /** Starts a job: `launch` makes the feature call; `total` is the progress's total until the first report. */
  start: (launch: () => Promise<{ jobId: string }>, total?: number | null) => void;
  cancel: () => void;
  reset: () => void;
}

export function useJob<R>(options: JobOptions<R>): Job<R> {
  const [state, setState] = useState<JobState<R>>({ status: 'idle' });
  const live = useRef(true);
  // The options of the latest render, so the effects below need not restart when a caller passes new closures.
  const opts = useRef(options);
  opts.current = options;
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const jobId = state.status === 'running' ? state.jobId : null;

  /** The state a job's final status stands for. */
  const ended = useCallback((s: JobStatus): JobState<R> => {
    if (s.state === 'done') {
      const result = opts.current.parse(s.result);
      opts.current.onDone?.(result);
      return { status: 'done', result, elapsedMs: s.progress.elapsedMs };
    }
    if (s.state === 'cancelled') return { status: 'cancelled', done: s.progress.done, total: s.progress.total };
    return { status: 'error', error: new CallError(s.error ?? opts.current.failure) };
  }, []);

  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async (): Promise<void> => {
      try {
        const s = await call('jobs.status', { id: jobId });
        if (stopped || !live.current) return;
        if (s.state === 'running') {
          setState((prev) => (prev.status === 'running' && prev.jobId === jobId ? { ...prev, progress: s.progress } : prev));
          timer = setTimeout(() => void poll(), opts.current.pollMs);
        } else setState(ended(s));
      } catch (error) {
        if (!stopped) setState({ status: 'error', error });
      }
    };
    timer = setTimeout(() => void poll(), opts.current.pollMs);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [jobId, ended]);

  const start = useCallback((launch: () => Promise<{ jobId: string }>, total: number | null = null) => {
    setState({ status: 'running', jobId: '', progress: { phase: 'starten', done: 0, total, elapsedMs: 0, etaMs: null }, cancelling: false });
    launch().then(
      ({ jobId: id }) => live.current && setState((prev) => (prev.status === 'running' ? { ...prev, jobId: id } : prev)),
      (error: unknown) => live.current && setState({ status: 'error', error }),
    );
  }, []);

  const cancel = useCallback(() => {
    if (!jobId) return;
    setState((prev) => (prev.status === 'running' ? { ...prev, cancelling: true } : prev));
    // The answer comes when the job has stopped: cancelled, or done or failed if it got there first.
    call('jobs.cancel', { id: jobId }).then(
      (s) => live.current && setState(ended(s)),
      (error: unknown) => live.current && setState({ status: 'error', error }),
    );
  }, [jobId, ended]);

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, cancel, reset };
}
