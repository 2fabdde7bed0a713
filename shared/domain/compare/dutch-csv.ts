/**
 * CSV for Dutch Excel: ';' between fields, a decimal comma, UTF-8 with a BOM (so Excel reads the
 * accents), CRLF line ends. Numbers keep their full stored precision (no grouping, no rounding);
 * text that Excel would take for a formula (= + - @ at the start) is prefixed with a quote.
 */
export type CsvValue = string | number | boolean | null | undefined;

export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v).replace('.', ',') : '';
  let t = v;
  if (/^[=+\-@\t\r]/.test(t)) t = `'${t}`;
  return /[;"\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export function dutchCsv(headers: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [headers.map(csvField).join(';'), ...rows.map((r) => r.map(csvField).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
