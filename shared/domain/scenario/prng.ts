/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, as in PractRand), seeded through
 * splitmix32 so that nearby seeds (1, 2, 3) give unrelated streams. Tiny, fast, and — unlike
 * Math.random — reproducible: the same seed gives the same Monte Carlo bands on every machine.
 */

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator of uniform numbers in [0, 1) with 32 bits of resolution. */
export function createRng(seed: number): () => number {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first outputs, as the reference implementation does, to mix the seeded state.
  for (let i = 0; i < 12; i++) next();
  return next;
}
