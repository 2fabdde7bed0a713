import type { CompareCell, CompareResult, CompareRow } from '../../contract/compare';
import { parsePeriod, periodLabel } from '../period';
import { axisTitle, sourceLineOf, valueText, type ChartText, type PlotData } from './chart-text';

export interface TrendChartModel extends ChartText {
  data: PlotData[];
  layout: PlotData;
  /** Where a line is broken because the area's boundaries changed: area name and period. */
  breaks: { areaName: string; period: string; note: string }[];
}

const LINE_COLOURS = ['#1f5f8b', '#d9822b', '#3a8f5c', '#8c5aa8', '#b8463a', '#5d6d7e', '#2a9d9d', '#a67c00'];
const REF_STYLE: Record<string, { color: string; dash: string }> = {
  NL: { color: '#6b7280', dash: 'dash' },
  total: { color: '#5b4a8b', dash: 'dot' },
  municipality: { color: '#2f7d4f', dash: 'dashdot' },
};

/** A boundary change, as compare says it: no delta and a note naming the changed division. */
function boundaryNote(note: string | null): boolean {
  return note !== null && /ind_wbi|indeling|afbakening|codering|gewijzigd/i.test(note);
}

/**
 * A line per area (and per reference) over the periods given — one comparison per period, each run
 * with `compareTo` the period before, so a boundary change between two periods shows: the line
 * breaks there and the chart says why. Missing figures are gaps, never zeros.
 */
export function trendChart(series: { period: string; result: CompareResult }[], indicatorCode: string): TrendChartModel {
  const sorted = [...series].sort((a, b) => (parsePeriod(a.period)?.yearEnd ?? 0) - (parsePeriod(b.period)?.yearEnd ?? 0));
  const first = sorted[0]?.result;
  const indicator = first?.indicators.find((i) => i.code === indicatorCode);
  if (!first || !indicator) throw new Error(`indicator ${indicatorCode} is not in the comparison`);
  const unit = indicator.unit;
  const rowKey = (r: CompareRow): string => `${r.role}:${r.areaCode}`;
  const keys = first.rows.map(rowKey);
  const breaks: TrendChartModel['breaks'] = [];
  const allCells: CompareCell[] = [];
  const data: PlotData[] = [];
  let colour = 0;
  for (const key of keys) {
    const xs: (number | null)[] = [];
    const ys: (number | null)[] = [];
    const texts: string[] = [];
    let row: CompareRow | undefined;
    for (const { period, result } of sorted) {
      const col = result.indicators.findIndex((i) => i.code === indicatorCode);
      const r = result.rows.find((x) => rowKey(x) === key);
      const cell = r?.cells[col];
      row ??= r;
      const year = parsePeriod(period)?.yearEnd ?? NaN;
      if (cell && boundaryNote(cell.deltaNote) && xs.length > 0) {
        // A null point between the two periods breaks the line at the change.
        xs.push(year - 0.5);
        ys.push(null);
        texts.push('');
        breaks.push({ areaName: r!.areaName, period, note: cell.deltaNote! });
      }
      xs.push(year);
      ys.push(cell?.value ?? null);
      texts.push(cell?.value !== null && cell?.value !== undefined ? `${valueText(cell.value, unit)} (${periodLabel(period)})` : `geen cijfer (${periodLabel(period)})`);
      if (cell) allCells.push(cell);
    }
    if (!row || ys.every((y) => y === null)) continue;
    const isRef = row.role !== 'area';
    const style = isRef ? REF_STYLE[row.role]! : { color: LINE_COLOURS[colour++ % LINE_COLOURS.length]!, dash: 'solid' };
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: row.role === 'NL' ? 'Nederland' : row.role === 'total' ? `${row.areaName} (samen)` : row.areaName,
      x: xs,
      y: ys,
      text: texts,
      connectgaps: false,
      line: { color: style.color, dash: style.dash, width: isRef ? 1.5 : 2.5 },
      marker: { size: isRef ? 5 : 7, color: style.color },
      hovertemplate: '%{fullData.name}: %{text}<extra></extra>',
    });
  }
  const years = sorted.map((s) => parsePeriod(s.period)?.yearEnd ?? NaN);
  const annotations = breaks.map((b, k) => ({
    x: (parsePeriod(b.period)?.yearEnd ?? 0) - 0.5,
    y: 1,
    xref: 'x',
    yref: 'paper',
    yanchor: 'bottom',
    yshift: 2 + 14 * k,
    text: `indeling gewijzigd (${b.areaName})`,
    showarrow: false,
    font: { size: 11, color: '#a14d12' },
  }));
  const shapes = [...new Set(breaks.map((b) => b.period))].map((p) => {
    const x = (parsePeriod(p)?.yearEnd ?? 0) - 0.5;
    return { type: 'line', xref: 'x', yref: 'paper', x0: x, x1: x, y0: 0, y1: 1, line: { color: '#a14d12', width: 1, dash: 'dot' } };
  });
  const layout: PlotData = {
    xaxis: { title: { text: 'Jaar' }, tickmode: 'array', tickvals: years, ticktext: sorted.map((s) => periodLabel(s.period)), gridcolor: '#e6e8eb' },
    yaxis: { title: { text: axisTitle(indicator) }, tickformat: ',~f', gridcolor: '#e6e8eb', rangemode: unit === 'percent' || unit === 'count' ? 'tozero' : 'normal', automargin: true },
    legend: { orientation: 'h', y: -0.18, x: 0 },
    annotations,
    shapes,
    margin: { l: 16, r: 24, t: 16 + 14 * breaks.length, b: 48 },
  };
  const span = sorted.length ? `${periodLabel(sorted[0]!.period)}–${periodLabel(sorted[sorted.length - 1]!.period)}` : '';
  return { data, layout, breaks, caption: `${indicator.name}, ${span}`, sourceLine: sourceLineOf(allCells, series.map((s) => s.result)) + (breaks.length ? ` Lijn onderbroken waar de gebiedsindeling veranderde.` : '') };
}
