import { AppError } from '../../errors';
import { buildAreaIndex, type KnownAlias, type KnownArea } from '../areas/match-area';
import { applyRecipe, recipeFromPlan } from './apply-recipe';
import { columnLetter } from './cell-address';
import { ProblemCollector } from './collect-problems';
import { detectPlan, type PlanOverrides } from './detect-plan';
import { extractRecords } from './extract-records';
import type { Grid } from './grid';
import type { IndicatorCatalogue } from './indicator-catalogue';
import type { ImportPlan } from './import-plan';
import { compositionPreview } from './plan-composition';
import { columnRoles, dictionaryPreview, headerProblems, measurePreviews } from './preview-parts';
import type { ImportPreview } from './preview-schema';
import type { Recipe } from './recipe';
import { areaResolver, inferMunicipality } from './resolve-areas';
import { shapeKeys, shapeSignature, shapeSimilarity } from './shape-signature';

/**
 * Grid + known areas + indicator catalogue (+ saved recipes, + the analyst's overrides) → the
 * import preview, and the plan it was made with. Pure: nothing is read from or written to disk
 * or the store here; the caller reads the file and, on commit, walks the same plan again.
 */
export interface PreviewFile {
  name: string;
  sha256?: string | null;
  format: string;
  sizeBytes?: number | null;
  encoding?: string | null;
  separator?: string | null;
}

export interface SavedRecipe {
  name: string;
  signature: string;
  recipe: Recipe;
}

export interface BuildPreviewInput {
  grid: Grid;
  file: PreviewFile;
  sheetNames?: string[];
  areas: readonly KnownArea[];
  aliases?: readonly KnownAlias[];
  catalogue: IndicatorCatalogue;
  recipes?: readonly SavedRecipe[];
  /** Use this saved recipe whatever the shape (CLI --mapping NAME); null = never use a recipe. */
  recipeName?: string | null;
  overrides?: PlanOverrides;
}

export interface BuiltPreview {
  preview: ImportPreview;
  plan: ImportPlan;
}

/** Recipes apply at or above this similarity when no recipe has the exact signature. */
const SIMILAR_ENOUGH = 0.9;

function chooseRecipe(input: BuildPreviewInput, plan: ImportPlan, signature: string, keys: string[]): { saved?: SavedRecipe; how: 'signature' | 'similar' | 'none'; similarity: number } {
  const recipes = input.recipes ?? [];
  if (input.recipeName === null) return { how: 'none', similarity: 0 };
  if (input.recipeName !== undefined) {
    const named = recipes.find((r) => r.name === input.recipeName);
    if (!named) throw new AppError('NOT_FOUND', `no saved mapping is called "${input.recipeName}"`);
    return { saved: named, how: named.signature === signature ? 'signature' : 'similar', similarity: shapeSimilarity(keys, named.recipe.shapeKeys) };
  }
  const exact = recipes.find((r) => r.signature === signature);
  if (exact) return { saved: exact, how: 'signature', similarity: 1 };
  const ranked = recipes
    .filter((r) => r.recipe.layout === plan.layout)
    .map((r) => ({ r, s: shapeSimilarity(keys, r.recipe.shapeKeys) }))
    .sort((a, b) => b.s - a.s);
  const best = ranked[0];
  return best && best.s >= SIMILAR_ENOUGH ? { saved: best.r, how: 'similar', similarity: best.s } : { how: 'none', similarity: best?.s ?? 0 };
}

/** The area names as written: down the name column, or across the name row of a transposed table. */
function areaNames(grid: Grid, plan: ImportPlan): string[] {
  const names: string[] = [];
  const { nameColumn, nameRow } = plan.area;
  if (nameColumn !== undefined) {
    for (let r = plan.region.firstDataRow; r <= plan.region.lastDataRow && names.length < 500; r++) names.push(grid.cell(r, nameColumn).text.trim());
  } else if (nameRow !== undefined) {
    for (const c of plan.transposed?.areaColumns ?? []) names.push(grid.cell(nameRow, c).text.trim());
  }
  return names.filter(Boolean);
}

