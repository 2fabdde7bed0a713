import { walkGrid, type EventSink, type PreparedImport } from './build-preview';
import { trailerRow } from './detect-table';
import { RowGrid, type GridRow } from './row-grid';

/**
 * Walks a wide sheet that arrives row by row (a streamed .xlsx) with a plan detected on its first
 * rows: rows are walked a chunk at a time through a small window, so reading, parsing and writing
 * overlap and memory stays bounded. Where the table ends is only known at the end: a run of empty
 * and note rows ("Bron: CBS") is held back until a data row follows it (then it is data after all)
 * or the sheet ends (then it is the footnotes) — the same rule detectTable applies bottom-up.
 */
const CHUNK_ROWS = 512;
/**
 * The first chunks are smaller (8 rows, doubling): a commit writes what a chunk yields, and the
 * writer should not wait for 512 rows of a national file (63,000 figures) before its first insert.
 */
const FIRST_CHUNK_ROWS = 8;

export class StreamWalk {
  private chunk: GridRow[] = [];
  private pending: GridRow[] = [];
  private readonly body: ReadonlySet<number>;
  private lastDataRow = -1;
  private chunkRows = FIRST_CHUNK_ROWS;

  constructor(
    private readonly prepared: PreparedImport,
    private readonly sink?: EventSink,
  ) {
    this.body = new Set(prepared.plan.region.bodyColumns);
  }

  /** Rows in sheet order; rows above the data (titles, header) are ignored here. */
  push(row: GridRow): void {
    if (row.r < this.prepared.plan.region.firstDataRow) return;
    if (this.isData(row)) {
      for (const held of this.pending) this.chunk.push(held);
      this.pending = [];
      this.chunk.push(row);
      this.lastDataRow = row.r;
    } else this.pending.push(row);
    if (this.chunk.length >= this.chunkRows) {
      this.walkChunk();
      this.chunkRows = Math.min(CHUNK_ROWS, this.chunkRows * 2);
    }
  }

  /** A note has at most two cells ("Bron: CBS", "* voorlopig"); only short rows need the full look. */
  private isData(row: GridRow): boolean {
    if (row.cells.length > 2) return true;
    const one = new RowGrid('');
    one.add(row);
    return trailerRow(one, row.r, this.body) === 'data';
  }

  /** The sheet ended: walk what is left, and record the table's real end and footnotes in the plan. */
  end(): void {
    this.walkChunk();
    const region = this.prepared.plan.region;
    const notes = this.pending.filter((row) => row.cells.some((c) => c.value !== undefined || c.text.trim() !== ''));
    const firstText = (row: GridRow) => row.cells.find((c) => c.value !== undefined || c.text.trim() !== '')?.text.trim() ?? '';
    region.lastDataRow = Math.max(this.lastDataRow, region.firstDataRow);
    region.footnoteRows = notes.map((row) => row.r);
    region.footnotes = notes.map(firstText);
    this.pending = [];
  }

  private walkChunk(): void {
    const first = this.chunk[0];
    const last = this.chunk[this.chunk.length - 1];
    if (!first || !last) return;
    const window = new RowGrid(this.prepared.input.grid.name);
    for (const row of this.chunk) window.add(row);
    const plan = this.prepared.plan;
    walkGrid(this.prepared, window, { ...plan, region: { ...plan.region, firstDataRow: first.r, lastDataRow: last.r } }, this.sink);
    this.chunk = [];
  }
}
