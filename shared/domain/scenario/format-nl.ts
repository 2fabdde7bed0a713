import type { NumParam } from './param-schema';
import { isRange } from './param-schema';

/** Dutch formatting for the assumptions list (the UI and exports format their own figures). */

export type Unit = 'euro' | 'pct' | 'count' | 'years' | 'number';

const nl = (digits: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: digits });
const NL0 = nl(0);
const NL2 = nl(2);

export function formatNumber(x: number): string {
  return NL2.format(x);
}

export function formatValue(x: number, unit: Unit): string {
  switch (unit) {
    case 'euro':
      return Math.abs(x) >= 1e6 ? `€ ${NL2.format(x / 1e6)} mln` : `€ ${NL0.format(x)}`;
    case 'pct':
      return `${NL2.format(x)}%`;
    case 'count':
      return NL0.format(x);
    case 'years':
      return `${NL2.format(x)} jaar`;
    default:
      return NL2.format(x);
  }
}

const DIST_NL = { uniform: 'uniform', triangular: 'driehoekig' } as const;

export function formatParam(p: NumParam, unit: Unit): string {
  if (typeof p === 'number') return formatValue(p, unit);
  if (!isRange(p)) return formatValue(p.value, unit);
  const mode = p.mode !== undefined ? `, modus ${formatValue(p.mode, unit)}` : '';
  return `${formatValue(p.low, unit)} tot ${formatValue(p.high, unit)} (${DIST_NL[p.dist]}${mode})`;
}
