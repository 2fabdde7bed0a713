import { describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../../shared/errors';
import { parseScenarioDefinition, runScenario, scenarioJsonSchema } from '../../../shared/domain/scenario';
import { housingScenario } from './housing-fixtures';
import { scenario, stream, threeAreas } from './fixtures';

function rejection(input: unknown): AppError {
  try {
    parseScenarioDefinition(input);
  } catch (err) {
    if (isAppError(err)) return err;
    throw err;
  }
  throw new Error('expected the definition to be rejected');
}

describe('scenario definition schema', () => {
  it('accepts a valid definition and fills in defaults', () => {
    const d = parseScenarioDefinition(scenario());
    expect(d.streams[0]).toMatchObject({ programmeSharePct: 100, afterEnd: { kind: 'stop' }, attributableToAreas: true });
  });

  it.each([
    ['a string where a number belongs', scenario({ streams: [stream({ amount: { kind: 'total', total: '256' as never, from: 2023, to: 2025 } })] }), 'streams[0].amount.total: wrong type: give a number, { value } or a range { low, high, dist }'],
    ['a range with low above high', scenario({ streams: [stream({ amount: { kind: 'total', total: { low: 300, high: 200, dist: 'uniform' }, from: 2023, to: 2025 } })] }), 'streams[0].amount.total: range low (300) is above high (200)'],
    ['a misspelt field', scenario({ streams: [stream({ amount: { kind: 'total', totaal: 5, from: 2023, to: 2025 } as never })] }), 'streams[0].amount.total: required: give a number, { value } or a range { low, high, dist }'],
    ['another schema version', { ...scenario(), schemaVersion: 2 }, 'schemaVersion: Invalid input: expected 1'],
    ['bundling into an unknown stream', scenario({ streams: [stream({ afterEnd: { kind: 'bundle', intoStreamId: 'nope' } })] }), 'streams[0].afterEnd.intoStreamId: unknown stream "nope"'],
    ['a profile of the wrong length', scenario({ streams: [stream({ amount: { kind: 'total', total: 1, from: 2023, to: 2025, profile: [1, 2] } })] }), 'streams[0].amount.profile: profile has 2 weights for 3 years 2023–2025'],
    ['a negative amount', scenario({ streams: [stream({ amount: { kind: 'perYear', perYear: -5, from: 2023 } })] }), 'streams[0].amount.perYear: Too small: expected number to be >=0'],
    ['an unknown distribution', scenario({ streams: [stream({ amount: { kind: 'perYear', perYear: { low: 1, high: 2, dist: 'normal' as never }, from: 2023 } })] }), 'streams[0].amount.perYear.dist: Invalid option: expected one of "uniform"|"triangular"'],
    ['an unknown status', scenario({ streams: [stream({ amount: { kind: 'perYear', perYear: { value: 1, status: 'onbekend' as never }, from: 2023 } })] }), 'streams[0].amount.perYear.status: Invalid input: expected "te bevestigen"'],
    ['a continuation that ends before the stream', scenario({ streams: [stream({ afterEnd: { kind: 'continue', pct: 100, untilYear: 2024 } })] }), "streams[0].afterEnd.untilYear: untilYear 2024 must be after the stream's last year 2025"],
    ['an after-end rule on a structural stream', scenario({ streams: [stream({ amount: { kind: 'perYear', perYear: 1, from: 2023 }, afterEnd: { kind: 'taper', years: 2 } })] }), 'streams[0].afterEnd: stream "kw" is structural (no end year), so it cannot have an after-end rule'],
    ['duplicate stream ids', scenario({ streams: [stream(), stream()] }), 'streams[1].id: duplicate stream id "kw"'],
    ['a mode outside the range', scenario({ streams: [stream({ amount: { kind: 'total', total: { low: 1, high: 2, dist: 'triangular', mode: 3 }, from: 2023, to: 2025 } })] }), 'streams[0].amount.total.mode: mode 3 lies outside [1, 2]'],
    ['housing beyond the scenario years', housingScenario([{ areaCode: 'NPLV', poorQuality: 1, capacity: { kind: 'fixed', perYear: 1 }, leadTimeYears: 1 }], { housing: { horizon: 2040, areas: [{ areaCode: 'NPLV', poorQuality: 1, capacity: { kind: 'fixed', perYear: 1 }, leadTimeYears: 1 }] } }), 'housing.horizon: housing horizon 2040 must lie within 2025–2035'],
    ['a stock without a tenure mix for new dwellings', housingScenario([{ areaCode: 'NPLV', poorQuality: 1, capacity: { kind: 'fixed', perYear: 1 }, leadTimeYears: 1, stock: { social: 1, private: 1, owner: 1 }, newConstruction: { pipeline: 1, realisationPct: 100, from: 2025, to: 2026 } }]), 'housing.areas[0].newConstruction.tenureMix: give a tenure mix: the stock is kept by tenure'],
    ['a stream id that starts with "_"', scenario({ streams: [stream({ id: '_totaal' })] }), 'streams[0].id: use letters, digits, ".", "_" or "-", starting with a letter or digit'],
  ])('rejects %s with a clear message', (_what, input, message) => {
    const err = rejection(input);
    expect(err.code).toBe('SCENARIO_INVALID');
    expect(err.details).toContain(message);
    expect(err.message).toMatch(/^Invalid scenario definition: /);
  });

  it('reports every problem in the details, the first in the message', () => {
    const err = rejection({ ...scenario(), schemaVersion: 2, name: '' });
    expect(err.details?.length).toBe(2);
    expect(err.message).toMatch(/\(and 1 more\)$/);
  });

  it('refuses tenure mixes that do not add up to 100% when run', () => {
    const def = housingScenario([{ areaCode: 'NPLV', poorQuality: 1, capacity: { kind: 'fixed', perYear: 1 }, leadTimeYears: 1, stock: { social: 1, private: 1, owner: 1 }, newConstruction: { pipeline: 1, realisationPct: 100, from: 2025, to: 2026, tenureMix: { socialPct: 50, privatePct: 30, ownerPct: 30 } } }]);
    expect(() => runScenario(def, threeAreas)).toThrow(/adds up to 110%, not 100%/);
  });

  it('exports a JSON schema of the definition', () => {
    const schema = scenarioJsonSchema() as { type: string; properties: Record<string, unknown>; required: string[] };
    expect(schema.type).toBe('object');
    expect(schema.properties.schemaVersion).toEqual({ type: 'number', const: 1 });
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'id', 'name', 'years']));
    const text = JSON.stringify(schema);
    for (const word of ['te bevestigen', 'triangular', 'attributableToAreas', 'adminCostReductionPct', 'leadTimeYears', 'municipalityKey']) expect(text).toContain(word);
    expect(() => JSON.parse(text)).not.toThrow();
  });
});
