import type { BriefingLayout, LaidCell } from './layout-schema';

/**
 * The two text renderers, pure so the builder's preview and clipboard use exactly what the files get:
 * CSV for Dutch Excel and an HTML table that pastes into Word.
 */

/** Text that a spreadsheet would run as a formula or DDE: `=`, `+`, `-`, `@`, tab, carriage return. */
export function isFormulaLike(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text) && text !== '-';
}

// ---- CSV

const csvQuote = (s: string): string => (/[;"\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s);

/** A text cell, made inert: a leading apostrophe keeps Excel from reading a formula. */
function csvText(s: string): string {
  return csvQuote(isFormulaLike(s) ? `'${s}` : s);
}

/** A number in Dutch notation without grouping, full precision: 1234.5 → "1234,5". */
export function csvNumber(v: number): string {
  return String(v).replace('.', ',');
}

/** Plain numeric cells carry the exact value, in the column's display unit (euro mln for money_mln). */
function csvCell(c: LaidCell, scale: number): string {
  if (c.value !== null && c.plain) return csvNumber(scale === 1 ? c.value : c.value / scale);
  return csvText(c.text);
}

export function renderCsv(layout: BriefingLayout): string {
  const scales = layout.columns.map((c) => c.scale);
  const lines: string[] = [];
  lines.push([layout.stubHeader, ...layout.columns.map((c) => c.header)].map(csvText).join(';'));
  for (const r of layout.rows) {
    lines.push([csvText(r.label), ...r.cells.map((c, i) => csvCell(c, scales[i] ?? 1))].join(';'));
  }
  lines.push('');
  lines.push(csvText(layout.title));
  if (layout.subtitle) lines.push(csvText(layout.subtitle));
  if (layout.unitHeading) lines.push(csvText(layout.unitHeading));
  for (const f of layout.footnotes) lines.push(csvText(`${f.marker} ${f.text}`));
  for (const l of layout.legend) lines.push(csvText(`${l.sign}  ${l.text}`));
  lines.push(csvText(layout.sourceLine));
  return `${lines.join('\r\n')}\r\n`;
}

// ---- HTML

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const FONT = 'font-family:Calibri,Arial,sans-serif;font-size:10pt';
const BORDER = 'border:1px solid #808080;padding:2pt 5pt';

/** Text that Excel must not read as a formula when the table is pasted there (mso-number-format text). */
function textStyle(s: string): string {
  return isFormulaLike(s) ? ";mso-number-format:'\\@'" : '';
}

/** A `<table>` with caption, formatted numbers, footnotes, legend and source line (in its tfoot). */
export function renderHtmlTable(layout: BriefingLayout): string {
  const n = layout.columns.length + 1;
  const out: string[] = [];
  out.push(`<table class="wv-briefing" style="border-collapse:collapse;${FONT}">`);
  const sub = layout.subtitle ? `<br><span style="font-weight:normal">${escapeHtml(layout.subtitle)}</span>` : '';
  out.push(`<caption style="text-align:left;font-weight:bold;padding-bottom:4pt">${escapeHtml(layout.title)}${sub}</caption>`);
  out.push('<thead>');
  if (layout.unitHeading) out.push(`<tr><th colspan="${n}" style="${BORDER};text-align:right;font-weight:normal;font-style:italic">${escapeHtml(layout.unitHeading)}</th></tr>`);
  out.push(
    `<tr><th style="${BORDER};text-align:left${textStyle(layout.stubHeader)}">${escapeHtml(layout.stubHeader)}</th>${layout.columns
      .map((c) => `<th style="${BORDER};text-align:right${textStyle(c.header)}">${escapeHtml(c.header)}</th>`)
      .join('')}</tr>`,
  );
  out.push('</thead>', '<tbody>');
  for (const r of layout.rows) {
    const weight = r.kind === 'data' ? '' : ';font-weight:bold';
    const label = `<td style="${BORDER}${weight}${textStyle(r.label)}">${escapeHtml(r.label)}</td>`;
    const cells = r.cells.map((c) => `<td style="${BORDER};text-align:${c.align}${weight}${c.value === null ? textStyle(c.text) : ''}">${escapeHtml(c.text)}</td>`);
    out.push(`<tr class="${r.kind}">${label}${cells.join('')}</tr>`);
  }
  out.push('</tbody>', '<tfoot>');
  const foot = (cls: string, text: string): string => `<tr class="${cls}"><td colspan="${n}" style="font-size:8pt;padding:1pt 0${textStyle(text)}">${escapeHtml(text)}</td></tr>`;
  for (const f of layout.footnotes) out.push(foot('footnote', `${f.marker} ${f.text}`));
  for (const l of layout.legend) out.push(foot('legend', `${l.sign}  ${l.text}`));
  out.push(foot('source', layout.sourceLine));
  out.push('</tfoot>', '</table>');
  return out.join('\n');
}

/** A whole HTML document around the table (the .html file; Word opens it as a document). */
export function renderHtmlDocument(layout: BriefingLayout): string {
  return `<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(layout.title)}</title>\n</head>\n<body>\n${renderHtmlTable(layout)}\n</body>\n</html>\n`;
}
