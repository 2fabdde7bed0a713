import type { CompareCell, CompareIndicator, CompareResult } from '../../contract/compare';
import { mean, orientedZ, populationSd } from '../composite/composite-index';
import { parsePeriod } from '../period';

/**
 * An area's profile: every indicator it has a figure for, by theme, with its recent course (a
 * sparkline), its municipality and Nederland beside it, and a standardised score against its
 * peers (the 20 focus areas for a focus area, else the areas of its kind in its municipality):
 * the z-score turned so that higher is better, as in the composite index.
 */
export interface ProfileLine {
  indicator: CompareIndicator;
  cell: CompareCell;
  series: { year: number; value: number | null }[];
  municipality: CompareCell | null;
  nl: CompareCell | null;
  /** Turned z-score against the peers (higher is better; neutral indicators: higher is more); null without spread. */
  z: number | null;
  peers: number;
}

export interface ProfileTheme {
  theme: CompareIndicator['theme'];
  lines: ProfileLine[];
  /** Indicators without a figure for the area in any year held (a CBS sign, or nothing): named, not tabled. */
  missing: ProfileLine[];
}

export const THEME_LABEL: Record<CompareIndicator['theme'], string> = {
  bevolking: 'Bevolking',
  wonen: 'Wonen',
  meedoen: 'Meedoen',
  veiligheid: 'Veiligheid',
  financien: 'Financiën',
  overig: 'Overig',
};
const THEME_ORDER = ['bevolking', 'wonen', 'meedoen', 'veiligheid', 'financien', 'overig'] as const;

export function buildProfile(areaCode: string, latest: CompareResult, years: { period: string; result: CompareResult }[], peers: CompareResult | null): ProfileTheme[] {
  const own = latest.rows.find((r) => r.role === 'area' && r.areaCode === areaCode);
  if (!own) return [];
  const municipality = latest.rows.find((r) => r.role === 'municipality') ?? null;
  const nl = latest.rows.find((r) => r.role === 'NL') ?? null;
  const lines: ProfileLine[] = [];
  latest.indicators.forEach((indicator, i) => {
    const cell = own.cells[i]!;
    // An indicator the area has no figure for in any year held is left out of the profile.
    const series = years
      .map(({ period, result }) => {
        const col = result.indicators.findIndex((x) => x.code === indicator.code);
        const row = result.rows.find((r) => r.role === 'area' && r.areaCode === areaCode);
        return { year: parsePeriod(period)?.yearEnd ?? NaN, value: col >= 0 ? (row?.cells[col]?.value ?? null) : null };
      })
      .sort((a, b) => a.year - b.year);
    let z: number | null = null;
    let n = 0;
    if (peers && cell.value !== null) {
      const col = peers.indicators.findIndex((x) => x.code === indicator.code);
      const xs = col < 0 ? [] : peers.rows.filter((r) => r.role === 'area').map((r) => r.cells[col]?.value).filter((v): v is number => v !== null && v !== undefined);
      n = xs.length;
      const sd = xs.length >= 2 ? populationSd(xs) : 0;
      if (sd > 0) z = orientedZ(cell.value, { mean: mean(xs), sd, direction: indicator.direction });
    }
    lines.push({ indicator, cell, series, municipality: municipality?.cells[i] ?? null, nl: nl?.cells[i] ?? null, z, peers: n });
  });
  const empty = (l: ProfileLine): boolean => l.cell.value === null && l.series.every((s) => s.value === null);
  return THEME_ORDER.map((theme) => {
    const of = lines.filter((l) => l.indicator.theme === theme);
    return { theme, lines: of.filter((l) => !empty(l)), missing: of.filter(empty) };
  }).filter((t) => t.lines.length + t.missing.length > 0);
}
