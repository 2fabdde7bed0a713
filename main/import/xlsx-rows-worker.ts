import { existsSync } from 'node:fs';
import path from 'node:path';
import { parentPort, Worker, type MessagePort } from 'node:worker_threads';
import { z } from 'zod';
import type { GridCell } from '../../shared/domain/import/grid';
import type { GridRow } from '../../shared/domain/import/row-grid';
import { AppError, type Failure } from '../../shared/errors';
import { defineJob } from '../jobs/job-types';
import { ReaderWalk, type WalkRequest, type Walked } from './reader-walk';
import type { StepBatch } from './step-batch';
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
/** Figures per step batch, when this thread also walks the sheet (reader-walk). */
const STEP_BATCH = 16_384;

interface RowBatch {
  type: 'rows';
  rows: Int32Array;
  counts: Int32Array;
  cols: Int32Array;
  nums: Float64Array;
  texts: string[];
}

/** With a walk: this thread also walks a wide sheet and sends the import's steps instead of its rows. */
export interface ReaderWalkInput {
  request: WalkRequest;
  /** The most cells the sheet may hold (the import's limit). */
  maxCells: number;
}

const Input = z.object({
  filePath: z.string(),
  pick: z.object({ name: z.string(), partNo: z.number().int().nullable() }),
  flow: z.custom<SharedArrayBuffer>((v) => v instanceof SharedArrayBuffer),
  walk: z.custom<ReaderWalkInput>((v) => typeof v === 'object' && v !== null && 'request' in v).nullable().default(null),
});

/** Waits while the importing thread still has MAX_IN_FLIGHT batches to work through, then counts one more. */
function waitForRoom(flow: Int32Array): void {
  for (let inFlight = Atomics.load(flow, 0); inFlight >= MAX_IN_FLIGHT; inFlight = Atomics.load(flow, 0)) Atomics.wait(flow, 0, inFlight, 200);
  Atomics.add(flow, 0, 1);
}

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

  private gridCols = new Int32Array(64);
  private gridNums = new Float64Array(64);

  /** A row already made into cells (by the walk's side): packed like any other. */
  gridRow(row: GridRow): void {
    const n = row.cells.length;
    if (n > this.gridCols.length) {
      this.gridCols = new Int32Array(n * 2);
      this.gridNums = new Float64Array(n * 2);
    }
    const texts: string[] = new Array(n);
    row.cells.forEach((cell, j) => {
      this.gridCols[j] = cell.c;
      this.gridNums[j] = cell.value ?? Number.NaN;
      texts[j] = cell.text;
    });
    this.row(row.r, n, this.gridCols, this.gridNums, texts);
  }

  send(): void {
    if (this.nRows === 0) return;
    waitForRoom(this.flow);
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
    const flow = new Int32Array(input.flow);
    const sink = new BatchSink(port, flow);
    if (input.walk) return readAndWalk(input.filePath, input.pick, input.walk, port, flow, sink);
    for await (const _ of feedXlsxRows(input.filePath, input.pick, () => sink)) {
      // The sink posts each batch as it fills.
    }
    sink.send();
    return { rows: sink.total };
  },
});

/**
 * Read and walk: the head rows go across as rows (the import's thread detects on them too), then,
 * for a wide table, the steps the walk decides, and at the end what the walk found.
 */
async function readAndWalk(filePath: string, pick: SheetPick, walk: ReaderWalkInput, port: MessagePort, flow: Int32Array, rows: BatchSink): Promise<{ rows: number }> {
  const fileName = path.basename(filePath);
  const walker = new ReaderWalk(
    walk.request,
    (row) => rows.gridRow(row),
    () => {
      rows.send();
      port.postMessage({ type: 'head-end' });
    },
    (walking) => port.postMessage({ type: 'walking', walking }),
  );
  const sendSteps = (): void => {
    const taken = walker.encoder.take();
    if (!taken) return;
    taken.batch.lastRow = walker.lastRow;
    waitForRoom(flow);
    port.postMessage(taken.batch, taken.transfer);
  };
  let cells = 0;
  let total = 0;
  // An error of the walk's own is itself, not "the file cannot be read".
  let failure: unknown = null;
  const sink: RowSink = {
    numberTexts: false,
    row(r, n, cols, nums, texts) {
      try {
        cells += n;
        if (cells > walk.maxCells) {
          const limit = walk.maxCells.toLocaleString('en');
          throw new AppError('FILE_TOO_LARGE', `${fileName}: sheet "${pick.name}" has more than ${limit} cells; the limit is ${limit}`, { file: fileName, sheet: pick.name });
        }
        const row: GridCell[] = new Array(n);
        for (let j = 0; j < n; j++) {
          const v = nums[j] as number;
          const c = cols[j] as number;
          row[j] = v !== v ? { r, c, text: texts[j] as string } : { r, c, text: String(v), value: v };
        }
        total++;
        walker.push({ r, cells: row });
        if (walker.encoder.size >= STEP_BATCH) sendSteps();
      } catch (err) {
        failure ??= err;
        throw err;
      }
    },
  };
  try {
    for await (const _ of feedXlsxRows(filePath, pick, () => sink)) {
      // The sink walks each row as the parser finishes it.
    }
  } catch (err) {
    throw failure ?? err;
  }
  const walked = walker.end();
  sendSteps();
  rows.send();
  if (walked) port.postMessage(walked);
  return { rows: total };
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

type ReaderMessage =
  | RowBatch
  | StepBatch
  | Walked
  | { type: 'head-end' }
  | { type: 'walking'; walking: boolean }
  | { type: 'done' }
  | { type: 'failed'; failure: Failure }
  | { type: 'progress' };

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
