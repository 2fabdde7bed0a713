import { describe, expect, it } from 'vitest';
import type { FundingRow, ScenarioResult } from '../../../shared/domain/scenario';
import { runScenario } from '../../../shared/domain/scenario';
import { M, scenario, stream, threeAreas } from './fixtures';

const series = (r: ScenarioResult, areaCode: string, streamId = 'kw'): number[] =>
  r.funding.filter((f) => f.areaCode === areaCode && f.streamId === streamId).map((f) => f.amount);
const row = (r: ScenarioResult, areaCode: string, year: number, streamId = 'kw'): FundingRow => {
  const found = r.funding.find((f) => f.areaCode === areaCode && f.year === year && f.streamId === streamId);
  if (!found) throw new Error(`no row ${streamId} ${areaCode} ${year}`);
  return found;
};
const PER_YEAR = (256 * M) / 3; // 85,333,333.33

describe('funding amounts per year', () => {
  it('EUR 256 million flat over 2023–2025 is 85.33 million a year, then stops', () => {
    const r = runScenario(scenario(), threeAreas);
    expect(r.years).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(series(r, 'NPLV').map((x) => Math.round(x / 10_000) / 100)).toEqual([85.33, 85.33, 85.33, 0, 0, 0, 0, 0]);
    expect(row(r, 'NPLV', 2024).amount).toBeCloseTo(PER_YEAR, 6);
    expect(row(r, 'NPLV', 2030).cumulativeAmount).toBeCloseTo(256 * M, 4);
  });

  it('continuing at 100% until 2028 adds three more years of the same amount', () => {
    const r = runScenario(scenario({ streams: [stream({ afterEnd: { kind: 'continue', pct: 100, untilYear: 2028 } })] }), threeAreas);
    const s = series(r, 'NPLV');
    for (const y of [3, 4, 5]) expect(s[y]).toBeCloseTo(PER_YEAR, 6); // 2026, 2027, 2028
    expect(s.slice(6)).toEqual([0, 0]);
    expect(row(r, 'NPLV', 2030).cumulativeAmount).toBeCloseTo(512 * M, 4);
  });

  it('continuing at 80% with 2% indexation: 2026 = 85.33 × 0.8 × 1.02, compounding from the end year 2025', () => {
    const r = runScenario(
      scenario({ streams: [stream({ indexationPctPerYear: 2, afterEnd: { kind: 'continue', pct: 80, untilYear: 2028 } })] }),
      threeAreas,
    );
    // The total for 2023–2025 is nominal: indexation does not touch those years.
    expect(row(r, 'NPLV', 2025).amount).toBeCloseTo(PER_YEAR, 6);
    expect(row(r, 'NPLV', 2026).amount).toBeCloseTo(PER_YEAR * 0.8 * 1.02, 6);
    expect(row(r, 'NPLV', 2027).amount).toBeCloseTo(PER_YEAR * 0.8 * 1.02 ** 2, 6);
    expect(row(r, 'NPLV', 2028).amount).toBeCloseTo(PER_YEAR * 0.8 * 1.02 ** 3, 6);
    expect(row(r, 'NPLV', 2029).amount).toBe(0);
    expect(r.assumptions.map((a) => a.message).join('\n')).toContain('indexatie geldt vanaf 2026');
  });

  it('an amount per year is in prices of its first year: indexation compounds from the year after', () => {
    const r = runScenario(
      scenario({ years: { from: 2025, to: 2027 }, streams: [stream({ amount: { kind: 'perYear', perYear: 143 * M, from: 2025 }, indexationPctPerYear: 2 })] }),
      threeAreas,
    );
    expect(series(r, 'NPLV')).toEqual([143 * M, 143 * M * 1.02, 143 * M * 1.02 ** 2].map((x) => expect.closeTo(x, 4)));
  });

  it('tapering over 3 years gives 3/4, 2/4, 1/4 of the last amount, then nothing', () => {
    const r = runScenario(scenario({ streams: [stream({ afterEnd: { kind: 'taper', years: 3 } })] }), threeAreas);
    const s = series(r, 'NPLV');
    expect(s[3]).toBeCloseTo(PER_YEAR * 0.75, 6);
    expect(s[4]).toBeCloseTo(PER_YEAR * 0.5, 6);
    expect(s[5]).toBeCloseTo(PER_YEAR * 0.25, 6);
    expect(s.slice(6)).toEqual([0, 0]);
  });

  it('a yearly profile spreads the total by its weights', () => {
    const r = runScenario(scenario({ streams: [stream({ amount: { kind: 'total', total: 100 * M, from: 2023, to: 2025, profile: [1, 2, 1] } })] }), threeAreas);
    expect(series(r, 'NPLV').slice(0, 3)).toEqual([25 * M, 50 * M, 25 * M]);
  });

  it('a stream that starts later has zeros before its first year', () => {
    const r = runScenario(scenario({ streams: [stream({ amount: { kind: 'perYear', perYear: 10 * M, from: 2026, to: 2027 } })] }), threeAreas);
    expect(series(r, 'NPLV')).toEqual([0, 0, 0, 10 * M, 10 * M, 0, 0, 0]);
  });
});

