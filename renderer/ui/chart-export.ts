import Plotly from 'plotly.js-dist-min';
import { exportFigure, PNG_SCALE, PRINT_WIDTH, type ExportableChart } from './chart-file';

/** Plotly renders the file (the browser's own SVG/canvas): the figure comes from chart-file. */
export async function chartImage(chart: ExportableChart, format: 'png' | 'svg'): Promise<string> {
  const fig = exportFigure(chart);
  const toImage = Plotly.toImage as unknown as (fig: unknown, opts: Record<string, unknown>) => Promise<string>;
  return toImage(fig, { format, width: PRINT_WIDTH, height: fig.layout.height as number, scale: format === 'png' ? PNG_SCALE : 1 });
}

export function download(dataUrl: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