export function buildPreview(input: BuildPreviewInput): BuiltPreview {
  const { grid, file, catalogue } = input;
  const index = buildAreaIndex(input.areas, input.aliases ?? []);
  const saved0 = input.recipeName ? (input.recipes ?? []).find((r) => r.name === input.recipeName) : undefined;
  const overrides: PlanOverrides = {
    ...(saved0 ? { layout: saved0.recipe.layout, headerRows: saved0.recipe.headerRows.map((r) => r - 1) } : {}),
    ...input.overrides,
  };
  const detected = detectPlan(grid, file.name, index, catalogue, overrides);
  let plan = detected.plan;
  const keys = shapeKeys(grid, plan);
  const signature = shapeSignature(plan.layout, keys);
  const match = chooseRecipe(input, plan, signature, keys);
  if (match.saved) plan = applyRecipe(plan, match.saved.recipe);
  if (input.overrides?.period) plan = { ...plan, period: { source: 'fixed', period: input.overrides.period, from: 'user' } };

  // Names without codes: scope them to the gemeente most of them belong to.
  const namesOnly = plan.area.codeColumn === undefined && plan.area.codeRow === undefined;
  if (namesOnly && !plan.area.within) {
    const within = inferMunicipality(areaNames(grid, plan), index);
    if (within) plan = { ...plan, area: { ...plan.area, within } };
  }

  const collector = new ProblemCollector(file.name, grid.name, plan);
  headerProblems(plan, collector);
  const definitions = dictionaryPreview(grid, plan, collector);
  const composition = compositionPreview(grid, plan, index, collector);
  const figuresExpected = plan.layout !== 'dictionary' && plan.layout !== 'composition';
  if (figuresExpected && plan.period.source === 'none' && !plan.measures.some((m) => m.period)) {
    collector.add('no_period', 'error', 'the file states no period (no period column, none in the headers, title or file name); give one');
  }
  for (const event of extractRecords(grid, plan, areaResolver(index, plan.area))) collector.consume(event);
  const f = collector.findings;

  const r1 = (r: number) => r + 1;
  const preview: ImportPreview = {
    file: { name: file.name, sha256: file.sha256 ?? null, format: file.format, sizeBytes: file.sizeBytes ?? null, encoding: file.encoding ?? null, separator: file.separator ?? null },
    sheet: grid.name,
    sheetNames: input.sheetNames ?? [grid.name],
    layout: plan.layout,
    layoutReason: match.saved ? `${detected.layoutReason}; mapping "${match.saved.name}" applied` : detected.layoutReason,
    table: {
      titleRows: plan.region.titleRows.map(r1),
      headerRows: plan.region.headerRows.map(r1),
      firstDataRow: r1(plan.region.firstDataRow),
      lastDataRow: r1(Math.max(plan.region.lastDataRow, plan.region.firstDataRow)),
      footnoteRows: plan.region.footnoteRows.map(r1),
      emptyColumns: plan.region.emptyCols.map(columnLetter),
      titles: plan.region.titles,
      footnotes: plan.region.footnotes,
    },
    decimalSeparator: plan.decimalSeparator,
    conventions: { ...plan.conventions, evidence: detected.conventionsEvidence },
    period: {
      source: plan.period.source,
      value: plan.period.source === 'fixed' ? plan.period.period : null,
      column: plan.period.source === 'column' ? columnLetter(plan.period.column) : null,
      from: plan.period.source === 'fixed' ? plan.period.from : null,
    },
    areas: {
      codeColumn: plan.area.codeColumn !== undefined ? columnLetter(plan.area.codeColumn) : null,
      nameColumn: plan.area.nameColumn !== undefined ? columnLetter(plan.area.nameColumn) : null,
      codeRow: plan.area.codeRow !== undefined ? r1(plan.area.codeRow) : null,
      nameRow: plan.area.nameRow !== undefined ? r1(plan.area.nameRow) : null,
      within: plan.area.within ?? null,
      context: plan.area.context,
      ...f.areas,
    },
    columns: columnRoles(plan),
    measures: measurePreviews(plan, f.measureCounts),
    figures: f.figures,
    samples: f.samples,
    definitions,
    composition,
    problems: f.problems,
    problemCounts: f.problemCounts,
    signature,
    recipe: recipeFromPlan(grid, plan),
    recipeMatch: { name: match.saved?.name ?? null, how: match.how, similarity: match.similarity },
  };
  return { preview, plan };
}
