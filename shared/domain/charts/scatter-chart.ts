import type { CompareResult } from '../../contract/compare';
import { axisTitle, sourceLineOf, valueText, type ChartText, type PlotData } from './chart-text';
import { periodLabel } from '../period';

export interface ScatterChartModel extends ChartText {
  data: PlotData[];
  layout: PlotData;
  points: number;
  /** Areas left out because one of the two figures is missing. */
  missing: { areaCode: string; areaName: string }[];
}

/** Above this many points labels go to the hover only and WebGL draws them (17,000 buurten). */
export const LABEL_LIMIT = 80;
const GL_FROM = 1000;

/**
 * One point per area for two indicators (x, y), optionally sized by a third (population: marker
 * area proportional to it). References (Nederland, the total) as crosshair lines.
 */
export function scatterChart(result: CompareResult, xCode: string, yCode: string, sizeCode?: string, opts: { webgl?: boolean } = {}): ScatterChartModel {
  const xi = result.indicators.findIndex((i) => i.code === xCode);
  const yi = result.indicators.findIndex((i) => i.code === yCode);
  const si = sizeCode ? result.indicators.findIndex((i) => i.code === sizeCode) : -1;
  const xInd = result.indicators[xi];
  const yInd = result.indicators[yi];
  if (!xInd || !yInd) throw new Error('both indicators must be in the comparison');
  const areas = result.rows.filter((r) => r.role === 'area');
  const drawn = areas.filter((r) => r.cells[xi]?.value != null && r.cells[yi]?.value != null);
  const missing = areas.filter((r) => !drawn.includes(r)).map((r) => ({ areaCode: r.areaCode, areaName: r.areaName }));
  const sizes = si >= 0 ? drawn.map((r) => r.cells[si]?.value ?? null) : [];
  const maxSize = Math.max(1, ...sizes.filter((s): s is number => s !== null));
  const labelled = drawn.length <= LABEL_LIMIT;
  const data: PlotData[] = [
    {
      // WebGL where the machine has it (a VM or locked-down workstation may not): SVG otherwise.
      type: drawn.length >= GL_FROM && opts.webgl !== false ? 'scattergl' : 'scatter',
      mode: labelled ? 'markers+text' : 'markers',
      name: 'Gebieden',
      x: drawn.map((r) => r.cells[xi]!.value),
      y: drawn.map((r) => r.cells[yi]!.value),
      text: drawn.map((r) => r.areaName),
      textposition: 'top center',
      textfont: { size: 10, color: '#37434e' },
      customdata: drawn.map((r) => `${valueText(r.cells[xi]!.value!, xInd.unit)} · ${valueText(r.cells[yi]!.value!, yInd.unit)}${si >= 0 && r.cells[si]?.value != null ? ` · ${valueText(r.cells[si]!.value!, result.indicators[si]!.unit)} ${result.indicators[si]!.name.toLowerCase()}` : ''}`),
      hovertemplate: '%{text}<br>%{customdata}<extra></extra>',
      marker: {
        color: drawn.map((r) => (r.cells[xi]!.aggregated || r.cells[yi]!.aggregated ? '#6f9fc4' : '#1f5f8b')),
        opacity: drawn.length > 2000 ? 0.5 : 0.85,
        size: si >= 0 ? sizes.map((s) => (s === null ? 4 : 6 + 30 * Math.sqrt(s / maxSize))) : drawn.length > 2000 ? 4 : 9,
        line: { width: drawn.length > 2000 ? 0 : 0.5, color: '#ffffff' },
      },
      showlegend: false,
    },
  ];
  const shapes: PlotData[] = [];
  const annotations: PlotData[] = [];
  for (const r of result.rows.filter((x) => x.role === 'NL' || x.role === 'total')) {
    const xv = r.cells[xi]?.value;
    const yv = r.cells[yi]?.value;
    const label = r.role === 'NL' ? 'Nederland' : `${r.areaName} (samen)`;
    const colour = r.role === 'NL' ? '#c2571a' : '#5b4a8b';
    if (xv != null) shapes.push({ type: 'line', xref: 'x', yref: 'paper', x0: xv, x1: xv, y0: 0, y1: 1, line: { color: colour, width: 1, dash: 'dash' } });
    if (yv != null) shapes.push({ type: 'line', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: yv, y1: yv, line: { color: colour, width: 1, dash: 'dash' } });
    if (xv != null && yv != null) annotations.push({ x: xv, y: yv, text: label, showarrow: true, arrowhead: 0, ax: 30, ay: -20, font: { size: 11, color: colour } });
  }
  const layout: PlotData = {
    xaxis: { title: { text: axisTitle(xInd) }, tickformat: ',~f', gridcolor: '#e6e8eb', zeroline: false },
    yaxis: { title: { text: axisTitle(yInd) }, tickformat: ',~f', gridcolor: '#e6e8eb', zeroline: false, automargin: true },
    shapes,
    annotations,
    hovermode: 'closest',
    margin: { l: 16, r: 24, t: 16, b: 56 },
  };
  const period = [xInd.period, yInd.period].filter((p): p is string => p !== null).map(periodLabel);
  const cells = drawn.flatMap((r) => [r.cells[xi]!, r.cells[yi]!]);
  return {
    data,
    layout,
    points: drawn.length,
    missing,
    caption: `${yInd.name} tegen ${xInd.name.toLowerCase()}${period.length ? `, ${[...new Set(period)].join('/')}` : ''}${si >= 0 ? ` (grootte: ${result.indicators[si]!.name.toLowerCase()})` : ''}`,
    sourceLine: sourceLineOf(cells, [result]),
  };
}
