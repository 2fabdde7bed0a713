import { unitBase } from '../numbers/units';
import { cellAddress, columnLetter } from './cell-address';
import type { ExtractEvent, FigureRecord } from './extract-records';
import type { ImportPlan } from './import-plan';
import type { Problem, ProblemKind, SampleFigure, Severity } from './preview-schema';

/**
 * Turns the walk over a sheet into the preview's findings: every problem with its cell, counts of
 * figures and signs, area statistics and a sample of parsed figures. Lists are capped per kind
 * (the counts are not), so a file with 50,000 unknown areas still gives a preview of sane size.
 */
const CAP_PER_KIND = 200;

export interface Findings {
  problems: Problem[];
  problemCounts: Record<string, number>;
  figures: { total: number; numbers: number; signs: Record<string, number>; invalid: number };
  measureCounts: Array<{ numbers: number; signs: number; invalid: number }>;
  areas: { matched: number; created: number; needsConfirmation: number; unmatched: number; skippedRows: number };
  samples: SampleFigure[];
}

export class ProblemCollector {
  readonly findings: Findings;
  private readonly seenKeys = new Map<string, string>();
  private readonly seenAreas = new Set<string>();

  constructor(
    private readonly file: string,
    private readonly sheet: string,
    private readonly plan: ImportPlan,
  ) {
    this.findings = {
      problems: [],
      problemCounts: {},
      figures: { total: 0, numbers: 0, signs: {}, invalid: 0 },
      measureCounts: plan.measures.map(() => ({ numbers: 0, signs: 0, invalid: 0 })),
      areas: { matched: 0, created: 0, needsConfirmation: 0, unmatched: 0, skippedRows: 0 },
      samples: [],
    };
  }

  add(kind: ProblemKind, severity: Severity, message: string, at?: { r: number; c?: number }, raw?: string): void {
    const counts = this.findings.problemCounts;
    counts[kind] = (counts[kind] ?? 0) + 1;
    if ((counts[kind] ?? 0) > CAP_PER_KIND) return;
    this.findings.problems.push({
      kind, severity, file: this.file, sheet: this.sheet, message,
      ...(at ? { row: at.r + 1 } : {}),
      ...(at && at.c !== undefined ? { column: columnLetter(at.c), cell: cellAddress(at.r, at.c) } : {}),
      ...(raw !== undefined ? { raw } : {}),
    });
  }

  consume(event: ExtractEvent): void {
    if (event.kind === 'figure') return this.figure(event);
    const at = { r: event.r, c: event.c };
    const where = cellAddress(event.r, event.c);
    const a = event.area;
    if (a.kind === 'skip') {
      this.findings.areas.skippedRows++;
      this.add('skipped_row', 'info', `${where}: ${a.row.reason}; its figures are not imported`, at);
      return;
    }
    if (a.kind === 'missing') this.add('missing_area', 'error', `${where}: the row has figures but no area`, at);
    // One problem per distinct unmatched area (its first cell), not one per row it appears in.
    if (a.kind === 'unmatched' && !this.seenAreas.has(`?${event.label}`)) {
      this.seenAreas.add(`?${event.label}`);
      this.findings.areas.unmatched++;
      const ambiguous = a.match.status === 'ambiguous';
      const candidates = 'candidates' in a.match ? a.match.candidates : [];
      const names = candidates.map((c) => `${c.name} (${c.code})`).join(', ');
      if (ambiguous) this.add('ambiguous_area', 'warning', `${where}: several areas are called "${event.label}": ${names}; choose one`, at, event.label);
      else this.add('unknown_area', 'warning', `${where}: no known area matches "${event.label}"; create it or skip the row`, at, event.label);
    }
    if (a.kind === 'area' && !this.seenAreas.has(a.code)) {
      this.seenAreas.add(a.code);
      if (a.needsConfirmation) {
        this.findings.areas.needsConfirmation++;
        const score = a.match.status === 'fuzzy' ? a.match.confidence : 1;
        this.add('fuzzy_area', 'warning', `${where}: "${event.label}" read as ${a.code} by a close name (similarity ${score}); confirm`, at, event.label);
      } else if (!a.known) {
        this.findings.areas.created++;
        this.add('new_area', 'info', `${where}: ${a.code} is not in the store yet; it will be created${a.parent ? ` under ${a.parent}` : ''}`, at);
      } else this.findings.areas.matched++;
    }
    if (event.badPeriod !== undefined) this.add('invalid_period', 'error', `${where}: period "${event.badPeriod}" is not a year or span of years`, at, event.badPeriod);
    // Wide: one row per area (and period, and breakdown); transposed: one column per area.
    if (a.kind === 'area' && this.plan.layout !== 'long') this.checkDuplicate(`${a.code}|${event.period}|${event.dimension}`, at, `area ${a.code} for this period${event.dimension ? ' and breakdown' : ''} already appears`);
  }

  private checkDuplicate(key: string, at: { r: number; c: number }, what: string): void {
    const first = this.seenKeys.get(key);
    const here = cellAddress(at.r, at.c);
    if (first) this.add('duplicate_key', 'error', `${here}: ${what} at ${first}`, at);
    else this.seenKeys.set(key, here);
  }

  private figure(f: FigureRecord): void {
    const m = this.plan.measures[f.measure];
    const counts = this.findings.measureCounts[f.measure];
    if (!m || !counts) return;
    const fig = this.findings.figures;
    fig.total++;
    const at = { r: f.r, c: f.c };
    const where = cellAddress(f.r, f.c);
    const p = f.parsed;
    if (p.kind === 'number') {
      fig.numbers++;
      counts.numbers++;
      if (p.ambiguous) this.add('ambiguous_number', 'warning', `${where}: "${f.raw.trim()}" read as ${p.value}; nothing in the column settles the decimal separator`, at, f.raw);
      if (m.unit === 'percent' && Math.max(p.value, p.high ?? p.value) > 100) this.add('percent_over_100', 'warning', `${where}: ${p.value}% is over 100 in "${m.label}"`, at, f.raw);
      if (p.unit && p.unit !== 'per_mille' && unitBase(m.unit).base !== p.unit) this.add('cell_unit_mismatch', 'warning', `${where}: the cell says ${p.unit} but "${m.label}" is in ${m.unit}`, at, f.raw);
    } else if (p.kind === 'sign') {
      fig.signs[p.sign] = (fig.signs[p.sign] ?? 0) + 1;
      counts.signs++;
    } else {
      fig.invalid++;
      counts.invalid++;
      const why = p.kind === 'invalid' ? p.reason : `"${p.text}" is text`;
      this.add('non_numeric', 'error', `${where}: ${why}, in figure column "${m.label}"`, at, f.raw);
    }
    if (this.plan.layout === 'long' && f.area.kind === 'area') this.checkDuplicate(`${f.area.code}|${m.indicator.code}|${f.period}|${f.dimension}`, at, 'this area, variable and period already appear');
    if (f.period === null && (this.findings.problemCounts.no_period ?? 0) === 0) {
      this.add('no_period', 'error', `no period for "${m.label}": the file states none; give one (e.g. --period 2024)`, at);
    }
    if (this.findings.samples.length < 25 && f.area.kind === 'area') {
      this.findings.samples.push({ cell: where, raw: f.raw, area: f.area.code, indicator: m.indicator.code, period: f.period, parsed: p });
    }
  }
}
