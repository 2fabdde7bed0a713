import type { CompareCell, CompareIndicator, CompareResult, CompareRow, CompositionStatus, RowRole } from '../../contract/compare';
import type { z } from 'zod';
import type { Theme } from '../../contract/model';
import { parsePeriod } from '../period';
import { boundaryBreak } from './boundary';
import { FigureResolver, readStraight, type CompareData, type IndicatorRule, type Resolved } from './resolve';
import { colourClass, quintiles, rankValues, spreadOf } from './stats';

/**
 * The comparison table from the store's figures (given through CompareData): one cell per row ×
 * indicator with its value, delta, rank among the shown areas, colour class, and — for aggregates —
 * its members, coverage and their sources. The total row carries the spread across the focus areas.
 */

export interface TableIndicator extends IndicatorRule {
  theme: z.infer<typeof Theme>;
  /** The period shown ('latest' already resolved); null when there is none. */
  period: string | null;
  comparePeriod: string | null;
}

export interface TableRowSpec {
  role: RowRole;
  areaCode: string;
  referenceFor: string[];
  compositionStatus: CompositionStatus | null;
}

export interface TableSpec {
  period: CompareResult['period'];
  compareTo: string | null;
  minCoverage: number;
  indicators: TableIndicator[];
  rows: TableRowSpec[];
  /** The areas whose figures make the total row's spread (the focus areas). */
  spreadAreas: string[];
  /** Per-member detail on aggregates (default true). */
  memberDetail?: boolean;
  /** No per-cell provenance (see CompareRequest.lean). */
  lean?: boolean;
  /** The titles of the sources the figures come from. */
  sourceTitles?: string[];
}

const yearOf = (period: string): number | null => parsePeriod(period)?.yearEnd ?? null;

/** boundaryBreak per area and pair of years (the same for every indicator), without a key string per look-up. */
type BreakCache = Map<string, Map<number, string | null>>;
function breakOf(breaks: BreakCache, data: CompareData, code: string, yearA: number, yearB: number): string | null {
  let own = breaks.get(code);
  if (!own) breaks.set(code, (own = new Map()));
  const years = yearA * 10_000 + yearB;
  let why = own.get(years);
  if (why === undefined) own.set(years, (why = boundaryBreak(code, yearA, yearB, data)));
  return why;
}

/** Why a delta between the two periods is not sound for this figure (its own code, or any member's). */
function deltaBreak(resolver: FigureResolver, data: CompareData, areaCode: string, ind: string, r: Resolved, period: string, yearA: number, yearB: number, breaks: BreakCache, depth = 0): string | null {
  if (!r.aggregated) {
    // the same for every indicator: once per area and pair of years
    return breakOf(breaks, data, areaCode, yearA, yearB);
  }
  if (depth > 4) return null;
  for (const m of r.countedMembers) {
    // a member without members of its own is read straight from its figure: its boundary is the check
    // (no need to resolve it, which for a member held in bulk would read its whole figure)
    if (readStraight(data, m)) {
      const why = breakOf(breaks, data, m, yearA, yearB);
      if (why) return why;
      continue;
    }
    const mr = resolver.resolve(m, ind, period);
    const why = deltaBreak(resolver, data, m, ind, mr, period, yearA, yearB, breaks, depth + 1);
    if (why) return why;
  }
  return null;
}

