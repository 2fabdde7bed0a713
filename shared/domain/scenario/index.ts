/**
 * Public API of the scenario engine (pure: no Node, DOM or store). Everything else in this folder is
 * internal and may change.
 */
export {
  ScenarioDefinition,
  type ScenarioDefinitionInput,
  parseScenarioDefinition,
  scenarioJsonSchema,
  PROGRAMME_AREA_CODE,
  TOTAL_STREAM_ID,
  SCENARIO_SCHEMA_VERSION,
  FundingStream,
  type FundingStreamInput,
  StreamAmount,
  AfterEndRule,
  AllocationKey,
  MunicipalityKey,
  NeedIndicator,
  Housing,
  HousingArea,
  ImprovementCapacity,
  NewConstruction,
  Demolition,
  DwellingStock,
  TenureMix,
  ParamStatus,
  Provenance,
  Distribution,
  type NumParam,
  type RangeParam,
  numParam,
  centralValue,
  isRange,
} from './definition';
export { ScenarioInputs, ScenarioArea, ScenarioMunicipality } from './inputs';
export { parseScenarioInputs, compileScenario, type CompiledScenario, type ScenarioInputsInput } from './compile';
export type * from './results';
export { HOUSING_MEASURES, type HousingMeasure } from './layout';
export { runScenario, type RunOptions } from './run-scenario';
export type { BaselineOptions } from './baseline';
export {
  runMonteCarlo,
  simulateBands,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  type MonteCarloOptions,
  type MonteCarloResult,
  type BandValues,
  type FundingBand,
  type FundingBandMeasure,
  type HousingBand,
  type TargetYearBand,
  type RawBands,
} from './monte-carlo';
export { runSensitivity, type SensitivityResult, type TornadoRow } from './sensitivity';
export type { OutputSelector } from './selectors';
export {
  listTemplates,
  getTemplate,
  findTemplate,
  TEMPLATE_IDS,
  NPLV_LETTER_SOURCE,
  CONTINUATION_MOTION_SOURCE,
  type TemplateInfo,
} from './templates';
export { createRng } from './prng';
export { compareResults, type CompareItem, type CompareOrigin, type CompareColumnData, type Comparison } from './compare';
