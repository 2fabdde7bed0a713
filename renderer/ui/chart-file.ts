/**
 * A chart as a file for a note: PNG at print resolution (1200 × h px at scale 3, about 300 dpi over
 * 10 cm) or SVG, with the caption as its title and the source line under it inside the image, so
 * the file says what it shows and where the figures came from wherever it is pasted.
 */
export const PRINT_WIDTH = 1200;
export const PNG_SCALE = 3;

export function wrapLine(text: string, width = 150): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('<br>');
}

export interface ExportableChart {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
  caption: string;
  sourceLine: string;
  height: number;
}

export function exportFigure(chart: ExportableChart): { data: Record<string, unknown>[]; layout: Record<string, unknown> } {
  const source = wrapLine(chart.sourceLine);
  const sourceLines = source.split('<br>').length;
  const margin = (chart.layout.margin as Record<string, number> | undefined) ?? {};
  const extraBottom = 30 + 16 * sourceLines;
  return {
    data: chart.data,
    layout: {
      ...chart.layout,
      separators: ',.',
      font: { family: 'Inter, "Segoe UI", Roboto, Arial, sans-serif', size: 13, color: '#1f2933' },
      paper_bgcolor: '#ffffff',
      plot_bgcolor: '#ffffff',
      width: PRINT_WIDTH,
      height: chart.height + 60 + extraBottom,
      title: { text: `<b>${chart.caption}</b>`, x: 0.01, xanchor: 'left', y: 0.995, yanchor: 'top', font: { size: 16 } },
      margin: { ...margin, l: Math.max(margin.l ?? 0, 16), t: (margin.t ?? 16) + 44, b: (margin.b ?? 40) + extraBottom },
      annotations: [
        ...((chart.layout.annotations as Record<string, unknown>[] | undefined) ?? []),
        { xref: 'paper', yref: 'paper', x: 0, y: 0, yanchor: 'top', xanchor: 'left', yshift: -((margin.b ?? 40) + 6), align: 'left', showarrow: false, text: source, font: { size: 11, color: '#5b6770' } },
      ],
    },
  };
}

export function fileNameFor(caption: string, format: 'png' | 'svg'): string {
  const base = caption
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .toLowerCase();
  return `${base || 'grafiek'}.${format}`;
}

