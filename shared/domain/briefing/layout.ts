import { SIGN_SYMBOL, SIGN_TEXT } from '../format/figure';
import { columnNumFmt, displayedValue, figureCell, headerUnit } from './cell-format';
import type { BriefingLayout, DisclosureFlag, LaidCell, LaidRow } from './layout-schema';
import type { BriefingCell, BriefingColumn, BriefingFigure, BriefingRow, BriefingTable, RoundingRule } from './schema';
import { sourceLine } from './source-line';

/**
 * From the model (exact values) to what a reader sees: rounding per column, a shared unit in the
 * heading, totals from exact values (with a footnote when rounded parts do not add up), the
 * disclosure check, the legend of CBS signs used, and the source line of the figures shown.
 */

const SUMMABLE: RoundingRule['kind'][] = ['count', 'money_mln', 'euro'];
const TEXT_WIDTH_MAX = 60;

const ROUNDING_NOTE = 'Door afronding tellen de cijfers niet altijd op tot het totaal; het totaal is berekend uit de onafgeronde cijfers.';

function figureOf(cell: BriefingCell | null | undefined): BriefingFigure | null {
  return cell && 'figure' in cell ? cell.figure : null;
}

/** Counts at neighbourhood level below the threshold (but above nil) are small enough to identify people. */
function isSmallCount(row: BriefingRow, col: BriefingColumn, f: BriefingFigure, threshold: number): boolean {
  if (row.level !== 'neighbourhood' || row.kind !== 'data') return false;
  const isCount = col.rule.kind === 'count' || (col.rule.kind === 'auto' && f.unit === 'count') || (col.rule.kind === 'number' && f.unit === 'count');
  return isCount && f.value !== null && f.value > 0 && f.value < threshold;
}

/** The total row the table asks for, from the exact values of its data rows. */
function computedTotal(table: BriefingTable): BriefingRow | null {
  if (!table.total || table.rows.some((r) => r.kind === 'total')) return null;
  const data = table.rows.filter((r) => r.kind === 'data');
  const cells: BriefingRow['cells'] = {};
  for (const col of table.columns) {
    if (!SUMMABLE.includes(col.rule.kind)) continue;
    const figures = data.map((r) => figureOf(r.cells[col.id]));
    if (figures.length === 0 || figures.some((f) => f === null)) continue;
    const parts = figures as BriefingFigure[];
    const sources = [...new Set(parts.flatMap((f) => f.sources))];
    const unit = parts[0]?.unit ?? col.unit ?? 'count';
    const known = parts.every((f) => f.value !== null || f.sign === 'nil');
    cells[col.id] = {
      figure: {
        value: known ? parts.reduce((sum, f) => sum + (f.value ?? 0), 0) : null,
        low: null,
        high: null,
        qualifier: known && parts.some((f) => f.qualifier === 'about') ? 'about' : null,
        sign: known ? null : 'unknown',
        unit,
        period: parts[0]?.period ?? null,
        sources,
      },
    };
  }
  return { id: '__total__', kind: 'total', label: table.total.label, level: null, cells, markers: [] };
}

/** Columns whose rounded parts do not add up to the rounded total. */
function roundingMismatch(table: BriefingTable, rows: BriefingRow[]): boolean {
  const total = rows.find((r) => r.kind === 'total');
  if (!total) return false;
  const data = rows.filter((r) => r.kind === 'data');
  return table.columns.some((col) => {
    if (!SUMMABLE.includes(col.rule.kind)) return false;
    const t = figureOf(total.cells[col.id]);
    const parts = data.map((r) => figureOf(r.cells[col.id]));
    if (!t || t.value === null || parts.length === 0 || parts.some((p) => !p || p.value === null)) return false;
    const sum = parts.reduce((s, p) => s + displayedValue((p as BriefingFigure).value as number, col.rule, p?.unit ?? ''), 0);
    return Math.abs(sum - displayedValue(t.value, col.rule, t.unit)) > 1e-9 * Math.max(1, Math.abs(sum));
  });
}

function nextMarker(used: string[]): () => string {
  let n = Math.max(0, ...used.map((m) => Number.parseInt(m, 10)).filter((x) => Number.isFinite(x)));
  return () => `${++n})`;
}

const textWidth = (s: string): number => Math.min(TEXT_WIDTH_MAX, Math.max(...s.split('\n').map((l) => l.length)));

