import type { RunInputsInfo, SavedScenario, ScenarioRef } from '../../shared/contract/scenario';
import { AppError } from '../../shared/errors';
import {
  TEMPLATE_IDS,
  compareResults,
  compileScenario,
  findTemplate,
  getTemplate,
  listTemplates,
  parseScenarioDefinition,
  runScenario,
  runSensitivity,
  scenarioJsonSchema,
  type CompareItem,
  type ScenarioDefinition,
  type ScenarioDefinitionInput,
  type ScenarioInputsInput,
} from '../../shared/domain/scenario';
import type { MonteCarloJobInput } from '../jobs/scenario-jobs';
import { listAreas } from '../store/queries/areas';
import type { Store } from '../store/open-store';
import { deleteScenario, findScenario, findScenarioByName, insertScenario, latestFigures, listScenarios, updateScenario, type StoredScenario } from '../store/queries/scenarios';
import type { Handlers } from './handler-types';

/** Indicator code of the population in the store (CBS KWB "Aantal inwoners"). */
export const POPULATION_INDICATOR = 'a_inw';

type ScenarioCall =
  | 'scenario.templates'
  | 'scenario.template'
  | 'scenario.schema'
  | 'scenario.validate'
  | 'scenario.run'
  | 'scenario.monteCarlo'
  | 'scenario.sensitivity'
  | 'scenario.compare'
  | 'scenario.list'
  | 'scenario.get'
  | 'scenario.save'
  | 'scenario.rename'
  | 'scenario.duplicate'
  | 'scenario.delete';

// ---- inputs from the store

/**
 * The 20 focus areas with their municipality, and population and need indicators where the store has
 * them. Nothing is filled in: an area without a figure stays unknown and the run says so.
 */
export function loadScenarioInputs(db: Store, def?: ScenarioDefinition): { inputs: ScenarioInputsInput; info: RunInputsInfo } {
  const focus = listAreas(db, 'focus_area');
  const municipalityCodes = new Set(focus.map((a) => a.parentCode).filter((c): c is string => c !== null));
  const municipalities = listAreas(db, 'municipality').filter((m) => municipalityCodes.has(m.code));
  const pop = new Map(latestFigures(db, POPULATION_INDICATOR, [...focus.map((a) => a.code), ...municipalities.map((m) => m.code)]).map((f) => [f.areaCode, f]));
  const needCodes = [...new Set((def?.streams ?? []).flatMap((s) => (s.allocation.kind === 'need' ? s.allocation.indicators.map((i) => i.code) : [])))];
  const needValues = new Map(needCodes.map((code) => [code, new Map(latestFigures(db, code, focus.map((a) => a.code)).map((f) => [f.areaCode, f.value]))]));
  const inputs: ScenarioInputsInput = {
    areas: focus.map((a) => ({
      code: a.code,
      name: a.name,
      municipalityCode: a.parentCode ?? a.code,
      population: pop.get(a.code)?.value ?? null,
      ...(needCodes.length > 0 ? { indicators: Object.fromEntries(needCodes.map((c) => [c, needValues.get(c)?.get(a.code) ?? null])) } : {}),
    })),
    municipalities: municipalities.map((m) => ({ code: m.code, name: m.name, population: pop.get(m.code)?.value ?? null })),
  };
  const info: RunInputsInfo = {
    areas: focus.length,
    municipalities: municipalities.length,
    areasWithPopulation: focus.filter((a) => pop.has(a.code)).length,
    municipalitiesWithPopulation: municipalities.filter((m) => pop.has(m.code)).length,
    populationSources: [...new Set([...pop.values()].map((f) => `${f.period} — ${f.source}`))].sort(),
    indicators: needCodes.map((code) => ({ code, areasWithValue: needValues.get(code)?.size ?? 0 })),
  };
  return { inputs, info };
}

/** A saved definition as the engine takes it: it was validated when saved, and the engine parses it again. */
function asEngineInput(s: StoredScenario): ScenarioDefinitionInput {
  return s.definition as ScenarioDefinitionInput;
}

