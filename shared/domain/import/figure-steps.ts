import type { CbsLevel } from '../areas/normalise-code';
import type { AreaKind } from '../../contract/model';
import { parsePeriod, type PeriodRange } from '../period';
import type { EventSink, PreparedImport } from './build-preview';
import type { ExtractEvent, FigureRecord } from './extract-records';
import type { Grid } from './grid';

/**
 * What an import writes, decided without the store: the walk's events become steps — "this area
 * (create it if the store lacks it, remember this alias)" and "this figure, for the area of the
 * last area step" — or are left out (a duplicate, an area still to confirm, text in a figure
 * column, no period). The store side (main/import/write/write-import) only turns codes into ids and inserts.
 *
 * Pure and free of the store, so it can run in the thread that reads a large sheet while the
 * import's own thread does nothing but insert.
 */
export interface AreaStep {
  kind: 'area';
  code: string;
  /** The name written in the file; null when only the code is known. */
  name: string | null;
  /** Names of the CBS parents written in the same row (gemeente, wijk), for parents the store lacks. */
  parents: [CbsLevel, string][];
  remember: { alias: string; context: string } | null;
  /** A name-only area: its parent (the analyst's gemeente) and kind, which its generated code cannot say. */
  create?: { parent: string; kind: AreaKind };
}

/** A figure as an observation row holds it: value or range, qualifier, CBS sign, the cell's raw text, and a breakdown. */
export interface FigureValue {
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: string | null;
  sign: string | null;
  raw: string;
  /** Another key of the figure ("PC5=9901A"), or null. */
  breakdown: string | null;
}

export interface FigureStep extends FigureValue {
  kind: 'figure';
  measure: number;
  period: PeriodRange;
  r: number;
  c: number;
}

/** An area event that writes nothing: the figures after it are left out until the next area. */
export interface NoAreaStep {
  kind: 'no-area';
}

export type WriteStep = AreaStep | FigureStep | NoAreaStep;
export type StepSink = (step: WriteStep) => void;

/** A figure step taken field by field, for a receiver that writes millions of them without making an object each. */
export type FigureFields = (
  measure: number, period: PeriodRange, value: number | null, low: number | null, high: number | null,
  qualifier: string | null, sign: string | null, raw: string, r: number, c: number, breakdown: string | null,
) => void;

export class FigureSteps {
  /** Figures left out: text in a figure column, no period, an area not imported, a duplicate. */
  skippedFigures = 0;
  private areaWritable = false;
  private readonly periods = new Map<string, PeriodRange | null>();
  private readonly remembered = new Set<string>();
  private readonly breakdownLabels: string[];

  private readonly outFigure: FigureFields;

  /**
   * @param out every step, in order
   * @param outFigure where figure steps go instead, field by field, when the receiver takes
   *   millions of them (the reading thread's encoder): no object per figure
   */
  constructor(
    private readonly prepared: PreparedImport,
    private readonly out: StepSink,
    outFigure?: FigureFields,
  ) {
    const headers = new Map(prepared.plan.headers.map((h) => [h.c, h.label]));
    this.breakdownLabels = prepared.plan.dimensions.map((c) => headers.get(c) ?? `kolom ${c + 1}`);
    this.outFigure = outFigure ?? ((measure, period, value, low, high, qualifier, sign, raw, r, c, breakdown) => out({ kind: 'figure', measure, period, value, low, high, qualifier, sign, raw, r, c, breakdown }));
  }

  /** The walk's sink. */
  readonly sink: EventSink = (event, duplicate, grid) => {
    if (event.kind === 'area') this.area(event, duplicate, grid);
    // A totals row's figures are only checked (collect-problems), not written and not "skipped".
    else if (event.area.kind !== 'skip') this.figure(event, duplicate);
  };

  private area(event: Extract<ExtractEvent, { kind: 'area' }>, duplicate: boolean, grid: Grid): void {
    const a = event.area;
    if (a.kind !== 'area' || a.needsConfirmation || duplicate) {
      this.areaWritable = false;
      this.out({ kind: 'no-area' });
      return;
    }
    this.areaWritable = true;
    const name = event.isCode ? event.name : event.label;
    let remember: AreaStep['remember'] = null;
    if (a.remember && !this.remembered.has(`${a.remember.context}\u0000${a.remember.alias}`)) {
      this.remembered.add(`${a.remember.context}\u0000${a.remember.alias}`);
      remember = { alias: a.remember.alias, context: a.remember.context };
    }
    this.out({ kind: 'area', code: a.code, name: name || null, parents: this.parentNames(event, grid), remember, ...(a.create ? { create: a.create } : {}) });
  }

  private parentNames(event: ExtractEvent, grid: Grid): [CbsLevel, string][] {
    const out: [CbsLevel, string][] = [];
    for (const p of this.prepared.plan.area.parents ?? []) {
      const text = grid.cell(event.r, p.nameColumn).text.trim();
      if (text) out.push([p.level, text]);
    }
    return out;
  }

  private period(text: string): PeriodRange | null {
    let p = this.periods.get(text);
    if (p === undefined) this.periods.set(text, (p = parsePeriod(text)));
    return p;
  }

  private figure(f: FigureRecord, duplicate: boolean): void {
    const p = f.parsed;
    const period = f.period === null ? null : this.period(f.period);
    // Text is never a figure; a number or a CBS sign is.
    if (!this.areaWritable || duplicate || f.area.kind !== 'area' || f.area.needsConfirmation || (p.kind !== 'number' && p.kind !== 'sign') || !period) {
      this.skippedFigures++;
      return;
    }
    const breakdown = f.dimension === '' ? null : this.breakdown(f.dimension);
    if (p.kind === 'sign') this.outFigure(f.measure, period, p.value, null, null, null, p.sign, f.raw, f.r, f.c, breakdown);
    else {
      // A figure in a provisional period ("2024*") is provisional unless the cell says more.
      const sign = p.sign ?? (f.provisionalPeriod ? 'provisional' : null);
      this.outFigure(f.measure, period, p.value, p.low ?? null, p.high ?? null, p.qualifier ?? null, sign, f.raw, f.r, f.c, breakdown);
    }
  }

  private breakdown(dimension: string): string {
    return dimension
      .split('\u0000')
      .map((v, i) => `${this.breakdownLabels[i] ?? ''}=${v}`)
      .join('; ');
  }
}
