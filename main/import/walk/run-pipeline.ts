import { prepareImport, walkGrid, type EventSink, type PipelineInput, type PreparedImport } from '../../../shared/domain/import/build-preview';
import type { Findings } from '../../../shared/domain/import/collect-problems';
import { FigureSteps, type FigureFields, type StepSink } from '../../../shared/domain/import/figure-steps';
import type { Grid } from '../../../shared/domain/import/grid';
import { RowGrid } from '../../../shared/domain/import/row-grid';
import { StreamWalk } from '../../../shared/domain/import/stream-walk';
import { previewFileOf, type OpenedSheet, type RemoteWalk } from './open-sheet';
import { StepDecoder } from '../thread/step-batch';

/**
 * The one walk over a sheet that both the preview and the commit make: detect the plan, then
 * every row through the problem collector and (for a commit) to the writer. A grid is walked a
 * chunk of rows at a time, a streamed sheet a row at a time as it arrives; between chunks the
 * walk reports progress and gives cancellation (and, on the main thread, other work) a turn.
 */
export interface PipelineHooks {
  /** Called once the plan is known, before the first row is walked (the writer sets up here). */
  onPrepared?: (prepared: PreparedImport) => void;
  /** What to write (a commit): every area and figure the walk decides to import, in sheet order. */
  steps?: StepSink;
  /** Where figures may go field by field instead of as steps (a walk in the reading thread). */
  figureFields?: FigureFields;
  /** Rows walked so far, of how many (null while unknown). */
  progress?: (done: number, total: number | null) => void;
  /** Throws to stop the walk (a cancelled job). */
  checkpoint?: () => void;
}

export interface PipelineResult {
  prepared: PreparedImport;
  /** Figures the walk left out (text, no period, an area not imported, a duplicate). */
  skippedFigures: number;
  /** What the walk found, when it was made in the reading thread (else the prepared collector's). */
  findings?: Findings;
  /** The grid of the whole sheet, or a streamed sheet's first rows: for the preview's sample and the recipe. */
  grid: Grid;
  streamed: boolean;
}

const CHUNK_ROWS = 2000;
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The walk's sink: the steps a commit writes (nothing for a preview, which only collects). */
function stepsOf(prepared: PreparedImport, hooks: PipelineHooks): { sink?: EventSink; skipped: () => number } {
  if (!hooks.steps) return { skipped: () => 0 };
  const steps = new FigureSteps(prepared, hooks.steps, hooks.figureFields);
  return { sink: steps.sink, skipped: () => steps.skippedFigures };
}

async function walkWhole(whole: Grid, opened: OpenedSheet, input: PipelineInput, hooks: PipelineHooks): Promise<PipelineResult> {
  const prepared = prepareImport({ ...input, grid: whole, file: previewFileOf(opened), sheetNames: opened.sheetNames });
  // The part of the sheet the import reads: one of several stacked tables, or a range (else all of it).
  const grid = prepared.input.grid;
  hooks.onPrepared?.(prepared);
  const steps = stepsOf(prepared, hooks);
  const { plan } = prepared;
  const { firstDataRow, lastDataRow } = plan.region;
  if (plan.layout === 'wide' || plan.layout === 'long') {
    const total = Math.max(0, lastDataRow - firstDataRow + 1);
    for (let from = firstDataRow; from <= lastDataRow; from += CHUNK_ROWS) {
      const to = Math.min(lastDataRow, from + CHUNK_ROWS - 1);
      walkGrid(prepared, grid, { ...plan, region: { ...plan.region, firstDataRow: from, lastDataRow: to } }, steps.sink);
      hooks.progress?.(to - firstDataRow + 1, total);
      hooks.checkpoint?.();
      await turn();
    }
  } else {
    walkGrid(prepared, grid, plan, steps.sink);
  }
  return { prepared, grid, streamed: false, skippedFigures: steps.skipped() };
}

export async function runPipeline(opened: OpenedSheet, input: PipelineInput, hooks: PipelineHooks = {}): Promise<PipelineResult> {
  if (opened.mode === 'grid') return walkWhole(opened.grid, opened, input, hooks);

  const prepared = prepareImport({ ...input, grid: opened.head, file: previewFileOf(opened), sheetNames: opened.sheetNames });
  const remote = opened.remote;
  if (prepared.plan.layout !== 'wide') {
    // Both threads decide the layout on the same rows: one that walks a table this one would not is a fault.
    if (remote && (await remote.walking())) {
      remote.close();
      throw new Error('the reading thread walks a table the import does not take for a wide one');
    }
    // Only a wide table can be walked as it streams; the others need the whole sheet (a long
    // table's variables, a transposed table's columns): collect it, then detect again on all of it.
    const all = new RowGrid(opened.sheet);
    for (const row of opened.headRows) all.add(row);
    let n = 0;
    for await (const row of opened.rest) {
      all.add(row);
      if (++n % CHUNK_ROWS === 0) hooks.checkpoint?.();
    }
    return walkWhole(all, opened, input, hooks);
  }
  hooks.onPrepared?.(prepared);
  if (remote && (await remote.walking())) return receiveWalk(remote, prepared, opened, hooks);
  const steps = stepsOf(prepared, hooks);
  const walk = new StreamWalk(prepared, steps.sink);
  for (const row of opened.headRows) walk.push(row);
  let n = 0;
  for await (const row of opened.rest) {
    walk.push(row);
    if (++n % CHUNK_ROWS === 0) {
      hooks.progress?.(row.r + 1, opened.totalRows);
      hooks.checkpoint?.();
      // Rows may arrive faster than they are written: give a cancel (and other work) its turn.
      await turn();
    }
  }
  walk.end();
  hooks.progress?.(opened.totalRows ?? prepared.plan.region.lastDataRow + 1, opened.totalRows ?? prepared.plan.region.lastDataRow + 1);
  return { prepared, grid: opened.head, streamed: true, skippedFigures: steps.skipped() };
}

/** The reading thread walks (reader-walk): this one takes its steps, and at the end what it found. */
async function receiveWalk(remote: RemoteWalk, prepared: PreparedImport, opened: Extract<OpenedSheet, { mode: 'stream' }>, hooks: PipelineHooks): Promise<PipelineResult> {
  const decoder = new StepDecoder();
  const sink: StepSink = hooks.steps ?? (() => undefined);
  for await (const batch of remote.steps) {
    if (hooks.figureFields) decoder.decodeTo(batch, sink, hooks.figureFields);
    else decoder.decode(batch, sink);
    hooks.progress?.(batch.lastRow + 1, opened.totalRows);
    hooks.checkpoint?.();
    await turn();
  }
  const walked = remote.walked();
  if (!walked) throw new Error('the reading thread ended without its walk');
  if (walked.signature !== prepared.signature) throw new Error('the reading thread and the import detected different tables');
  Object.assign(prepared.plan.region, walked.region);
  const rows = opened.totalRows ?? walked.region.lastDataRow + 1;
  hooks.progress?.(rows, rows);
  return { prepared, grid: opened.head, streamed: true, skippedFigures: walked.skippedFigures, findings: walked.findings };
}
