import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { GridCell } from '../../../shared/domain/import/grid';
import { AppError, type Failure } from '../../../shared/errors';
import type { Walked } from './reader-walk';
import type { StepBatch } from './step-batch';
import type { SheetPick, StreamedRow } from '../read/stream-xlsx-rows';
import { XLSX_ROWS_JOB, type ReaderMessage, type ReaderWalkInput, type RowBatch } from './protocol';

/**
 * The import's side of the reading thread (xlsx-rows-worker is the thread's side): starts it,
 * takes its messages in order, turns row batches back into rows, and frees room for the next
 * batch as each one is taken, so the reader never runs more than a few batches ahead.
 */
function* decode(b: RowBatch, sheet: string): Generator<StreamedRow> {
  let k = 0;
  let t = 0;
  for (let i = 0; i < b.rows.length; i++) {
    const r = b.rows[i] as number;
    const n = b.counts[i] as number;
    const cells: GridCell[] = new Array(n);
    for (let j = 0; j < n; j++, k++) {
      const c = b.cols[k] as number;
      const v = b.nums[k] as number;
      cells[j] = Number.isNaN(v) ? { r, c, text: b.texts[t++] as string } : { r, c, text: String(v), value: v };
    }
    yield { sheet, r, cells };
  }
}

/** The job worker bundle beside this bundle (dist/main/jobs.worker.cjs), or null where there is none (tests from source). */
export function readerWorkerPath(): string | null {
  const forced = process.env.WV_IMPORT_READER_WORKER;
  if (forced !== undefined) return forced === '' ? null : forced;
  // __dirname is the bundle's folder (dist/main); run from source (tests) there is no bundle beside it.
  const beside = typeof __dirname === 'string' ? path.join(__dirname, 'jobs.worker.cjs') : null;
  return beside && existsSync(beside) ? beside : null;
}

/**
 * The reading thread, seen from the import's thread. `rows` are the sheet's rows — all of them, or
 * with a walk only the head. Then, with a walk, `walking()` says whether the reading thread walks
 * the rest: if so `steps` brings the step batches and `walked()` the walk's outcome, if not `rest`
 * brings the remaining rows.
 */
export interface ReaderThread {
  rows: AsyncGenerator<StreamedRow>;
  walking: () => Promise<boolean>;
  rest: AsyncGenerator<StreamedRow>;
  steps: AsyncGenerator<StepBatch>;
  walked: () => Walked | null;
  /** Stops the thread (also done when a generator is finished or abandoned). */
  close: () => void;
}

export function readInWorker(workerPath: string, filePath: string, pick: SheetPick, walk: ReaderWalkInput | null = null): ReaderThread {
  const flow = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(workerPath, { workerData: { kind: XLSX_ROWS_JOB, input: { filePath, pick, flow: flow.buffer, walk }, storePath: '', cancel: new SharedArrayBuffer(4) } });
  const queue: ReaderMessage[] = [];
  let finished = false;
  let failure: Failure['error'] | null = null;
  let walked: Walked | null = null;
  let wake: (() => void) | null = null;
  const nudge = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  worker.on('message', (m: ReaderMessage) => {
    if (m.type === 'done') finished = true;
    else if (m.type === 'failed') {
      failure = m.failure.error;
      finished = true;
    } else if (m.type !== 'progress') queue.push(m);
    nudge();
  });
  worker.on('error', (err) => {
    failure ??= { code: 'FILE_UNREADABLE', message: `${path.basename(filePath)} cannot be read: ${err.message}`, where: { file: path.basename(filePath) } };
    finished = true;
    nudge();
  });
  worker.on('exit', () => {
    finished = true;
    nudge();
  });
  const close = (): void => void worker.terminate();

  /** The next message, in order; null at the end. A batch taken frees room for the reader. */
  async function next(): Promise<ReaderMessage | null> {
    for (;;) {
      const m = queue.shift();
      if (m) {
        if (m.type === 'rows' || m.type === 'steps') {
          Atomics.sub(flow, 0, 1);
          Atomics.notify(flow, 0);
        }
        return m;
      }
      if (finished) {
        const f = failure as Failure['error'] | null;
        if (f) throw new AppError(f.code, f.message, f.where, f.details);
        return null;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }

  /** Rows until the head ends (with a walk) or the sheet does; the thread is stopped unless a walk's answer is still to come. */
  async function* rows(): AsyncGenerator<StreamedRow> {
    let handedOn = false;
    try {
      for (let m = await next(); m; m = await next()) {
        if (m.type === 'rows') yield* decode(m, pick.name);
        else if (m.type === 'head-end') {
          handedOn = true;
          return;
        } else throw new Error(`the reading thread sent ${m.type} among the rows`);
      }
    } finally {
      if (!handedOn) close();
    }
  }

  let decision: Promise<boolean> | null = null;
  const walking = (): Promise<boolean> =>
    (decision ??= next().then((m) => {
      if (m?.type !== 'walking') throw new Error(`the reading thread sent ${m?.type ?? 'nothing'} where it should say whether it walks`);
      return m.walking;
    }));

  /** The rows after the head, when the reading thread does not walk them. */
  async function* rest(): AsyncGenerator<StreamedRow> {
    try {
      if (await walking()) throw new Error('the reading thread walks the sheet: there are no rows to read');
      for (let m = await next(); m; m = await next()) {
        if (m.type === 'rows') yield* decode(m, pick.name);
        else throw new Error(`the reading thread sent ${m.type} among the rows`);
      }
    } finally {
      close();
    }
  }

  async function* steps(): AsyncGenerator<StepBatch> {
    try {
      if (!(await walking())) throw new Error('the reading thread does not walk the sheet');
      for (let m = await next(); m; m = await next()) {
        if (m.type === 'steps') yield m;
        else if (m.type === 'walked') walked = m;
        else throw new Error(`the reading thread sent ${m.type} among the steps`);
      }
    } finally {
      close();
    }
  }

  return { rows: rows(), walking, rest: rest(), steps: steps(), walked: () => walked, close };
}

/** streamXlsxRows, run in a worker thread: the same rows, read while this thread works on the ones before. */
export function streamXlsxRowsInWorker(workerPath: string, filePath: string, pick: SheetPick): AsyncGenerator<StreamedRow> {
  return readInWorker(workerPath, filePath, pick).rows;
}
