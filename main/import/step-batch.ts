import type { AreaStep, FigureStep, StepSink, WriteStep } from '../../shared/domain/import/figure-steps';
import type { PeriodRange } from '../../shared/domain/period';

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

export class StepEncoder {
  private kinds: number[] = [];
  private ints: number[] = [];
  private nums: number[] = [];
  private labelCodes: number[] = [];
  private raws: string[] = [];
  private breakdowns: [number, string][] = [];
  private areas: AreaStep[] = [];
  private figures = 0;
  private readonly periodIndex = new Map<string, number>();
  private readonly labelIndex = new Map<string, number>();
  private newPeriods: PeriodRange[] = [];
  private newLabels: string[] = [];

  /** Figures in the batch being filled. */
  get size(): number {
    return this.figures;
  }

  readonly push: StepSink = (s: WriteStep) => {
    if (s.kind === 'figure') this.figure(s);
    else if (s.kind === 'area') {
      this.kinds.push(AREA);
      this.areas.push(s);
    } else this.kinds.push(NO_AREA);
  };

  private figure(f: FigureStep): void {
    let p = this.periodIndex.get(f.period.period);
    if (p === undefined) {
      p = this.periodIndex.size;
      this.periodIndex.set(f.period.period, p);
      this.newPeriods.push(f.period);
    }
    this.kinds.push(FIGURE);
    this.ints.push(f.measure, f.r, f.c, p);
    this.nums.push(f.value ?? Number.NaN, f.low ?? Number.NaN, f.high ?? Number.NaN);
    this.labelCodes.push(this.label(f.sign), this.label(f.qualifier));
    this.raws.push(f.raw);
    if (f.breakdown !== null) this.breakdowns.push([this.figures, f.breakdown]);
    this.figures++;
  }

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
    if (this.kinds.length === 0) return null;
    const rawEnds = new Int32Array(this.raws.length);
    let end = 0;
    this.raws.forEach((r, i) => (rawEnds[i] = end += r.length));
    const batch: StepBatch = {
      type: 'steps',
      kinds: Uint8Array.from(this.kinds),
      ints: Int32Array.from(this.ints),
      nums: Float64Array.from(this.nums),
      labels: Uint16Array.from(this.labelCodes),
      raw: this.raws.join(''),
      rawEnds,
      breakdowns: this.breakdowns,
      areas: this.areas,
      newPeriods: this.newPeriods,
      newLabels: this.newLabels,
      lastRow: -1,
    };
    this.kinds = [];
    this.ints = [];
    this.nums = [];
    this.labelCodes = [];
    this.raws = [];
    this.breakdowns = [];
    this.areas = [];
    this.newPeriods = [];
    this.newLabels = [];
    this.figures = 0;
    return { batch, transfer: [batch.kinds.buffer, batch.ints.buffer, batch.nums.buffer, batch.labels.buffer, batch.rawEnds.buffer] as ArrayBuffer[] };
  }
}

const orNull = (n: number): number | null => (Number.isNaN(n) ? null : n);

/** The receiving side: the same tables, grown from each batch in order. */
export class StepDecoder {
  private readonly periods: PeriodRange[] = [];
  private readonly labels: string[] = [];

  decode(b: StepBatch, sink: StepSink): void {
    this.periods.push(...b.newPeriods);
    this.labels.push(...b.newLabels);
    const breakdowns = new Map(b.breakdowns);
    let f = 0;
    let a = 0;
    let start = 0;
    for (let i = 0; i < b.kinds.length; i++) {
      const kind = b.kinds[i];
      if (kind === AREA) {
        const area = b.areas[a++];
        if (!area) throw new Error('a step batch lists fewer areas than it refers to');
        sink(area);
      } else if (kind === NO_AREA) sink({ kind: 'no-area' });
      else {
        const end = b.rawEnds[f] as number;
        const period = this.periods[b.ints[f * 4 + 3] as number];
        if (!period) throw new Error('a step batch refers to a period it did not send');
        const sign = b.labels[f * 2] as number;
        const qualifier = b.labels[f * 2 + 1] as number;
        sink({
          kind: 'figure',
          measure: b.ints[f * 4] as number,
          r: b.ints[f * 4 + 1] as number,
          c: b.ints[f * 4 + 2] as number,
          period,
          value: orNull(b.nums[f * 3] as number),
          low: orNull(b.nums[f * 3 + 1] as number),
          high: orNull(b.nums[f * 3 + 2] as number),
          sign: sign === 0 ? null : (this.labels[sign - 1] ?? null),
          qualifier: qualifier === 0 ? null : (this.labels[qualifier - 1] ?? null),
          raw: b.raw.slice(start, end),
          breakdown: breakdowns.get(f) ?? null,
        });
        start = end;
        f++;
      }
    }
  }
}
