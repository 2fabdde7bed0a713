import { describe, expect, it } from 'vitest';
import type { ScenarioDefinitionInput } from '../../../shared/domain/scenario';
import { DEFAULT_RUNS, runMonteCarlo, runScenario } from '../../../shared/domain/scenario';
import { M, scenario, stream, threeAreas } from './fixtures';

/** Funding and housing with ranges of both kinds; `collapse` puts low = high = the central value. */
function uncertain(collapse = false): ScenarioDefinitionInput {
  const r = (low: number, high: number, mode?: number) => {
    const c = mode ?? (low + high) / 2;
    return collapse
      ? { low: c, high: c, dist: mode === undefined ? ('uniform' as const) : ('triangular' as const), ...(mode === undefined ? {} : { mode: c }) }
      : { low, high, dist: mode === undefined ? ('uniform' as const) : ('triangular' as const), ...(mode === undefined ? {} : { mode }) };
  };
  return scenario({
    id: 'uncertain',
    years: { from: 2023, to: 2032 },
    baseline: { id: 'stop' },
    streams: [
      stream({ amount: { kind: 'total', total: r(200 * M, 300 * M), from: 2023, to: 2025 }, indexationPctPerYear: r(0, 4, 2), afterEnd: { kind: 'continue', pct: r(50, 100, 80), untilYear: 2028 }, allocation: { kind: 'population' } }),
      stream({ id: 'vhf', name: 'VHF', amount: { kind: 'perYear', perYear: r(1 * M, 3 * M), from: 2023, to: 2027 } }),
    ],
    housing: {
      startYear: 2024,
      areas: [
        { areaCode: 'A1', poorQuality: r(800, 1200), capacity: { kind: 'stream', streamId: 'vhf', costPerDwelling: r(5_000, 15_000, 10_000) }, leadTimeYears: r(1, 3, 2), stock: { social: 500, private: 300, owner: 200 }, newConstruction: { pipeline: r(100, 300), realisationPct: r(50, 100), from: 2024, to: 2027, tenureMix: { socialPct: 40, privatePct: 30, ownerPct: 30 } } },
        { areaCode: 'A2', poorQuality: 300, capacity: { kind: 'fixed', perYear: r(20, 60), costPerDwelling: 40_000 }, leadTimeYears: 1 },
      ],
    },
  });
}
const stopBaseline = scenario({ id: 'stop', years: { from: 2023, to: 2032 } });

