import type { AreaStep, FigureFields, FigureStep, StepSink, WriteStep } from '../../../shared/domain/import/figure-steps';
import type { PeriodRange } from '../../../shared/domain/period';

/**
 * Import steps in batches that cross between threads cheaply: the figures of a batch as typed
 * arrays (transferred, not copied) and their raw texts as one string, the rare area steps as
 * objects. Periods, signs and qualifiers repeat across millions of figures: each travels once, as
 * an entry of a table both sides grow in the same order, and figures carry its index.
 */
export interface StepBatch {
  type: 'steps';
  /** Per step: FIGURE, AREA or NO_AREA. */
  kinds: Uint8Array;
  /** Per figure: measure, row, column, period index. */
  ints: Int32Array;
  /** Per figure: value, low, high (NaN for none). */
  nums: Float64Array;
  /** Per figure: sign and qualifier, as 1 + their index in the label table (0 for none). */
  labels: Uint16Array;
  /** The figures' raw texts, end to end, and where each ends. */
  raw: string;
  rawEnds: Int32Array;
  /** Breakdowns, for the figures that have one: [figure index in batch, text]. */
  breakdowns: [number, string][];
  areas: AreaStep[];
  /** Table entries first seen in this batch. */
  newPeriods: PeriodRange[];
  newLabels: string[];
  /** The last sheet row (0-based) read when the batch was sent, for progress. */
  lastRow: number;
}

const FIGURE = 0;
const AREA = 1;
const NO_AREA = 2;

