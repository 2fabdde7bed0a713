import path from 'node:path';
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { GridCell } from '../../../shared/domain/import/grid';
import type { GridRow } from '../../../shared/domain/import/row-grid';
import { AppError } from '../../../shared/errors';
import { feedXlsxRows, type SheetPick } from '../read/stream-xlsx-rows';
import type { RowSink } from '../read/xlsx-sheet-xml';
import { XLSX_ROWS_JOB, type ReaderWalkInput, type RowBatch, type XlsxRowsInput, type XlsxRowsResult } from './protocol';
import { ReaderWalk } from './reader-walk';

/**
 * Reading a large .xlsx in a thread of its own, so that reading and writing overlap: the streamed
 * reader (read/stream-xlsx-rows) inflates and parses the sheet's XML in a second worker thread (the
 * app's own job worker bundle, which registers this reader as a job kind in main/jobs/import-jobs)
 * while the import's thread walks and inserts the rows it has already received. Rows travel
 * in batches of typed arrays (numbers need no text: the reader's text of a number is String(value)),
 * and at most MAX_IN_FLIGHT batches are on their way, so memory stays bounded when the writer is
 * the slower of the two. This is the reading thread's side; reader-thread is the import's side,
 * and protocol the messages between them.
 */
const BATCH_ROWS = 256;
const MAX_IN_FLIGHT = 6;
/** Figures per step batch, when this thread also walks the sheet (reader-walk); the first batches are smaller, so the import's thread starts inserting sooner. */
const STEP_BATCH = 16_384;
const FIRST_STEP_BATCH = 1024;

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

/** The reader, run in a worker thread (main/jobs registers it as the job kind XLSX_ROWS_JOB): it posts row batches to whoever started it. */
export async function readXlsxRows(input: XlsxRowsInput): Promise<XlsxRowsResult> {
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
}

/**
 * Read and walk: the head rows go across as rows (the import's thread detects on them too), then,
 * for a wide table, the steps the walk decides, and at the end what the walk found.
 */
async function readAndWalk(filePath: string, pick: SheetPick, walk: ReaderWalkInput, port: MessagePort, flow: Int32Array, rows: BatchSink): Promise<{ rows: number }> {
  const fileName = path.basename(filePath);
  let stepBatch = FIRST_STEP_BATCH;
  const walker = new ReaderWalk(
    walk.request,
    (row) => rows.gridRow(row),
    () => {
      rows.send();
      port.postMessage({ type: 'head-end' });
    },
    (walking) => port.postMessage({ type: 'walking', walking }),
    // The head rows are walked all at once when the plan is decided (a national file: 124,000
    // figures): batched like the rest, the import's thread starts inserting after the first few.
    () => {
      if (walker.encoder.size >= stepBatch) sendSteps();
    },
  );
  const sendSteps = (): void => {
    stepBatch = Math.min(STEP_BATCH, stepBatch * 2);
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
