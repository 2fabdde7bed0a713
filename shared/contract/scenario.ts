import { z } from 'zod';
import type { Comparison, MonteCarloResult, ScenarioDefinitionInput, ScenarioResult, SensitivityResult } from '../domain/scenario';
import { HOUSING_MEASURES, ScenarioDefinition } from '../domain/scenario';
import { call, type CallSpec } from './define';
import { JobStarted } from './jobs';

/**
 * Scenario calls (issue 4). A definition travels as plain JSON and is validated by the engine's own
 * schema inside the service, so a wrong definition is answered with SCENARIO_INVALID and the path of
 * every problem (not a generic INPUT_INVALID). Results mirror shared/domain/scenario/results.ts.
 */

const isJsonObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A definition as sent. Its type is the engine's definition (`ScenarioDefinitionInput`, what the
 * editor builds and a template returns), so callers pass their draft as it is. At the boundary it is
 * only checked to be a JSON object: the service validates it with the engine's schema
 * (`ScenarioDefinition`), which names every problem with its path (SCENARIO_INVALID).
 */
export const DefinitionJson = z.custom<ScenarioDefinitionInput>(isJsonObject, { message: 'Invalid input: expected a scenario definition (a JSON object)' });
const Id = z.string().trim().min(1).max(64);
const num = z.number();
const numOrNull = z.number().nullable();

// ---- results (mirror of shared/domain/scenario/results.ts; the type check below keeps them in step)

export const Assumption = z.object({
  kind: z.enum(['te-bevestigen', 'aanname', 'ontbrekend']),
  message: z.string(),
  path: z.string().optional(),
});

const RowLevel = z.enum(['area', 'municipality', 'programme']);

export const FundingRow = z.object({
  streamId: z.string(),
  streamName: z.string(),
  areaCode: z.string(),
  level: RowLevel,
  year: z.number().int(),
  amount: num,
  cumulativeAmount: num,
  perResident: numOrNull,
  perResidentReason: z.string().nullable(),
  baselineAmount: numOrNull,
  delta: numOrNull,
  cumulativeDelta: numOrNull,
});

const TenureStock = z.object({ social: num, private: num, owner: num });

export const HousingRow = z.object({
  areaCode: z.string(),
  year: z.number().int(),
  remainingPoorQuality: num,
  improved: num,
  started: num,
  inProgress: num,
  cumulativeImproved: num,
  newDwellings: num,
  demolished: num,
  stock: TenureStock.nullable(),
  socialRentSharePct: numOrNull,
  cost: numOrNull,
  remainingDelta: numOrNull,
});

export const HousingTarget = z.object({
  areaCode: z.string(),
  targetRemaining: num,
  targetYear: z.number().int().nullable(),
  horizon: z.number().int(),
  message: z.string(),
});

export const ParameterInfo = z.object({
  path: z.string(),
  label: z.string(),
  central: num,
  low: numOrNull,
  high: numOrNull,
  dist: z.enum(['uniform', 'triangular']).nullable(),
  source: z.string().nullable(),
  status: z.literal('te bevestigen').nullable(),
});

export const ScenarioResultSchema = z.object({
  scenarioId: z.string(),
  scenarioName: z.string(),
  baselineId: z.string().nullable(),
  years: z.array(z.number().int()),
  funding: z.array(FundingRow),
  housing: z.array(HousingRow),
  housingTargets: z.array(HousingTarget),
  assumptions: z.array(Assumption),
  parameters: z.array(ParameterInfo),
});

const Bands = { p10: numOrNull, p50: numOrNull, p90: numOrNull };
export const FundingBand = z.object({
  streamId: z.string(),
  areaCode: z.string(),
  level: RowLevel,
  year: z.number().int(),
  measure: z.enum(['amount', 'cumulativeAmount', 'perResident', 'delta', 'cumulativeDelta']),
  ...Bands,
});
export const HousingBand = z.object({ areaCode: z.string(), year: z.number().int(), measure: z.enum(HOUSING_MEASURES), ...Bands });
export const TargetYearBand = z.object({ areaCode: z.string(), horizon: z.number().int(), reachedShare: num, ...Bands });

