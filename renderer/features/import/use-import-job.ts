import { useCallback } from 'react';
import { ImportReport, type CommitRequest } from '../../../shared/contract/import';
import type { JobState } from '../../api/use-job';
import { useJob } from '../../api/use-job';
import { call } from '../../api/client';
import { notifyDataChanged } from '../../ui/data-events';

export type CommitState = Exclude<JobState<ImportReport>, { status: 'done' }> | { status: 'done'; report: ImportReport };

const POLL_MS = 150;

/**
 * The import.commit job (a worker thread under the web shell and Electron), followed until it
 * ends: progress with rows done and time left, the report, or the error. `cancel` stops it; the
 * job then rolls back and nothing is saved.
 */
export function useImportJob(): [CommitState, (req: CommitRequest) => void, () => void, () => void] {
  const job = useJob({
    parse: (r) => ImportReport.parse(r),
    failure: { code: 'IMPORT_FAILED', message: 'Het importeren is mislukt.' },
    pollMs: POLL_MS,
    // The status line and lists elsewhere count the store's contents again.
    onDone: (report) => {
      if (report.committed) notifyDataChanged();
    },
  });
  const { start } = job;
  const begin = useCallback((req: CommitRequest) => start(() => call('import.commit', req)), [start]);
  const state: CommitState = job.state.status === 'done' ? { status: 'done', report: job.state.result } : job.state;
  return [state, begin, job.cancel, job.reset];
}
