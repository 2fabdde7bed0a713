import { unitBase } from '../numbers/units';
import { cellAddress, columnLetter } from './cell-address';
import { parentCode } from '../areas/normalise-code';
import { parsePeriod } from '../period';
import type { AreaEvent, ExtractEvent, FigureRecord } from './extract-records';
import type { ImportPlan } from './import-plan';
import { TotalsCheck } from './totals-check';
import type { AreaReviewItem, Problem, ProblemKind, SampleFigure, Severity } from '../../contract/import-preview';

/**
 * Turns the walk over a sheet into the preview's findings: every problem with its cell, counts of
 * figures and signs, area statistics and a sample of parsed figures. Lists are capped per kind
 * (the counts are not), so a file with 50,000 unknown areas still gives a preview of sane size.
 */
const CAP_PER_KIND = 200;
/** Areas to review listed per status; a national file can name 15,000 new buurten. */
const REVIEW_CAP = 500;

export interface Findings {
  problems: Problem[];
  problemCounts: Record<string, number>;
  /** toImport: the figures a commit writes (area known or created and confirmed, first of its key, a value or sign, a period). */
  figures: { total: number; numbers: number; signs: Record<string, number>; invalid: number; toImport: number; skipped: SkippedFigures };
  measureCounts: Array<{ numbers: number; signs: number; invalid: number }>;
  areas: { matched: number; created: number; needsConfirmation: number; unmatched: number; skippedRows: number };
  review: Map<string, AreaReviewItem>;
  reviewTotal: number;
  /** Area events: data rows with content (wide, long), area columns (transposed). */
  rowsRead: number;
  samples: SampleFigure[];
}

/** Why a figure is not imported (see skip-summary for what each asks of the analyst). */
export type SkipReason = 'area_not_in_store' | 'area_unknown' | 'area_ambiguous' | 'area_unconfirmed' | 'no_area' | 'no_period' | 'duplicate' | 'not_a_number';
/** Figures left out, by reason: how many, and in how many distinct areas (as the file names them). */
export type SkippedFigures = Partial<Record<SkipReason, { figures: number; areas: number }>>;

export class ProblemCollector {
  private readonly found: Findings;
  /** Totals rows held against the rows they total (issue 15, class 3). */
  private readonly totals: TotalsCheck;
  private readonly seenKeys = new Map<string, string>();
  private readonly seenAreas = new Set<string>();
  private readonly reviewPerStatus = new Map<string, number>();
  /** Whether the last event repeats a key seen before: the commit writes the first one only. */
  lastWasDuplicate = false;
  /** Whether the figures after the last area event can be written (the same test the commit's writer makes). */
  private areaWritable = false;
  private readonly periods = new Map<string, boolean>();
  /** The area labels of each skip reason, counted once each. */
  private readonly skippedAreas = new Map<SkipReason, Set<string>>();
  /** The label of the last area event, for the figures that follow it. */
  private areaLabel = '';
  /** Whether the last area event repeats an area and period (wide, transposed). */
  private areaDuplicate = false;

  constructor(
    private readonly file: string,
    private readonly sheet: string,
    private readonly plan: ImportPlan,
  ) {
    this.totals = new TotalsCheck(plan, (kind, severity, message, at, raw) => this.add(kind, severity, message, at, raw));
    this.found = {
      problems: [],
      problemCounts: {},
      figures: { total: 0, numbers: 0, signs: {}, invalid: 0, toImport: 0, skipped: {} },
      measureCounts: plan.measures.map(() => ({ numbers: 0, signs: 0, invalid: 0 })),
      areas: { matched: 0, created: 0, needsConfirmation: 0, unmatched: 0, skippedRows: 0 },
      review: new Map(),
      reviewTotal: 0,
      rowsRead: 0,
      samples: [],
    };
  }

  /** What the walk found; read when it is over (a totals row at the top is checked then). */
  get findings(): Findings {
    this.totals.finish();
    return this.found;
  }

  add(kind: ProblemKind, severity: Severity, message: string, at?: { r: number; c?: number }, raw?: string): void {
    const counts = this.found.problemCounts;
    counts[kind] = (counts[kind] ?? 0) + 1;
    if ((counts[kind] ?? 0) > CAP_PER_KIND) return;
    this.found.problems.push({
      kind, severity, file: this.file, sheet: this.sheet, message,
      ...(at ? { row: at.r + 1 } : {}),
      ...(at && at.c !== undefined ? { column: columnLetter(at.c), cell: cellAddress(at.r, at.c) } : {}),
      ...(raw !== undefined ? { raw } : {}),
    });
  }

