import type Database from 'better-sqlite3';
import type { FigureValue } from '../../../shared/domain/import/figure-steps';
import type { PeriodRange as Period } from '../../../shared/domain/period';
import type { Store } from '../store-types';
import { AppError } from '../../../shared/errors';
import { figureRuleBroken } from './figure-rules';
import { lastObservationId, recordWrittenExtent } from './source-extent';
import { recordSourcePeriods } from './source-periods';

/**
 * An import's figures into `observation`, in file order (a source's figures are listed by id, as
 * they stood in the file), a multi-row INSERT of BATCH rows at a time (the insert alone of a
 * national workbook's 2.1 million figures: about a tenth faster at 256 rows than at 64). Most
 * figures of a file are a value or a CBS sign in the file's one period: those go in the narrow
 * form, where the period and the source are bound once per statement instead of once per row.
 *
 * The ids it wrote are kept (distinct areas and indicators), so that a bulk load, which runs
 * without SQLite's per-row foreign-key lookups, can check them all at once before it commits; and
 * the periods it wrote, which `flush` records in source_period; and the highest id before its
 * first figure, from which `flush` records the source's id range (source-extent).
 */
export interface ObservationRow extends FigureValue {
  areaId: number;
  indicatorId: number;
  period: string;
  yearStart: number;
  yearEnd: number;
  cell: string;
}

const COLUMNS = 'area_id, indicator_id, period, year_start, year_end, value, low, high, qualifier, sign, raw, cell, breakdown, source_id';
const WIDE_ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, @source)';
const NARROW_ROW = '(?, ?, @period, @yearStart, @yearEnd, ?, NULL, NULL, NULL, ?, ?, ?, NULL, @source)';
const BATCH = 256;
/** What is left when the form changes goes in statements of this many rows, then one by one. */
const SMALL_BATCH = 16;

export class ObservationWrites {
  private readonly wide: Record<'batch' | 'small' | 'one', Database.Statement>;
  private readonly narrow: Record<'batch' | 'small' | 'one', Database.Statement>;
  private pending: unknown[] = [];
  private pendingRows = 0;
  private pendingNarrow = false;
  /** The period a narrow row stands for: the first figure's. */
  private period: Period | null = null;
  private fixed: Period & { source: number } = { period: '', yearStart: 0, yearEnd: 0, source: 0 };
  readonly areaIds = new Set<number>();
  private lastArea = -1;
  readonly indicatorIds = new Set<number>();
  private readonly indicatorSeen: boolean[] = [];
  /** The periods written, by their text; `lastPeriod` is the one the previous figure had. */
  private readonly periods = new Map<string, Period>();
  private lastPeriod = '';
  /** Figures inserted so far. */
  written = 0;
  /** The highest observation id when this writer started: its figures are the ones above. */
  private readonly before: number;

  constructor(
    private readonly db: Store,
    private readonly sourceId: number,
  ) {
    if (!db.inTransaction) throw new Error('figures are only written inside the transaction of their import');
    // OR FAIL: a row that breaks a constraint stops the statement without undoing the rows it
    // already inserted, so SQLite keeps no statement journal — a copy of every page a 256-row
    // INSERT touches, 16 KiB each (measured: a sixth of the insert time of a national workbook).
    // Safe only because these rows are written inside the import's transaction, which an error
    // rolls back whole (commit-import).
    const insert = (row: string, n: number) => db.prepare(`INSERT OR FAIL INTO observation (${COLUMNS}) VALUES ${Array(n).fill(row).join(', ')}`);
    const forms = (row: string) => ({ batch: insert(row, BATCH), small: insert(row, SMALL_BATCH), one: insert(row, 1) });
    this.wide = forms(WIDE_ROW);
    this.narrow = forms(NARROW_ROW);
    this.fixed.source = sourceId;
    this.before = lastObservationId(db);
  }

  add(o: ObservationRow): void {
    this.addFields(o.areaId, o.indicatorId, o, o.value, o.low, o.high, o.qualifier, o.sign, o.raw, o.cell, o.breakdown);
  }

  /** The same, field by field (the bulk path: no object per figure). */
  addFields(
    areaId: number, indicatorId: number, period: Period, value: number | null, low: number | null, high: number | null,
    qualifier: string | null, sign: string | null, raw: string, cell: string, breakdown: string | null,
  ): void {
    // The store's rules for a figure, here as well as in the CHECKs, which a bulk load switches off (figure-rules).
    const broken = figureRuleBroken(period.yearStart, period.yearEnd, value, low, high, qualifier, sign);
    if (broken !== null) throw new AppError('IMPORT_FAILED', `The import was not saved: the figure from cell ${cell} cannot be stored: ${broken}`);
    if (!this.period) {
      this.period = { period: period.period, yearStart: period.yearStart, yearEnd: period.yearEnd };
      this.fixed = { ...this.period, source: this.sourceId };
    }
    if (period.period !== this.lastPeriod) {
      if (!this.periods.has(period.period)) this.periods.set(period.period, { period: period.period, yearStart: period.yearStart, yearEnd: period.yearEnd });
      this.lastPeriod = period.period;
    }
    const narrow = period.period === this.period.period && low === null && high === null && qualifier === null && breakdown === null;
    // Rows go in in file order: switching between the two forms sends what is pending first.
    if (narrow !== this.pendingNarrow && this.pendingRows > 0) this.sendPending();
    this.pendingNarrow = narrow;
    if (narrow) this.pending.push(areaId, indicatorId, value, sign, raw, cell);
    else this.pending.push(areaId, indicatorId, period.period, period.yearStart, period.yearEnd, value, low, high, qualifier, sign, raw, cell, breakdown);
    // Figures come area by area: the set only changes when the area does.
    if (areaId !== this.lastArea) {
      this.areaIds.add(areaId);
      this.lastArea = areaId;
    }
    // A file has a few hundred indicators at most: an array by id answers faster than the set.
    if (this.indicatorSeen[indicatorId] !== true) {
      this.indicatorSeen[indicatorId] = true;
      this.indicatorIds.add(indicatorId);
    }
    if (++this.pendingRows === BATCH) {
      this.written += (narrow ? this.narrow : this.wide).batch.run(this.pending, this.fixed).changes;
      this.pending = [];
      this.pendingRows = 0;
    }
  }

  /** Everything added so far is in `observation`, its periods in `source_period` and its ids in the source's range. */
  flush(): void {
    if (this.pendingRows > 0) this.sendPending();
    recordSourcePeriods(this.db, this.sourceId, this.periods.values());
    recordWrittenExtent(this.db, this.sourceId, this.before);
  }

  /** What is pending (fewer than a batch): SMALL_BATCH rows a statement, the rest row by row. */
  private sendPending(): void {
    const width = this.pending.length / this.pendingRows;
    const form = this.pendingNarrow ? this.narrow : this.wide;
    let i = 0;
    for (; i + SMALL_BATCH <= this.pendingRows; i += SMALL_BATCH) this.written += form.small.run(this.pending.slice(i * width, (i + SMALL_BATCH) * width), this.fixed).changes;
    for (; i < this.pendingRows; i++) this.written += form.one.run(this.pending.slice(i * width, (i + 1) * width), this.fixed).changes;
    this.pending = [];
    this.pendingRows = 0;
  }
}
