import { describe, expect, it } from 'vitest';
import { runSensitivity } from '../../../shared/domain/scenario';
import { housingScenario } from './housing-fixtures';
import { M, scenario, stream, threeAreas } from './fixtures';

const def = scenario({
  streams: [
    stream({
      amount: { kind: 'total', total: { low: 200 * M, high: 300 * M, dist: 'uniform' }, from: 2023, to: 2025 },
      afterEnd: { kind: 'continue', pct: { low: 50, high: 100, dist: 'uniform' }, untilYear: 2028 },
      indexationPctPerYear: 0,
    }),
  ],
});

describe('one-at-a-time sensitivity (tornado)', () => {
  it('moves each ranged parameter to its ends with the others central, sorted by swing', () => {
    const r = runSensitivity(def, threeAreas, { kind: 'funding', streamId: 'kw', areaCode: 'NPLV', year: 2026 });
    // Central: 250/3 million × 75% = 62.5 million.
    expect(r.base).toBeCloseTo(62.5 * M, 4);
    expect(r.rows.map((x) => x.path)).toEqual(['streams[0].afterEnd.pct', 'streams[0].amount.total']);
    const [pct, total] = r.rows;
    expect(pct).toMatchObject({ low: 50, high: 100, central: 75, label: 'Kansrijke Wijk — voortzetting na 2025 t/m 2028' });
    expect(pct?.outputAtLow).toBeCloseTo((250 / 3) * 0.5 * M, 4);
    expect(pct?.outputAtHigh).toBeCloseTo((250 / 3) * M, 4);
    expect(pct?.swing).toBeCloseTo((250 / 6) * M, 4);
    expect(total?.outputAtLow).toBeCloseTo(50 * M, 4);
    expect(total?.outputAtHigh).toBeCloseTo(75 * M, 4);
    expect(total?.swing).toBeCloseTo(25 * M, 4);
  });

  it('works for per-resident figures, cumulative differences from the baseline, and areas', () => {
    const perResident = runSensitivity(def, threeAreas, { kind: 'funding', streamId: 'kw', areaCode: 'A1', year: 2026, measure: 'perResident' });
    expect(perResident.base).toBeCloseTo((62.5 * M) / 3 / 10_000, 6);
    const stop = scenario({ id: 'stop', streams: [stream()] });
    const gap = runSensitivity({ ...def, baseline: { id: 'stop' } }, threeAreas, { kind: 'funding', streamId: 'kw', areaCode: 'NPLV', year: 2030, measure: 'cumulativeDelta' }, { baseline: stop });
    // Cumulative vs a flat EUR 256 million that stops: (250 − 256) + 3 × 62.5 = 181.5 million.
    expect(gap.base).toBeCloseTo(181.5 * M, 3);
    // The total moves the cumulative by 100 × (1 + 75%) = 175 million, the percentage by 250 × 50% = 125.
    expect(gap.rows.map((x) => Math.round(x.swing / M))).toEqual([175, 125]);
    expect(gap.rows[0]?.path).toBe('streams[0].amount.total');
  });

  it('a target year not reached counts as the year after the horizon for the swing', () => {
    const h = housingScenario([{ areaCode: 'NPLV', poorQuality: 500, capacity: { kind: 'fixed', perYear: { low: 40, high: 250, dist: 'uniform' } }, leadTimeYears: { low: 0, high: 2, dist: 'uniform' } }]);
    const r = runSensitivity(h, threeAreas, { kind: 'targetYear', areaCode: 'NPLV' });
    // Central: 145 a year, lead time 1 → completions 145, 145, 145, 65 in 2026–2029.
    expect(r.base).toBe(2029);
    // 40 a year completes only 400 by 2035: not reached (null, counted as 2036); 250 a year: 2027.
    const capacity = r.rows.find((x) => x.path.endsWith('capacity.perYear'));
    expect(capacity).toMatchObject({ outputAtLow: null, outputAtHigh: 2027, swing: 9 });
    // Lead time 0 → 2028, lead time 2 → 2030.
    const lead = r.rows.find((x) => x.path.endsWith('leadTimeYears'));
    expect(lead).toMatchObject({ outputAtLow: 2028, outputAtHigh: 2030, swing: 2 });
    expect(r.rows[0]).toBe(capacity);
  });

  it('an output that does not exist is a clear error', () => {
    expect(() => runSensitivity(def, threeAreas, { kind: 'funding', streamId: 'nope', areaCode: 'NPLV', year: 2026 })).toThrow(/Scenario output not found: stream nope/);
    expect(() => runSensitivity(def, threeAreas, { kind: 'funding', streamId: 'kw', areaCode: 'NPLV', year: 2040 })).toThrow(/year 2040/);
  });
});
