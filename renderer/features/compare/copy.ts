import type { CompareCell, CompareIndicator } from '../../../shared/contract/compare';
import { formatNl, SIGN_SYMBOL } from '../../../shared/domain/format';
import { periodLabel } from '../../../shared/domain/period';
import { NO_FIGURE, unitDigits, unitText } from './cell-format';
import type { GridRow, SpreadKind } from './grid-model';

/**
 * The grid as a table on the clipboard, twice: tab-separated text (Excel reads "12,5" and "374238"
 * as numbers under Dutch settings) and an HTML table (Word keeps it as a table; Excel takes the
 * exact stored number from x:num). Units live in the headers, so the cells stay numbers. A missing
 * figure is its CBS sign or "n.b.", never 0. Pure: unit-tested, and the e2e test reads the result.
 */

export interface CopyCell {
  text: string;
  /** The stored number behind a numeric cell (x:num in the HTML); null for text. */
  num: number | null;
}

export interface CopyTable {
  caption: string;
  headers: string[];
  /** Which columns are numeric (right-aligned). */
  numeric: boolean[];
  rows: CopyCell[][];
  notes: string[];
}

export interface CopyOptions {
  caption: string;
  delta: boolean;
  rank: boolean;
  spread: SpreadKind;
  shownCount: number;
}

const ROLE_TEXT: Record<GridRow['role'], string> = {
  area: 'gebied',
  municipality: 'gemeente',
  NL: 'land',
  total: 'totaal',
  spread: 'spreiding',
};

const STATUS_TEXT = { confirmed: 'bevestigd', proposal: 'te bevestigen', unknown: 'samenstelling onbekend' } as const;

/** Dutch digits for the HTML text (grouped, rounded for display). */
function shown(value: number, unit: string): string {
  const digits = unitDigits(unit, value);
  return formatNl(value, { decimals: digits, minDecimals: digits === 1 && !Number.isInteger(value) ? 1 : 0 });
}

/** The stored number with a decimal comma and no grouping: what Dutch Excel reads back exactly. */
export function tsvNumber(value: number): string {
  return formatNl(value, { grouping: false, decimals: 10 }).replace('−', '-');
}

function figure(cell: CompareCell): CopyCell {
  if (cell.value === null) {
    if (cell.low !== null && cell.high !== null) return { text: `${shown(cell.low, cell.unit)}–${shown(cell.high, cell.unit)}`, num: null };
    return { text: cell.sign && SIGN_SYMBOL[cell.sign] ? SIGN_SYMBOL[cell.sign] : NO_FIGURE, num: null };
  }
  if (cell.sign === 'nil') return { text: '-', num: null };
  const star = cell.sign === 'provisional' ? '*' : cell.sign === 'revised_provisional' ? '**' : '';
  return { text: `${shown(cell.value, cell.unit)}${star}`, num: cell.value };
}

function spreadCell(cell: CompareCell, kind: SpreadKind): CopyCell {
  const s = cell.spread;
  const lo = kind === 'minmax' ? s?.min : s?.p10;
  const hi = kind === 'minmax' ? s?.max : s?.p90;
  if (lo === null || lo === undefined || hi === null || hi === undefined) return { text: NO_FIGURE, num: null };
  return { text: `${shown(lo, cell.unit)} – ${shown(hi, cell.unit)}`, num: null };
}

const text = (t: string): CopyCell => ({ text: t, num: null });