  consume(event: ExtractEvent): void {
    this.lastWasDuplicate = false;
    if (event.kind === 'figure') {
      this.totals.figure(event);
      // A totals or catch-all row's figures come only for the totals check: never imported, never "skipped".
      return event.area.kind === 'skip' ? undefined : this.figure(event);
    }
    this.found.rowsRead++;
    this.totals.row(event);
    this.areaLabel = event.label;
    const at = { r: event.r, c: event.c };
    const where = cellAddress(event.r, event.c);
    const a = event.area;
    if (a.kind === 'skip') {
      this.found.areas.skippedRows++;
      this.add('skipped_row', 'info', `${where}: ${a.row.reason}; its figures are not imported`, at);
      return;
    }
    if (a.kind === 'missing') this.add('missing_area', 'error', `${where}: the row has figures but no area`, at);
    // One problem per distinct unmatched area (its first cell), not one per row it appears in.
    if (a.kind === 'unmatched') {
      const first = !this.seenAreas.has(`?${event.label}`);
      this.review(event, a.reason === 'not_created' ? 'not_created' : a.match.status === 'ambiguous' ? 'ambiguous' : 'unknown', where);
      if (first) {
        this.seenAreas.add(`?${event.label}`);
        this.found.areas.unmatched++;
        const candidates = 'candidates' in a.match ? a.match.candidates : [];
        const names = candidates.map((c) => `${c.name} (${c.code})`).join(', ');
        if (a.reason === 'not_created' && a.match.status === 'code') {
          this.add('unknown_area', 'warning', `${where}: ${a.match.code} is not in the store and new areas are not created; its figures are not imported`, at, event.label);
        } else if (a.match.status === 'ambiguous') this.add('ambiguous_area', 'warning', `${where}: several areas are called "${event.label}": ${names}; choose one`, at, event.label);
        else this.add('unknown_area', 'warning', `${where}: no known area matches "${event.label}"; create it or skip the row`, at, event.label);
      }
    }
    if (a.kind === 'area') {
      if (a.needsConfirmation) this.review(event, 'fuzzy', where);
      // A name created under the analyst's gemeente is new, as a CBS code would be: not a choice made row by row.
      else if (!a.known) this.review(event, a.remember && !a.create ? 'chosen' : 'new', where);
      else if (a.remember && !(a.match.status === 'name' && a.match.form)) this.review(event, 'chosen', where);
    }
    if (a.kind === 'area' && !this.seenAreas.has(a.code)) {
      this.seenAreas.add(a.code);
      if (a.needsConfirmation) {
        this.found.areas.needsConfirmation++;
        const score = a.match.status === 'fuzzy' ? a.match.confidence : 1;
        this.add('fuzzy_area', 'warning', `${where}: "${event.label}" read as ${a.code} by a close name (similarity ${score}); confirm it, or its figures are not imported`, at, event.label);
      } else if (!a.known) {
        this.found.areas.created++;
        if (a.create) this.add('new_area', 'info', `${where}: "${event.label}" is not an area of ${a.create.parent} yet; it will be created under it as ${a.code}`, at, event.label);
        else this.add('new_area', 'info', `${where}: ${a.code} is not in the store yet; it will be created${a.parent ? ` under ${a.parent}` : ''}`, at);
      } else this.found.areas.matched++;
    }
    if (event.badPeriod !== undefined) this.add('invalid_period', 'error', `${where}: period "${event.badPeriod}" is not a year or span of years`, at, event.badPeriod);
    // Wide: one row per area (and period, and breakdown); transposed: one column per area.
    if (a.kind === 'area' && this.plan.layout !== 'long') this.lastWasDuplicate = this.checkDuplicate(`${a.code}|${event.period}|${event.dimension}`, at, `area ${a.code} for this period${event.dimension ? ' and breakdown' : ''} already appears`);
    this.areaWritable = a.kind === 'area' && !a.needsConfirmation && !this.lastWasDuplicate;
    this.areaDuplicate = this.lastWasDuplicate;
  }

  private periodReads(period: string | null): boolean {
    if (period === null) return false;
    let ok = this.periods.get(period);
    if (ok === undefined) this.periods.set(period, (ok = parsePeriod(period) !== null));
    return ok;
  }

  /** Counts a figure the commit leaves out, under the first reason that holds for it. */
  private skipped(f: FigureRecord): void {
    const a = f.area;
    const reason: SkipReason =
      f.parsed.kind !== 'number' && f.parsed.kind !== 'sign' ? 'not_a_number'
      : a.kind === 'missing' ? 'no_area'
      : a.kind === 'unmatched' ? (a.reason === 'not_created' ? 'area_not_in_store' : a.match.status === 'ambiguous' ? 'area_ambiguous' : 'area_unknown')
      : a.kind === 'area' && a.needsConfirmation ? 'area_unconfirmed'
      : this.lastWasDuplicate || this.areaDuplicate ? 'duplicate'
      : 'no_period';
    const entry = (this.found.figures.skipped[reason] ??= { figures: 0, areas: 0 });
    entry.figures++;
    let labels = this.skippedAreas.get(reason);
    if (!labels) this.skippedAreas.set(reason, (labels = new Set()));
    const label = a.kind === 'area' ? a.code : this.areaLabel;
    if (!labels.has(label)) {
      labels.add(label);
      entry.areas++;
    }
  }

