import Plotly from 'plotly.js-dist-min';
import { drawing, purgeWhenDrawn } from './plotly-lifecycle';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorPanel } from './StatusPanels';
import { chartImage, download } from './chart-export';
import { fileNameFor } from './chart-file';
import './chart-figure.css';

export interface ChartSpec {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
  caption: string;
  sourceLine: string;
  height: number;
}

/**
 * A chart with its caption above, its source line and notes under it, and buttons that save it as
 * PNG (print resolution) or SVG with the caption and source line in the file.
 */
export function ChartFigure({ chart, label, children, onWebglFailure }: { chart: ChartSpec; label: string; children?: ReactNode; onWebglFailure?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.setAttribute('data-render-start', String(performance.now()));
    void drawing(el, Plotly.react(
      el,
      chart.data,
      {
        separators: ',.',
        height: chart.height,
        font: { family: 'Inter, "Segoe UI", Roboto, sans-serif', size: 13, color: '#1f2933' },
        paper_bgcolor: 'rgba(0,0,0,0)',
        plot_bgcolor: 'rgba(0,0,0,0)',
        ...chart.layout,
      },
      { displaylogo: false, responsive: true, locale: 'nl', modeBarButtonsToRemove: ['lasso2d', 'select2d', 'toImage'] },
    )).then(() => {
      // Plotly replaces a WebGL trace it cannot draw by a notice; the caller then draws SVG instead.
      if (onWebglFailure && el.textContent?.includes('WebGL is not supported')) onWebglFailure();
      else el.setAttribute('data-painted', String(performance.now()));
    });
  }, [chart, onWebglFailure]);
  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) void purgeWhenDrawn(el, Plotly.purge);
    };
  }, []);
  return (
    <figure className="chart-figure">
      <div className="chart-head">
        <h2 className="chart-title">{chart.caption}</h2>
        <SaveChartButtons chart={chart} onError={setError} />
      </div>
      <div ref={ref} className="plot chart-plot" role="img" aria-label={label} />
      <figcaption className="source-line">{chart.sourceLine}</figcaption>
      {children}
      {error !== null && <ErrorPanel error={error} />}
    </figure>
  );
}

/**
 * "Opslaan als PNG" and "Opslaan als SVG": the chart as a file with its caption above and its source
 * line under it inside the image. Used by every chart that can go into a note (Grafieken,
 * Vergelijken, scenarios).
 */
export function SaveChartButtons({ chart, onError }: { chart: ChartSpec; onError: (error: unknown) => void }) {
  const save = (format: 'png' | 'svg'): void => {
    onError(null);
    chartImage(chart, format).then((url) => download(url, fileNameFor(chart.caption, format)), onError);
  };
  return (
    <div className="chart-actions">
      <button type="button" className="button" onClick={() => save('png')}>
        Opslaan als PNG
      </button>
      <button type="button" className="button" onClick={() => save('svg')}>
        Opslaan als SVG
      </button>
    </div>
  );
}
