import type { FundingStreamInput, ScenarioDefinitionInput } from '../../../shared/domain/scenario';

/** Small hand-checkable inputs. Populations are chosen so shares are round numbers. */
export const threeAreas = {
  areas: [
    { code: 'A1', name: 'Gebied 1', municipalityCode: 'GM0001', population: 10_000 },
    { code: 'A2', name: 'Gebied 2', municipalityCode: 'GM0002', population: 30_000 },
    { code: 'A3', name: 'Gebied 3', municipalityCode: 'GM0002', population: 60_000 },
  ],
};

/** 20 areas in 19 municipalities (two in the last one), like the programme. */
export function twentyAreas(withPopulation = true) {
  return {
    areas: Array.from({ length: 20 }, (_, i) => ({
      code: `NPLV${String(i + 1).padStart(2, '0')}`,
      municipalityCode: `GM${String(Math.min(i, 18) + 1).padStart(4, '0')}`,
      population: withPopulation ? 10_000 + 1_000 * i : null,
    })),
  };
}

export const M = 1_000_000;

export function stream(over: Partial<FundingStreamInput> = {}): FundingStreamInput {
  return {
    id: 'kw',
    name: 'Kansrijke Wijk',
    ministry: 'BZK',
    amount: { kind: 'total', total: 256 * M, from: 2023, to: 2025 },
    allocation: { kind: 'equal' },
    ...over,
  };
}

export function scenario(over: Partial<ScenarioDefinitionInput> = {}): ScenarioDefinitionInput {
  return { schemaVersion: 1, id: 'test', name: 'Test', years: { from: 2023, to: 2030 }, streams: [stream()], ...over };
}
