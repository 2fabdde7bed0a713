import type { IndexResult } from '../../contract/composite';
import { type ChartText, type PlotData } from './chart-text';

export interface IndexChartModel extends ChartText {
  data: PlotData[];
  layout: PlotData;
  height: number;
}

const COLOURS = ['#1f5f8b', '#d9822b', '#3a8f5c', '#8c5aa8', '#b8463a', '#2a9d9d', '#a67c00', '#5d6d7e'];
const nl = (x: number): string => x.toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * The index as a stacked bar per area: each indicator's contribution a segment (left of zero pulls
 * the score down, right of zero up), the score as a diamond where the segments net out. Best on top.
 */
export function indexChart(r: IndexResult): IndexChartModel {
  const rows = [...r.rows].reverse();
  const names = rows.map((x) => `${x.rank}. ${x.areaName}`);
  const data: PlotData[] = r.stats
    .filter((s) => s.unusable === null)
    .map((s, k) => ({
      type: 'bar',
      orientation: 'h',
      name: `${s.indicatorName} (${Math.round(s.share * 100)}%${s.direction === 'higher_worse' ? ', hoger is slechter' : ''})`,
      y: names,
      x: rows.map((x) => x.contributions[s.indicatorCode] ?? null),
      marker: { color: COLOURS[k % COLOURS.length] },
      customdata: rows.map((x) => (x.zScores[s.indicatorCode] === undefined ? 'geen cijfer' : `z = ${nl(x.zScores[s.indicatorCode]!)}`)),
      hovertemplate: `%{y}<br>${s.indicatorName}: %{x:.2f} (%{customdata})<extra></extra>`,
    }));
  data.push({
    type: 'scatter',
    mode: 'markers+text',
    name: 'Score',
    y: names,
    x: rows.map((x) => x.score),
    text: rows.map((x) => nl(x.score)),
    textposition: 'middle right',
    cliponaxis: false,
    marker: { symbol: 'diamond', size: 11, color: '#111827', line: { color: '#ffffff', width: 1 } },
    hovertemplate: '%{y}: score %{text}<extra></extra>',
  });
  const reference = r.definition.reference === 'shown' ? 'de getoonde gebieden' : r.definition.reference === 'focus' ? 'de 20 focusgebieden' : `${r.referenceCount} gekozen gebieden`;
  const periods = [...new Set(r.stats.map((s) => s.period).filter((p): p is string => p !== null))];
  return {
    data,
    height: 140 + rows.length * 28,
    layout: {
      barmode: 'relative',
      xaxis: { title: { text: 'Bijdrage aan de score (gewogen z-score; hoger is beter)' }, zeroline: true, zerolinecolor: '#6b7280', gridcolor: '#e6e8eb' },
      yaxis: { automargin: true, categoryorder: 'array', categoryarray: names },
      legend: { orientation: 'h', y: 1.01, yanchor: 'bottom', x: 0 },
      margin: { l: 16, r: 60, t: 40, b: 56 },
    },
    caption: `Samengestelde index${r.viewName ? ` "${r.viewName}"` : ''}, ${periods.join('/') || r.period}`,
    sourceLine:
      `z-scores tegen ${reference} (populatie-standaardafwijking); gewichten ${r.stats.map((s) => `${s.indicatorCode} ${Math.round(s.share * 100)}%`).join(', ')}; ` +
      `ontbrekend cijfer: ${r.definition.missing === 'exclude' ? 'gebied weggelaten' : 'herwogen over de beschikbare indicatoren'}. Cijfers als in Vergelijken (compare.run).`,
  };
}
