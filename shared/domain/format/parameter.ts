import type { NumParam } from '../scenario/param-schema';
import { isRange } from '../scenario/param-schema';
import { formatDecimal, formatInteger, PERCENT_SIGN } from './number';

/** Scenario parameters in the assumptions list: "€ 256 mln", "2,5%", "1 tot 3 (driehoekig, modus 2)". */

export type ParamUnit = 'euro' | 'pct' | 'count' | 'years' | 'number';

export function formatParamValue(x: number, unit: ParamUnit): string {
  switch (unit) {
    case 'euro':
      return Math.abs(x) >= 1e6 ? `€ ${formatDecimal(x / 1e6, 2)} mln` : `€ ${formatInteger(x)}`;
    case 'pct':
      return `${formatDecimal(x, 2)}${PERCENT_SIGN}`;
    case 'count':
      return formatInteger(x);
    case 'years':
      return `${formatDecimal(x, 2)} jaar`;
    default:
      return formatDecimal(x, 2);
  }
}

const DIST_NL = { uniform: 'uniform', triangular: 'driehoekig' } as const;

export function formatParam(p: NumParam, unit: ParamUnit): string {
  if (typeof p === 'number') return formatParamValue(p, unit);
  if (!isRange(p)) return formatParamValue(p.value, unit);
  const mode = p.mode !== undefined ? `, modus ${formatParamValue(p.mode, unit)}` : '';
  return `${formatParamValue(p.low, unit)} tot ${formatParamValue(p.high, unit)} (${DIST_NL[p.dist]}${mode})`;
}
