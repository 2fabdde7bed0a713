import type { ProblemKind, Severity } from '../../contract/import-preview';
import { levelOfCode } from '../areas/normalise-code';
import { cellAddress } from './cell-address';
import type { AreaEvent, FigureRecord } from './extract-records';
import type { ImportPlan } from './import-plan';

/**
 * Totals rows ("Buurten totaal", "Totaal", "Gemeente totaal") are not imported as areas (see
 * shared/domain/areas/totals-rows); their figures are held against the sum of the rows they total,
 * in the columns whose indicator is a count (a sum of percentages means nothing). A difference is
 * an issue for the analyst, never a refusal. A totals row at the bottom totals the rows above it
 * (back to the previous totals row); one at the top, before any row, totals the rows below it.
 *
 * Not checked, rather than checked wrongly: a block mixing levels of CBS codes (gemeente, wijken
 * and buurten together), rows of more than one period, tables with a breakdown column, a column
 * with a CBS sign or a range in one of its rows, and blocks of fewer than two rows. Catch-all rows
 * ("Onbekend", 9999) are not in the sum: a total that includes them shows as a difference.
 */
type Report = (kind: ProblemKind, severity: Severity, message: string, at: { r: number; c: number }, raw?: string) => void;

interface TotalsRow {
  label: string;
  r: number;
  c: number;
  /** Each count column's figure in the totals row (NaN: not a number), and its cell. */
  values: Map<number, { value: number; r: number; c: number; raw: string }>;
}

/** Rounded figures (CBS rounds some counts to 5 or 10) may add up to a little off their total. */
const tolerance = (total: number): number => Math.max(0.5, Math.abs(total) * 0.001);
const fmt = (n: number): string => n.toLocaleString('en', { maximumFractionDigits: 6 });

export class TotalsCheck {
  /** Typed, since every figure of a wide table passes here: 1 for a count column. */
  private readonly counts: Uint8Array;
  private readonly enabled: boolean;
  private rows = 0;
  private level: string | null = null;
  private period: string | null = null;
  private mixed = false;
  private readonly sums: Float64Array;
  private readonly incomplete: Uint8Array;
  private current: TotalsRow | null = null;
  /** The last row is a reference, not a part: the country, or the gemeente in a table of its named areas. */
  private ignoring = false;
  private top: TotalsRow | null = null;

  constructor(plan: ImportPlan, private readonly report: Report) {
    this.counts = Uint8Array.from(plan.measures, (m) => (m.include && m.unit === 'count' ? 1 : 0));
    this.sums = new Float64Array(plan.measures.length);
    this.incomplete = new Uint8Array(plan.measures.length);
    this.enabled = plan.layout === 'wide' && plan.dimensions.length === 0 && this.counts.includes(1);
  }

  /** A row event: an area, or a totals row (catch-all rows send no figures here). */
  row(event: AreaEvent): void {
    if (!this.enabled) return;
    this.endTotalsRow();
    const a = event.area;
    this.ignoring = false;
    if (a.kind === 'skip' && a.row.role === 'total') {
      this.current = { label: event.label, r: event.r, c: event.c, values: new Map() };
      return;
    }
    // The level the file gives the row: its CBS code's, or "name" for names.
    const code = a.kind === 'area' ? a.code : a.kind === 'unmatched' && a.match.status === 'code' ? a.match.code : null;
    const codeLevel = code ? levelOfCode(code) : null;
    this.ignoring = codeLevel === 'country' || (!event.isCode && codeLevel === 'municipality');
    if (this.ignoring) return;
    const level = event.isCode ? (codeLevel ?? 'code') : 'name';
    if (this.rows === 0) {
      this.level = level;
      this.period = event.period;
    } else if (level !== this.level || event.period !== this.period) this.mixed = true;
    this.rows++;
  }

  /** A figure of the last row event. */
  figure(f: FigureRecord): void {
    if (this.counts[f.measure] !== 1 || !this.enabled) return;
    const p = f.parsed;
    const value = p.kind === 'number' && p.low === undefined ? p.value : p.kind === 'sign' && p.sign === 'nil' ? 0 : Number.NaN;
    if (this.ignoring) return;
    if (this.current) {
      this.current.values.set(f.measure, { value, r: f.r, c: f.c, raw: f.raw });
      return;
    }
    if (Number.isNaN(value)) this.incomplete[f.measure] = 1;
    else this.sums[f.measure] = (this.sums[f.measure] as number) + value;
  }

  /** The walk is over: a totals row at the top is checked against every row below it. */
  finish(): void {
    if (!this.enabled) return;
    this.endTotalsRow();
    if (this.top) this.compare(this.top, 'below');
    this.top = null;
  }

  private endTotalsRow(): void {
    const t = this.current;
    if (!t) return;
    this.current = null;
    if (this.rows === 0) {
      // Nothing above it: it totals what follows.
      this.top ??= t;
      return;
    }
    if (this.top) this.compare(this.top, 'below');
    this.top = null;
    this.compare(t, 'above');
    this.rows = 0;
    this.level = null;
    this.period = null;
    this.mixed = false;
    this.sums.fill(0);
    this.incomplete.fill(0);
  }

  private compare(t: TotalsRow, where: 'above' | 'below'): void {
    if (this.rows < 2 || this.mixed) return;
    let checked = 0;
    let differ = 0;
    for (const [measure, cell] of t.values) {
      if (Number.isNaN(cell.value) || this.incomplete[measure] === 1) continue;
      const sum = this.sums[measure] as number;
      checked++;
      if (Math.abs(sum - cell.value) > tolerance(cell.value)) {
        differ++;
        this.report(
          'total_mismatch', 'warning',
          `${cellAddress(cell.r, cell.c)}: "${t.label}" gives ${fmt(cell.value)}, but the ${fmt(this.rows)} rows ${where} it add up to ${fmt(sum)} (a difference of ${fmt(cell.value - sum)})`,
          { r: cell.r, c: cell.c }, cell.raw,
        );
      }
    }
    if (checked > 0 && differ === 0) {
      this.report('total_checked', 'info', `${cellAddress(t.r, t.c)}: "${t.label}" equals the sum of the ${fmt(this.rows)} rows ${where} it in ${checked} count ${checked === 1 ? 'column' : 'columns'}`, { r: t.r, c: t.c }, t.label);
    }
  }
}
