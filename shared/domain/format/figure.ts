import type { Qualifier, Sign } from '../../contract/model';

/**
 * How a stored figure reads on screen and in exports: Dutch separators, the qualifier the source
 * used ("ca.", "bijna"), ranges as ranges, and CBS signs instead of empty cells or zeros.
 * One formatter for the whole app, so the screen and the export round the same way.
 */
const nl = (digits: number): Intl.NumberFormat =>
  new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 0, maximumFractionDigits: digits });

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

/** A plain number in Dutch notation, with the unit's usual precision. */
export function formatValue(value: number, unit: string, digits?: number): string {
  if (unit === 'euro' || unit === 'euro_per_year') {
    if (Math.abs(value) >= 1e9) return `€ ${nl(digits ?? 2).format(value / 1e9)} mld`;
    if (Math.abs(value) >= 1e6) return `€ ${nl(digits ?? 2).format(value / 1e6)} mln`;
    return `€ ${nl(digits ?? 0).format(value)}`;
  }
  if (unit === 'percent') return `${nl(digits ?? 1).format(value)}%`;
  return nl(digits ?? (Number.isInteger(value) ? 0 : 1)).format(value);
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
export function formatFigure(f: FigureLike, digits?: number): string {
  const prefix = f.qualifier ? `${QUALIFIER_TEXT[f.qualifier]} ` : '';
  if (f.value === null && f.low !== null && f.high !== null) {
    const lo = formatValue(f.low, f.unit, digits);
    const hi = formatValue(f.high, f.unit, digits).replace(/^€ /, '');
    return `${prefix}${lo}–${hi}`;
  }
  if (f.value === null) return f.sign ? SIGN_SYMBOL[f.sign] : '';
  const suffix = f.sign === 'provisional' || f.sign === 'revised_provisional' ? SIGN_SYMBOL[f.sign] : '';
  if (f.sign === 'nil') return '-';
  return `${prefix}${formatValue(f.value, f.unit, digits)}${suffix}`;
}
