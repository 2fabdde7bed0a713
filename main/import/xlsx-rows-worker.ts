import { existsSync } from 'node:fs';
import path from 'node:path';
import { parentPort, Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { GridCell } from '../../shared/domain/import/grid';
import { AppError, type Failure } from '../../shared/errors';
import { defineJob } from '../jobs/job-types';
import { streamXlsxRows, type SheetPick, type StreamedRow } from './stream-xlsx-rows';

/**
 * Reading a large .xlsx in a thread of its own, so that reading and writing overlap: ExcelJS parses
 * the sheet's XML in a second worker thread (the app's own job worker bundle, started for this
 * kind) while the import's thread walks and inserts the rows it has already received. Rows travel
 * in batches of typed arrays (numbers need no text: ExcelJS's text of a number is String(value)),
 * and at most MAX_IN_FLIGHT batches are on their way, so memory stays bounded when the writer is
 * the slower of the two.
 */
export const XLSX_ROWS_JOB = 'import.xlsxRows';
const BATCH_ROWS = 256;
const MAX_IN_FLIGHT = 6;

interface RowBatch {
  type: 'rows';
  rows: Int32Array;
  counts: Int32Array;
  cols: Int32Array;
  nums: Float64Array;
  texts: string[];
}

const Input = z.object({
  filePath: z.string(),
  pick: z.object({ name: z.string(), partNo: z.number().int().nullable() }),
  flow: z.custom<SharedArrayBuffer>((v) => v instanceof SharedArrayBuffer),
});

function encode(rows: StreamedRow[]): { batch: RowBatch; transfer: ArrayBuffer[] } {
  let cells = 0;
  for (const row of rows) cells += row.cells.length;
  const batch: RowBatch = { type: 'rows', rows: new Int32Array(rows.length), counts: new Int32Array(rows.length), cols: new Int32Array(cells), nums: new Float64Array(cells), texts: [] };
  let k = 0;
  rows.forEach((row, i) => {
    batch.rows[i] = row.r;
    batch.counts[i] = row.cells.length;
    for (const cell of row.cells) {
      batch.cols[k] = cell.c;
      if (cell.value !== undefined) batch.nums[k] = cell.value;
      else {
        batch.nums[k] = Number.NaN;
        batch.texts.push(cell.text);
      }
      k++;
    }
  });
  return { batch, transfer: [batch.rows.buffer, batch.counts.buffer, batch.cols.buffer, batch.nums.buffer] as ArrayBuffer[] };
}

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

/** The reader, as a job kind run by the app's job worker bundle: it posts row batches to whoever started it. */
export const xlsxRowsJob = defineJob({
  input: Input,
  result: z.object({ rows: z.number().int() }),
  run: async (input) => {
    const port = parentPort;
    if (!port) throw new Error(`${XLSX_ROWS_JOB} runs in a worker thread only`);
    const flow = new Int32Array(input.flow);
    let pending: StreamedRow[] = [];
    let total = 0;
    const send = (): void => {
      // Wait while the importing thread still has enough to do.
      for (let inFlight = Atomics.load(flow, 0); inFlight >= MAX_IN_FLIGHT; inFlight = Atomics.load(flow, 0)) Atomics.wait(flow, 0, inFlight, 200);
      Atomics.add(flow, 0, 1);
      const { batch, transfer } = encode(pending);
      port.postMessage(batch, transfer);
      pending = [];
    };
    for await (const row of streamXlsxRows(input.filePath, input.pick)) {
      pending.push(row);
      total++;
      if (pending.length === BATCH_ROWS) send();
    }
    if (pending.length > 0) send();
    return { rows: total };
  },
});

/** The job worker bundle beside this bundle (dist/main/jobs.worker.cjs), or null where there is none (tests from source). */
export function readerWorkerPath(): string | null {
  const forced = process.env.WV_IMPORT_READER_WORKER;
  if (forced !== undefined) return forced === '' ? null : forced;
  // __dirname is the bundle's folder (dist/main); run from source (tests) there is no bundle beside it.
  const beside = typeof __dirname === 'string' ? path.join(__dirname, 'jobs.worker.cjs') : null;
  return beside && existsSync(beside) ? beside : null;
}

/** streamXlsxRows, run in a worker thread: the same rows, read while this thread works on the ones before. */
export async function* streamXlsxRowsInWorker(workerPath: string, filePath: string, pick: SheetPick): AsyncGenerator<StreamedRow> {
  const flow = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(workerPath, { workerData: { kind: XLSX_ROWS_JOB, input: { filePath, pick, flow: flow.buffer }, storePath: '', cancel: new SharedArrayBuffer(4) } });
  const queue: RowBatch[] = [];
  let finished = false;
  let failure: Failure['error'] | null = null;
  let wake: (() => void) | null = null;
  const nudge = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  worker.on('message', (m: RowBatch | { type: 'done' } | { type: 'failed'; failure: Failure } | { type: 'progress' }) => {
    if (m.type === 'rows') queue.push(m);
    else if (m.type === 'done') finished = true;
    else if (m.type === 'failed') {
      failure = m.failure.error;
      finished = true;
    }
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
  try {
    for (;;) {
      const batch = queue.shift();
      if (batch) {
        Atomics.sub(flow, 0, 1);
        Atomics.notify(flow, 0);
        yield* decode(batch, pick.name);
        continue;
      }
      if (finished) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    const f = failure as Failure['error'] | null;
    if (f) throw new AppError(f.code, f.message, f.where, f.details);
  } finally {
    void worker.terminate();
  }
}
