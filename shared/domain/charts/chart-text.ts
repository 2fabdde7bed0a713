import type { CompareCell, CompareIndicator } from '../../contract/compare';
import { formatValue, SIGN_SYMBOL, unitLabel } from '../format/figure';
import { periodLabel } from '../period';

/** Plotly data and layout are plain objects; the renderer hands them to Plotly as they are. */
export type PlotData = Record<string, unknown>;

/** What a chart says under itself, on screen and in the saved file. */
export interface ChartText {
  caption: string;
  /** "Bron: file (2024); …", with how aggregated figures were made. */
  sourceLine: string;
}

export function axisTitle(indicator: Pick<CompareIndicator, 'name' | 'unit'>): string {
  return `${indicator.name} (${unitLabel(indicator.unit)})`;
}

/** The files and periods of the figures drawn, and a note for figures aggregated from members. */
export function sourceLineOf(cells: CompareCell[]): string {
  const files = new Map<string, Set<string>>();
  const add = (file: string, period: string | null): void => {
    const periods = files.get(file) ?? new Set<string>();
    if (period) periods.add(periodLabel(period));
    files.set(file, periods);
  };
  let aggregated = 0;
  let proposals = false;
  for (const c of cells) {
    if (c.value === null) continue;
    if (c.aggregated) {
      aggregated++;
      for (const m of c.memberDetail ?? []) {
        if (m.source) add(m.source.file ?? m.source.title, c.period);
        if (m.status === 'proposal') proposals = true;
      }
    } else if (c.sourceRef) add(c.sourceRef.file ?? c.sourceRef.title, c.period);
  }
  const parts = [...files.entries()].map(([f, ps]) => (ps.size ? `${f} (${[...ps].sort().join(', ')})` : f));
  let line = parts.length ? `Bron: ${parts.join('; ')}.` : 'Bron: geen cijfers.';
  if (aggregated > 0) {
    line += ` ${aggregated} ${aggregated === 1 ? 'cijfer is' : 'cijfers zijn'} samengesteld uit de cijfers van de wijken of buurten van het gebied${proposals ? ' (samenstelling: voorstel, te bevestigen)' : ''}.`;
  }
  return line;
}

/** "x" for a secret figure, "." for an unknown one, else the reason compare gives. */
export function missingText(c: CompareCell): string {
  if (c.sign) return `${SIGN_SYMBOL[c.sign]} (${c.sign === 'secret' ? 'geheim' : c.sign === 'unknown' ? 'onbekend' : c.sign})`;
  return c.missingReason ?? 'geen cijfer';
}

export function valueText(value: number, unit: string): string {
  return formatValue(value, unit);
}
