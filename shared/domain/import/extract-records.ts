import { parseCell } from '../numbers/parse-cell';
import type { ColumnContext, ParsedCell } from '../numbers/parsed-cell';
import { periodFromCell } from './detect-period';
import type { Grid, GridCell } from './grid';
import type { ImportPlan, MeasurePlan } from './import-plan';
import { areaLabel, type AreaResolver, type ResolvedArea } from './resolve-areas';

/**
 * Walks a sheet with a plan and yields every figure with the cell it came from, its area, period
 * and parsed value — the one walk the preview (problems, counts) and the commit both use, so what
 * is previewed is exactly what is written. Before a row's (or, transposed, a column's) figures
 * comes one `area` event naming the area and where it was read.
 */
export interface AreaEvent {
  kind: 'area';
  /** Where the area is named (the code cell, else the name cell). */
  r: number;
  c: number;
  area: ResolvedArea;
  /** The area as written (code, else name), for messages and the analyst's choices. */
  label: string;
  /** Whether the label is a code; the name written beside it, if any. */
  isCode: boolean;
  name: string | null;
  period: string | null;
  /** Raw period text that could not be read as a period. */
  badPeriod?: string;
  dimension: string;
}

export interface FigureRecord {
  kind: 'figure';
  r: number;
  c: number;
  raw: string;
  parsed: ParsedCell;
  measure: number;
  area: ResolvedArea;
  period: string | null;
  provisionalPeriod: boolean;
  dimension: string;
}

export type ExtractEvent = AreaEvent | FigureRecord;

function contextFor(plan: ImportPlan, m: MeasurePlan): ColumnContext {
  const dec = m.decimalSeparator ?? plan.decimalSeparator;
  return {
    ...(dec ? { decimalSeparator: dec } : {}),
    ...(m.scale !== 1 ? { scale: m.scale } : {}),
    zeroIsLessThanHalfUnit: plan.conventions.zeroIsLessThanHalfUnit,
    emptyMeans: plan.conventions.emptyMeans,
  };
}

function rowIsEmpty(grid: Grid, r: number, from: number, to: number): boolean {
  for (let c = from; c <= to; c++) {
    const cell = grid.cell(r, c);
    if (cell.value !== undefined || cell.text.trim() !== '') return false;
  }
  return true;
}

function rowPeriod(grid: Grid, plan: ImportPlan, r: number): { period: string | null; bad?: string } {
  const p = plan.period;
  if (p.source === 'fixed') return { period: p.period };
  if (p.source !== 'column') return { period: null };
  const text = grid.cell(r, p.column).text.trim();
  const read = periodFromCell(text);
  return read ? { period: read.period } : { period: null, bad: text };
}

function areaKey(grid: Grid, plan: ImportPlan, r: number): { code: string | number | null; name: string | null; c: number } {
  const { codeColumn, nameColumn } = plan.area;
  const codeCell = codeColumn !== undefined ? grid.cell(r, codeColumn) : undefined;
  const code = codeCell ? (codeCell.value ?? (codeCell.text.trim() || null)) : null;
  const name = nameColumn !== undefined ? grid.cell(r, nameColumn).text.trim() || null : null;
  return { code, name, c: code !== null || nameColumn === undefined ? (codeColumn ?? 0) : nameColumn };
}

/**
 * The cell as it stood: its text — but a workbook number shown as a percentage ("0.9%") keeps its
 * stored value too ("0.9% = 0.0092"), since the figure (0.92) is computed from the value, not the text.
 */
function rawText(cell: GridCell): string {
  const text = cell.text;
  // indexOf first: this runs for every figure of a national import.
  if (cell.value === undefined || text.indexOf('%') < 0) return text;
  return /%\s*$/.test(text) ? `${text} = ${cell.value}` : text;
}

export function* extractRecords(grid: Grid, plan: ImportPlan, areas: AreaResolver): Generator<ExtractEvent> {
  const { region } = plan;
  const contexts = plan.measures.map((m) => contextFor(plan, m));
  const figure = (r: number, c: number, measure: number, area: ResolvedArea, period: string | null, dimension: string): FigureRecord => {
    const cell = grid.cell(r, c);
    const m = plan.measures[measure] as MeasurePlan;
    const headerPeriod = plan.period.source === 'header' || (period === null && m.period) ? (m.period ?? null) : null;
    return {
      kind: 'figure', r, c, raw: rawText(cell), parsed: parseCell(cell, contexts[measure]), measure, area,
      period: headerPeriod ?? period, provisionalPeriod: headerPeriod !== null && (m.provisional ?? false), dimension,
    };
  };

  if (plan.layout === 'transposed' && plan.transposed) {
    for (const c of plan.transposed.areaColumns) {
      const code = plan.area.codeRow !== undefined ? grid.cell(plan.area.codeRow, c).text.trim() || null : null;
      const name = plan.area.nameRow !== undefined ? grid.cell(plan.area.nameRow, c).text.trim() || null : null;
      const area = areas.resolve(code, name);
      const period = plan.period.source === 'fixed' ? plan.period.period : null;
      yield { kind: 'area', r: plan.area.codeRow ?? plan.area.nameRow ?? 0, c, area, label: code ?? name ?? '', isCode: code !== null, name, period, dimension: '' };
      if (area.kind === 'skip') continue;
      for (let i = 0; i < plan.measures.length; i++) {
        const m = plan.measures[i] as MeasurePlan;
        if (m.include && m.row !== undefined) yield figure(m.row, c, i, area, period, '');
      }
    }
    return;
  }
  if (plan.layout !== 'wide' && plan.layout !== 'long') return;

  const byVariable = new Map(plan.measures.map((m, i) => [m.key, i]));
  for (let r = region.firstDataRow; r <= region.lastDataRow; r++) {
    if (rowIsEmpty(grid, r, region.firstCol, region.lastCol)) continue;
    const key = areaKey(grid, plan, r);
    const area = areas.resolve(key.code, key.name);
    const { period, bad } = rowPeriod(grid, plan, r);
    const dimension = plan.dimensions.map((c) => grid.cell(r, c).text.trim()).join('\u0000');
    const label = areaLabel(key.code, key.name);
    yield { kind: 'area', r, c: key.c, area, label, isCode: key.code !== null, name: key.name, period, ...(bad !== undefined ? { badPeriod: bad } : {}), dimension };
    if (area.kind === 'skip') {
      // A totals row's figures go to the totals check (collect-problems), never to the store.
      if (plan.layout === 'wide' && area.row.role === 'total') {
        for (let i = 0; i < plan.measures.length; i++) {
          const m = plan.measures[i] as MeasurePlan;
          if (m.include && m.column !== undefined) yield figure(r, m.column, i, area, period, dimension);
        }
      }
      continue;
    }
    if (plan.layout === 'long' && plan.long) {
      const i = byVariable.get(grid.cell(r, plan.long.variableColumn).text.trim());
      if (i !== undefined && plan.measures[i]?.include) yield figure(r, plan.long.valueColumn, i, area, period, dimension);
      continue;
    }
    for (let i = 0; i < plan.measures.length; i++) {
      const m = plan.measures[i] as MeasurePlan;
      if (m.include && m.column !== undefined) yield figure(r, m.column, i, area, period, dimension);
    }
  }
}
