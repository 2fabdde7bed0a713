import Plotly, { type Data, type Layout } from 'plotly.js-dist-min';
import { useEffect, useRef } from 'react';

/** Plotly with the house defaults: Dutch separators, quiet colours, no mode bar clutter. */
export function Plot({ data, layout, height = 360, label }: { data: Data[]; layout: Layout; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    void Plotly.react(
      el,
      data,
      {
        separators: ',.',
        height,
        margin: { l: 16, r: 24, t: 16, b: 40 },
        font: { family: 'Inter, "Segoe UI", Roboto, sans-serif', size: 13, color: '#1f2933' },
        paper_bgcolor: 'rgba(0,0,0,0)',
        plot_bgcolor: 'rgba(0,0,0,0)',
        ...layout,
      },
      { displaylogo: false, responsive: true, locale: 'nl', modeBarButtonsToRemove: ['lasso2d', 'select2d'] },
    );
  }, [data, layout, height]);
  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) Plotly.purge(el);
    };
  }, []);
  return <div ref={ref} className="plot" role="img" aria-label={label} />;
}