/** Saved scenarios first (an analyst's own baseline), then the engine's shipped templates. */
function baselineResolver(db: Store): (id: string) => ScenarioDefinitionInput | undefined {
  return (id) => {
    const s = findScenario(db, id);
    return s ? asEngineInput(s) : undefined;
  };
}

function mustFind(db: Store, id: string): StoredScenario {
  const s = findScenario(db, id);
  if (!s) throw new AppError('NOT_FOUND', `No saved scenario with id "${id}".`);
  return s;
}

function storedDefinition(s: StoredScenario): ScenarioDefinition {
  try {
    return parseScenarioDefinition(s.definition);
  } catch (err) {
    if (err instanceof AppError) throw new AppError('SCENARIO_INVALID', `Saved scenario "${s.summary.name}" cannot be read: ${err.message}`, undefined, err.details);
    throw err;
  }
}

/** Compile against the store as well, so input-dependent problems (population for a key) show now. */
function validated(db: Store, raw: unknown): { def: ScenarioDefinition; inputs: ScenarioInputsInput; info: RunInputsInfo } {
  const def = parseScenarioDefinition(raw);
  const { inputs, info } = loadScenarioInputs(db, def);
  compileScenario(def, inputs);
  return { def, inputs, info };
}

// ---- saving

function conflict(message: string): never {
  throw new AppError('SCENARIO_INVALID', message);
}

function checkSavable(db: Store, def: ScenarioDefinition, self: StoredScenario | undefined): void {
  if (TEMPLATE_IDS.includes(def.id)) {
    conflict(`The id "${def.id}" belongs to a shipped template; give the scenario its own id (e.g. "${def.id}-1").`);
  }
  const sameName = findScenarioByName(db, def.name);
  if (sameName && sameName.rowId !== self?.rowId) conflict(`A saved scenario is already called "${def.name}" (id ${sameName.summary.id}); choose another name.`);
}

function uniqueId(db: Store, base: string): string {
  const stem = base.slice(0, 56);
  for (let n = 1; ; n++) {
    const id = n === 1 ? stem : `${stem}-${n}`;
    if (!findScenario(db, id) && !TEMPLATE_IDS.includes(id)) return id;
  }
}

