import type { Qualifier, Sign } from '../numbers/figure-marks';
import { formatNl, PERCENT_SIGN } from './number';

/**
 * How a stored figure reads on screen and in exports: Dutch separators, the qualifier the source
 * used ("ca.", "bijna"), ranges as ranges, and CBS signs instead of empty cells or zeros.
 * One formatter for the whole app, so the screen and the export round the same way.
 */

export const QUALIFIER_TEXT: Record<Qualifier, string> = {
  about: 'ca.',
  nearly: 'bijna',
  at_least: 'ten minste',
  at_most: 'ten hoogste',
  more_than: 'meer dan',
  estimate: 'geschat',
};

/** The CBS sign itself, as printed in CBS tables, and what it means. */
export const SIGN_SYMBOL: Record<Sign, string> = {
  unknown: '.',
  secret: 'x',
  nil: '-',
  provisional: '*',
  revised_provisional: '**',
  less_than_half_unit: '0',
  cannot_occur: '',
};

export const SIGN_TEXT: Record<Sign, string> = {
  unknown: 'Onbekend (CBS-teken .): het cijfer ontbreekt, is onvoldoende betrouwbaar of geheim.',
  secret: 'Geheim (CBS-teken x): het cijfer is niet gepubliceerd om herleidbaarheid te voorkomen.',
  nil: 'Nihil (CBS-teken -): het cijfer is nul.',
  provisional: 'Voorlopig cijfer (CBS-teken *).',
  revised_provisional: 'Nader voorlopig cijfer (CBS-teken **).',
  less_than_half_unit: 'Minder dan de helft van de gekozen eenheid (CBS: 0 (0,0)).',
  cannot_occur: 'Kan niet voorkomen (lege cel in een CBS-tabel).',
};

export const UNIT_LABEL: Record<string, string> = {
  count: 'aantal',
  percent: '%',
  euro: 'euro',
  euro_per_year: 'euro per jaar',
  euro_x1000: 'x € 1.000',
  per_1000_residents: 'per 1.000 inwoners',
  hours_per_week: 'uur per week',
  km: 'km',
  per_km2: 'per km²',
  number: 'getal',
};

export function unitLabel(unit: string): string {
  return UNIT_LABEL[unit] ?? unit;
}

/**
 * How to round and show a figure. A bare number (the older form) is `{ decimals }`.
 * - `decimals`: at most this many decimals (default: the unit's usual precision);
 * - `fixed`: always exactly `decimals` decimals ("16,0"), as house-style tables do;
 * - `round`: round to tens, hundreds or thousands first ("ca. 15.000" for 14.987 with 'thousands');
 * - `euro`: 'auto' (default: "€ 256 mln", "€ 1,2 mld", "€ 950"), 'million' (always millions:
 *   `{ euro: 'million', decimals: 1, fixed: true }` → "€ 256,0 mln") or 'plain' ("€ 256.000.000").
 */
export interface FigureStyle {
  decimals?: number;
  fixed?: boolean;
  round?: 'tens' | 'hundreds' | 'thousands';
  euro?: 'auto' | 'million' | 'plain';
}

const ROUND_TO = { tens: 10, hundreds: 100, thousands: 1000 } as const;

function styleOf(style: number | FigureStyle | undefined): FigureStyle {
  return typeof style === 'number' ? { decimals: style } : (style ?? {});
}

/** Half away from zero, as Intl rounds; never "-0". */
function roundTo(x: number, step: number): number {
  return Math.sign(x) * Math.round(Math.abs(x) / step) * step || 0;
}

/** A plain number in Dutch notation, with the unit's usual precision (or the style's). */
export function formatValue(value: number, unit: string, style?: number | FigureStyle): string {
  const s = styleOf(style);
  const v = s.round ? roundTo(value, ROUND_TO[s.round]) : value;
  // A figure rounded to tens has no decimals; scaled to millions it keeps the unit's precision.
  const nl = (x: number, fallback: number, scaled = false): string => {
    const decimals = s.decimals ?? (s.round && !scaled ? 0 : fallback);
    return formatNl(x, { decimals, minDecimals: s.fixed ? decimals : 0 });
  };
  if (unit === 'euro' || unit === 'euro_per_year') {
    const euro = s.euro ?? 'auto';
    if (euro === 'million') return `€ ${nl(v / 1e6, 2, true)} mln`;
    if (euro === 'auto' && Math.abs(v) >= 1e9) return `€ ${nl(v / 1e9, 2, true)} mld`;
    if (euro === 'auto' && Math.abs(v) >= 1e6) return `€ ${nl(v / 1e6, 2, true)} mln`;
    return `€ ${nl(v, 0)}`;
  }
  if (unit === 'percent') return `${nl(v, 1)}${PERCENT_SIGN}`;
  return nl(v, Number.isInteger(v) ? 0 : 1);
}

export interface FigureLike {
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Qualifier | null;
  sign: Sign | null;
  unit: string;
}

/** "ca. 15.000", "30.000–40.000", "€ 256 mln", "." (with SIGN_TEXT as its tooltip), "12,5*". */
export function formatFigure(f: FigureLike, style?: number | FigureStyle): string {
  const prefix = f.qualifier ? `${QUALIFIER_TEXT[f.qualifier]} ` : '';
  if (f.value === null && f.low !== null && f.high !== null) {
    const lo = formatValue(f.low, f.unit, style);
    const hi = formatValue(f.high, f.unit, style).replace(/^€ /, '');
    return `${prefix}${lo}–${hi}`;
  }
  if (f.value === null) return f.sign ? SIGN_SYMBOL[f.sign] : '';
  const suffix = f.sign === 'provisional' || f.sign === 'revised_provisional' ? SIGN_SYMBOL[f.sign] : '';
  if (f.sign === 'nil') return '-';
  return `${prefix}${formatValue(f.value, f.unit, style)}${suffix}`;
}
