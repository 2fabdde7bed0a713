import { AppError } from '../../errors';
import { buildAreaIndex, type AreaIndex, type KnownAlias, type KnownArea } from '../areas/match-area';
import { applyRecipe, recipeFromPlan } from './apply-recipe';
import { columnLetter } from './cell-address';
import { applyMeasureChoices } from './choices';
import { ImportChoices, type ImportChoicesInput } from '../../contract/import-choices';
import { ProblemCollector, type Findings } from './collect-problems';
import { detectPlan, type PlanOverrides } from './detect-plan';
import { detectBlocks, maskGrid, parseRange, type SheetBlock } from './detect-blocks';
import { extractRecords, type ExtractEvent } from './extract-records';
import type { Grid } from './grid';
import type { IndicatorCatalogue } from './indicator-catalogue';
import type { ImportPlan } from './import-plan';
import { compositionPreview } from './plan-composition';
import { columnRoles, dictionaryPreview, headerProblems, measurePreviews } from './preview-parts';
import type { AreaReviewItem, ImportPreview } from '../../contract/import-preview';
import type { Recipe } from '../../contract/import-recipe';
import { slugFor } from './suggest-indicator';
import { areaResolver, inferMunicipality, withChoices, type AreaResolver } from './resolve-areas';
import { shapeKeys, shapeSignature, shapeSimilarity } from './shape-signature';
import { skipSummary } from './skip-summary';

/**
 * Grid + known areas + indicator catalogue (+ saved recipes, + the analyst's overrides and
 * choices) → the import preview, and the plan it was made with. Pure: nothing is read from or
 * written to disk or the store here. In three steps, so a commit can walk the same plan while it
 * writes, and a streamed sheet can be walked a window of rows at a time:
 *   prepareImport (detect on the grid, or on a streamed sheet's first rows) → walkGrid (every
 *   figure through the problem collector, and to the caller's sink) → finishPreview.
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
  /** The analyst's indicator mapping and area decisions. */
  choices?: ImportChoicesInput;
  /** One of several tables stacked in the sheet (1-based block), or a range such as "B6:AB19". */
  part?: { block?: number; range?: string };
}

/** What a walk takes besides the sheet itself (the import's side and the reading thread's side both walk with it). */
export type PipelineInput = Omit<BuildPreviewInput, 'grid' | 'file' | 'sheetNames'>;

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

/** Everything detection decided, and the collector the walk feeds. */
export interface PreparedImport {
  input: BuildPreviewInput;
  choices: ImportChoices;
  index: AreaIndex;
  plan: ImportPlan;
  resolver: AreaResolver;
  collector: ProblemCollector;
  signature: string;
  recipeMatch: ImportPreview['recipeMatch'];
  layoutReason: string;
  conventionsEvidence: string[];
  definitions: ImportPreview['definitions'];
  composition: ImportPreview['composition'];
  /** Wide, long and transposed tables hold figures; dictionaries and composition lists do not. */
  figuresExpected: boolean;
  /** Tables stacked in the sheet (none when it holds one), the one read, and whether the analyst chose it. */
  blocks: SheetBlock[];
  block: number | null;
  range: string | null;
  /** Several blocks and neither a block nor a range given: previewed as block 1, never committed. */
  blockUnchosen: boolean;
}

/** The sheet, or the part of it the analyst chose; several tables with no choice read as the first (for the preview only). */
function choosePart(input: BuildPreviewInput): { grid: Grid; blocks: SheetBlock[]; block: number | null; range: string | null; unchosen: boolean } {
  const blocks = detectBlocks(input.grid);
  const part = input.part ?? {};
  if (part.range) {
    const b = parseRange(part.range);
    if (!b) throw new AppError('INPUT_INVALID', `"${part.range}" is not a range of cells (e.g. B6:AB19)`);
    return { grid: maskGrid(input.grid, b), blocks, block: null, range: part.range.toUpperCase(), unchosen: false };
  }
  if (part.block !== undefined) {
    const chosen = blocks[part.block - 1];
    if (!chosen) {
      throw new AppError('INPUT_INVALID', blocks.length === 0
        ? `sheet ${input.grid.name} holds one table, not blocks: leave out the block number`
        : `sheet ${input.grid.name} holds ${blocks.length} tables; block ${part.block} is not one of them (${blocksText(blocks)})`);
    }
    return { grid: maskGrid(input.grid, chosen, chosen.titleRows), blocks, block: chosen.index, range: chosen.range, unchosen: false };
  }
  const first = blocks[0];
  if (!first) return { grid: input.grid, blocks, block: null, range: null, unchosen: false };
  return { grid: maskGrid(input.grid, first, first.titleRows), blocks, block: first.index, range: first.range, unchosen: true };
}