export const MonteCarloResultSchema = z.object({
  scenarioId: z.string(),
  runs: z.number().int(),
  seed: z.number().int(),
  rangedParameters: z.number().int(),
  deterministic: ScenarioResultSchema,
  funding: z.array(FundingBand),
  housing: z.array(HousingBand),
  targetYears: z.array(TargetYearBand),
});

/** What the store supplied to a run: never guessed, so the screen can say what is missing. */
export const RunInputsInfo = z.object({
  areas: z.number().int(),
  municipalities: z.number().int(),
  /** Focus areas with a population figure (indicator a_inw) in the store. */
  areasWithPopulation: z.number().int(),
  municipalitiesWithPopulation: z.number().int(),
  /** Periods and sources of the population figures used, e.g. "2024 — kwb-2024.xlsx". */
  populationSources: z.array(z.string()),
  /** Indicators a need key asked for, with how many areas have a value. */
  indicators: z.array(z.object({ code: z.string(), areasWithValue: z.number().int() })),
});
export type RunInputsInfo = z.infer<typeof RunInputsInfo>;

export const ScenarioRun = z.object({ result: ScenarioResultSchema, inputs: RunInputsInfo });
export type ScenarioRun = z.infer<typeof ScenarioRun>;

/** The result of the `scenario.monteCarlo` job, read from `jobs.status` (parse it with this schema). */
export const MonteCarloRun = z.object({ result: MonteCarloResultSchema, inputs: RunInputsInfo });
export type MonteCarloRun = z.infer<typeof MonteCarloRun>;

export const OutputSelectorSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('funding'),
    streamId: z.string().min(1),
    areaCode: z.string().min(1),
    year: z.number().int(),
    measure: z.enum(['amount', 'cumulativeAmount', 'perResident', 'delta', 'cumulativeDelta']).optional(),
  }).strict(),
  z.object({ kind: z.literal('housing'), areaCode: z.string().min(1), year: z.number().int(), measure: z.enum(HOUSING_MEASURES) }).strict(),
  z.object({ kind: z.literal('targetYear'), areaCode: z.string().min(1) }).strict(),
]);

export const TornadoRow = z.object({
  path: z.string(),
  label: z.string(),
  low: num,
  high: num,
  central: num,
  outputAtLow: numOrNull,
  outputAtHigh: numOrNull,
  swing: num,
});
export const SensitivitySchema = z.object({ output: OutputSelectorSchema, base: numOrNull, rows: z.array(TornadoRow) });

// ---- saved scenarios and templates

export const TemplateSummary = z.object({ id: z.string(), name: z.string(), description: z.string() });

export const SavedScenario = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  templateId: z.string().nullable(),
  baselineId: z.string().nullable(),
  years: z.object({ from: z.number().int(), to: z.number().int() }),
  streams: z.number().int(),
  hasHousing: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedScenario = z.infer<typeof SavedScenario>;

/** A scenario for the comparison: a saved one, a shipped template, or a definition being edited. */
export const ScenarioRef = z.union([
  z.object({ saved: Id }).strict(),
  z.object({ template: Id }).strict(),
  z.object({ definition: DefinitionJson }).strict(),
]);
export type ScenarioRef = z.infer<typeof ScenarioRef>;

export const CompareColumn = z.object({
  id: z.string(),
  name: z.string(),
  /** 'saved' | 'template' | 'definition': where the scenario came from. */
  origin: z.enum(['saved', 'template', 'definition']),
  /** Programme total over all streams per year of the union of years (null outside the scenario's years). */
  total: z.array(numOrNull),
  cumulative: z.array(numOrNull),
  /** Difference with the reference (the first scenario), per year; null where either has no figure. */
  delta: z.array(numOrNull),
  cumulativeDelta: z.array(numOrNull),
  /** Per stream, programme level. */
  streams: z.array(z.object({ streamId: z.string(), streamName: z.string(), amounts: z.array(numOrNull) })),
  /** Per focus area: the sum over the shared years, and the difference with the reference. */
  areas: z.array(z.object({ areaCode: z.string(), total: num, delta: numOrNull })),
  /** Remaining poor-quality dwellings per housing area and year (union years), with the target message. */
  housing: z.array(z.object({ areaCode: z.string(), remaining: z.array(numOrNull), delta: z.array(numOrNull), target: z.string().nullable() })),
  assumptions: z.array(Assumption),
  toConfirm: z.number().int(),
});

