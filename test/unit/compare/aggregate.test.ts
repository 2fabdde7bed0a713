import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../shared/domain/compare/aggregate';
import { boundaryBreak } from '../../../shared/domain/compare/boundary';
import { colourClass, quintiles, rankValues, spreadOf } from '../../../shared/domain/compare/stats';

const weighted = { aggregation: 'weighted_mean' as const, weightIndicatorCode: 'a_woning' };

describe('aggregation (hand-computed)', () => {
  it('weighs a percentage by its weight: (80·1000 + 20·3000) / 4000 = 35, not the plain mean 50', () => {
    const out = aggregate(weighted, [
      { code: 'WK1', value: 80, sign: null, weight: 1000 },
      { code: 'WK2', value: 20, sign: null, weight: 3000 },
    ], 1);
    expect(out.value).toBe(35);
    expect((80 + 20) / 2).toBe(50); // the plain mean it must not be
    expect(out.coverage).toBe(1);
    expect(out.weightShare).toBe(1);
    expect(out.method).toBe('gewogen gemiddelde (gewicht a_woning) van 2 leden');
  });

  it('sums counts', () => {
    expect(aggregate({ aggregation: 'sum' }, [
      { code: 'a', value: 1200, sign: null }, { code: 'b', value: 345, sign: null }, { code: 'c', value: 5, sign: null },
    ], 1).value).toBe(1550);
  });

  it('gives no figure when coverage is below the threshold, and says why', () => {
    const members = [
      { code: 'a', value: 100, sign: null }, { code: 'b', value: null, sign: 'unknown' as const }, { code: 'c', value: 50, sign: null },
    ];
    const strict = aggregate({ aggregation: 'sum' }, members, 1);
    expect(strict.value).toBeNull();
    expect(strict.coverage).toBeCloseTo(2 / 3, 12);
    expect(strict.reason).toBe('dekking 2 van 3 leden (66,7%), onder de drempel van 100%');
    expect(strict.counted).toEqual([true, false, true]);
    // the analyst lowers the threshold to 60%: the two members with a figure make 150
    const lowered = aggregate({ aggregation: 'sum' }, members, 0.6);
    expect(lowered.value).toBe(150);
    expect(lowered.reason).toBeNull();
    // 2/3 is exactly the threshold: shown
    expect(aggregate({ aggregation: 'sum' }, members, 2 / 3).value).toBe(150);
  });

  it("counts a '.' or 'x' member as missing and a '-' member as a real zero", () => {
    const nil = aggregate({ aggregation: 'sum' }, [{ code: 'a', value: 100, sign: null }, { code: 'b', value: 0, sign: 'nil' }], 1);
    expect(nil.value).toBe(100);
    expect(nil.coverage).toBe(1);
    // a '-' stored without its zero still counts as zero
    expect(aggregate({ aggregation: 'sum' }, [{ code: 'a', value: 100, sign: null }, { code: 'b', value: null, sign: 'nil' }], 1).value).toBe(100);
    const dot = aggregate({ aggregation: 'sum' }, [{ code: 'a', value: 100, sign: null }, { code: 'b', value: null, sign: 'unknown' }], 1);
    expect(dot.value).toBeNull();
    expect(dot.coverage).toBe(0.5);
    const x = aggregate({ aggregation: 'sum' }, [{ code: 'a', value: 100, sign: null }, { code: 'b', value: null, sign: 'secret' }], 0.5);
    expect(x.value).toBe(100);
    expect(x.withFigure).toBe(1);
    // in a weighted mean, a '-' member pulls the mean down: (10·100 + 0·300) / 400 = 2,5
    expect(aggregate(weighted, [{ code: 'a', value: 10, sign: null, weight: 100 }, { code: 'b', value: 0, sign: 'nil', weight: 300 }], 1).value).toBe(2.5);
  });

  it('checks the share of the weight too: one small member missing is 1 of 2 members but 10% of the weight', () => {
    const out = aggregate(weighted, [
      { code: 'big', value: 40, sign: null, weight: 900 },
      { code: 'small', value: null, sign: 'secret', weight: 100 },
    ], 0.5);
    expect(out.coverage).toBe(0.5);
    expect(out.weightShare).toBe(0.9);
    expect(out.value).toBe(40);
    expect(aggregate(weighted, [
      { code: 'big', value: null, sign: 'secret', weight: 900 },
      { code: 'small', value: 40, sign: null, weight: 100 },
    ], 0.5).reason).toBe('dekking 1 van 2 leden (50%), 10% van het gewicht, onder de drempel van 50%');
  });

  it('refuses what does not aggregate, and a weighted mean without a weight', () => {
    const none = aggregate({ aggregation: 'none' }, [{ code: 'a', value: 3, sign: null }], 0);
    expect(none.value).toBeNull();
    expect(none.reason).toMatch(/niet op te tellen/);
    const noWeight = aggregate({ aggregation: 'weighted_mean', weightIndicatorCode: null }, [{ code: 'a', value: 3, sign: null }], 0);
    expect(noWeight.value).toBeNull();
    expect(noWeight.reason).toMatch(/geen gewicht/);
    // a member with a figure but no weight does not count
    const partial = aggregate(weighted, [{ code: 'a', value: 30, sign: null, weight: 10 }, { code: 'b', value: 50, sign: null, weight: null }], 1);
    expect(partial.value).toBeNull();
    expect(partial.reason).toMatch(/1 lid heeft wel een cijfer maar geen gewicht \(a_woning\)/);
  });
});

