/** Which way is better for an indicator. */
export type Direction = 'higher_better' | 'higher_worse' | 'neutral';

/**
 * Ranks, colour classes and spread over the figures of the shown areas. Missing figures (null) take
 * no rank, no class and no part in the spread: they are missing, never zero.
 */

/** For each distinct value: how many present values are below it, and how many equal it (one sort). */
function positions(values: readonly (number | null)[]): { n: number; at: Map<number, { below: number; equal: number }> } {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const at = new Map<number, { below: number; equal: number }>();
  for (let i = 0; i < sorted.length; ) {
    const v = sorted[i] as number;
    let j = i;
    while (j < sorted.length && sorted[j] === v) j++;
    at.set(v, { below: i, equal: j - i });
    i = j;
  }
  return { n: sorted.length, at };
}

/**
 * Competition ranking ("1224"): equal values share the best rank, the next rank skips. For
 * higher_worse the lowest value ranks 1; for higher_better and neutral the highest does.
 * O(n log n): the grid ranks all 17,000 neighbourhoods per column.
 */
export function rankValues(values: readonly (number | null)[], direction: Direction): (number | null)[] {
  const { n, at } = positions(values);
  return values.map((v) => {
    if (v === null) return null;
    const p = at.get(v) as { below: number; equal: number };
    // better = strictly higher (or strictly lower for higher_worse)
    const better = direction === 'higher_worse' ? p.below : n - p.below - p.equal;
    return better + 1;
  });
}

/**
 * Quintile by value, 0 (lowest) … 4 (highest), by mid-rank position among the present values, so
 * ties share a quintile. One value alone sits in the middle (2).
 */
export function quintiles(values: readonly (number | null)[]): (number | null)[] {
  const { n, at } = positions(values);
  return values.map((v) => {
    if (v === null) return null;
    if (n === 1) return 2;
    const p = at.get(v) as { below: number; equal: number };
    const midRank = p.below + (p.equal - 1) / 2; // 0 … n−1
    return Math.min(4, Math.floor((midRank / (n - 1)) * 5));
  });
}

/** Direction-aware class −2 (worst) … 2 (best) from a value quintile; neutral indicators get none. */
export function colourClass(quintile: number | null, direction: Direction): number | null {
  if (quintile === null || direction === 'neutral') return null;
  return direction === 'higher_better' ? quintile - 2 : 2 - quintile;
}

/** Percentile of sorted values by linear interpolation between order statistics (Excel PERCENTILE.INC). */
export function percentileSorted(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

export interface SpreadOf {
  n: number;
  min: number | null;
  max: number | null;
  p10: number | null;
  p90: number | null;
  minAreaCode: string | null;
  maxAreaCode: string | null;
}

/** Min–max and P10–P90 of the areas' figures (missing ones left out). */
export function spreadOf(items: readonly { code: string; value: number | null }[]): SpreadOf {
  const present = items.filter((i): i is { code: string; value: number } => i.value !== null);
  const sorted = present.map((i) => i.value).sort((a, b) => a - b);
  const minItem = present.reduce<{ code: string; value: number } | null>((m, i) => (m === null || i.value < m.value ? i : m), null);
  const maxItem = present.reduce<{ code: string; value: number } | null>((m, i) => (m === null || i.value > m.value ? i : m), null);
  return {
    n: present.length,
    min: minItem?.value ?? null,
    max: maxItem?.value ?? null,
    p10: percentileSorted(sorted, 0.1),
    p90: percentileSorted(sorted, 0.9),
    minAreaCode: minItem?.code ?? null,
    maxAreaCode: maxItem?.code ?? null,
  };
}
