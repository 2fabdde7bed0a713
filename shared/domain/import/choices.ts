import { unitFromHeader } from '../numbers/unit-from-header';
import { conversionFactor } from '../numbers/units';
import type { ImportPlan, MeasurePlan } from './import-plan';
import type { IndicatorCatalogue } from './indicator-catalogue';
import type { MeasureChoice } from '../../contract/import-choices';

// Applying the analyst's choices; their shapes are the contract's (shared/contract/import-choices.ts).

/** The measure with the analyst's indicator, unit and inclusion; the scale follows the new unit. */
function chosen(m: MeasurePlan, c: MeasureChoice, catalogue: IndicatorCatalogue): MeasurePlan {
  let next: MeasurePlan = { ...m };
  if (c.indicator && c.indicator !== m.indicator.code) {
    const known = catalogue.byCode.get(c.indicator);
    next.indicator = known
      ? { code: known.code, name: known.name, isNew: false, confidence: 1, via: 'code', unit: known.unit }
      : { code: c.indicator, name: c.name ?? m.indicator.name, isNew: true, confidence: 1, via: 'new' };
    if (known) next = { ...next, unit: known.unit, unitSource: 'catalogue' };
  } else if (c.name && m.indicator.isNew) {
    next.indicator = { ...m.indicator, name: c.name };
  }
  // Named or mapped by the analyst: no longer a column to name.
  if (c.name || (c.indicator && c.indicator !== m.indicator.code)) delete next.toName;
  if (c.unit) next = { ...next, unit: c.unit, unitSource: 'recipe' };
  if (next.unit !== m.unit) {
    // "(x 1 000)" in the header still multiplies; a header unit of another kind no longer converts.
    const header = m.headerUnit ?? unitFromHeader(m.label);
    const factor = header.base ? conversionFactor({ base: header.base, factor: header.factor }, next.unit) : header.factor;
    next.scale = factor ?? 1;
    delete next.unitMismatch;
  }
  if (c.include !== undefined) {
    next.include = c.include;
    if (c.include) delete next.excludedBecause;
    else next.excludedBecause = 'left out by the analyst';
  }
  return next;
}

export function applyMeasureChoices(plan: ImportPlan, choices: readonly MeasureChoice[], catalogue: IndicatorCatalogue): ImportPlan {
  if (choices.length === 0) return plan;
  const byKey = new Map(choices.map((c) => [c.key, c]));
  return { ...plan, measures: plan.measures.map((m) => (byKey.has(m.key) ? chosen(m, byKey.get(m.key) as MeasureChoice, catalogue) : m)) };
}