describe('ranks, colour classes, spread', () => {
  it('ranks with ties (competition ranking), direction-aware', () => {
    const values = [5, 7, 7, null, 3];
    expect(rankValues(values, 'higher_better')).toEqual([3, 1, 1, null, 4]);
    expect(rankValues(values, 'neutral')).toEqual([3, 1, 1, null, 4]);
    expect(rankValues(values, 'higher_worse')).toEqual([2, 3, 3, null, 1]);
  });

  it('gives colour classes by quintile that respect the direction, and none to a missing figure', () => {
    const values = [10, 20, 30, 40, 50, null];
    const q = quintiles(values);
    expect(q).toEqual([0, 1, 2, 3, 4, null]);
    expect(q.map((x) => colourClass(x, 'higher_better'))).toEqual([-2, -1, 0, 1, 2, null]);
    expect(q.map((x) => colourClass(x, 'higher_worse'))).toEqual([2, 1, 0, -1, -2, null]);
    expect(q.map((x) => colourClass(x, 'neutral'))).toEqual([null, null, null, null, null, null]);
    // ties share a class: [1, 1, 3] → mid-ranks 0,5 0,5 2 of 2 → quintiles 1 1 4
    expect(quintiles([1, 1, 3])).toEqual([1, 1, 4]);
    expect(quintiles([7])).toEqual([2]);
  });

  it('spread: min–max and P10–P90 (linear, as Excel PERCENTILE.INC)', () => {
    const s = spreadOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((v) => ({ code: `A${v}`, value: v })).concat([{ code: 'X', value: null as unknown as number }]));
    expect(s.n).toBe(10);
    expect(s.min).toBe(1);
    expect(s.max).toBe(10);
    expect(s.p10).toBeCloseTo(1.9, 12); // 1 + 0,9 × (2 − 1)
    expect(s.p90).toBeCloseTo(9.1, 12);
    expect(s.minAreaCode).toBe('A1');
    expect(s.maxAreaCode).toBe('A10');
    expect(spreadOf([]).p10).toBeNull();
  });
});

describe('boundary changes (CBS ind_wbi, relative to the previous year)', () => {
  const wbi = new Map<string, number | null>([
    ['WK1|2022', 1], ['WK1|2023', 1], ['WK1|2024', 1],
    ['WK2|2022', 1], ['WK2|2023', 3], ['WK2|2024', 1],
    ['WK3|2022', 1], ['WK3|2023', 2], ['WK3|2024', 1],
    ['WK4|2024', 1],
  ]);
  const data = { wbi: (c: string, y: number) => (wbi.has(`${c}|${y}`) ? (wbi.get(`${c}|${y}`) as number | null) : undefined), editionYears: new Set([2022, 2023, 2024]) };

  it('allows a delta when every edition in between says 1', () => {
    expect(boundaryBreak('WK1', 2024, 2022, data)).toBeNull();
  });
  it('refuses across a changed boundary (3) and a changed code (2)', () => {
    expect(boundaryBreak('WK2', 2024, 2022, data)).toBe('afbakening van WK2 gewijzigd in 2023 (CBS ind_wbi 3): cijfers van 2022 en 2024 niet te vergelijken');
    expect(boundaryBreak('WK3', 2024, 2022, data)).toMatch(/codering van WK3 gewijzigd in 2023/);
    // the change lies before the span: 2023 → 2024 is comparable
    expect(boundaryBreak('WK2', 2024, 2023, data)).toBeNull();
  });
  it('refuses a code that appears between editions', () => {
    expect(boundaryBreak('WK4', 2024, 2022, data)).toBe('WK4 komt niet voor in de CBS-indeling van 2022 (code nieuw of vervallen): niet te vergelijken');
  });
});

describe('ranks and classes at the scale of all neighbourhoods', () => {
  it('agree with the definition on 17,000 values with ties (and take no quadratic time)', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values = Array.from({ length: 17_000 }, () => (rnd() < 0.1 ? null : Math.round(rnd() * 500)));
    const ranks = rankValues(values, 'higher_better');
    const q = quintiles(values);
    const present = values.filter((v): v is number => v !== null);
    for (const i of [0, 1, 2, 500, 9999, 16_999]) {
      const v = values[i];
      if (v === null || v === undefined) {
        expect(ranks[i]).toBeNull();
        continue;
      }
      expect(ranks[i]).toBe(present.filter((o) => o > v).length + 1);
      const below = present.filter((o) => o < v).length;
      const equal = present.filter((o) => o === v).length;
      expect(q[i]).toBe(Math.min(4, Math.floor(((below + (equal - 1) / 2) / (present.length - 1)) * 5)));
    }
  });
});
