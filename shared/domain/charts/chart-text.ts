import type { CompareCell, CompareIndicator, CompareResult } from '../../contract/compare';
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

/**
 * The files and periods of the figures drawn, and a note for figures aggregated from members.
 * Cells from an answer without per-cell provenance (lean, or without member detail) name no file:
 * then the answers' own lists of files (`sourceTitles`) are named, so a line never says less than is
 * true. A proposed composition says so (te bevestigen) from its members or from its row.
 */
export function sourceLineOf(cells: CompareCell[], results: readonly Pick<CompareResult, 'sourceTitles' | 'rows'>[] = []): string {
  const proposed = new Set(results.flatMap((r) => r.rows.filter((row) => row.compositionStatus === 'proposal').map((row) => row.areaCode)));
  const files = new Map<string, Set<string>>();
  const add = (file: string, period: string | null): void => {
    const periods = files.get(file) ?? new Set<string>();
    if (period) periods.add(periodLabel(period));
    files.set(file, periods);
  };
  let aggregated = 0;
  let proposals = false;
  const unnamed = new Set<string>();
  for (const c of cells) {
    if (c.value === null) continue;
    if (c.aggregated) {
      aggregated++;
      if (!c.memberDetail) unnamed.add(c.period ?? '');
      if (proposed.has(c.areaCode)) proposals = true;
      for (const m of c.memberDetail ?? []) {
        if (m.source) add(m.source.file ?? m.source.title, c.period);
        if (m.status === 'proposal') proposals = true;
      }
    } else if (c.sourceRef) add(c.sourceRef.file ?? c.sourceRef.title, c.period);
    else unnamed.add(c.period ?? '');
  }
  // One file behind the whole answer: every unnamed figure is from it. Several: named, with the periods apart.
  const titles = [...new Set(results.flatMap((r) => r.sourceTitles))].filter((t) => !files.has(t));
  const periods = [...unnamed].filter((p) => p !== '');
  let periodNote = '';
  if (unnamed.size > 0 && titles.length === 1 && files.size === 0) for (const p of periods.length ? periods : [null]) add(titles[0] as string, p);
  else if (unnamed.size > 0) {
    for (const t of titles) add(t, null);
    if (titles.length > 0 && periods.length > 0) periodNote = ` Cijfers van ${periods.map(periodLabel).sort().join(', ')}.`;
  }
  const parts = [...files.entries()].map(([f, ps]) => (ps.size ? `${f} (${[...ps].sort().join(', ')})` : f));
  let line = parts.length ? `Bron: ${parts.join('; ')}.${periodNote}` : 'Bron: geen cijfers.';
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
