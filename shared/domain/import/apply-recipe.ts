import type { Grid } from './grid';
import type { ImportPlan, MeasurePlan, PeriodPlan } from './import-plan';
import type { Recipe } from '../../contract/import-recipe';
import { shapeKey, shapeKeys } from './shape-signature';

/**
 * Recipe ⇄ plan. `recipeFromPlan` writes down what the analyst confirmed; `applyRecipe` lays a
 * saved recipe over a freshly detected plan of a new file: the detected table stays (it is this
 * file's), the mapping decisions come from the recipe, matched by label. Labels the recipe does
 * not know keep their detected suggestion, so a new column shows up as new rather than vanishing.
 */
export function recipeFromPlan(grid: Grid, plan: ImportPlan): Recipe {
  const headerOf = (c: number | undefined) => (c === undefined ? null : shapeKey(plan.headers.find((h) => h.c === c)?.label ?? ''));
  let period: Recipe['period'];
  if (plan.period.source === 'column') period = { source: 'column', header: headerOf(plan.period.column) ?? '' };
  else if (plan.period.source === 'header') period = { source: 'header' };
  else if (plan.period.source === 'fixed' && plan.period.from === 'user') period = { source: 'fixed', period: plan.period.period };
  else period = { source: 'auto' };
  return {
    version: 1,
    layout: plan.layout,
    headerRows: plan.region.headerRows.map((r) => r + 1),
    area: {
      codeHeader: headerOf(plan.area.codeColumn),
      nameHeader: headerOf(plan.area.nameColumn),
      codeRow: plan.area.codeRow === undefined ? null : plan.area.codeRow + 1,
      nameRow: plan.area.nameRow === undefined ? null : plan.area.nameRow + 1,
      level: plan.area.level ?? null,
      padded: plan.area.padded ?? false,
      context: plan.area.context,
      within: plan.area.within ?? null,
    },
    period,
    measures: plan.measures.map((m) => ({
      key: shapeKey(m.key),
      indicator: m.indicator.code,
      indicatorName: m.indicator.name,
      isNew: m.indicator.isNew,
      unit: m.unit,
      scale: m.scale,
      include: m.include,
    })),
    decimalSeparator: plan.decimalSeparator,
    shapeKeys: shapeKeys(grid, plan),
  };
}

function columnByKey(plan: ImportPlan, key: string | null): number | undefined {
  if (!key) return undefined;
  return plan.headers.find((h) => shapeKey(h.label) === key)?.c;
}

export function applyRecipe(plan: ImportPlan, recipe: Recipe): ImportPlan {
  const byKey = new Map(recipe.measures.map((m) => [m.key, m]));
  const measures: MeasurePlan[] = plan.measures.map((m) => {
    const saved = byKey.get(shapeKey(m.key));
    if (!saved) return m;
    return {
      ...m,
      indicator: { code: saved.indicator, name: saved.indicatorName, isNew: saved.isNew, confidence: 1, via: 'recipe', unit: saved.unit },
      unit: saved.unit,
      unitSource: 'recipe',
      scale: saved.scale,
      include: saved.include,
    };
  });

  const codeColumn = columnByKey(plan, recipe.area.codeHeader) ?? plan.area.codeColumn;
  const nameColumn = columnByKey(plan, recipe.area.nameHeader) ?? plan.area.nameColumn;
  const area = {
    ...plan.area,
    ...(codeColumn !== undefined ? { codeColumn } : {}),
    ...(nameColumn !== undefined ? { nameColumn } : {}),
    ...(recipe.area.level ? { level: recipe.area.level } : {}),
    ...(recipe.area.padded ? { padded: true } : {}),
    context: recipe.area.context,
    ...(recipe.area.within ? { within: recipe.area.within } : {}),
  };

  let period: PeriodPlan = plan.period;
  if (recipe.period.source === 'fixed') period = { source: 'fixed', period: recipe.period.period, from: 'recipe' };
  else if (recipe.period.source === 'column') {
    const c = columnByKey(plan, recipe.period.header);
    if (c !== undefined) period = { source: 'column', column: c };
  }
  return { ...plan, area, period, measures, decimalSeparator: recipe.decimalSeparator ?? plan.decimalSeparator };
}
