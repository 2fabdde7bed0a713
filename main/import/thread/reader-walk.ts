import { prepareImport, type PipelineInput, type PreparedImport, type PreviewFile } from '../../../shared/domain/import/build-preview';
import type { Findings } from '../../../shared/domain/import/collect-problems';
import { FigureSteps } from '../../../shared/domain/import/figure-steps';
import { RowGrid, type GridRow } from '../../../shared/domain/import/row-grid';
import { StreamWalk } from '../../../shared/domain/import/stream-walk';
import { StepEncoder } from './step-batch';

/**
 * The walk of a streamed sheet, in the thread that reads it. The import's own thread then only
 * turns the steps it receives into rows (see step-batch, write-import): on a national CBS workbook
 * reading + walking and inserting each take one core, instead of one core doing walking and
 * inserting while the other waits.
 *
 * Both threads decide the plan the same way, from the same first rows and the same input
 * (prepareImport is pure): the head rows still go to the import's thread as rows, so it can
 * detect, show the sample and save the recipe; the signature of the plan travels back with the
 * result, and a mismatch stops the import. Only a wide table is walked here (the other layouts
 * need the whole sheet): for those the rows after the head go across as rows, as before.
 */
export interface WalkRequest {
  input: PipelineInput;
  file: PreviewFile;
  sheetNames: string[];
  sheet: string;
  /** Rows (0-based index below this) that make the head, as on the import's side. */
  headRows: number;
}

/** The walk's outcome, for the import's side to finish its preview and plan with. */
export interface Walked {
  type: 'walked';
  signature: string;
  region: { lastDataRow: number; footnoteRows: number[]; footnotes: string[] };
  findings: Findings;
  skippedFigures: number;
}

export class ReaderWalk {
  readonly encoder = new StepEncoder();
  private readonly head: RowGrid;
  private headRows: GridRow[] = [];
  private prepared: PreparedImport | null = null;
  private steps: FigureSteps | null = null;
  private walk: StreamWalk | null = null;
  /** The last sheet row given to the walk: the steps in the encoder go no further (progress). */
  lastRow = -1;

  /**
   * @param passRow the head rows, and every row when this side does not walk (not a wide table)
   * @param headDone called when the head is complete (before the plan is decided here, so the
   *   import's thread can decide on its own copy at the same time), then `decided` with whether
   *   this side walks
   * @param walked called after each row walked — also each head row, walked all at once when the
   *   plan is decided — so the caller can send the steps so far in batches of the size it wants
   */
  constructor(
    private readonly req: WalkRequest,
    private readonly passRow: (row: GridRow) => void,
    private readonly headDone: () => void,
    private readonly decided: (walking: boolean) => void,
    private readonly walked: () => void = () => undefined,
  ) {
    this.head = new RowGrid(req.sheet);
  }

  get walking(): boolean {
    return this.walk !== null;
  }

  push(row: GridRow): void {
    if (!this.prepared) {
      if (row.r < this.req.headRows) {
        this.head.add(row);
        this.headRows.push(row);
        this.passRow(row);
        return;
      }
      this.decide();
    }
    if (this.walk) this.walkRow(row);
    else this.passRow(row);
  }

  private walkRow(row: GridRow): void {
    (this.walk as StreamWalk).push(row);
    this.lastRow = row.r;
    this.walked();
  }

  private decide(): void {
    this.headDone();
    const prepared = prepareImport({ ...this.req.input, grid: this.head, file: this.req.file, sheetNames: this.req.sheetNames });
    this.prepared = prepared;
    if (prepared.plan.layout === 'wide') {
      this.steps = new FigureSteps(prepared, this.encoder.push, this.encoder.figureFields);
      this.walk = new StreamWalk(prepared, this.steps.sink);
    }
    this.decided(this.walk !== null);
    if (this.walk) for (const row of this.headRows) this.walkRow(row);
    this.headRows = [];
  }

  /** The sheet has ended: the walk's outcome, or null when this side did not walk. */
  end(): Walked | null {
    if (!this.prepared) this.decide();
    const { walk, prepared, steps } = this;
    if (!walk || !prepared || !steps) return null;
    walk.end();
    const { region } = prepared.plan;
    return {
      type: 'walked',
      signature: prepared.signature,
      region: { lastDataRow: region.lastDataRow, footnoteRows: region.footnoteRows, footnotes: region.footnotes },
      findings: prepared.collector.findings,
      skippedFigures: steps.skippedFigures,
    };
  }
}