/** "block 1 B6:AB19 "Bevolking", block 2 B23:AB36 "Woningen"" */
export function blocksText(blocks: readonly SheetBlock[]): string {
  return blocks.map((b) => `block ${b.index} ${b.range}${b.title ? ` "${b.title}"` : ''}`).join(', ');
}

export function prepareImport(whole: BuildPreviewInput): PreparedImport {
  const part = choosePart(whole);
  const input: BuildPreviewInput = { ...whole, grid: part.grid };
  const { grid, file, catalogue } = input;
  const index = buildAreaIndex(input.areas, input.aliases ?? []);
  const choices = ImportChoices.parse(input.choices ?? {});
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
  plan = applyMeasureChoices(plan, choices.measures, catalogue);

  // Names without codes: scope them to the gemeente most of them belong to.
  const namesOnly = plan.area.codeColumn === undefined && plan.area.codeRow === undefined;
  // The analyst said whose names these are (--under GM0344): that gemeente scopes them.
  if (choices.areas.under) plan = { ...plan, area: { ...plan.area, within: choices.areas.under } };
  else if (namesOnly && !plan.area.within) {
    const within = inferMunicipality(areaNames(grid, plan), index);
    if (within) plan = { ...plan, area: { ...plan.area, within } };
  }

  const collector = new ProblemCollector(file.name, grid.name, plan);
  if (part.unchosen) {
    collector.add('several_tables', 'error', `sheet ${grid.name} holds ${part.blocks.length} tables, one below the other: ${blocksText(part.blocks)}; choose one (--block N or --range B6:AB19); the preview shows block 1`);
  }
  headerProblems(plan, collector);
  const definitions = dictionaryPreview(grid, plan, collector, (variable) => catalogue.byCode.has(slugFor(variable)));
  const composition = compositionPreview(grid, plan, index, collector, choices.areas.newAreas);
  const figuresExpected = plan.layout !== 'dictionary' && plan.layout !== 'composition';
  if (figuresExpected) noFiguresProblem(file.name, grid, plan, collector);
  if (figuresExpected && plan.period.source === 'none' && !plan.measures.some((m) => m.period)) {
    collector.add('no_period', 'error', 'the file states no period (no period column, none in the headers, title or file name); give one');
  }
  return {
    input,
    choices,
    index,
    plan,
    resolver: withChoices(areaResolver(index, plan.area), index, plan.area, choices.areas),
    collector,
    signature,
    recipeMatch: { name: match.saved?.name ?? null, how: match.how, similarity: match.similarity },
    layoutReason: match.saved ? `${detected.layoutReason}; mapping "${match.saved.name}" applied` : detected.layoutReason,
    conventionsEvidence: detected.conventionsEvidence,
    definitions,
    composition,
    figuresExpected,
    blocks: part.blocks,
    block: part.block,
    range: part.range,
    blockUnchosen: part.unchosen,
  };
}

/** How much of a cell's text a message quotes (a 60 MB cell is quoted by its start). */
const QUOTE_CHARS = 40;

/**
 * Why a table holds nothing to import, when its shape already says so — an empty sheet, a header
 * without rows below it, or no column of figures (every value text: formulas, "=1+1", a cell too
 * long to be a number) — so the wizard and the CLI say what is wrong rather than only "nothing".
 */
function noFiguresProblem(fileName: string, grid: Grid, plan: ImportPlan, collector: ProblemCollector): void {
  if (plan.measures.some((m) => m.include)) return;
  const sheet = `sheet "${grid.name}"`;
  const nothing = `nothing in ${fileName} can be imported`;
  const firstText = (rows: { from: number; to: number }, cols: readonly number[]): { r: number; c: number; text: string } | null => {
    for (let r = rows.from; r <= rows.to; r++) {
      for (const c of cols) {
        const text = grid.cell(r, c).text.trim();
        if (text) return { r, c, text };
      }
    }
    return null;
  };
  const allCols = Array.from({ length: grid.cols }, (_, c) => c);
  if (!firstText({ from: 0, to: grid.rows - 1 }, allCols)) {
    collector.add('nothing_imported', 'error', `${nothing}: ${sheet} is empty`);
    return;
  }
  const below = { from: plan.region.firstDataRow, to: grid.rows - 1 };
  if (!firstText(below, allCols)) {
    collector.add('nothing_imported', 'error', `${nothing}: ${sheet} has a header but no rows below it`);
    return;
  }
  // Columns the analyst left out are no reason to explain.
  if (plan.measures.length > 0) return;
  const text = firstText(below, plan.dimensions.length > 0 ? plan.dimensions : allCols);
  const quoted = text && (text.text.length > QUOTE_CHARS ? `${text.text.slice(0, QUOTE_CHARS)}… (${text.text.length.toLocaleString('en')} characters)` : text.text);
  const label = text ? plan.headers.find((h) => h.c === text.c)?.label : undefined;
  collector.add(
    'nothing_imported',
    'error',
    `${nothing}: no column of ${sheet} holds figures (numbers or CBS signs)${text ? `: column ${columnLetter(text.c)}${label ? ` ("${label}")` : ''} holds text, such as "${quoted}"` : ''}`,
    text ? { r: text.r, c: text.c } : undefined,
    quoted ?? undefined,
  );
}

