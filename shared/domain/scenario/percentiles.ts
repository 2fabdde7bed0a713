/**
 * Exact percentiles without sorting: Monte Carlo needs P10/P50/P90 of thousands of series of 10,000
 * values, and a full sort per series would dominate the run. Quickselect places the few order
 * statistics we need in O(n) per series. Percentiles use linear interpolation between order
 * statistics (Hyndman–Fan type 7, the default of numpy and Excel's PERCENTILE.INC).
 */

type Numbers = Float32Array | Float64Array;

/** Rearrange a[left..right] so that a[k] is the k-th smallest, smaller ones before it, larger after. */
function select(a: Numbers, left: number, right: number, k: number): void {
  while (right > left) {
    const mid = (left + right) >>> 1;
    const x = a[left] as number;
    const y = a[mid] as number;
    const z = a[right] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return; // a[j+1..i-1] all equal the pivot, and k is among them
  }
}

/** Place every order statistic in `ks` (sorted, within [left, right]) by divide and conquer. */
function multiSelect(a: Numbers, left: number, right: number, ks: number[], lo: number, hi: number): void {
  if (lo > hi) return;
  const m = (lo + hi) >>> 1;
  const k = ks[m] as number;
  select(a, left, right, k);
  multiSelect(a, left, k - 1, ks, lo, m - 1);
  multiSelect(a, k + 1, right, ks, m + 1, hi);
}

/**
 * Percentiles (fractions in [0, 1], ascending) of `a`, which is reordered in place. Values must not be
 * NaN; ±Infinity is allowed (e.g. "target not reached") and propagates.
 */
export function percentilesInPlace(a: Numbers, ps: readonly number[], out: Float64Array): void {
  const n = a.length;
  if (n === 0) {
    out.fill(Number.NaN);
    return;
  }
  const ks: number[] = [];
  for (const p of ps) {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    ks.push(lo, Math.min(lo + 1, n - 1));
  }
  const unique = [...new Set(ks)].sort((x, y) => x - y);
  multiSelect(a, 0, n - 1, unique, 0, unique.length - 1);
  ps.forEach((p, i) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const below = a[lo] as number;
    const above = a[Math.min(lo + 1, n - 1)] as number;
    const frac = h - lo;
    out[i] = frac === 0 || below === above ? below : below + frac * (above - below);
  });
}
