import type { CompareCell, CompareResult } from '../../contract/compare';
import { axisTitle, sourceLineOf, valueText, type ChartText, type PlotData } from './chart-text';

export interface SpreadChartModel extends ChartText {
  data: PlotData[];
  layout: PlotData;
  height: number;
}

/**
 * Each focus area beside the programme total, per indicator: a dot per area on the indicator's own
 * axis, the total as a diamond, the P10–P90 band of the areas behind them — the picture of "the
 * total averages the areas out". One strip per indicator, each with its own scale and unit.
 */
export function spreadChart(result: CompareResult, indicatorCodes?: string[]): SpreadChartModel {
  const cols = result.indicators.map((ind, i) => ({ ind, i })).filter(({ ind }) => !indicatorCodes || indicatorCodes.includes(ind.code));
  const areas = result.rows.filter((r) => r.role === 'area');
  const total = result.rows.find((r) => r.role === 'total');
  const n = cols.length;
  const gap = 0.06;
  const band = n ? (1 - gap * (n - 1)) / n : 1;
  const data: PlotData[] = [];
  const shapes: PlotData[] = [];
  const layout: PlotData = { showlegend: true, legend: { orientation: 'h', y: -0.08, x: 0 }, margin: { l: 16, r: 24, t: 12, b: 40 }, hovermode: 'closest' };
  const cells: CompareCell[] = [];
  cols.forEach(({ ind, i }, k) => {
    const ax = k === 0 ? '' : String(k + 1);
    const top = 1 - k * (band + gap);
    layout[`xaxis${ax}`] = { anchor: `y${ax}`, title: { text: axisTitle(ind), standoff: 4, font: { size: 12 } }, tickformat: ',~f', gridcolor: '#e6e8eb', zeroline: false };
    layout[`yaxis${ax}`] = { domain: [Math.max(0, top - band), top], anchor: `x${ax}`, showticklabels: false, range: [-1, 1], fixedrange: true };
    const withValue = areas.filter((r) => r.cells[i]?.value != null);
    cells.push(...withValue.map((r) => r.cells[i]!));
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: 'Focusgebied',
      legendgroup: 'areas',
      showlegend: k === 0,
      xaxis: `x${ax}`,
      yaxis: `y${ax}`,
      x: withValue.map((r) => r.cells[i]!.value),
      // A small fixed offset per area (its order) keeps equal values apart without random jitter.
      y: withValue.map((_, j) => ((j % 5) - 2) * 0.12),
      text: withValue.map((r) => `${r.areaName}: ${valueText(r.cells[i]!.value!, ind.unit)}`),
      hovertemplate: '%{text}<extra></extra>',
      marker: { size: 9, color: 'rgba(31,95,139,0.75)', line: { width: 0.5, color: '#ffffff' } },
    });
    const t = total?.cells[i];
    if (t?.spread && t.spread.p10 !== null && t.spread.p90 !== null) {
      shapes.push({ type: 'rect', xref: `x${ax}`, yref: `y${ax}`, x0: t.spread.p10, x1: t.spread.p90, y0: -0.55, y1: 0.55, fillcolor: 'rgba(91,74,139,0.10)', line: { width: 0 } });
    }
    if (t && t.value !== null) {
      cells.push(t);
      data.push({
        type: 'scatter',
        mode: 'markers',
        name: `${total!.areaName} (samen)`,
        legendgroup: 'total',
        showlegend: k === 0,
        xaxis: `x${ax}`,
        yaxis: `y${ax}`,
        x: [t.value],
        y: [0],
        text: [`${total!.areaName} (samen): ${valueText(t.value, ind.unit)}${t.spread ? ` · P10–P90 van ${t.spread.n} gebieden` : ''}`],
        hovertemplate: '%{text}<extra></extra>',
        marker: { symbol: 'diamond', size: 15, color: '#5b4a8b', line: { width: 1, color: '#ffffff' } },
      });
    }
  });
  layout.shapes = shapes;
  const height = 60 + n * 110;
  return {
    data,
    layout,
    height,
    caption: `Spreiding van de focusgebieden rond het programmatotaal (${n} indicator${n === 1 ? '' : 'en'})`,
    sourceLine: sourceLineOf(cells, [result]) + ' Band: 10e tot 90e percentiel van de focusgebieden.',
  };
}