  /** Adds the area to the review list (once per label), counting the rows that name it. */
  private review(event: AreaEvent, status: AreaReviewItem['status'], where: string): void {
    const key = `${status}\u0000${event.label}`;
    const item = this.found.review.get(key);
    if (item) {
      item.rows++;
      return;
    }
    this.found.reviewTotal++;
    const listed = this.reviewPerStatus.get(status) ?? 0;
    if (listed >= REVIEW_CAP) return;
    this.reviewPerStatus.set(status, listed + 1);
    const a = event.area;
    const match = a.kind === 'area' || a.kind === 'unmatched' ? a.match : null;
    const candidates = match && 'candidates' in match ? match.candidates : [];
    const code = a.kind === 'area' ? a.code : match?.status === 'code' ? match.code : null;
    this.found.review.set(key, {
      label: event.label,
      name: event.name,
      isCode: event.isCode,
      status,
      cell: where,
      rows: 1,
      code,
      parent: a.kind === 'area' ? a.parent : code ? parentCode(code) : null,
      candidates: candidates.map((c) => ({ code: c.code, name: c.name, score: c.score })),
    });
  }

  private checkDuplicate(key: string, at: { r: number; c: number }, what: string): boolean {
    const first = this.seenKeys.get(key);
    const here = cellAddress(at.r, at.c);
    if (first) this.add('duplicate_key', 'error', `${here}: ${what} at ${first}; only the first is imported`, at);
    else this.seenKeys.set(key, here);
    return first !== undefined;
  }

  private figure(f: FigureRecord): void {
    const m = this.plan.measures[f.measure];
    const counts = this.found.measureCounts[f.measure];
    if (!m || !counts) return;
    const fig = this.found.figures;
    fig.total++;
    const p = f.parsed;
    if (p.kind === 'number') {
      fig.numbers++;
      counts.numbers++;
      // Most figures raise nothing: the checks come first, the message (and the cell's address) only for a problem.
      if (p.ambiguous) this.figureProblem(f, 'ambiguous_number', 'warning', `"${f.raw.trim()}" read as ${p.value}; nothing in the column settles the decimal separator`);
      if (m.unit === 'percent' && Math.max(p.value, p.high ?? p.value) > 100) this.figureProblem(f, 'percent_over_100', 'warning', `${p.value}% is over 100 in "${m.label}"`);
      if (p.unit && p.unit !== 'per_mille' && unitBase(m.unit).base !== p.unit) this.figureProblem(f, 'cell_unit_mismatch', 'warning', `the cell says ${p.unit} but "${m.label}" is in ${m.unit}`);
    } else if (p.kind === 'sign') {
      fig.signs[p.sign] = (fig.signs[p.sign] ?? 0) + 1;
      counts.signs++;
    } else {
      fig.invalid++;
      counts.invalid++;
      const why = p.kind === 'invalid' ? p.reason : `"${p.text}" is text`;
      this.figureProblem(f, 'non_numeric', 'error', `${why}, in figure column "${m.label}"`);
    }
    if (this.plan.layout === 'long' && f.area.kind === 'area') this.lastWasDuplicate = this.checkDuplicate(`${f.area.code}|${m.indicator.code}|${f.period}|${f.dimension}`, { r: f.r, c: f.c }, 'this area, variable and period already appear');
    if (this.areaWritable && !this.lastWasDuplicate && (p.kind === 'number' || p.kind === 'sign') && this.periodReads(f.period)) fig.toImport++;
    else this.skipped(f);
    if (f.period === null && (this.found.problemCounts.no_period ?? 0) === 0) {
      this.add('no_period', 'error', `no period for "${m.label}": the file states none; give one (e.g. --period 2024)`, { r: f.r, c: f.c });
    }
    if (this.found.samples.length < 25 && f.area.kind === 'area') {
      this.found.samples.push({ cell: cellAddress(f.r, f.c), raw: f.raw, area: f.area.code, indicator: m.indicator.code, period: f.period, parsed: p });
    }
  }

  /** A problem with one figure's cell: the message starts with its address. */
  private figureProblem(f: FigureRecord, kind: ProblemKind, severity: Severity, what: string): void {
    this.add(kind, severity, `${cellAddress(f.r, f.c)}: ${what}`, { r: f.r, c: f.c }, f.raw);
  }
}