describe('Monte Carlo', () => {
  it('the same seed gives identical bands; another seed does not', () => {
    const a = runMonteCarlo(uncertain(), threeAreas, { runs: 500, seed: 42, baseline: stopBaseline });
    const b = runMonteCarlo(uncertain(), threeAreas, { runs: 500, seed: 42, baseline: stopBaseline });
    const c = runMonteCarlo(uncertain(), threeAreas, { runs: 500, seed: 43, baseline: stopBaseline });
    expect(a.rangedParameters).toBe(10);
    expect(b).toEqual(a);
    expect(c.funding).not.toEqual(a.funding);
  });

  it('with all ranges collapsed the bands equal the deterministic run exactly', () => {
    const mc = runMonteCarlo(uncertain(true), threeAreas, { runs: 300, seed: 7, baseline: stopBaseline });
    const det = runScenario(uncertain(true), threeAreas, { baseline: stopBaseline });
    expect(mc.deterministic).toEqual(det);
    let checked = 0;
    for (const f of det.funding) {
      const expected = { amount: f.amount, cumulativeAmount: f.cumulativeAmount, perResident: f.perResident, delta: f.delta, cumulativeDelta: f.cumulativeDelta };
      for (const [measure, value] of Object.entries(expected)) {
        if (value === null) continue;
        const band = mc.funding.find((b) => b.streamId === f.streamId && b.areaCode === f.areaCode && b.year === f.year && b.measure === measure);
        expect(band, `${f.streamId} ${f.areaCode} ${f.year} ${measure}`).toMatchObject({ p10: value, p50: value, p90: value });
        checked++;
      }
    }
    for (const h of det.housing) {
      for (const measure of ['remainingPoorQuality', 'improved', 'started', 'cumulativeImproved', 'newDwellings', 'socialRentSharePct', 'cost'] as const) {
        const value = h[measure];
        const band = mc.housing.find((b) => b.areaCode === h.areaCode && b.year === h.year && b.measure === measure);
        if (value === null) expect(band).toBeUndefined();
        else expect(band, `${h.areaCode} ${h.year} ${measure}`).toMatchObject({ p10: value, p50: value, p90: value });
        checked++;
      }
    }
    for (const t of det.housingTargets) {
      expect(mc.targetYears.find((b) => b.areaCode === t.areaCode)).toMatchObject({ p10: t.targetYear, p50: t.targetYear, p90: t.targetYear });
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('P10 ≤ P50 ≤ P90 for every band', () => {
    const mc = runMonteCarlo(uncertain(), threeAreas, { runs: 1000, seed: 3, baseline: stopBaseline });
    const all = [...mc.funding, ...mc.housing, ...mc.targetYears];
    expect(all.length).toBeGreaterThan(500);
    for (const b of all) {
      if (b.p10 === null || b.p50 === null || b.p90 === null) continue;
      expect(b.p10).toBeLessThanOrEqual(b.p50);
      expect(b.p50).toBeLessThanOrEqual(b.p90);
    }
    // Uncertainty actually shows: the 2026 continuation has a real spread.
    const y2026 = mc.funding.find((b) => b.streamId === 'kw' && b.areaCode === 'NPLV' && b.year === 2026 && b.measure === 'amount');
    expect((y2026?.p90 ?? 0) - (y2026?.p10 ?? 0)).toBeGreaterThan(10 * M);
  });

  it('percentiles of a uniform total match the distribution (P10 = low + 10% of the width)', () => {
    const def = scenario({ streams: [stream({ amount: { kind: 'total', total: { low: 200 * M, high: 300 * M, dist: 'uniform' }, from: 2023, to: 2025 } })] });
    const mc = runMonteCarlo(def, threeAreas, { runs: 20_000, seed: 11 });
    const b = mc.funding.find((x) => x.areaCode === 'NPLV' && x.year === 2023 && x.measure === 'amount');
    expect((b?.p10 ?? 0) / ((210 * M) / 3)).toBeCloseTo(1, 2);
    expect((b?.p50 ?? 0) / ((250 * M) / 3)).toBeCloseTo(1, 2);
    expect((b?.p90 ?? 0) / ((290 * M) / 3)).toBeCloseTo(1, 2);
  });

  it('uses 2,000 runs by default, or the definition\'s own runs and seed', () => {
    expect(DEFAULT_RUNS).toBe(2000);
    expect(runMonteCarlo(uncertain(), threeAreas, { baseline: null })).toMatchObject({ runs: 2000, seed: 1 });
    expect(runMonteCarlo({ ...uncertain(), uncertainty: { runs: 100, seed: 9 } }, threeAreas, { baseline: null })).toMatchObject({ runs: 100, seed: 9 });
  });

  it('a target year that some runs do not reach: null band ends and the share that reaches it', () => {
    const def = { schemaVersion: 1 as const, id: 'h', name: 'H', years: { from: 2025, to: 2030 }, housing: { areas: [{ areaCode: 'NPLV', poorQuality: 500, capacity: { kind: 'fixed' as const, perYear: { low: 50, high: 150, dist: 'uniform' as const } }, leadTimeYears: 0 }] } };
    const mc = runMonteCarlo(def, threeAreas, { runs: 2000, seed: 5 });
    const t = mc.targetYears[0];
    // 500 dwellings in 6 years needs at least 83.3 a year: reached in (150 − 83.3) / 100 = 67% of runs.
    expect(t?.reachedShare).toBeCloseTo(2 / 3, 1);
    expect(t?.p10).not.toBeNull();
    expect(t?.p90).toBeNull();
  });

  it('reports progress and can be cancelled', () => {
    const seen: number[] = [];
    runMonteCarlo(uncertain(), threeAreas, { runs: 600, baseline: null, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([256, 512, 600]);
    expect(() => runMonteCarlo(uncertain(), threeAreas, { runs: 600, baseline: null, isCancelled: () => true })).toThrow(/cancelled after 256 of 600/);
  });
});
