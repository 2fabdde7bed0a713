import { useMemo } from 'react';
import type { Observation } from '../../../shared/contract/model';
import { formatFigure } from '../../../shared/domain/format/figure';
import { Plot } from '../../ui/Plot';

const ACCENT = '#1f5f8b';
const RANGE = '#e08a2e';

/**
 * The letter's housing and participation counts as bars. A range (30.000–40.000 households) is a
 * floating, hatched bar from low to high — never a single made-up midpoint; "ca."/"bijna" stay in
 * the label.
 */
export function ProgrammeChart({ figures }: { figures: Observation[] }) {
  const counts = useMemo(
    () => figures.filter((f) => f.unit === 'count' && (f.value ?? f.high ?? 0) >= 100).sort((a, b) => (a.value ?? a.high ?? 0) - (b.value ?? b.high ?? 0)),
    [figures],
  );
  const data = useMemo(() => {
    const points = counts.filter((f) => f.value !== null);
    const ranges = counts.filter((f) => f.value === null && f.low !== null && f.high !== null);
    return [
      {
        type: 'bar',
        orientation: 'h',
        name: 'Aantal',
        y: points.map((f) => wrap(f.indicatorName)),
        x: points.map((f) => f.value),
        text: points.map((f) => formatFigure(f)),
        textposition: 'outside',
        cliponaxis: false,
        marker: { color: ACCENT },
        hovertemplate: '%{y}: %{text}<extra></extra>',
      },
      {
        type: 'bar',
        orientation: 'h',
        name: 'Bandbreedte (laag–hoog)',
        y: ranges.map((f) => wrap(f.indicatorName)),
        base: ranges.map((f) => f.low),
        x: ranges.map((f) => (f.high ?? 0) - (f.low ?? 0)),
        text: ranges.map((f) => formatFigure(f)),
        textposition: 'outside',
        cliponaxis: false,
        marker: { color: 'rgba(224,138,46,0.35)', line: { color: RANGE, width: 1.5 }, pattern: { shape: '/', fgcolor: RANGE } },
        hovertemplate: '%{y}: %{text}<extra>bandbreedte</extra>',
      },
    ];
  }, [counts]);
  const layout = useMemo(
    () => ({
      barmode: 'overlay',
      showlegend: true,
      legend: { orientation: 'h', y: -0.12, x: 0 },
      xaxis: { tickformat: ',d', tickangle: 0, gridcolor: '#e6e8eb', zeroline: true, range: [0, Math.max(...counts.map((f) => f.high ?? f.value ?? 0)) * 1.25] },
      yaxis: { automargin: true, categoryorder: 'array', categoryarray: counts.map((f) => wrap(f.indicatorName)) },
      margin: { l: 16, r: 24, t: 8, b: 48 },
    }),
    [counts],
  );
  return <Plot data={data} layout={layout} height={90 + counts.length * 52} label="Programmacijfers: aantallen uit de Kamerbrief" />;
}

/** Break long indicator names over lines so the bars keep their room. */
function wrap(label: string, width = 42): string {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join('<br>');
}
