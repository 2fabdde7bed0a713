import { describe, expect, it } from 'vitest';
import { compareResults, findTemplate, runScenario, type ScenarioDefinitionInput } from '../../../shared/domain/scenario';

const inputs = {
  areas: [
    { code: 'A', municipalityCode: 'GM1', population: 1000 },
    { code: 'B', municipalityCode: 'GM2', population: 3000 },
  ],
};
const M = 1e6;

function def(id: string, years: [number, number], streams: ScenarioDefinitionInput['streams']): ScenarioDefinitionInput {
  return { schemaVersion: 1, id, name: id, years: { from: years[0], to: years[1] }, streams };
}

const flat = (id: string, perYear: number, from: number, to: number) => ({ id, name: id, ministry: 'BZK', amount: { kind: 'perYear' as const, perYear, from, to }, allocation: { kind: 'population' as const } });

describe('compareResults', () => {
  const ref = runScenario(def('ref', [2024, 2027], [flat('s', 10 * M, 2024, 2025)]), inputs);
  const more = runScenario(def('more', [2024, 2027], [flat('s', 10 * M, 2024, 2027), flat('t', 2 * M, 2026, 2027)]), inputs);
  const later = runScenario(def('later', [2026, 2028], [flat('s', 5 * M, 2026, 2028)]), inputs);
  const c = compareResults([
    { id: 'ref', name: 'Referentie', origin: 'template', result: ref },
    { id: 'more', name: 'Meer', origin: 'definition', result: more },
    { id: 'later', name: 'Later', origin: 'saved', result: later },
  ]);

  it('takes the union of years, and the years all cover', () => {
    expect(c.years).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(c.commonYears).toEqual([2026, 2027]);
    expect(c.reference).toBe(0);
  });

  it('adds the streams into a programme total; null outside a scenario\'s own years, never zero', () => {
    expect(c.columns[0]?.total).toEqual([10 * M, 10 * M, 0, 0, null]);
    expect(c.columns[1]?.total).toEqual([10 * M, 10 * M, 12 * M, 12 * M, null]);
    expect(c.columns[2]?.total).toEqual([null, null, 5 * M, 5 * M, 5 * M]);
    expect(c.columns[1]?.streams.map((s) => s.streamId)).toEqual(['s', 't']);
    expect(c.columns[1]?.streams[1]?.amounts).toEqual([0, 0, 2 * M, 2 * M, null]);
  });

  it('differences from the first column, per year and cumulative over the years both have', () => {
    expect(c.columns[0]?.delta).toEqual([0, 0, 0, 0, null]);
    expect(c.columns[1]?.delta).toEqual([0, 0, 12 * M, 12 * M, null]);
    expect(c.columns[1]?.cumulativeDelta).toEqual([0, 0, 12 * M, 24 * M, null]);
    expect(c.columns[2]?.delta).toEqual([null, null, 5 * M, 5 * M, null]);
    expect(c.columns[2]?.cumulativeDelta).toEqual([null, null, 5 * M, 10 * M, null]);
    expect(c.columns[1]?.cumulative).toEqual([10 * M, 20 * M, 32 * M, 44 * M, null]);
  });

  it('sums areas over the common years only, with the difference from the reference', () => {
    // 2026–2027: "more" gives 12 mln a year, split 1:3 by population.
    expect(c.columns[1]?.areas).toEqual([
      { areaCode: 'A', total: 6 * M, delta: 6 * M },
      { areaCode: 'B', total: 18 * M, delta: 18 * M },
    ]);
    expect(c.columns[0]?.areas).toEqual([
      { areaCode: 'A', total: 0, delta: 0 },
      { areaCode: 'B', total: 0, delta: 0 },
    ]);
  });

  it('compares housing paths per area and counts what is "te bevestigen"', () => {
    const h = findTemplate('woningverbetering') as ScenarioDefinitionInput;
    const base = runScenario(h, inputs);
    const faster = structuredClone(h);
    const area = faster.housing?.areas[0];
    if (!area) throw new Error('template without housing');
    area.leadTimeYears = 1;
    const cmp = compareResults([
      { id: 'h', name: 'h', origin: 'template', result: base },
      { id: 'f', name: 'f', origin: 'definition', result: runScenario(faster, inputs) },
    ]);
    const col = cmp.columns[1]?.housing[0];
    expect(col?.areaCode).toBe('NPLV');
    expect(col?.remaining[0]).toBe(0);
    expect(col?.delta[0]).toBe(-1595);
    expect(col?.target).toBe('Doel bereikt in 2025');
    expect(cmp.columns[0]?.toConfirm).toBe(base.assumptions.filter((a) => a.kind === 'te-bevestigen').length);
  });
});
