import type { CompareCell, CompareIndicator } from '../../../shared/contract/compare';
import { formatFigure, formatNl, SIGN_SYMBOL, SIGN_TEXT, unitLabel } from '../../../shared/domain/format';
import { periodLabel } from '../../../shared/domain/period';

/**
 * How a comparison cell reads: the figure (Dutch, with its CBS sign, never a zero for a missing
 * figure), the difference against the earlier period and the rank. Pure: used by the grid, the side
 * panel and the copy, so all three say the same.
 */

const EXTRA_UNIT: Record<string, string> = {
  kwh: 'kWh',
  m3: 'm³',
  ha: 'ha',
  per_km2: 'per km²',
  number: 'getal',
  code: 'code',
};

export function unitText(unit: string): string {
  const label = unitLabel(unit);
  return label === unit ? (EXTRA_UNIT[unit] ?? unit) : label;
}

/** Digits shown for a unit; the stored number is never rounded, only its display. */
export function unitDigits(unit: string, value: number): number {
  if (unit === 'percent' || unit === 'per_1000_residents' || unit === 'km' || unit === 'number') return 1;
  if (unit === 'euro_x1000') return 1;
  return Number.isInteger(value) ? 0 : 1;
}

/** What a cell without a figure shows: its CBS sign where it has one, else "n.b." (geen cijfer). */
export const NO_FIGURE = 'n.b.';

export function figureText(cell: Pick<CompareCell, 'value' | 'low' | 'high' | 'qualifier' | 'sign' | 'unit'>): string {
  if (cell.value === null && cell.low === null) {
    if (cell.sign && SIGN_SYMBOL[cell.sign]) return SIGN_SYMBOL[cell.sign];
    return NO_FIGURE;
  }
  return formatFigure(cell, cell.value === null ? undefined : unitDigits(cell.unit, cell.value));
}

/** "+1,2", "−340", "0"; percentages as percentage points ("+1,2 %-punt"). */
export function deltaText(delta: number, unit: string): string {
  const digits = unit === 'count' && Number.isInteger(delta) ? 0 : unitDigits(unit, delta) || 1;
  const abs = formatNl(Math.abs(delta), { decimals: digits });
  const text = abs === '0' ? '0' : `${delta > 0 ? '+' : '−'}${abs}`;
  if (unit === 'percent') return `${text} %-punt`;
  if (unit === 'euro' || unit === 'euro_per_year') return `${text.replace(/^([+−]?)/, '$1€ ')}`;
  return text;
}

export function rankText(rank: number, of: number): string {
  return `${rank}e van ${of}`;
}

/** Column header: name, unit and the period the column shows ("latest" resolved). */
export function headerText(ind: Pick<CompareIndicator, 'name' | 'unit' | 'period'>): string {
  const unit = ind.unit === 'count' ? '' : ` (${unitText(ind.unit)})`;
  return `${ind.name}${unit} · ${ind.period ? periodLabel(ind.period) : 'geen cijfers'}`;
}

/** One line for a tooltip: what the figure is and where it came from, or why it is missing. */
export function cellTooltip(cell: CompareCell): string {
  const lines: string[] = [];
  if (cell.value === null && cell.low === null) {
    lines.push(cell.sign ? SIGN_TEXT[cell.sign] : 'Geen cijfer.');
    if (cell.missingReason) lines.push(cell.missingReason);
  } else if (cell.sign) {
    lines.push(SIGN_TEXT[cell.sign]);
  }
  if (cell.aggregated) lines.push(`Berekend uit ${cell.members?.length ?? 0} leden${cell.coverage !== null ? `, dekking ${Math.round(cell.coverage * 100)}%` : ''}. Enter of klik voor de leden en hun bronnen.`);
  else if (cell.source) lines.push(`Bron: ${cell.source}`);
  else if (cell.value !== null || cell.low !== null || cell.sign !== null) lines.push('Enter of klik voor het bestand, het blad en de cel.');
  if (cell.delta === null && cell.deltaNote) lines.push(`Geen verschil: ${cell.deltaNote}`);
  if (cell.importedVsAggregate) lines.push('Het ingelezen cijfer wijkt af van wat de leden samen geven (zie paneel).');
  return lines.join('\n');
}
