import type { CompareCell, CompareResult } from '../../contract/compare';
import { periodLabel } from '../period';

/**
 * The charts beside the Vergelijken grid draw the very answer the grid shows (one compare.run):
 * these helpers only narrow it to the rows the analyst ticked and split a comparison with
 * `compareTo` into its two periods. No figure is fetched or computed here.
 */

/**
 * The comparison limited to the chosen shown areas (codes; empty or null: all). Reference rows
 * stay: Nederland and the programme total as they are (the total remains that of all shown focus
 * areas — the caption says so), a municipality only when it is the municipality of a chosen area.
 */
export function limitToAreas(result: CompareResult, codes: readonly string[] | null): CompareResult {
  if (!codes || codes.length === 0) return result;
  const chosen = new Set(codes);
  const rows = result.rows.filter((r) => {
    if (r.role === 'area') return chosen.has(r.areaCode);
    if (r.role === 'municipality') return r.referenceFor.length === 0 || r.referenceFor.some((c) => chosen.has(c));
    return true;
  });
  return { ...result, rows };
}

/** How many shown areas the (possibly limited) comparison holds. */
export function shownAreas(result: CompareResult): number {
  return result.rows.filter((r) => r.role === 'area').length;
}

/** A cell as it stood at the comparison period: the same cell's compareValue, without a delta. */
function earlierCell(c: CompareCell, period: string | null): CompareCell {
  return {
    ...c,
    period,
    value: c.compareValue,
    delta: null,
    deltaNote: null,
    rank: null,
    colourClass: null,
    quintile: null,
    low: null,
    high: null,
    spread: null,
    // The grid's answer carries the sources of the shown period only; the earlier figure's own
    // source is in the cell panel (and the source line says so).
    sourceRef: null,
    source: null,
    memberDetail: null,
    importedVsAggregate: null,
    missingReason: c.compareValue === null ? (c.deltaNote ?? `geen cijfer in ${period ? periodLabel(period) : 'de vergelijkingsperiode'}`) : null,
  };
}

/**
 * A comparison run with `compareTo`, as the two periods the trend chart draws: the comparison
 * period (each cell's compareValue) and the shown period (each cell's value, with its deltaNote, so
 * a boundary change breaks the line). null when the comparison has no compareTo or the indicator
 * has no comparison period.
 */
export function periodPairOf(result: CompareResult, indicatorCode: string): { period: string; result: CompareResult }[] | null {
  const col = result.indicators.findIndex((i) => i.code === indicatorCode);
  const ind = result.indicators[col];
  if (!result.compareTo || !ind || !ind.period || !ind.comparePeriod || ind.comparePeriod === ind.period) return null;
  const before: CompareResult = {
    ...result,
    period: ind.comparePeriod,
    compareTo: null,
    indicators: result.indicators.map((i) => ({ ...i, period: i.comparePeriod, comparePeriod: null })),
    rows: result.rows.map((r) => ({ ...r, cells: r.cells.map((c, k) => earlierCell(c, result.indicators[k]?.comparePeriod ?? null)) })),
  };
  return [
    { period: ind.comparePeriod, result: before },
    { period: ind.period, result },
  ];
}
