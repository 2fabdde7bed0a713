import { z } from 'zod';
import { PROGRAMME_AREA_CODE } from './definition';

/**
 * What a run needs besides the definition: the areas (from the store) with their municipality,
 * population where known, and indicator values for a need-index key. Never guessed here: a missing
 * population stays null and the run says so. Extra fields (e.g. whole store rows) are ignored.
 */
export const ScenarioArea = z.object({
  code: z.string().min(1),
  name: z.string().optional(),
  municipalityCode: z.string().min(1),
  population: z.number().min(0).nullable().optional(),
  /** Indicator code → value for need-index allocation; null means unknown. */
  indicators: z.record(z.string(), z.number().nullable()).optional(),
});
export type ScenarioArea = z.infer<typeof ScenarioArea>;

export const ScenarioMunicipality = z.object({
  code: z.string().min(1),
  name: z.string().optional(),
  population: z.number().min(0).nullable().optional(),
});
export type ScenarioMunicipality = z.infer<typeof ScenarioMunicipality>;

export const ScenarioInputs = z
  .object({
    areas: z.array(ScenarioArea),
    /** Optional; derived from the areas' municipality codes when absent (then without population). */
    municipalities: z.array(ScenarioMunicipality).optional(),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.areas.forEach((a, i) => {
      if (seen.has(a.code)) ctx.addIssue({ code: 'custom', path: ['areas', i, 'code'], message: `duplicate area "${a.code}"` });
      if (a.code === PROGRAMME_AREA_CODE) ctx.addIssue({ code: 'custom', path: ['areas', i, 'code'], message: `${PROGRAMME_AREA_CODE} is the programme code, not an area` });
      seen.add(a.code);
    });
  });
export type ScenarioInputs = z.infer<typeof ScenarioInputs>;
