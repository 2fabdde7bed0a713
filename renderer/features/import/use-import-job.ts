import { useCallback, useEffect, useRef, useState } from 'react';
import { ImportReport, type CommitRequest } from '../../../shared/contract/import';
import type { JobStatus } from '../../../shared/contract/jobs';
import { call, CallError } from '../../api/client';
import { notifyDataChanged } from '../../ui/data-events';

export type CommitState =
  | { status: 'idle' }
  | { status: 'running'; jobId: string; progress: JobStatus['progress']; cancelling: boolean }
  | { status: 'done'; report: ImportReport }
  | { status: 'cancelled'; done: number; total: number | null }
  | { status: 'error'; error: unknown };

const POLL_MS = 150;

/**
 * Start the import.commit job (a worker thread under the web shell and Electron) and follow it with
 * jobs.status until it ends: progress with rows done and time left, the report, or the error.
 * `cancel` stops it; the job then rolls back and nothing is saved.
 */
export function useImportJob(): [CommitState, (req: CommitRequest) => void, () => void, () => void] {
  const [state, setState] = useState<CommitState>({ status: 'idle' });
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const jobId = state.status === 'running' ? state.jobId : null;

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
          timer = setTimeout(() => void poll(), POLL_MS);
        } else if (s.state === 'done') {
          const report = ImportReport.parse(s.result);
          setState({ status: 'done', report });
          // The status line and lists elsewhere count the store's contents again.
          if (report.committed) notifyDataChanged();
        }
        else if (s.state === 'cancelled') setState({ status: 'cancelled', done: s.progress.done, total: s.progress.total });
        else setState({ status: 'error', error: new CallError(s.error ?? { code: 'IMPORT_FAILED', message: 'Het importeren is mislukt.' }) });
      } catch (error) {
        if (!stopped) setState({ status: 'error', error });
      }
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [jobId]);

  const start = useCallback((req: CommitRequest) => {
    setState({ status: 'running', jobId: '', progress: { phase: 'starten', done: 0, total: null, elapsedMs: 0, etaMs: null }, cancelling: false });
    call('import.commit', req).then(
      ({ jobId: id }) => live.current && setState((prev) => (prev.status === 'running' ? { ...prev, jobId: id } : prev)),
      (error: unknown) => live.current && setState({ status: 'error', error }),
    );
  }, []);

  const cancel = useCallback(() => {
    if (!jobId) return;
    setState((prev) => (prev.status === 'running' ? { ...prev, cancelling: true } : prev));
    call('jobs.cancel', { id: jobId }).then(
      (s) => {
        if (!live.current) return;
        if (s.state === 'done') setState({ status: 'done', report: ImportReport.parse(s.result) });
        else setState({ status: 'cancelled', done: s.progress.done, total: s.progress.total });
      },
      (error: unknown) => live.current && setState({ status: 'error', error }),
    );
  }, [jobId]);

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return [state, start, cancel, reset];
}
