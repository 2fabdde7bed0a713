import { describe, expect, it } from 'vitest';
import { percentilesFloat32 } from '../../../shared/domain/scenario/percentiles';
import { createRng } from '../../../shared/domain/scenario';

/** Reference: sort, then interpolate linearly between order statistics (type 7). */
function reference(values: Float32Array, ps: number[]): number[] {
  const sorted = Array.from(values).sort((a, b) => a - b);
  return ps.map((p) => {
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    const a = sorted[lo] as number;
    const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
    return h === lo || a === b ? a : a + (h - lo) * (b - a);
  });
}

function check(values: number[] | Float32Array, ps = [0.1, 0.5, 0.9]): void {
  const column = Float32Array.from(values);
  const expected = reference(column, ps);
  const out = new Float64Array(ps.length);
  const finite = percentilesFloat32(Float32Array.from(column), ps, out);
  expect(Array.from(out)).toEqual(expected);
  expect(finite).toBe(Array.from(column).filter(Number.isFinite).length);
}

describe('exact percentiles by radix selection', () => {
  it('match sort-and-interpolate on random data of many shapes and sizes', () => {
    const next = createRng(99);
    for (const n of [1, 2, 3, 10, 31, 32, 33, 100, 1000, 10_000]) {
      check(Array.from({ length: n }, () => next() * 2 - 1)); // mixed signs
      check(Array.from({ length: n }, () => 1e8 + next() * 1e3)); // concentrated, large
      check(Array.from({ length: n }, () => Math.round(next() * 4))); // many ties
      check(Array.from({ length: n }, () => 2025 + Math.floor(next() * 11))); // years
    }
  });

  it('handles identical values, zeros of both signs, and infinities', () => {
    check(new Array(5000).fill(0));
    check(new Array(5000).fill(-3.5));
    check([0, -0, 0, -0, 1, -1]);
    const next = createRng(5);
    check(Array.from({ length: 2000 }, () => (next() < 0.3 ? Number.POSITIVE_INFINITY : 2030 + Math.floor(next() * 5))));
    check(Array.from({ length: 2000 }, () => (next() < 0.95 ? Number.POSITIVE_INFINITY : 2030)));
    check([Number.NEGATIVE_INFINITY, 1, 2, Number.POSITIVE_INFINITY]);
  });
});

describe('seeded random numbers', () => {
  it('repeat for the same seed, differ between seeds, and are uniform on [0, 1)', () => {
    const a = createRng(1);
    const b = createRng(1);
    const c = createRng(2);
    const xs = Array.from({ length: 100_000 }, () => a());
    expect(Array.from({ length: 100_000 }, () => b())).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 2);
    expect(xs.filter((x) => x < 0.1).length / xs.length).toBeCloseTo(0.1, 2);
  });
});
