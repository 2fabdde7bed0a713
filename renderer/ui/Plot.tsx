import Plotly, { type Data, type Layout } from 'plotly.js-dist-min';
import { drawing, purgeWhenDrawn } from './plotly-lifecycle';
import { useEffect, useMemo, useRef, useState } from 'react';
import { SaveChartButtons } from './ChartFigure';
import { ErrorPanel } from './StatusPanels';

const MARGIN = { l: 16, r: 24, t: 16, b: 40 };

/**
 * Plotly with the house defaults: Dutch separators, quiet colours, no mode bar clutter. With `save`,
 * buttons save the chart as PNG or SVG with that caption and source line inside the file.
 */
export function Plot({ data, layout, height = 360, label, save }: { data: Data[]; layout: Layout; height?: number; label: string; save?: { caption: string; sourceLine: string } }) {
  const [error, setError] = useState<unknown>(null);
  const spec = useMemo(() => (save ? { data, layout: { margin: MARGIN, ...layout }, height, caption: save.caption, sourceLine: save.sourceLine } : null), [data, layout, height, save]);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    void drawing(el, Plotly.react(
      el,
      data,
      {
        separators: ',.',
        height,
        margin: MARGIN,
        font: { family: 'Inter, "Segoe UI", Roboto, sans-serif', size: 13, color: '#1f2933' },
        paper_bgcolor: 'rgba(0,0,0,0)',
        plot_bgcolor: 'rgba(0,0,0,0)',
        ...layout,
      },
      { displaylogo: false, responsive: true, locale: 'nl', modeBarButtonsToRemove: ['lasso2d', 'select2d'] },
    ));
  }, [data, layout, height]);
  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) void purgeWhenDrawn(el, Plotly.purge);
    };
  }, []);
  const plot = <div ref={ref} className="plot" role="img" aria-label={label} />;
  if (!spec) return plot;
  return (
    <>
      <div className="plot-save">
        <SaveChartButtons chart={spec} onError={setError} />
      </div>
      {plot}
      {error !== null && <ErrorPanel error={error} />}
    </>
  );
}