export function buildCompareTable(spec: TableSpec, data: CompareData): CompareResult {
  const lean = spec.lean ?? false;
  const resolver = new FigureResolver(data, { minCoverage: spec.minCoverage, memberDetail: !lean && (spec.memberDetail ?? true), lean });
  const areaRows = spec.rows.map((row, i) => ({ row, i })).filter((x) => x.row.role === 'area').map((x) => x.i);
  const cells: CompareCell[][] = spec.rows.map(() => []);
  const breaks: BreakCache = new Map();

  const areaNames = spec.rows.map((row) => data.area(row.areaCode)?.name ?? row.areaCode);
  for (const ind of spec.indicators) {
    const column: CompareCell[] = spec.rows.map((row, rowIndex) => {
      const areaName = areaNames[rowIndex] as string;
      if (ind.period === null) {
        return {
          areaCode: row.areaCode, areaName, indicatorCode: ind.code, indicatorName: ind.name, unit: ind.unit, period: null, value: null, sign: null, qualifier: null, delta: null, rank: null, aggregated: false,
          coverage: null, members: null, source: null, sourceRef: null, low: null, high: null,
          comparePeriod: ind.comparePeriod, compareValue: null, deltaNote: null,
          missingReason: 'geen cijfer in enige periode voor deze gebieden', coverageDetail: null, memberDetail: null,
          importedVsAggregate: null, colourClass: null, quintile: null, spread: null,
        } satisfies CompareCell;
      }
      const r = resolver.resolve(row.areaCode, ind.code, ind.period);
      let compareValue: number | null = null;
      let delta: number | null = null;
      let deltaNote: string | null = null;
      if (ind.comparePeriod !== null) {
        const c = resolver.resolve(row.areaCode, ind.code, ind.comparePeriod);
        compareValue = c.value;
        if (r.value !== null && c.value === null) deltaNote = `geen cijfer in ${ind.comparePeriod}${c.missingReason ? ` (${c.missingReason})` : ''}`;
        if (r.value !== null && c.value !== null) {
          const ya = yearOf(ind.period);
          const yb = yearOf(ind.comparePeriod);
          const why = ya !== null && yb !== null
            ? deltaBreak(resolver, data, row.areaCode, ind.code, r, ind.period, ya, yb, breaks) ?? (c.aggregated ? deltaBreak(resolver, data, row.areaCode, ind.code, c, ind.comparePeriod, ya, yb, breaks) : null)
            : null;
          if (why) deltaNote = why;
          else delta = r.value - c.value;
        }
      }
      return {
        areaCode: row.areaCode, areaName, indicatorCode: ind.code, indicatorName: ind.name, unit: ind.unit, period: ind.period, value: r.value, sign: r.sign, qualifier: r.qualifier, delta, rank: null,
        aggregated: r.aggregated, coverage: r.coverage, members: r.members, source: r.source, sourceRef: r.sourceRef,
        low: r.low, high: r.high, comparePeriod: ind.comparePeriod, compareValue, deltaNote, missingReason: r.missingReason,
        coverageDetail: r.coverageDetail, memberDetail: r.memberDetail, importedVsAggregate: r.importedVsAggregate,
        colourClass: null, quintile: null, spread: null,
      } satisfies CompareCell;
    });

    const values = areaRows.map((i) => (column[i] as CompareCell).value);
    const ranks = rankValues(values, ind.direction);
    const qs = quintiles(values);
    areaRows.forEach((rowIndex, k) => {
      const cell = column[rowIndex] as CompareCell;
      cell.rank = ranks[k] ?? null;
      cell.quintile = qs[k] ?? null;
      cell.colourClass = colourClass(cell.quintile, ind.direction);
    });
    spec.rows.forEach((row, i) => {
      if (row.role !== 'total' || ind.period === null) return;
      const period = ind.period;
      (column[i] as CompareCell).spread = spreadOf(spec.spreadAreas.map((code) => ({ code, value: resolver.resolve(code, ind.code, period).value })));
    });
    column.forEach((cell, i) => (cells[i] as CompareCell[]).push(cell));
  }

  const indicators: CompareIndicator[] = spec.indicators.map((i) => ({
    code: i.code, name: i.name, theme: i.theme, unit: i.unit, direction: i.direction, aggregation: i.aggregation,
    weightIndicatorCode: i.weightIndicatorCode, period: i.period, comparePeriod: i.comparePeriod,
  }));
  const rows: CompareRow[] = spec.rows.map((row, i) => {
    const area = data.area(row.areaCode);
    return {
      role: row.role, areaCode: row.areaCode, areaName: area?.name ?? row.areaCode, areaKind: area?.kind ?? 'other',
      referenceFor: row.referenceFor, compositionStatus: row.compositionStatus, cells: cells[i] as CompareCell[],
    };
  });
  return { period: spec.period, compareTo: spec.compareTo, minCoverage: spec.minCoverage, indicators, rows, sourceTitles: spec.sourceTitles ?? [] };
}