describe('allocation over areas', () => {
  it('equal: each of three areas gets a third; area rows add up to the programme row', () => {
    const r = runScenario(scenario(), threeAreas);
    for (const a of ['A1', 'A2', 'A3']) expect(row(r, a, 2023).amount).toBeCloseTo(PER_YEAR / 3, 6);
    expect(r.assumptions.some((a) => a.message.includes('te bevestigen'))).toBe(false);
  });

  it('the default key is equal and is listed as "te bevestigen"', () => {
    const s = stream();
    delete s.allocation;
    const r = runScenario(scenario({ streams: [s] }), threeAreas);
    expect(row(r, 'A1', 2023).amount).toBeCloseTo(PER_YEAR / 3, 6);
    expect(r.assumptions).toContainEqual(expect.objectContaining({ kind: 'te-bevestigen', message: 'Kansrijke Wijk — verdeling over gebieden: gelijk (te bevestigen)' }));
  });

  it('population: shares in proportion 10,000 : 30,000 : 60,000 = 10% : 30% : 60%', () => {
    const r = runScenario(scenario({ streams: [stream({ amount: { kind: 'perYear', perYear: 10 * M, from: 2023, to: 2025 }, allocation: { kind: 'population' } })] }), threeAreas);
    expect(row(r, 'A1', 2023).amount).toBeCloseTo(1 * M, 6);
    expect(row(r, 'A2', 2023).amount).toBeCloseTo(3 * M, 6);
    expect(row(r, 'A3', 2023).amount).toBeCloseTo(6 * M, 6);
  });

  it('per resident: amount / population; the programme row divides by all 100,000 residents', () => {
    const r = runScenario(scenario({ streams: [stream({ amount: { kind: 'perYear', perYear: 10 * M, from: 2023, to: 2025 } })] }), threeAreas);
    expect(row(r, 'A1', 2023).perResident).toBeCloseTo((10 * M) / 3 / 10_000, 9); // 333.33
    expect(row(r, 'A3', 2023).perResident).toBeCloseTo((10 * M) / 3 / 60_000, 9); // 55.56
    expect(row(r, 'NPLV', 2023).perResident).toBeCloseTo(100, 9);
    expect(row(r, 'NPLV', 2023).perResidentReason).toBeNull();
  });

  it('a missing population gives null per resident with a reason, and a note in the assumptions', () => {
    const inputs = { areas: [...threeAreas.areas.slice(0, 2), { code: 'A3', name: 'Gebied 3', municipalityCode: 'GM0002', population: null }] };
    const r = runScenario(scenario(), inputs);
    expect(row(r, 'A3', 2023).perResident).toBeNull();
    expect(row(r, 'A3', 2023).perResidentReason).toBe('Inwonertal van Gebied 3 ontbreekt');
    expect(row(r, 'A1', 2023).perResident).not.toBeNull();
    expect(row(r, 'NPLV', 2023).perResident).toBeNull();
    expect(row(r, 'NPLV', 2023).perResidentReason).toBe('Inwonertal ontbreekt voor 1 van de 3 gebieden');
    expect(r.assumptions).toContainEqual(expect.objectContaining({ kind: 'ontbrekend', message: expect.stringContaining('Gebied 3') }));
  });

  it('population key with a missing population is refused, naming the area', () => {
    const inputs = { areas: [{ code: 'A1', municipalityCode: 'GM1', population: null }, { code: 'A2', municipalityCode: 'GM1', population: 5 }] };
    expect(() => runScenario(scenario({ streams: [stream({ allocation: { kind: 'population' } })] }), inputs)).toThrow(/population is missing for A1/);
  });

  it('explicit amounts: areas get their amount; what is not assigned stays at programme level only', () => {
    const r = runScenario(
      scenario({ streams: [stream({ amount: { kind: 'total', total: 30 * M, from: 2023, to: 2025 }, allocation: { kind: 'explicit', amounts: { A1: 6 * M, A2: 12 * M } } })] }),
      threeAreas,
    );
    expect(row(r, 'A1', 2023).amount).toBeCloseTo(2 * M, 6);
    expect(row(r, 'A2', 2023).amount).toBeCloseTo(4 * M, 6);
    expect(row(r, 'A3', 2023).amount).toBe(0);
    expect(row(r, 'NPLV', 2023).amount).toBeCloseTo(10 * M, 6);
    const messages = r.assumptions.map((a) => a.message);
    expect(messages).toContain('Kansrijke Wijk: geen bedrag voor Gebied 3; daar 0 gerekend');
    expect(messages).toContain('Kansrijke Wijk: € 12 mln niet over gebieden verdeeld; alleen zichtbaar op programmaniveau');
  });

  it('explicit amounts for unknown areas or above the total are refused', () => {
    expect(() => runScenario(scenario({ streams: [stream({ allocation: { kind: 'explicit', amounts: { X9: 1 } } })] }), threeAreas)).toThrow(/X9/);
    expect(() => runScenario(scenario({ streams: [stream({ allocation: { kind: 'explicit', amounts: { A1: 300 * M } } })] }), threeAreas)).toThrow(/more than the stream/);
  });

  it('need index: indicators scaled to their mean, weighted; shares follow the index', () => {
    const inputs = {
      areas: [
        { code: 'A1', municipalityCode: 'GM1', indicators: { lowIncome: 10, income: 40 } },
        { code: 'A2', municipalityCode: 'GM1', indicators: { lowIncome: 30, income: 20 } },
      ],
    };
    // lowIncome/mean: 0.5, 1.5; mean/income (lower income = more need): 30/40 = 0.75, 30/20 = 1.5
    // index with weights 3 and 1: A1 (1.5 + 0.75)/4 = 0.5625, A2 (4.5 + 1.5)/4 = 1.5 → shares 0.2727…, 0.7272…
    const allocation = {
      kind: 'need' as const,
      indicators: [
        { code: 'lowIncome', weight: 3, direction: 'higher-is-more-need' as const },
        { code: 'income', weight: 1, direction: 'lower-is-more-need' as const },
      ],
    };
    const r = runScenario(scenario({ streams: [stream({ amount: { kind: 'perYear', perYear: 1 * M, from: 2023 }, allocation })] }), inputs);
    expect(row(r, 'A1', 2023).amount).toBeCloseTo((0.5625 / 2.0625) * M, 4);
    expect(row(r, 'A2', 2023).amount).toBeCloseTo((1.5 / 2.0625) * M, 4);
  });
});

