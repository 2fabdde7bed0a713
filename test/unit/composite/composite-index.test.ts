import { describe, expect, it } from 'vitest';
import { computeIndex, orientedZ, populationSd, rankRows, type IndexInput } from '../../../shared/domain/composite/composite-index';

// Four areas, two indicators: unemployment (higher is worse) and satisfaction (higher is better).
const areas = ['A', 'B', 'C', 'D'].map((c) => ({ code: c, name: `Wijk ${c}` }));
const values = {
  A: { werkloos: 2, tevreden: 8 },
  B: { werkloos: 4, tevreden: 7 },
  C: { werkloos: 6, tevreden: 6 },
  D: { werkloos: 8, tevreden: null },
};
const base: IndexInput = {
  components: [
    { indicatorCode: 'werkloos', weight: 2, direction: 'higher_worse' },
    { indicatorCode: 'tevreden', weight: 1, direction: 'higher_better' },
  ],
  areas,
  values,
  missing: 'reweight',
};

describe('z-scores and direction', () => {
  it('standardises against the reference set with the population sd', () => {
    expect(populationSd([2, 4, 6, 8])).toBeCloseTo(Math.sqrt(5), 12);
    // werkloos: mean 5, sd √5. Area A (2) is 1.342 sd below: good, so +1.342 after turning.
    expect(orientedZ(2, { mean: 5, sd: Math.sqrt(5), direction: 'higher_worse' })).toBeCloseTo(3 / Math.sqrt(5), 12);
    expect(orientedZ(2, { mean: 5, sd: Math.sqrt(5), direction: 'higher_better' })).toBeCloseTo(-3 / Math.sqrt(5), 12);
    const r = computeIndex(base);
    const werkloos = r.stats.find((s) => s.indicatorCode === 'werkloos')!;
    expect([werkloos.mean, werkloos.sd, werkloos.n, werkloos.share]).toEqual([5, Math.sqrt(5), 4, 2 / 3]);
    // tevreden: D has none, so the reference is A–C: mean 7, sd √(2/3).
    const tevreden = r.stats.find((s) => s.indicatorCode === 'tevreden')!;
    expect(tevreden.mean).toBe(7);
    expect(tevreden.sd).toBeCloseTo(Math.sqrt(2 / 3), 12);
  });
  it('ranks the area with low unemployment and high satisfaction first', () => {
    const r = computeIndex(base);
    expect(r.rows.map((x) => [x.areaCode, x.rank])).toEqual([['A', 1], ['B', 2], ['C', 3], ['D', 4]]);
  });
});

describe('contributions', () => {
  it('add up to the score for every area, and are weighted, turned z-scores', () => {
    const r = computeIndex(base);
    for (const row of r.rows) {
      const sum = Object.values(row.contributions).reduce((s, x) => s + x, 0);
      expect(sum).toBeCloseTo(row.score, 12);
    }
    const a = r.rows.find((x) => x.areaCode === 'A')!;
    const zW = 3 / Math.sqrt(5);
    const zT = 1 / Math.sqrt(2 / 3);
    expect(a.contributions.werkloos).toBeCloseTo((2 * zW) / 3, 12);
    expect(a.contributions.tevreden).toBeCloseTo((1 * zT) / 3, 12);
    expect(a.score).toBeCloseTo((2 * zW + zT) / 3, 12);
  });
  it('re-weights an area over what it has, or leaves it out — as chosen', () => {
    const reweighted = computeIndex(base);
    const d = reweighted.rows.find((x) => x.areaCode === 'D')!;
    expect(d.missing).toEqual(['tevreden']);
    // Only werkloos left: its whole weight, so the score is its turned z-score.
    expect(d.score).toBeCloseTo(-3 / Math.sqrt(5), 12);
    expect(Object.keys(d.contributions)).toEqual(['werkloos']);

    const strict = computeIndex({ ...base, missing: 'exclude' });
    expect(strict.rows.map((x) => x.areaCode)).toEqual(['A', 'B', 'C']);
    expect(strict.excluded).toEqual([{ areaCode: 'D', areaName: 'Wijk D', missing: ['tevreden'] }]);
    expect(strict.missingRule).toBe('exclude');
  });
  it('standardises against another reference set when asked (e.g. all districts, not only those shown)', () => {
    const r = computeIndex({ ...base, areas: areas.slice(0, 2), referenceCodes: ['A', 'B', 'C', 'D'] });
    expect(r.stats[0]!.n).toBe(4);
    expect(r.rows.map((x) => x.areaCode)).toEqual(['A', 'B']);
  });
  it('says when an indicator cannot be standardised and leaves it out', () => {
    const flat = computeIndex({ ...base, values: { A: { werkloos: 3, tevreden: 8 }, B: { werkloos: 3, tevreden: 6 } }, areas: areas.slice(0, 2) });
    expect(flat.stats.find((s) => s.indicatorCode === 'werkloos')!.unusable).toBe('geen spreiding in de referentiegebieden');
    expect(flat.rows.every((r) => Object.keys(r.contributions).join() === 'tevreden')).toBe(true);
  });
  it('gives equal scores the same rank', () => {
    const ranked = rankRows([
      { areaCode: 'X', areaName: 'X', score: 1, contributions: {}, zScores: {}, missing: [] },
      { areaCode: 'Y', areaName: 'Y', score: 0.5, contributions: {}, zScores: {}, missing: [] },
      { areaCode: 'Z', areaName: 'Z', score: 0.5, contributions: {}, zScores: {}, missing: [] },
      { areaCode: 'W', areaName: 'W', score: 0, contributions: {}, zScores: {}, missing: [] },
    ]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 2, 4]);
  });
});
