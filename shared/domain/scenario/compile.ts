import type { z } from 'zod';
import { AppError } from '../../errors';
import type { ScenarioDefinition, ScenarioDefinitionInput } from './definition';
import { parseScenarioDefinition } from './definition';
import { ScenarioInputs } from './inputs';
import { Layout } from './layout';
import type { FrozenParams } from './params';
import { ParamTable } from './params';
import type { Assumption } from './results';
import { compileFunding } from './run-funding';
import { compileHousing } from './run-housing';

/**
 * Compile once, evaluate many times: a definition plus inputs become a parameter table (slots), an
 * output layout (blocks) and one `evaluate(values, out)` function. The deterministic run, Monte Carlo and
 * sensitivity all go through this, so they cannot drift apart.
 */
export interface CompiledScenario {
  definition: ScenarioDefinition;
  inputs: ScenarioInputs;
  years: number[];
  params: FrozenParams;
  layout: Layout;
  assumptions: Assumption[];
  housingWindow: { start: number; horizon: number } | null;
  evaluate(values: Float64Array, out: Float64Array): void;
}

export type ScenarioInputsInput = z.input<typeof ScenarioInputs>;

export function parseScenarioInputs(input: unknown): ScenarioInputs {
  const r = ScenarioInputs.safeParse(input);
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new AppError('INPUT_INVALID', `Invalid scenario inputs: ${details[0] ?? ''}`, undefined, details);
}

export function compileScenario(definition: ScenarioDefinitionInput | ScenarioDefinition, inputs: ScenarioInputsInput): CompiledScenario {
  const def = parseScenarioDefinition(definition);
  const inp = parseScenarioInputs(inputs);
  const years: number[] = [];
  for (let t = def.years.from; t <= def.years.to; t++) years.push(t);
  const assumptions: Assumption[] = [];
  if (def.status === 'te bevestigen') assumptions.push({ kind: 'te-bevestigen', message: `Scenario ${def.name} (te bevestigen)` });
  const table = new ParamTable(assumptions);
  const layout = new Layout();
  const funding = compileFunding({ def, inputs: inp, params: table, layout, assumptions, years });
  const housing = compileHousing({ def, params: table, layout, assumptions, years, funding });
  return {
    definition: def,
    inputs: inp,
    years,
    params: table.freeze(),
    layout,
    assumptions,
    housingWindow: housing ? { start: housing.start, horizon: housing.horizon } : null,
    evaluate(values, out) {
      // Funding first: housing capacity may read a stream's amounts from `out`.
      funding.evaluate(values, out);
      housing?.evaluate(values, out);
    },
  };
}

/** Evaluate at the central values (the deterministic run). */
export function evaluateCentral(c: CompiledScenario): Float64Array {
  const out = new Float64Array(c.layout.size);
  c.evaluate(c.params.central.slice(), out);
  return out;
}
