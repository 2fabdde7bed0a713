import { QUALIFIER_TEXT, SIGN_SYMBOL, unitLabel } from '../format/figure';
import { formatNl } from '../format/number';
import type { LaidCell } from './layout-schema';
import type { BriefingFigure, RoundingRule } from './schema';

/**
 * One figure under one rounding rule: the text a reader sees and the Excel number format that makes
 * the exact value read the same in a spreadsheet. Excel format codes are stored in their en-US form
 * (`,` groups, `.` decimals); Dutch Excel shows them with Dutch separators.
 */

const fixed = (v: number, decimals: number): string => formatNl(v, { decimals, minDecimals: decimals });

/** `#,##0` or `#,##0.0…` */
export function excelDigits(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/** A literal in an Excel number format. */
export function excelLiteral(text: string): string {
  return text === '' ? '' : `"${text.replace(/"/g, "'")}"`;
}

const EURO_UNITS = new Set(['euro', 'euro_per_year']);

/** The value as the rule rounds it for display (what a reader adds up). */
export function displayedValue(v: number, rule: RoundingRule, unit: string): number {
  const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
  switch (rule.kind) {
    case 'count':
      return Math.round(v / rule.step) * rule.step;
    case 'money_mln':
      return round(v / 1e6, rule.decimals);
    case 'euro':
    case 'percent':
    case 'number':
      return round(v, rule.decimals);
    case 'auto':
      return EURO_UNITS.has(unit) && Math.abs(v) >= 1e6 ? round(v / 1e6, 1) : round(v, Number.isInteger(v) ? 0 : 1);
  }
}

/** The column's default format, for a plain figure (no qualifier, note or sign). */
export function columnNumFmt(rule: RoundingRule): string | null {
  switch (rule.kind) {
    case 'count':
      return rule.step > 1 ? `${excelLiteral('ca. ')}#,##0` : '#,##0';
    case 'money_mln':
      return `${excelDigits(rule.decimals)},,`;
    case 'euro':
      return `${excelLiteral('€ ')}${excelDigits(rule.decimals)}`;
    case 'percent':
    case 'number':
      return excelDigits(rule.decimals);
    case 'auto':
      return null;
  }
}

/** Text and format of a plain number under the rule (no qualifier, sign or note yet). */
function core(v: number, rule: RoundingRule, unit: string): { text: string; numFmt: string; about: boolean } {
  switch (rule.kind) {
    case 'count': {
      const shown = Math.round(v / rule.step) * rule.step;
      return { text: fixed(shown, 0), numFmt: '#,##0', about: rule.step > 1 };
    }
    case 'money_mln':
      return { text: fixed(v / 1e6, rule.decimals), numFmt: `${excelDigits(rule.decimals)},,`, about: false };
    case 'euro':
      return { text: `€ ${fixed(v, rule.decimals)}`, numFmt: `${excelLiteral('€ ')}${excelDigits(rule.decimals)}`, about: false };
    case 'percent':
    case 'number':
      return { text: fixed(v, rule.decimals), numFmt: excelDigits(rule.decimals), about: false };
    case 'auto':
      return autoCore(v, unit);
  }
}

/** A figure in a mixed column: each unit as it reads in a letter ("€ 256 mln", "70%", "8 uur per week"). */
function autoCore(v: number, unit: string): { text: string; numFmt: string; about: boolean } {
  if (EURO_UNITS.has(unit)) {
    const perYear = unit === 'euro_per_year' ? ' per jaar' : '';
    if (Math.abs(v) >= 1e6) {
      const d = Number.isInteger(v / 1e6) ? 0 : 1;
      return { text: `€ ${fixed(v / 1e6, d)} mln${perYear}`, numFmt: `${excelLiteral('€ ')}${excelDigits(d)},,${excelLiteral(` mln${perYear}`)}`, about: false };
    }
    return { text: `€ ${fixed(v, 0)}${perYear}`, numFmt: `${excelLiteral('€ ')}#,##0${excelLiteral(perYear)}`, about: false };
  }
  const d = Number.isInteger(v) ? 0 : 1;
  if (unit === 'percent') return { text: `${fixed(v, d)}%`, numFmt: `${excelDigits(d)}${excelLiteral('%')}`, about: false };
  const words = unit === 'count' ? '' : ` ${unitLabel(unit)}`;
  return { text: `${fixed(v, d)}${words}`, numFmt: `${excelDigits(d)}${excelLiteral(words)}`, about: false };
}

/** Text of a range end under the rule (the second end drops a leading "€ "). */
function rangeText(f: BriefingFigure, rule: RoundingRule): string {
  const lo = core(f.low as number, rule, f.unit).text;
  const hi = core(f.high as number, rule, f.unit).text.replace(/^€ /, '');
  return `${lo}–${hi}`;
}

export interface FigureCellOptions {
  /** Show as `x` (disclosure control): the value leaves the export. */
  suppress: boolean;
  flagged: boolean;
}

/** A figure as a laid-out cell. */
export function figureCell(f: BriefingFigure, rule: RoundingRule, opts: FigureCellOptions): LaidCell {
  const note = f.note ? ` (${f.note})` : '';
  const base = { align: 'right' as const, flagged: opts.flagged, plain: false };
  if (opts.suppress) return { ...base, text: SIGN_SYMBOL.secret, value: null, numFmt: null };
  const qualifier = f.qualifier ? `${QUALIFIER_TEXT[f.qualifier]} ` : '';
  if (f.value === null && f.low !== null && f.high !== null) {
    return { ...base, text: `${qualifier}${rangeText(f, rule)}${note}`, value: null, numFmt: null };
  }
  if (f.sign === 'nil') {
    // CBS "-": a real zero, shown as the sign; the cell keeps the number.
    return { ...base, text: '-', value: f.value ?? 0, numFmt: excelLiteral('-') };
  }
  if (f.value === null) return { ...base, text: f.sign ? SIGN_SYMBOL[f.sign] : '', value: null, numFmt: null };
  const c = core(f.value, rule, f.unit);
  const prefix = qualifier || (c.about ? 'ca. ' : '');
  const star = f.sign === 'provisional' || f.sign === 'revised_provisional' ? SIGN_SYMBOL[f.sign] : '';
  return {
    ...base,
    plain: !qualifier && !star && !note && rule.kind !== 'auto',
    text: `${prefix}${c.text}${star}${note}`,
    value: f.value,
    numFmt: `${excelLiteral(prefix)}${c.numFmt}${excelLiteral(star + note)}`.replace(/""/g, ''),
  };
}

/** The unit a column heading names, when the table has no shared unit heading. */
export function headerUnit(rule: RoundingRule, unit: string | null): string | null {
  switch (rule.kind) {
    case 'money_mln':
      return '× € 1 mln';
    case 'euro':
      return '€';
    case 'percent':
      return '%';
    case 'count':
      return null;
    case 'number':
      return unit && unit !== 'count' ? unitLabel(unit) : null;
    case 'auto':
      return null;
  }
}

/** The rule an analyst would expect for a unit (the builder's default). */
export function defaultRule(unit: string | null): RoundingRule {
  switch (unit) {
    case null:
      return { kind: 'auto' };
    case 'count':
      return { kind: 'count', step: 1 };
    case 'euro':
    case 'euro_per_year':
      return { kind: 'money_mln', decimals: 1 };
    case 'percent':
      return { kind: 'percent', decimals: 0 };
    case 'euro_x1000':
      return { kind: 'number', decimals: 0 };
    default:
      return { kind: 'number', decimals: 1 };
  }
}