/**
 * Walks the plan's rows of `grid` (by default the whole grid the plan was made on), feeding every
 * event to the problem collector and then to `sink` with whether the collector saw its key before.
 */
export type EventSink = (event: ExtractEvent, duplicate: boolean, grid: Grid) => void;

export function walkGrid(prepared: PreparedImport, grid: Grid = prepared.input.grid, plan: ImportPlan = prepared.plan, sink?: EventSink): void {
  const { collector } = prepared;
  for (const event of extractRecords(grid, plan, prepared.resolver)) {
    collector.consume(event);
    sink?.(event, collector.lastWasDuplicate, grid);
  }
}

/** Review items in a stable order: what needs a decision first, then by how many rows name them. */
const REVIEW_ORDER: Record<AreaReviewItem['status'], number> = { fuzzy: 0, ambiguous: 1, unknown: 2, not_created: 3, new: 4, chosen: 5 };
const SAMPLE_ROWS = 200;
const SAMPLE_TEXT = 120;

function sheetSample(grid: Grid, plan: ImportPlan): ImportPreview['sample'] {
  const { region } = plan;
  const first = Math.min(region.titleRows[0] ?? Infinity, region.headerRows[0] ?? Infinity, region.firstDataRow);
  const last = Math.min(grid.rows - 1, first + SAMPLE_ROWS - 1);
  const cols: number[] = [];
  for (let c = region.firstCol; c <= region.lastCol; c++) cols.push(c);
  const rows: string[][] = [];
  for (let r = first; r <= last; r++) rows.push(cols.map((c) => grid.cell(r, c).text.slice(0, SAMPLE_TEXT)));
  const label = new Map(plan.headers.map((h) => [h.c, h.label]));
  return { firstRow: first + 1, columns: cols.map((c) => ({ column: columnLetter(c), header: label.get(c) ?? '' })), rows };
}

/**
 * The preview, once the walk is done. `sampleGrid` shows the top of the sheet (a streamed sheet's
 * first rows); `findings` are the collector's, or those of a walk made in another thread.
 */
export function finishPreview(prepared: PreparedImport, sampleGrid: Grid = prepared.input.grid, findings: Findings = prepared.collector.findings): ImportPreview {
  const { input, plan } = prepared;
  const { file } = input;
  const f = findings;
  const r1 = (r: number) => r + 1;
  const review = [...f.review.values()].sort((a, b) => REVIEW_ORDER[a.status] - REVIEW_ORDER[b.status] || b.rows - a.rows || a.label.localeCompare(b.label));
  return {
    file: { name: file.name, sha256: file.sha256 ?? null, format: file.format, sizeBytes: file.sizeBytes ?? null, encoding: file.encoding ?? null, separator: file.separator ?? null },
    sheet: sampleGrid.name,
    sheetNames: input.sheetNames ?? [sampleGrid.name],
    layout: plan.layout,
    layoutReason: prepared.layoutReason,
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
    blocks: prepared.blocks.map((b) => ({ index: b.index, range: b.range, title: b.title, dataRows: b.dataRows })),
    block: prepared.block,
    blockChosen: !prepared.blockUnchosen,
    range: prepared.range,
    decimalSeparator: plan.decimalSeparator,
    conventions: { ...plan.conventions, evidence: prepared.conventionsEvidence },
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
      review,
      reviewTotal: f.reviewTotal,
    },
    // A transposed table's rows are its indicators; the walk counts its area columns.
    rowsRead: prepared.definitions?.total ?? prepared.composition?.total ?? (plan.layout === 'transposed' ? plan.measures.length : f.rowsRead),
    sample: sheetSample(sampleGrid, plan),
    columns: columnRoles(plan),
    measures: measurePreviews(plan, f.measureCounts),
    figures: f.figures,
    skips: skipSummary(f.figures),
    samples: f.samples,
    definitions: prepared.definitions,
    composition: prepared.composition,
    problems: f.problems,
    problemCounts: f.problemCounts,
    signature: prepared.signature,
    recipe: recipeFromPlan(sampleGrid, plan),
    recipeMatch: prepared.recipeMatch,
  };
}

export function buildPreview(input: BuildPreviewInput): BuiltPreview {
  const prepared = prepareImport(input);
  walkGrid(prepared);
  return { preview: finishPreview(prepared), plan: prepared.plan };
}
