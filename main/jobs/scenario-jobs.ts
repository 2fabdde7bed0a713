import { z } from 'zod';
import { DefinitionJson, MonteCarloRun, RunInputsInfo } from '../../shared/contract/scenario';
import { AppError } from '../../shared/errors';
import { ScenarioInputs, runMonteCarlo } from '../../shared/domain/scenario';
import type { AnyJobKind } from './job-types';
import { defineJob } from './job-types';
import { cancelled } from './job-runner';

/**
 * Monte Carlo off the UI thread. The job gets everything it needs in its input (definition, the
 * store's inputs, a baseline read from the store) so a worker thread needs no store connection; it
 * writes nothing, so a cancelled run leaves the store as it was by construction.
 */
export const MonteCarloJobInput = z.object({
  definition: DefinitionJson,
  inputs: ScenarioInputs,
  inputsInfo: RunInputsInfo,
  runs: z.number().int().min(1).max(100_000).optional(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  /** A saved baseline's definition; absent: the engine resolves shipped templates or reports it missing. */
  baseline: DefinitionJson.optional(),
});
export type MonteCarloJobInput = z.infer<typeof MonteCarloJobInput>;

const monteCarlo = defineJob({
  input: MonteCarloJobInput,
  result: MonteCarloRun,
  run: (input, control) => {
    control.progress('trekkingen', 0, input.runs ?? null);
    try {
      // The engine validates the definition again (it is JSON from another thread).
      const result = runMonteCarlo(input.definition, input.inputs, {
        ...(input.runs !== undefined ? { runs: input.runs } : {}),
        ...(input.seed !== undefined ? { seed: input.seed } : {}),
        ...(input.baseline ? { baseline: input.baseline } : {}),
        onProgress: (done, total) => control.progress('trekkingen', done, total),
        isCancelled: control.isCancelled,
      });
      return { result, inputs: input.inputsInfo };
    } catch (err) {
      // The engine's own CANCELLED says after how many runs; the runner reports either as "cancelled".
      if (err instanceof AppError && err.code === 'CANCELLED') throw cancelled();
      throw err;
    }
  },
});

// Long-running scenario jobs (issue 4), by name.
export const scenarioJobs: Record<string, AnyJobKind> = { 'scenario.monteCarlo': monteCarlo };
