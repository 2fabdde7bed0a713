import type { ScenarioDefinitionInput } from '../../../shared/domain/scenario';

export type { ScenarioResult } from '../../../shared/domain/scenario';
export type HousingAreaInput = NonNullable<ScenarioDefinitionInput['housing']>['areas'][number];

/** A housing-only scenario over 2025–2035. */
export function housingScenario(areas: HousingAreaInput[], over: Partial<ScenarioDefinitionInput> = {}): ScenarioDefinitionInput {
  return { schemaVersion: 1, id: 'housing', name: 'Wonen', years: { from: 2025, to: 2035 }, housing: { areas }, ...over };
}