/** Grows a typed array (doubling) so it holds at least `need` entries. */
function grown<T extends Int32Array | Float64Array | Uint16Array | Uint8Array>(a: T, need: number, make: (n: number) => T): T {
  if (need <= a.length) return a;
  const b = make(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Fills a batch in preallocated typed arrays: on the reading thread of a national workbook it
 * encodes two million figures, and array pushes and per-figure allocations were a third of its time.
 */
export class StepEncoder {
  private kinds = new Uint8Array(4096);
  private ints = new Int32Array(4096 * 4);
  private nums = new Float64Array(4096 * 3);
  private labelCodes = new Uint16Array(4096 * 2);
  private nSteps = 0;
  private figures = 0;
  private raws: string[] = [];
  private breakdowns: [number, string][] = [];
  private areas: AreaStep[] = [];
  private readonly periodIndex = new Map<string, number>();
  private lastPeriod: PeriodRange | null = null;
  private lastPeriodIndex = -1;
  private readonly labelIndex = new Map<string, number>();
  private newPeriods: PeriodRange[] = [];
  private newLabels: string[] = [];

  /** Figures in the batch being filled. */
  get size(): number {
    return this.figures;
  }

  private step(kind: number): void {
    if (this.nSteps === this.kinds.length) this.kinds = grown(this.kinds, this.nSteps + 1, (n) => new Uint8Array(n));
    this.kinds[this.nSteps++] = kind;
  }

  readonly push: StepSink = (s: WriteStep) => {
    if (s.kind === 'figure') this.figure(s);
    else if (s.kind === 'area') {
      this.step(AREA);
      this.areas.push(s);
    } else this.step(NO_AREA);
  };

  private periodOf(period: PeriodRange): number {
    // The walk hands out one object per period: most figures repeat the last one.
    if (period === this.lastPeriod) return this.lastPeriodIndex;
    let p = this.periodIndex.get(period.period);
    if (p === undefined) {
      p = this.periodIndex.size;
      this.periodIndex.set(period.period, p);
      this.newPeriods.push(period);
    }
    this.lastPeriod = period;
    this.lastPeriodIndex = p;
    return p;
  }

  private figure(f: FigureStep): void {
    this.figureFields(f.measure, f.period, f.value, f.low, f.high, f.qualifier, f.sign, f.raw, f.r, f.c, f.breakdown);
  }

  /** A figure step, field by field (FigureSteps' fast path: no object per figure). */
  readonly figureFields: FigureFields = (measure, period, value, low, high, qualifier, sign, raw, r, c, breakdown) => {
    const i = this.figures;
    if ((i + 1) * 4 > this.ints.length) {
      this.ints = grown(this.ints, (i + 1) * 4, (n) => new Int32Array(n));
      this.nums = grown(this.nums, (i + 1) * 3, (n) => new Float64Array(n));
      this.labelCodes = grown(this.labelCodes, (i + 1) * 2, (n) => new Uint16Array(n));
    }
    this.step(FIGURE);
    const ints = this.ints;
    ints[i * 4] = measure;
    ints[i * 4 + 1] = r;
    ints[i * 4 + 2] = c;
    ints[i * 4 + 3] = this.periodOf(period);
    const nums = this.nums;
    nums[i * 3] = value ?? Number.NaN;
    nums[i * 3 + 1] = low ?? Number.NaN;
    nums[i * 3 + 2] = high ?? Number.NaN;
    this.labelCodes[i * 2] = this.label(sign);
    this.labelCodes[i * 2 + 1] = this.label(qualifier);
    this.raws.push(raw);
    if (breakdown !== null) this.breakdowns.push([i, breakdown]);
    this.figures = i + 1;
  };

  private label(text: string | null): number {
    if (text === null) return 0;
    let i = this.labelIndex.get(text);
    if (i === undefined) {
      i = this.labelIndex.size;
      this.labelIndex.set(text, i);
      this.newLabels.push(text);
    }
    return i + 1;
  }

  /** The batch so far (and the buffers to transfer), or null when it is empty; starts a new one. */
  take(): { batch: StepBatch; transfer: ArrayBuffer[] } | null {
    if (this.nSteps === 0) return null;
    const n = this.figures;
    const rawEnds = new Int32Array(n);
    let end = 0;
    for (let i = 0; i < n; i++) rawEnds[i] = end += (this.raws[i] as string).length;
    const batch: StepBatch = {
      type: 'steps',
      kinds: this.kinds.slice(0, this.nSteps),
      ints: this.ints.slice(0, n * 4),
      nums: this.nums.slice(0, n * 3),
      labels: this.labelCodes.slice(0, n * 2),
      raw: this.raws.join(''),
      rawEnds,
      breakdowns: this.breakdowns,
      areas: this.areas,
      newPeriods: this.newPeriods,
      newLabels: this.newLabels,
      lastRow: -1,
    };
    this.nSteps = 0;
    this.figures = 0;
    this.raws = [];
    this.breakdowns = [];
    this.areas = [];
    this.newPeriods = [];
    this.newLabels = [];
    return { batch, transfer: [batch.kinds.buffer, batch.ints.buffer, batch.nums.buffer, batch.labels.buffer, batch.rawEnds.buffer] as ArrayBuffer[] };
  }
}

const orNull = (n: number): number | null => (Number.isNaN(n) ? null : n);

/** The receiving side: the same tables, grown from each batch in order. */
export class StepDecoder {
  private readonly periods: PeriodRange[] = [];
  private readonly labels: string[] = [];

  decode(b: StepBatch, sink: StepSink): void {
    this.decodeTo(b, sink, (measure, period, value, low, high, qualifier, sign, raw, r, c, breakdown) =>
      sink({ kind: 'figure', measure, period, value, low, high, qualifier, sign, raw, r, c, breakdown }),
    );
  }

  /** Area steps to `steps`, figures field by field to `figure`, in order. */
  decodeTo(b: StepBatch, steps: StepSink, figure: FigureFields): void {
    this.periods.push(...b.newPeriods);
    this.labels.push(...b.newLabels);
    const breakdowns = b.breakdowns.length > 0 ? new Map(b.breakdowns) : null;
    const { kinds, ints, nums, labels, rawEnds, raw } = b;
    let f = 0;
    let a = 0;
    let start = 0;
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[i];
      if (kind === AREA) {
        const area = b.areas[a++];
        if (!area) throw new Error('a step batch lists fewer areas than it refers to');
        steps(area);
      } else if (kind === NO_AREA) steps({ kind: 'no-area' });
      else {
        const end = rawEnds[f] as number;
        const period = this.periods[ints[f * 4 + 3] as number];
        if (!period) throw new Error('a step batch refers to a period it did not send');
        const sign = labels[f * 2] as number;
        const qualifier = labels[f * 2 + 1] as number;
        figure(
          ints[f * 4] as number,
          period,
          orNull(nums[f * 3] as number),
          orNull(nums[f * 3 + 1] as number),
          orNull(nums[f * 3 + 2] as number),
          qualifier === 0 ? null : (this.labels[qualifier - 1] ?? null),
          sign === 0 ? null : (this.labels[sign - 1] ?? null),
          raw.slice(start, end),
          ints[f * 4 + 1] as number,
          ints[f * 4 + 2] as number,
          breakdowns?.get(f) ?? null,
        );
        start = end;
        f++;
      }
    }
  }
}
