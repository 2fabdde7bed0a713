import { CompareRequest, CompareViewState, type CompareResult } from '../../shared/contract/compare';
import { IndexDefinition, type IndexResult } from '../../shared/contract/composite';
import { computeIndex } from '../../shared/domain/composite/composite-index';
import { AppError } from '../../shared/errors';
import { findView } from '../store/queries/views';
import { findViewIndex, saveViewIndex } from '../store/queries/view-index';
import type { Store } from '../store/open-store';
import { runCompare } from './compare-run';
import type { Handlers } from './handler-types';

function viewNamed(db: Store, name: string): { id: number; state: CompareViewState } {
  const row = findView(db, name);
  if (!row) throw new AppError('NOT_FOUND', `No saved view named "${name}".`);
  return { id: row.id, state: CompareViewState.parse(JSON.parse(row.state_json)) };
}

/** The figures per area and indicator of a comparison, as compare.run gives them to the grid. */
function valuesOf(result: CompareResult): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const row of result.rows) {
    if (row.role !== 'area') continue;
    out[row.areaCode] = Object.fromEntries(row.cells.map((c) => [c.indicatorCode, c.value]));
  }
  return out;
}

/**
 * The index over a view's areas: one compare.run for the view's areas and period with the index's
 * indicators (the grid's own figures, aggregates included), another for the reference set when it
 * is not the view's areas; then the pure computation.
 */
export function runIndex(db: Store, state: CompareViewState, definition: IndexDefinition, viewName: string | null): IndexResult {
  const codes = definition.components.map((c) => c.indicatorCode);
  const request = (areas: CompareViewState['areas']) => CompareRequest.parse({ areas, indicators: codes, period: state.period, references: [] });
  const shown = runCompare(db, request(state.areas));
  const missingIndicators = codes.filter((c) => !shown.indicators.some((i) => i.code === c));
  if (missingIndicators.length) throw new AppError('NOT_FOUND', `Unknown indicator(s) in the index: ${missingIndicators.join(', ')}.`);
  const reference = definition.reference === 'shown' ? shown : runCompare(db, request(definition.reference === 'focus' ? 'focus' : definition.reference.areaCodes));
  const values = { ...valuesOf(reference), ...valuesOf(shown) };
  const areas = shown.rows.filter((r) => r.role === 'area').map((r) => ({ code: r.areaCode, name: r.areaName }));
  const referenceCodes = reference.rows.filter((r) => r.role === 'area').map((r) => r.areaCode);
  const info = new Map(shown.indicators.map((i) => [i.code, i]));
  const result = computeIndex({
    components: definition.components.map((c) => ({ indicatorCode: c.indicatorCode, weight: c.weight, direction: info.get(c.indicatorCode)!.direction })),
    areas,
    values,
    referenceCodes,
    missing: definition.missing,
  });
  const weights = new Map(definition.components.map((c) => [c.indicatorCode, c.weight]));
  return {
    viewName,
    definition,
    period: state.period,
    rows: result.rows,
    excluded: result.excluded,
    referenceCount: referenceCodes.length,
    stats: result.stats.map((s) => {
      const i = info.get(s.indicatorCode)!;
      return {
        indicatorCode: s.indicatorCode,
        indicatorName: i.name,
        unit: i.unit,
        direction: i.direction,
        period: i.period,
        weight: weights.get(s.indicatorCode) ?? 0,
        share: s.share,
        mean: Number.isFinite(s.mean) ? s.mean : null,
        sd: Number.isFinite(s.sd) ? s.sd : null,
        n: s.n,
        unusable: s.unusable,
      };
    }),
  };
}

export const compositeHandlers: Handlers<'index.run' | 'index.save' | 'index.get'> = {
  'index.run': (input, ctx) => {
    const view = input.view !== undefined ? viewNamed(ctx.db, input.view) : null;
    const state = input.state ?? view!.state;
    let definition = input.definition;
    if (!definition && view) {
      const saved = findViewIndex(ctx.db, view.id);
      if (!saved) throw new AppError('NOT_FOUND', `The view "${input.view}" has no composite index saved with it.`);
      definition = IndexDefinition.parse(JSON.parse(saved));
    }
    return runIndex(ctx.db, state, definition!, input.view ?? null);
  },
  'index.save': (input, ctx) => {
    const view = viewNamed(ctx.db, input.view);
    saveViewIndex(ctx.db, view.id, JSON.stringify(input.definition));
    return { view: input.view, definition: input.definition };
  },
  'index.get': (input, ctx) => {
    const saved = findViewIndex(ctx.db, viewNamed(ctx.db, input.view).id);
    return saved ? IndexDefinition.parse(JSON.parse(saved)) : null;
  },
};