describe('money without a per-area earmark', () => {
  const gf = stream({ id: 'gf', name: 'Gemeentefonds', amount: { kind: 'perYear', perYear: 19 * M, from: 2023 }, attributableToAreas: false });

  it('appears only at programme level, never spread over areas', () => {
    const r = runScenario(scenario({ streams: [gf] }), threeAreas);
    expect(new Set(r.funding.map((f) => f.areaCode))).toEqual(new Set(['NPLV']));
    expect(row(r, 'NPLV', 2023, 'gf').amount).toBe(19 * M);
    expect(row(r, 'NPLV', 2023, 'gf').perResident).toBeNull();
    expect(row(r, 'NPLV', 2023, 'gf').perResidentReason).toMatch(/Niet aan gebieden toe te rekenen/);
  });

  it('with a municipality key it also appears per municipality, and still not per area', () => {
    const inputs = { ...threeAreas, municipalities: [{ code: 'GM0001', population: 50_000 }, { code: 'GM0002', population: 150_000 }] };
    const r = runScenario(scenario({ streams: [{ ...gf, municipalityKey: { kind: 'population' } }] }), inputs);
    expect(new Set(r.funding.map((f) => f.level))).toEqual(new Set(['programme', 'municipality']));
    expect(row(r, 'GM0001', 2023, 'gf').amount).toBeCloseTo(4.75 * M, 6);
    expect(row(r, 'GM0002', 2023, 'gf').amount).toBeCloseTo(14.25 * M, 6);
    expect(row(r, 'GM0002', 2023, 'gf').perResident).toBeCloseTo(95, 9);
  });

  it('is in the programme total but not in the area totals', () => {
    const r = runScenario(scenario({ streams: [stream({ amount: { kind: 'perYear', perYear: 3 * M, from: 2023 } }), gf] }), threeAreas);
    expect(row(r, 'NPLV', 2023, '_totaal').amount).toBe(22 * M);
    expect(row(r, 'A1', 2023, '_totaal').amount).toBeCloseTo(1 * M, 6);
    expect(row(r, 'NPLV', 2023, '_totaal').perResident).toBeNull();
  });
});

describe('bundling', () => {
  it('after its end the money continues inside the target stream, less the administrative saving', () => {
    const a = stream({ id: 'a', name: 'A', amount: { kind: 'total', total: 90 * M, from: 2023, to: 2025 }, afterEnd: { kind: 'bundle', intoStreamId: 'b', adminCostReductionPct: 10, untilYear: 2027 } });
    const b = stream({ id: 'b', name: 'B', amount: { kind: 'perYear', perYear: 5 * M, from: 2023 }, allocation: { kind: 'population' } });
    const r = runScenario(scenario({ streams: [a, b] }), threeAreas);
    expect(series(r, 'NPLV', 'a')).toEqual([30, 30, 30, 0, 0, 0, 0, 0].map((x) => expect.closeTo(x * M, 4)));
    // 2026–2027: B's own 5 + 30 × (1 − 10%) = 32; from 2028 only B's own 5.
    expect(series(r, 'NPLV', 'b')).toEqual([5, 5, 5, 32, 32, 5, 5, 5].map((x) => expect.closeTo(x * M, 4)));
    // The bundled money follows B's key (population): A3 has 60%.
    expect(row(r, 'A3', 2026, 'b').amount).toBeCloseTo(0.6 * 32 * M, 4);
    expect(r.assumptions.map((x) => x.message)).toContain('A gaat na 2025 op in B en volgt diens verdeling; de besparing op apart beheer gaat niet naar de gebieden');
  });
});