export function layoutBriefing(table: BriefingTable): BriefingLayout {
  const threshold = table.disclosure.threshold;
  const figureColumns = table.columns.filter((c) => c.unit !== null || c.rule.kind !== 'auto');
  const shared = figureColumns.length > 0 && figureColumns.every((c) => c.rule.kind === 'money_mln');
  const unitHeading = shared ? 'Bedragen × € 1 mln' : null;

  const total = computedTotal(table);
  const rows = total ? [...table.rows, total] : table.rows;
  const marker = nextMarker(table.footnotes.map((f) => f.marker));
  const footnotes = [...table.footnotes];
  const extraMarkers = new Map<string, string[]>();
  if (roundingMismatch(table, rows)) {
    const m = marker();
    footnotes.push({ marker: m, text: ROUNDING_NOTE });
    for (const r of rows.filter((r) => r.kind === 'total')) extraMarkers.set(r.id, [m]);
  }

  const flags: DisclosureFlag[] = [];
  const signs = new Set<string>();
  const sourceKeys = new Set(table.sources.filter((s) => s.always).map((s) => s.key));
  let suppressedAny = false;

  const headers = table.columns.map((c) => {
    const unit = shared ? null : headerUnit(c.rule, c.unit);
    return unit && !c.label.includes(`(${unit})`) ? `${c.label} (${unit})` : c.label;
  });

  const laidRows: LaidRow[] = rows.map((row) => {
    const markers = [...row.markers, ...(extraMarkers.get(row.id) ?? [])];
    const label = markers.length > 0 ? `${row.label} ${markers.join(' ')}` : row.label;
    if (row.kind === 'group') {
      return { id: row.id, kind: row.kind, label, cells: table.columns.map(() => ({ text: '', value: null, numFmt: null, align: 'left' as const, flagged: false, plain: false })) };
    }
    const cells: LaidCell[] = table.columns.map((col, ci) => {
      const cell = row.cells[col.id];
      if (!cell) return { text: '', value: null, numFmt: null, align: col.unit === null && col.rule.kind === 'auto' ? 'left' : 'right', flagged: false, plain: false };
      if ('text' in cell) return { text: cell.text, value: null, numFmt: null, align: 'left', flagged: false, plain: false };
      const f = cell.figure;
      for (const k of f.sources) sourceKeys.add(k);
      const flagged = isSmallCount(row, col, f, threshold);
      if (flagged) flags.push({ rowId: row.id, rowLabel: row.label, columnId: col.id, columnHeader: headers[ci] as string, value: f.value as number });
      const suppress = flagged && table.disclosure.suppress;
      if (suppress) suppressedAny = true;
      const laid = figureCell(f, col.rule, { suppress, flagged });
      if (!suppress && f.sign && f.sign !== 'less_than_half_unit' && f.sign !== 'cannot_occur') signs.add(f.sign);
      return laid;
    });
    return { id: row.id, kind: row.kind, label, cells };
  });
  // An empty cell for a missing figure reads as "." (unknown), as in CBS tables, never as zero.
  for (const r of laidRows) {
    if (r.kind !== 'data') continue;
    for (const c of r.cells) if (c.align === 'right' && c.text === '') c.text = SIGN_SYMBOL.unknown;
  }
  if (laidRows.some((r) => r.cells.some((c) => c.text === SIGN_SYMBOL.unknown))) signs.add('unknown');

  const legend: BriefingLayout['legend'] = [];
  for (const sign of ['unknown', 'secret', 'nil', 'provisional', 'revised_provisional'] as const) {
    const suppressedHere = sign === 'secret' && suppressedAny;
    if (!signs.has(sign) && !suppressedHere) continue;
    let text = SIGN_TEXT[sign];
    if (suppressedHere) {
      text = `Geheim (CBS-teken x): aantallen kleiner dan ${threshold} op buurtniveau zijn niet getoond om herleidbaarheid te voorkomen${total ? '; totalen zijn berekend met de niet-getoonde aantallen' : ''}.`;
      if (signs.has('secret')) text += ' Ook cijfers die de bron geheim hield.';
    }
    legend.push({ sign: SIGN_SYMBOL[sign], text });
  }

  const cited = table.sources.filter((s) => sourceKeys.has(s.key));
  const stubWidth = Math.max(10, textWidth(table.stubHeader), ...laidRows.map((r) => textWidth(r.label))) + 2;
  const columns = table.columns.map((col, ci) => ({
    id: col.id,
    header: headers[ci] as string,
    numFmt: columnNumFmt(col.rule),
    scale: col.rule.kind === 'money_mln' ? 1e6 : 1,
    width: Math.max(8, textWidth(headers[ci] as string), ...laidRows.map((r) => textWidth(r.cells[ci]?.text ?? ''))) + 2,
  }));

  return {
    title: table.number !== null ? `Tabel ${table.number}. ${table.caption}` : table.caption,
    subtitle: table.subtitle,
    unitHeading,
    stubHeader: table.stubHeader,
    stubWidth,
    columns,
    rows: laidRows,
    footnotes,
    legend,
    sourceLine: sourceLine(cited),
    sourceKeys: cited.map((s) => s.key),
    disclosure: { threshold, suppressed: table.disclosure.suppress, flags },
  };
}
