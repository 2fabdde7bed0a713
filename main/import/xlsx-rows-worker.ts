import { existsSync } from 'node:fs';
import path from 'node:path';
import { parentPort, Worker, type MessagePort } from 'node:worker_threads';
import { z } from 'zod';
import type { GridCell } from '../../shared/domain/import/grid';
import { AppError, type Failure } from '../../shared/errors';
import { defineJob } from '../jobs/job-types';
import { feedXlsxRows, type SheetPick, type StreamedRow } from './stream-xlsx-rows';
import type { RowSink } from './xlsx-sheet-xml';

/**
 * Reading a large .xlsx in a thread of its own, so that reading and writing overlap: the streamed
 * reader (stream-xlsx-rows) inflates and parses the sheet's XML in a second worker thread (the
 * app's own job worker bundle, started for this kind) while the import's thread walks and inserts
 * the rows it has already received. Rows travel
 * in batches of typed arrays (numbers need no text: the reader's text of a number is String(value)),
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

/**
 * The reader's rows, packed straight into a batch of typed arrays as the XML parser finishes each
 * row (no GridCell is made on this side), and posted every BATCH_ROWS rows.
 */
class BatchSink implements RowSink {
  /** A number's text is String(value), made on the other side. */
  readonly numberTexts = false;
  total = 0;
  private rows = new Int32Array(BATCH_ROWS);
  private counts = new Int32Array(BATCH_ROWS);
  private nRows = 0;
  private cols = new Int32Array(BATCH_ROWS * 64);
  private nums = new Float64Array(BATCH_ROWS * 64);
  private nCells = 0;
  private texts: string[] = [];

  constructor(
    private readonly port: MessagePort,
    private readonly flow: Int32Array,
  ) {}

  row(r: number, n: number, cols: Int32Array, nums: Float64Array, texts: readonly string[]): void {
    const at = this.nCells;
    if (at + n > this.cols.length) {
      const size = Math.max(this.cols.length * 2, at + n);
      const c = new Int32Array(size);
      c.set(this.cols.subarray(0, at));
      this.cols = c;
      const v = new Float64Array(size);
      v.set(this.nums.subarray(0, at));
      this.nums = v;
    }
    this.rows[this.nRows] = r;
    this.counts[this.nRows] = n;
    this.cols.set(cols.subarray(0, n), at);
    this.nums.set(nums.subarray(0, n), at);
    for (let j = 0; j < n; j++) {
      const v = nums[j] as number;
      if (v !== v) this.texts.push(texts[j] as string);
    }
    this.nCells = at + n;
    this.total++;
    if (++this.nRows === BATCH_ROWS) this.send();
  }

  send(): void {
    if (this.nRows === 0) return;
    // Wait while the importing thread still has enough to do.
    const flow = this.flow;
    for (let inFlight = Atomics.load(flow, 0); inFlight >= MAX_IN_FLIGHT; inFlight = Atomics.load(flow, 0)) Atomics.wait(flow, 0, inFlight, 200);
    Atomics.add(flow, 0, 1);
    const batch: RowBatch = {
      type: 'rows',
      rows: this.rows.slice(0, this.nRows),
      counts: this.counts.slice(0, this.nRows),
      cols: this.cols.slice(0, this.nCells),
      nums: this.nums.slice(0, this.nCells),
      texts: this.texts,
    };
    this.port.postMessage(batch, [batch.rows.buffer, batch.counts.buffer, batch.cols.buffer, batch.nums.buffer] as ArrayBuffer[]);
    this.nRows = 0;
    this.nCells = 0;
    this.texts = [];
  }
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
    const sink = new BatchSink(port, new Int32Array(input.flow));
    for await (const _ of feedXlsxRows(input.filePath, input.pick, () => sink)) {
      // The sink posts each batch as it fills.
    }
    sink.send();
    return { rows: sink.total };
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
