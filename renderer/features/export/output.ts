import type { BriefingSpecInput } from '../../../shared/domain/briefing';
import { renderHtmlTable, type BriefingLayout } from '../../../shared/domain/briefing';
import { call, getTransport } from '../../api/client';

export type Format = 'xlsx' | 'csv' | 'html';

/**
 * Getting the table out: the desktop app asks where to save (a dialog in main); the web shell
 * downloads the bytes the services made (through the contract, so the token and loopback rules of
 * every other call apply). Returns a Dutch line for the notice, or null when cancelled.
 */
export async function saveExport(spec: BriefingSpecInput, format: Format): Promise<string | null> {
  if (getTransport().kind === 'electron') {
    const { written } = await call('export.saveAs', { spec, format });
    return written ? `Opgeslagen: ${written.file}` : null;
  }
  const file = await call('export.file', { spec, format });
  const bytes = Uint8Array.from(atob(file.base64), (ch) => ch.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return `Gedownload: ${file.fileName}`;
}

/** The table on the clipboard as HTML (Word pastes a formatted table) and as plain text. */
export async function copyForWord(layout: BriefingLayout): Promise<void> {
  const html = renderHtmlTable(layout);
  const text = [
    layout.title,
    [layout.stubHeader, ...layout.columns.map((c) => c.header)].join('\t'),
    ...layout.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)].join('\t')),
    ...layout.footnotes.map((f) => `${f.marker} ${f.text}`),
    ...layout.legend.map((l) => `${l.sign}  ${l.text}`),
    layout.sourceLine,
  ].join('\n');
  await navigator.clipboard.write([
    new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) }),
  ]);
}