export const CompareResult = z.object({
  years: z.array(z.number().int()),
  /** Years every scenario covers; per-area totals are summed over these. */
  commonYears: z.array(z.number().int()),
  /** Index of the reference column (always 0). */
  reference: z.number().int(),
  columns: z.array(CompareColumn),
  inputs: RunInputsInfo,
});
export type CompareResult = z.infer<typeof CompareResult>;

const RunInput = z.object({ definition: DefinitionJson }).strict();

export const scenarioCalls = {
  'scenario.templates': call(z.object({}).strict(), z.array(TemplateSummary), 'The shipped scenario templates (the letter\'s programme streams).'),
  'scenario.template': call(z.object({ id: Id }).strict(), ScenarioDefinition, 'One template as a full definition (defaults filled in), ready to edit and run.'),
  'scenario.schema': call(z.object({}).strict(), z.record(z.string(), z.unknown()), 'JSON Schema (draft 2020-12) of a scenario definition.'),
  'scenario.validate': call(
    RunInput,
    z.object({ definition: ScenarioDefinition }),
    'Validate a definition against the schema and the store (e.g. population for a population key); SCENARIO_INVALID lists every problem.',
  ),
  'scenario.run': call(RunInput, ScenarioRun, 'Deterministic run with inputs from the store: yearly amounts per area and stream, housing, assumptions.'),
  'scenario.monteCarlo': call(
    z.object({ definition: DefinitionJson, runs: z.number().int().min(1).max(100_000).optional(), seed: z.number().int().min(0).max(0xffffffff).optional() }).strict(),
    JobStarted,
    'Start a seeded Monte Carlo job (P10/P50/P90 per series); poll jobs.status, parse the result with MonteCarloRun.',
  ),
  'scenario.sensitivity': call(
    z.object({ definition: DefinitionJson, output: OutputSelectorSchema }).strict(),
    SensitivitySchema,
    'One-at-a-time sensitivity of one output to every ranged parameter (a tornado chart).',
  ),
  'scenario.compare': call(
    z.object({ scenarios: z.array(ScenarioRef).min(1).max(4) }).strict(),
    CompareResult,
    'Run up to four scenarios and set them side by side, with differences from the first.',
  ),
  'scenario.list': call(z.object({}).strict(), z.array(SavedScenario), 'Saved scenarios.'),
  'scenario.get': call(z.object({ id: Id }).strict(), z.object({ scenario: SavedScenario, definition: ScenarioDefinition }), 'A saved scenario with its definition.'),
  'scenario.save': call(
    z.object({ definition: DefinitionJson, templateId: Id.nullable().optional(), replace: z.boolean().optional() }).strict(),
    SavedScenario,
    'Save a definition under its id; replace: true overwrites a saved scenario with the same id.',
  ),
  'scenario.rename': call(z.object({ id: Id, name: z.string().trim().min(1).max(200) }).strict(), SavedScenario, 'Rename a saved scenario (its id stays).'),
  'scenario.duplicate': call(
    z.object({ id: Id, newId: Id.optional(), name: z.string().trim().min(1).max(200).optional() }).strict(),
    SavedScenario,
    'Copy a saved scenario under a new id and name.',
  ),
  'scenario.delete': call(z.object({ id: Id }).strict(), z.object({ id: z.string(), deleted: z.literal(true) }), 'Delete a saved scenario.'),
} satisfies Record<string, CallSpec>;

// Compile-time guard: the wire schemas must describe exactly what the engine returns.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameResult: Same<z.infer<typeof ScenarioResultSchema>, ScenarioResult> = true;
const sameMonteCarlo: Same<z.infer<typeof MonteCarloResultSchema>, MonteCarloResult> = true;
const sameSensitivity: Same<z.infer<typeof SensitivitySchema>, SensitivityResult> = true;
const sameComparison: Same<Omit<CompareResult, 'inputs'>, Comparison> = true;
void [sameResult, sameMonteCarlo, sameSensitivity, sameComparison];
