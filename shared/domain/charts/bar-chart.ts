import type { CompareResult, CompareRow, ReferenceKind } from '../../contract/compare';
import { axisTitle, missingText, sourceLineOf, valueText, type ChartText, type PlotData } from './chart-text';
import { periodLabel } from '../period';

export interface BarChartModel extends ChartText {
  data: PlotData[];
  layout: PlotData;
  /** Areas without a figure: listed under the chart, never drawn as a zero bar. */
  missing: { areaCode: string; areaName: string; why: string }[];
  /** The reference values drawn, for tests and the screen's text. */
  references: { label: string; value: number }[];
  /** References asked for but not drawn, with why (no figure; a count, where the municipality is a sum). */
  referenceNotes: string[];
  bars: number;
}

const ACCENT = '#1f5f8b';
const AGGREGATED = '#6f9fc4';
const REF_COLOURS: Record<string, string> = { NL: '#c2571a', total: '#5b4a8b', municipality: '#2f7d4f' };

function refLabel(row: CompareRow): string {
  if (row.role === 'NL') return 'Nederland';
  if (row.role === 'total') return `${row.areaName} (samen)`;
  return row.areaName;
}

/**
 * Bars across the shown areas for one indicator and period, sorted (highest first), with reference
 * lines: Nederland and the programme total across the chart, a municipality as a line when all bars
 * share it, else as a mark on each bar's own municipality. Aggregated figures are hatched.
 */
