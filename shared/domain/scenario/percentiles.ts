/**
 * Exact percentiles of float32 columns without sorting, by radix selection on the bit patterns.
 *
 * Monte Carlo needs P10/P50/P90 of thousands of series of 10,000 values each. Comparison-based
 * selection (quickselect) is dominated by unpredictable branches; counting bits into histograms is not.
 * A float32 maps to a uint32 "key" whose unsigned order is the numeric order; three histogram levels
 * (11 + 11 + 10 bits) narrow each wanted rank down to one key, touching only the buckets that hold a
 * wanted rank after the first pass. The result is exact, and identical values stay identical.
 * Percentiles interpolate linearly between order statistics (Hyndman–Fan type 7, numpy's default and
 * Excel's PERCENTILE.INC).
 */

const BITS = [21, 10, 0] as const; // shift per level
const BUCKETS = 2048;
const SMALL = 32; // below this, sort the keys directly

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Bits of a float32 → key with the same unsigned order as the number (negative floats reversed). */
export function toKey(bits: number): number {
  return (bits ^ ((bits >> 31) | 0x80000000)) >>> 0;
}

function fromKey(key: number): number {
  u32[0] = key & 0x80000000 ? key ^ 0x80000000 : ~key >>> 0;
  return f32[0] as number;
}

interface Scratch {
  hist: Uint32Array[];
  region: Int8Array[];
  buf: Uint32Array[];
}

/** Reused between calls (JavaScript runs one call at a time per thread; each worker has its own). */
let scratch: Scratch | null = null;

function getScratch(n: number): Scratch {
  if (!scratch || (scratch.buf[0] as Uint32Array).length < n) {
    scratch = {
      hist: BITS.map(() => new Uint32Array(BUCKETS)),
      region: BITS.map(() => new Int8Array(BUCKETS).fill(-1)),
      buf: BITS.map(() => new Uint32Array(n)),
    };
  }
  return scratch;
}

/**
 * Find the keys at the given ranks of src[0..len). `ranks` are ascending ranks within src; results go to
 * `found[slot[i]]`. Level 0 has already turned floats into keys and filled its histogram.
 */
function selectKeys(s: Scratch, src: Uint32Array, len: number, level: number, ranks: number[], slots: number[], found: Float64Array, histReady: boolean): void {
  if (len <= SMALL) {
    const small = Array.from(src.subarray(0, len)).sort((a, b) => a - b);
    ranks.forEach((r, i) => (found[slots[i] as number] = small[r] as number));
    return;
  }
  const shift = BITS[level] as number;
  const hist = s.hist[level] as Uint32Array;
  if (!histReady) {
    hist.fill(0);
    for (let i = 0; i < len; i++) {
      const bk = ((src[i] as number) >>> shift) & 0x7ff;
      hist[bk] = (hist[bk] as number) + 1;
    }
  }
  // Which bucket holds each wanted rank, and the rank inside that bucket.
  const buckets: number[] = [];
  const inner: number[] = [];
  let b = 0;
  let below = 0;
  for (const r of ranks) {
    while (below + (hist[b] as number) <= r) below += hist[b++] as number;
    buckets.push(b);
    inner.push(r - below);
  }
  const distinct = [...new Set(buckets)];
  const last = level === BITS.length - 1;
  // One bucket holds everything: all keys may be equal (a series without spread: done), otherwise go
  // one level deeper on the same keys without copying.
  if (!last && distinct.length === 1 && hist[distinct[0] as number] === len) {
    const first = src[0] as number;
    let i = 1;
    while (i < len && src[i] === first) i++;
    if (i === len) for (const slot of slots) found[slot] = first;
    else selectKeys(s, src, len, level + 1, inner, slots, found, false);
    return;
  }
  if (last) {
    // All keys in a last-level bucket are equal: the bucket is the key.
    // All keys in a last-level bucket are equal: the shared high bits plus the bucket are the key.
    const high = (src[0] as number) & ~0x7ff;
    buckets.forEach((bk, i) => (found[slots[i] as number] = (high | bk) >>> 0));
    return;
  }
  // Copy the keys of the wanted buckets into contiguous regions of the next level's buffer, in one pass.
  const region = s.region[level] as Int8Array;
  const buf = s.buf[level + 1] as Uint32Array;
  const starts: number[] = [];
  const cursor = new Int32Array(distinct.length);
  let at = 0;
  distinct.forEach((bk, k) => {
    region[bk] = k;
    starts.push(at);
    cursor[k] = at;
    at += hist[bk] as number;
  });
  for (let i = 0; i < len; i++) {
    const key = src[i] as number;
    const k = region[(key >>> shift) & 0x7ff] as number;
    if (k >= 0) {
      const to = cursor[k] as number;
      buf[to] = key;
      cursor[k] = to + 1;
    }
  }
  distinct.forEach((bk, k) => {
    region[bk] = -1;
    const idx = buckets.flatMap((x, i) => (x === bk ? [i] : []));
    const sub = buf.subarray(starts[k], (starts[k] as number) + (hist[bk] as number));
    selectKeys(s, sub, sub.length, level + 1, idx.map((i) => inner[i] as number), idx.map((i) => slots[i] as number), found, false);
  });
}

/**
 * Percentiles (fractions in [0, 1], ascending) of a column of keys (see toKey), which is reordered.
 * ±Infinity is allowed and sorts at the ends; NaN must have been replaced. Returns how many values are
 * finite (e.g. how many runs reached a target year).
 */
export function percentilesOfKeys(keys: Uint32Array, ps: readonly number[], out: Float64Array): number {
  const n = keys.length;
  if (n === 0) {
    out.fill(Number.NaN);
    return 0;
  }
  const s = getScratch(n);
  const hist = s.hist[0] as Uint32Array;
  hist.fill(0);
  for (let i = 0; i < n; i++) {
    const bk = (keys[i] as number) >>> 21;
    hist[bk] = (hist[bk] as number) + 1;
  }
  // Buckets 0–3 hold only −Infinity (and NaN patterns), 2044–2047 only +Infinity: finite is the rest.
  let infinite = 0;
  for (const bk of [0, 1, 2, 3, 2044, 2045, 2046, 2047]) infinite += hist[bk] as number;

  const wanted = new Set<number>();
  for (const p of ps) {
    const lo = Math.floor((n - 1) * p);
    wanted.add(lo).add(Math.min(lo + 1, n - 1));
  }
  const ranks = [...wanted].sort((a, b) => a - b);
  const found = new Float64Array(ranks.length);
  selectKeys(s, keys, n, 0, ranks, ranks.map((_, i) => i), found, true);
  const valueAt = (rank: number) => fromKey(found[ranks.indexOf(rank)] as number);
  ps.forEach((p, i) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const below = valueAt(lo);
    const above = valueAt(Math.min(lo + 1, n - 1));
    const frac = h - lo;
    out[i] = frac === 0 || below === above ? below : below + frac * (above - below);
  });
  return n - infinite;
}

/** Percentiles of a float32 column (overwritten with its keys). See percentilesOfKeys. */
export function percentilesFloat32(column: Float32Array, ps: readonly number[], out: Float64Array): number {
  const keys = new Uint32Array(column.buffer, column.byteOffset, column.length);
  for (let i = 0; i < keys.length; i++) keys[i] = toKey(keys[i] as number);
  return percentilesOfKeys(keys, ps, out);
}
