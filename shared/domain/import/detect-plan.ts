import type { AreaIndex } from '../areas/match-area';
import { detectConventions } from './detect-conventions';
import { detectLayout } from './detect-layout';
import { fallbackPeriod } from './detect-period';
import { detectTable, sampleRows, type TableRegion } from './detect-table';
import type { Grid } from './grid';
import { headerLabels } from './header-labels';
import type { IndicatorCatalogue } from './indicator-catalogue';
import type { ImportPlan, Layout, PeriodPlan } from './import-plan';
import { planComposition } from './plan-composition';
import { planDictionary } from './plan-dictionary';
import { planTransposed } from './plan-transposed';
import { planLong, planWide } from './plan-wide-long';
import { profileColumns } from './profile-columns';

/**
 * Detection from scratch: table region → header labels → column profiles → layout → roles →
 * period. Every step can be overridden by the analyst (or a saved recipe) through `overrides`;
 * what is overridden is taken as given and the rest is detected around it.
 */
export interface PlanOverrides {
  layout?: Layout;
  /** 0-based header rows; the data then starts below the last one. */
  headerRows?: number[];
  /** A fixed period for every figure (CLI --period). */
  period?: string;
  /** Gemeente code that scopes name matching. */
  within?: string;
  decimalSeparator?: ',' | '.';
}

export interface DetectedPlan {
  plan: ImportPlan;
  layoutReason: string;
  conventionsEvidence: string[];
}

function withHeaderRows(region: TableRegion, headerRows: number[]): TableRegion {
  const last = Math.max(...headerRows);
  return { ...region, headerRows, titleRows: region.titleRows.filter((r) => r < Math.min(...headerRows)), firstDataRow: last + 1 };
}

function periodPlan(periodColumn: number | undefined, measures: ImportPlan['measures'], region: TableRegion, sheetName: string, fileName: string, fixed?: string): PeriodPlan {
  if (fixed) return { source: 'fixed', period: fixed, from: 'user' };
  if (periodColumn !== undefined) return { source: 'column', column: periodColumn };
  if (measures.some((m) => m.include && m.period)) return { source: 'header' };
  const fb = fallbackPeriod(region.titles, sheetName, fileName);
  return fb ? { source: 'fixed', period: fb.period, from: fb.from, text: fb.text } : { source: 'none' };
}

export function detectPlan(grid: Grid, fileName: string, areas: AreaIndex, catalogue: IndicatorCatalogue, overrides: PlanOverrides = {}): DetectedPlan {
  let region = detectTable(grid);
  if (overrides.headerRows && overrides.headerRows.length > 0) region = withHeaderRows(region, overrides.headerRows);
  const headers = headerLabels(grid, region.headerRows, region.firstCol, region.lastCol);
  const rows = sampleRows(region.firstDataRow, region.lastDataRow);
  const usedHeaders = headers.filter((h) => !region.emptyCols.includes(h.c));
  const profiles = profileColumns(grid, usedHeaders, rows);
  const conventions = detectConventions(grid, rows, usedHeaders.map((h) => h.c), [...region.titles, ...region.footnotes]);
  const sheetDecimal = overrides.decimalSeparator ?? conventions.decimal.separator;
  if (overrides.decimalSeparator) for (const p of profiles) p.decimal = { ...p.decimal, separator: overrides.decimalSeparator };

  const guess = detectLayout(grid, region, profiles, areas);
  const layout = overrides.layout ?? guess.layout;
  const layoutReason = overrides.layout && overrides.layout !== guess.layout ? `set by the analyst (detection said ${guess.layout}: ${guess.reason})` : guess.reason;
  const base = {
    layout,
    headers,
    conventions: { zeroIsLessThanHalfUnit: conventions.zeroIsLessThanHalfUnit, emptyMeans: conventions.emptyMeans },
    decimalSeparator: sheetDecimal,
  };
  const emptyIgnored = region.emptyCols.map((c) => ({ c, reason: 'empty column' }));

  let plan: ImportPlan;
  if (layout === 'composition') {
    const composition = planComposition(profiles);
    plan = { ...base, region, area: { context: '' }, period: { source: 'none' }, measures: [], dimensions: [], ignored: emptyIgnored, ...(composition ? { composition } : {}) };
  } else if (layout === 'dictionary') {
    const dictionary = planDictionary(headers, profiles);
    plan = { ...base, region, area: { context: '' }, period: { source: 'none' }, measures: [], dimensions: [], ignored: emptyIgnored, ...(dictionary ? { dictionary } : {}) };
  } else if (layout === 'transposed') {
    const t = planTransposed(grid, region, profiles, { ...(guess.codeRow !== undefined ? { codeRow: guess.codeRow } : {}), ...(guess.nameRow !== undefined ? { nameRow: guess.nameRow } : {}) }, catalogue, sheetDecimal);
    const period = periodPlan(undefined, t.measures, t.region, grid.name, fileName, overrides.period);
    plan = { ...base, region: t.region, area: t.area, period, measures: t.measures, dimensions: [], ignored: emptyIgnored, transposed: t.transposed };
  } else {
    const long = layout === 'long' && guess.variableColumn !== undefined && guess.valueColumn !== undefined;
    const part = long
      ? planLong(grid, region, profiles, guess.variableColumn as number, guess.valueColumn as number, catalogue, sheetDecimal)
      : planWide(profiles, catalogue, sheetDecimal, region.titles[0] ?? grid.name);
    const period = periodPlan(part.periodColumn, part.measures, region, grid.name, fileName, overrides.period);
    plan = {
      ...base,
      layout: long ? 'long' : 'wide',
      region,
      area: part.area,
      period,
      measures: part.measures,
      dimensions: part.dimensions,
      ignored: [...part.ignored, ...emptyIgnored],
      ...(part.long ? { long: part.long } : {}),
    };
  }
  if (overrides.within) plan.area = { ...plan.area, within: overrides.within };
  return { plan, layoutReason, conventionsEvidence: conventions.evidence };
}
