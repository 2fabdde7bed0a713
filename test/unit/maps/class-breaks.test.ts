import { describe, expect, it } from 'vitest';
import { classBounds, classCount, classOf, classPalette, fixedBreaks, quantile, quantileBreaks } from '../../../shared/domain/maps/class-breaks';

describe('class breaks', () => {
  it('quantiles put as many areas in each class', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const b = quantileBreaks(values, 4);
    expect(b.thresholds).toEqual([3.75, 6.5, 9.25]);
    const counts = [0, 0, 0, 0];
    for (const v of values) counts[classOf(b, v)]!++;
    expect(counts).toEqual([3, 3, 3, 3]);
    expect(classBounds(b)).toEqual([
      { from: 1, to: 3.75 },
      { from: 3.75, to: 6.5 },
      { from: 6.5, to: 9.25 },
      { from: 9.25, to: 12 },
    ]);
  });
  it('quantile interpolates as Excel’s PERCENTILE.INC does', () => {
    expect(quantile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(quantile([10, 20, 30, 40], 0.25)).toBe(17.5);
  });
  it('keeps each edge once when many values are equal, and never makes more classes than values', () => {
    const b = quantileBreaks([0, 0, 0, 0, 0, 0, 5, 10], 5);
    expect(b.thresholds).toEqual([...new Set(b.thresholds)]);
    expect(b.thresholds.every((t) => t > 0)).toBe(true);
    expect(classCount(quantileBreaks([3, 7], 5))).toBeLessThanOrEqual(2);
    expect(quantileBreaks([], 5).thresholds).toEqual([]);
  });
  it('fixed breaks are the analyst’s, sorted and distinct; a value on a break goes to the class above', () => {
    const b = fixedBreaks([2, 15, 31], [30, 10, 20, 20]);
    expect(b.thresholds).toEqual([10, 20, 30]);
    expect(classOf(b, 9.99)).toBe(0);
    expect(classOf(b, 10)).toBe(1);
    expect(classOf(b, 31)).toBe(3);
    expect([b.min, b.max]).toEqual([2, 31]);
  });
});

describe('direction-aware palette', () => {
  it('runs blue to orange when higher is worse and the other way when higher is better', () => {
    const worse = classPalette(5, 'higher_worse');
    const better = classPalette(5, 'higher_better');
    expect(worse).toHaveLength(5);
    expect(better).toEqual([...worse].reverse());
    // The worst class is orange (red channel above blue), the best blue.
    const rgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    expect(rgb(worse[4]!)[0]!).toBeGreaterThan(rgb(worse[4]!)[2]!);
    expect(rgb(worse[0]!)[2]!).toBeGreaterThan(rgb(worse[0]!)[0]!);
  });
  it('gives a neutral indicator one sequential ramp, light to dark', () => {
    const ramp = classPalette(4, 'neutral');
    const lightness = ramp.map((hex) => [1, 3, 5].reduce((s, i) => s + parseInt(hex.slice(i, i + 2), 16), 0));
    expect(lightness).toEqual([...lightness].sort((a, b) => b - a));
  });
});
