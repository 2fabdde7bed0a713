import { prepareImport, walkGrid, type BuildPreviewInput, type EventSink, type PreparedImport, type PreviewFile } from '../../shared/domain/import/build-preview';
import { FigureSteps, type StepSink } from '../../shared/domain/import/figure-steps';
import type { Grid } from '../../shared/domain/import/grid';
import { RowGrid } from '../../shared/domain/import/row-grid';
import { StreamWalk } from '../../shared/domain/import/stream-walk';
import type { OpenedSheet } from './open-sheet';

/**
 * The one walk over a sheet that both the preview and the commit make: detect the plan, then
 * every row through the problem collector and (for a commit) to the writer. A grid is walked a
 * chunk of rows at a time, a streamed sheet a row at a time as it arrives; between chunks the
 * walk reports progress and gives cancellation (and, on the main thread, other work) a turn.
 */
export type PipelineInput = Omit<BuildPreviewInput, 'grid' | 'file' | 'sheetNames'>;

export interface PipelineHooks {
  /** Called once the plan is known, before the first row is walked (the writer sets up here). */
  onPrepared?: (prepared: PreparedImport) => void;
  /** What to write (a commit): every area and figure the walk decides to import, in sheet order. */
  steps?: StepSink;
  /** Rows walked so far, of how many (null while unknown). */
  progress?: (done: number, total: number | null) => void;
  /** Throws to stop the walk (a cancelled job). */
  checkpoint?: () => void;
}

export interface PipelineResult {
  prepared: PreparedImport;
  /** Figures the walk left out (text, no period, an area not imported, a duplicate). */
  skippedFigures: number;
  /** The grid of the whole sheet, or a streamed sheet's first rows: for the preview's sample and the recipe. */
  grid: Grid;
  streamed: boolean;
}

const CHUNK_ROWS = 2000;
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function previewFileOf(opened: OpenedSheet): PreviewFile {
  const { file, csv } = opened;
  return { name: file.name, sha256: file.sha256, format: file.format, sizeBytes: file.sizeBytes, encoding: csv?.encoding ?? null, separator: csv?.separator ?? null };
}

/** The walk's sink: the steps a commit writes (nothing for a preview, which only collects). */
function stepsOf(prepared: PreparedImport, hooks: PipelineHooks): { sink?: EventSink; skipped: () => number } {
  if (!hooks.steps) return { skipped: () => 0 };
  const steps = new FigureSteps(prepared, hooks.steps);
  return { sink: steps.sink, skipped: () => steps.skippedFigures };
}

async function walkWhole(grid: Grid, opened: OpenedSheet, input: PipelineInput, hooks: PipelineHooks): Promise<PipelineResult> {
  const prepared = prepareImport({ ...input, grid, file: previewFileOf(opened), sheetNames: opened.sheetNames });
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
  if (prepared.plan.layout !== 'wide') {
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
