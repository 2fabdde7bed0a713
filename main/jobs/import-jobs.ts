import { CommitRequest, ImportPreview, ImportReport, ImportRequest } from '../../shared/contract/import';
import { commitImport, previewImport } from '../import/commit-import';
import { loadImportContext } from '../import/import-context';
import { XLSX_ROWS_JOB, XlsxRowsInput, XlsxRowsResult } from '../import/thread/protocol';
import { readXlsxRows } from '../import/thread/xlsx-rows-worker';
import { openStore } from '../store/open-store';
import { cancelled } from './job-runner';
import type { AnyJobKind, JobControl } from './job-types';
import { defineJob } from './job-types';

/**
 * Import work off the main thread. Each job opens its own store connection (a worker thread cannot
 * share the app's): the preview only to read the areas, aliases, mappings and indicators it matches
 * against; the commit to write everything in one transaction, which a failure or a cancel rolls back.
 */
function open(control: JobControl) {
  // the app's own connection holds the session (and checked the store when it opened it)
  return openStore(control.storePath, { seed: false, session: false, ...(control.nativeBinding ? { nativeBinding: control.nativeBinding } : {}) }).db;
}

const preview = defineJob({
  input: ImportRequest,
  result: ImportPreview,
  run: async (input, control) => {
    control.progress('lezen', 0, null);
    const db = open(control);
    let ctx;
    try {
      ctx = loadImportContext(db);
    } finally {
      db.close();
    }
    return previewImport(input, ctx, { ...control, cancelled });
  },
});

const commit = defineJob({
  input: CommitRequest,
  result: ImportReport,
  run: async (input, control) => {
    control.progress('lezen', 0, null);
    const db = open(control);
    try {
      return await commitImport(db, input, { ...control, cancelled });
    } finally {
      db.close();
    }
  },
});

/** The .xlsx reader's thread: started by an import itself (a second thread that reads while the first writes). */
const xlsxRows = defineJob({ input: XlsxRowsInput, result: XlsxRowsResult, run: readXlsxRows });

// Long-running import jobs (issue 3), by name.
export const importJobs: Record<string, AnyJobKind> = { 'import.preview': preview, 'import.commit': commit, [XLSX_ROWS_JOB]: xlsxRows };