export function buildCopyTable(rows: GridRow[], indicators: CompareIndicator[], opts: CopyOptions): CopyTable {
  const withStatus = rows.some((r) => r.compositionStatus !== null);
  const headers = ['Code', 'Gebied', 'Soort', ...(withStatus ? ['Samenstelling'] : [])];
  const numeric = headers.map(() => false);
  for (const ind of indicators) {
    const unit = ind.unit === 'count' ? '' : ` (${unitText(ind.unit)})`;
    headers.push(`${ind.name}${unit} ${ind.period ? periodLabel(ind.period) : ''}`.trim());
    numeric.push(true);
    if (opts.delta) {
      headers.push(`${ind.name}: verschil t.o.v. ${ind.comparePeriod ? periodLabel(ind.comparePeriod) : '—'}${ind.unit === 'percent' ? ' (%-punt)' : ''}`);
      numeric.push(true);
    }
    if (opts.rank) {
      headers.push(`${ind.name}: rang (van ${opts.shownCount})`);
      numeric.push(true);
    }
  }
  let aggregated = false;
  let proposals = false;
  let provisional = false;
  const out = rows.map((r) => {
    const line: CopyCell[] = [text(r.role === 'spread' || r.role === 'total' ? '' : r.areaCode), text(r.role === 'spread' ? `${r.areaName} (${opts.spread === 'minmax' ? 'laagste – hoogste' : 'P10 – P90'})` : r.areaName), text(ROLE_TEXT[r.role])];
    if (withStatus) line.push(text(r.compositionStatus ? STATUS_TEXT[r.compositionStatus] : ''));
    if (r.compositionStatus === 'proposal') proposals = true;
    r.cells.forEach((c) => {
      if (r.role === 'spread') {
        line.push(spreadCell(c, opts.spread));
        if (opts.delta) line.push(text(''));
        if (opts.rank) line.push(text(''));
        return;
      }
      if (c.aggregated && c.value !== null) aggregated = true;
      if (c.sign === 'provisional' || c.sign === 'revised_provisional') provisional = true;
      line.push(figure(c));
      if (opts.delta) line.push(c.delta === null ? text(c.value === null ? '' : NO_FIGURE) : { text: shown(c.delta, c.unit), num: c.delta });
      if (opts.rank) line.push(c.rank === null ? text('') : { text: String(c.rank), num: c.rank });
    });
    return line;
  });
  const notes: string[] = [];
  if (aggregated) notes.push('Cijfers van focusgebieden zonder eigen cijfer zijn berekend uit hun wijken en buurten: tellingen opgeteld, verhoudingen gewogen gemiddeld.');
  if (proposals) notes.push('Samenstelling "te bevestigen": de wijken en buurten van dit focusgebied zijn een voorstel uit openbare bronnen, nog niet bevestigd.');
  if (provisional) notes.push('* voorlopig cijfer, ** nader voorlopig cijfer (CBS).');
  notes.push(`Teken: . = onbekend, x = geheim, - = nihil, ${NO_FIGURE} = geen cijfer in de opslag.`);
  return { caption: opts.caption, headers, numeric, rows: out, notes };
}

/** Text that Excel would read as a formula gets a leading apostrophe (shown as text). */
function guard(t: string): string {
  const clean = t.replace(/[\t\r\n]+/g, ' ');
  return /^[=+@]/.test(clean) || /^-[^\d]/.test(clean) ? `'${clean}` : clean;
}

export function toTsv(t: CopyTable): string {
  const lines = [t.headers.map(guard).join('\t')];
  for (const row of t.rows) lines.push(row.map((c) => (c.num !== null ? tsvNumber(c.num) : guard(c.text))).join('\t'));
  return `${lines.join('\r\n')}\r\n`;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function toHtml(t: CopyTable): string {
  const head = t.headers.map((h, i) => `<th style="text-align:${t.numeric[i] ? 'right' : 'left'};border-bottom:1px solid #000;padding:2px 6px">${esc(h)}</th>`).join('');
  const body = t.rows
    .map((row) => `<tr>${row.map((c, i) => (c.num !== null ? `<td x:num="${c.num}" style="text-align:right;padding:2px 6px">${esc(c.text)}</td>` : `<td style="text-align:${t.numeric[i] ? 'right' : 'left'};padding:2px 6px;mso-number-format:'\\@'">${esc(c.text)}</td>`)).join('')}</tr>`)
    .join('');
  const notes = t.notes.map((n) => `<p style="font-size:9pt;margin:2px 0">${esc(n)}</p>`).join('');
  return `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body><table style="border-collapse:collapse;font-family:Calibri,Arial,sans-serif;font-size:10pt"><caption style="text-align:left;font-weight:bold">${esc(t.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${notes}</body></html>`;
}