export function barChart(result: CompareResult, indicatorCode: string, order: 'desc' | 'asc' = 'desc', requested: ReferenceKind[] = [], opts: { compact?: boolean } = {}): BarChartModel {
  const col = result.indicators.findIndex((i) => i.code === indicatorCode);
  const indicator = result.indicators[col];
  if (!indicator) throw new Error(`indicator ${indicatorCode} is not in the comparison`);
  const areaRows = result.rows.filter((r) => r.role === 'area');
  const drawn = areaRows.filter((r) => r.cells[col]?.value !== null && r.cells[col] !== undefined);
  const missing = areaRows.filter((r) => !drawn.includes(r)).map((r) => ({ areaCode: r.areaCode, areaName: r.areaName, why: missingText(r.cells[col]!) }));
  drawn.sort((a, b) => (order === 'desc' ? -1 : 1) * (a.cells[col]!.value! - b.cells[col]!.value!));
  // Plotly draws horizontal categories bottom-up: reverse so the first sorted area is on top.
  const ordered = [...drawn].reverse();
  const unit = indicator.unit;
  const names = ordered.map((r) => r.areaName);
  const cells = ordered.map((r) => r.cells[col]!);
  const data: PlotData[] = [
    {
      type: 'bar',
      orientation: 'h',
      name: indicator.name,
      y: names,
      x: cells.map((c) => c.value),
      text: cells.map((c) => valueText(c.value!, unit)),
      textposition: 'outside',
      cliponaxis: false,
      marker: {
        color: cells.map((c) => (c.aggregated ? AGGREGATED : ACCENT)),
        pattern: { shape: cells.map((c) => (c.aggregated ? '/' : '')), fgcolor: '#ffffff', size: 6 },
      },
      customdata: cells.map((c) => c.source ?? ''),
      hovertemplate: '%{y}: %{text}<br>%{customdata}<extra></extra>',
      showlegend: false,
    },
  ];
  const shapes: PlotData[] = [];
  const annotations: PlotData[] = [];
  const references: BarChartModel['references'] = [];
  const referenceNotes: string[] = [];
  const REF_NAME: Record<ReferenceKind, string> = { municipality: 'gemeente', NL: 'Nederland', total: 'de focusgebieden samen' };
  for (const kind of requested) {
    const role = kind === 'municipality' ? 'municipality' : kind;
    if (!result.rows.some((r) => r.role === role)) referenceNotes.push(`${REF_NAME[kind]}: niet in het project`);
  }
  // For a count the municipality or the total is the sum of many areas: a line at 374.000 beside
  // bars of 35.000 compares nothing. Such references are named under the chart instead.
  const sums = indicator.aggregation === 'sum';
  const refRows = result.rows.filter((r) => {
    if (r.role === 'area') return false;
    const cell = r.cells[col];
    if (sums && r.role !== 'NL') {
      if (cell?.value != null) referenceNotes.push(`${refLabel(r)}: ${valueText(cell.value, unit)} (totaal, niet als lijn getekend)`);
      return false;
    }
    if (sums && r.role === 'NL') {
      if (cell?.value != null) referenceNotes.push(`Nederland: ${valueText(cell.value, unit)} (totaal, niet als lijn getekend)`);
      return false;
    }
    if (cell?.value == null) {
      referenceNotes.push(`${refLabel(r)}: ${cell ? missingText(cell) : 'geen cijfer'}`);
      return false;
    }
    return true;
  });
  const municipalities = refRows.filter((r) => r.role === 'municipality');
  const acrossRows = refRows.filter((r) => r.role !== 'municipality' || municipalities.length === 1);
  acrossRows.forEach((r, k) => {
    const v = r.cells[col]?.value;
    if (v === null || v === undefined) return;
    const label = `${refLabel(r)}: ${valueText(v, unit)}`;
    references.push({ label: refLabel(r), value: v });
    const colour = REF_COLOURS[r.role] ?? '#444';
    shapes.push({ type: 'line', xref: 'x', yref: 'paper', x0: v, x1: v, y0: 0, y1: 1, line: { color: colour, width: 1.5, dash: r.role === 'NL' ? 'dash' : r.role === 'total' ? 'dot' : 'dashdot' } });
    annotations.push({ x: v, y: 1, xref: 'x', yref: 'paper', yanchor: 'bottom', yshift: 2 + 15 * k, text: label, showarrow: false, font: { size: 11, color: colour }, xanchor: 'left', name: 'reference' });
  });
  if (municipalities.length > 1) {
    // Each bar's own municipality as a short mark on that bar.
    const byArea = new Map<string, number>();
    for (const m of municipalities) {
      const v = m.cells[col]?.value;
      if (v === null || v === undefined) continue;
      for (const code of m.referenceFor) byArea.set(code, v);
      references.push({ label: m.areaName, value: v });
    }
    const marked = ordered.filter((r) => byArea.has(r.areaCode));
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: 'Eigen gemeente',
      y: marked.map((r) => r.areaName),
      x: marked.map((r) => byArea.get(r.areaCode)),
      marker: { symbol: 'line-ns-open', size: 16, line: { width: 2.5, color: REF_COLOURS.municipality } },
      text: marked.map((r) => `${municipalities.find((m) => m.referenceFor.includes(r.areaCode))?.areaName ?? ''}: ${valueText(byArea.get(r.areaCode)!, unit)}`),
      hovertemplate: 'gemeente %{text}<extra></extra>',
      showlegend: true,
    });
  }
  const caption = `${indicator.name}, ${indicator.period ? periodLabel(indicator.period) : 'geen periode'}`;
  const allCells = [...drawn.map((r) => r.cells[col]!), ...refRows.map((r) => r.cells[col]!).filter(Boolean)];
  // The value axis spans the bars and the reference lines from zero, with a little room; the
  // values written beside the bars go into the right margin instead of stretching the axis (Plotly
  // pads its autorange by the text's width, which squeezes a narrow chart beside the grid to nothing).
  const ends = [0, ...cells.map((c) => c.value!), ...references.map((r) => r.value)];
  const lo = Math.min(...ends);
  const hi = Math.max(...ends);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.04;
  const title = opts.compact ? `${indicator.name}<br>(${axisTitle(indicator).slice(indicator.name.length + 2, -1)})` : axisTitle(indicator);
  const layout: PlotData = {
    barmode: 'overlay',
    xaxis: { title: { text: title, font: opts.compact ? { size: 11 } : undefined }, tickformat: ',~f', gridcolor: '#e6e8eb', zeroline: true, range: [lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0], automargin: true },
    yaxis: { automargin: true, categoryorder: 'array', categoryarray: names, ...(opts.compact ? { tickfont: { size: 11 } } : {}) },
    shapes,
    annotations,
    legend: { orientation: 'h', y: -0.12, x: 0 },
    margin: { l: 16, r: 70, t: 16 + 15 * acrossRows.length, b: 48 },
  };
  return { data, layout, caption, sourceLine: sourceLineOf(allCells, [result]), missing, references, referenceNotes, bars: drawn.length };
}