function uniqueName(db: Store, base: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} ${n}`;
    if (!findScenarioByName(db, name)) return name;
  }
}

const now = (): string => new Date().toISOString();

function summaryOf(db: Store, id: string): SavedScenario {
  return mustFind(db, id).summary;
}

// ---- comparison

function resolveRef(db: Store, ref: ScenarioRef): Omit<CompareItem, 'result'> & { def: ScenarioDefinition } {
  if ('saved' in ref) {
    const def = storedDefinition(mustFind(db, ref.saved));
    return { id: def.id, name: def.name, origin: 'saved', def };
  }
  if ('template' in ref) {
    const def = getTemplate(ref.template);
    return { id: def.id, name: def.name, origin: 'template', def };
  }
  const def = parseScenarioDefinition(ref.definition);
  return { id: def.id, name: def.name, origin: 'definition', def };
}

export const scenarioHandlers: Handlers<ScenarioCall> = {
  'scenario.templates': () => listTemplates(),
  'scenario.template': (input) => getTemplate(input.id),
  'scenario.schema': () => scenarioJsonSchema(),
  'scenario.validate': (input, ctx) => ({ definition: validated(ctx.db, input.definition).def }),

  'scenario.run': (input, ctx) => {
    const { def, inputs, info } = validated(ctx.db, input.definition);
    return { result: runScenario(def, inputs, { resolveBaseline: baselineResolver(ctx.db) }), inputs: info };
  },

  'scenario.monteCarlo': (input, ctx) => {
    const { def, inputs, info } = validated(ctx.db, input.definition);
    const saved = def.baseline ? findScenario(ctx.db, def.baseline.id) : undefined;
    const job: MonteCarloJobInput = {
      definition: def,
      inputs: inputs as MonteCarloJobInput['inputs'],
      inputsInfo: info,
      ...(input.runs !== undefined ? { runs: input.runs } : {}),
      ...(input.seed !== undefined ? { seed: input.seed } : {}),
      ...(saved ? { baseline: asEngineInput(saved) } : {}),
    };
    return { jobId: ctx.jobs.start('scenario.monteCarlo', job) };
  },

  'scenario.sensitivity': (input, ctx) => {
    const { def, inputs } = validated(ctx.db, input.definition);
    return runSensitivity(def, inputs, input.output, { resolveBaseline: baselineResolver(ctx.db) });
  },

  'scenario.compare': (input, ctx) => {
    const refs = input.scenarios.map((r) => resolveRef(ctx.db, r));
    const needs = refs.map((r) => r.def);
    // One set of inputs for every column (with the union of need indicators), so columns differ only by definition.
    const union = { ...needs[0], streams: needs.flatMap((d) => d.streams) } as ScenarioDefinition;
    const { inputs, info } = loadScenarioInputs(ctx.db, union);
    const resolveBaseline = baselineResolver(ctx.db);
    const items: CompareItem[] = refs.map((r) => ({ id: r.id, name: r.name, origin: r.origin, result: runScenario(r.def, inputs, { resolveBaseline }) }));
    return { ...compareResults(items), inputs: info };
  },

  'scenario.list': (_input, ctx) => listScenarios(ctx.db).map((s) => s.summary),

  'scenario.get': (input, ctx) => {
    const s = mustFind(ctx.db, input.id);
    return { scenario: s.summary, definition: storedDefinition(s) };
  },

  // Writes take the write lock up front (IMMEDIATE): the id check and the insert cannot interleave with
  // another process (the CLI beside the app) — the table has no unique column for the definition's id.
  'scenario.save': (input, ctx) => {
    const def = parseScenarioDefinition(input.definition);
    if (input.templateId && !findTemplate(input.templateId)) throw new AppError('NOT_FOUND', `No scenario template "${input.templateId}".`);
    return ctx.db.transaction(() => {
      const existing = findScenario(ctx.db, def.id);
      if (existing && !input.replace) {
        conflict(`A saved scenario with id "${def.id}" already exists ("${existing.summary.name}"); replace it, or give this one another id.`);
      }
      checkSavable(ctx.db, def, existing);
      const templateId = input.templateId !== undefined ? input.templateId : (existing?.summary.templateId ?? null);
      if (existing) updateScenario(ctx.db, existing.rowId, def, templateId, now());
      else insertScenario(ctx.db, def, templateId, now());
      return summaryOf(ctx.db, def.id);
    }).immediate();
  },

  'scenario.rename': (input, ctx) =>
    ctx.db.transaction(() => {
      const s = mustFind(ctx.db, input.id);
      const def = parseScenarioDefinition({ ...storedDefinition(s), name: input.name });
      checkSavable(ctx.db, def, s);
      updateScenario(ctx.db, s.rowId, def, s.summary.templateId, now());
      return summaryOf(ctx.db, def.id);
    }).immediate(),

  'scenario.duplicate': (input, ctx) =>
    ctx.db.transaction(() => {
      const s = mustFind(ctx.db, input.id);
      const newId = input.newId ?? uniqueId(ctx.db, `${s.summary.id}-kopie`);
      if (findScenario(ctx.db, newId)) conflict(`A saved scenario with id "${newId}" already exists; choose another id.`);
      const name = input.name ?? uniqueName(ctx.db, `${s.summary.name} (kopie)`);
      const def = parseScenarioDefinition({ ...storedDefinition(s), id: newId, name });
      checkSavable(ctx.db, def, undefined);
      insertScenario(ctx.db, def, s.summary.templateId, now());
      return summaryOf(ctx.db, newId);
    }).immediate(),

  'scenario.delete': (input, ctx) => {
    const s = mustFind(ctx.db, input.id);
    deleteScenario(ctx.db, s.rowId);
    return { id: s.summary.id, deleted: true as const };
  },
};
