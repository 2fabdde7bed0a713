import type { NumParam } from './param-schema';
import { centralValue, isRange } from './param-schema';
import type { Assumption, ParameterInfo } from './results';
import { formatParam, type ParamUnit } from '../format/parameter';

/**
 * Every numeric parameter of a compiled scenario gets a slot in one Float64Array. A deterministic run
 * fills the slots with central values; Monte Carlo overwrites only the ranged slots per run; sensitivity
 * moves one slot at a time. One code path for all three is what makes "collapsed ranges = deterministic"
 * hold exactly.
 */

export const DIST_FIXED = 0;
export const DIST_UNIFORM = 1;
export const DIST_TRIANGULAR = 2;

export interface FrozenParams {
  count: number;
  central: Float64Array;
  low: Float64Array;
  high: Float64Array;
  mode: Float64Array;
  dist: Uint8Array;
  /** Indices of ranged slots, in definition order (the order random numbers are drawn in). */
  ranged: Int32Array;
  info: ParameterInfo[];
}

/** List a non-numeric part of the definition (a key, a rule, a stock) when it is marked 'te bevestigen'. */
export function flagToConfirm(assumptions: Assumption[], obj: { status?: string | undefined; note?: string | undefined }, path: string, message: string): void {
  if (obj.status !== 'te bevestigen') return;
  assumptions.push({ kind: 'te-bevestigen', path, message: `${message} (te bevestigen)${obj.note ? ` — ${obj.note}` : ''}` });
}

export class ParamTable {
  private readonly info: ParameterInfo[] = [];
  private readonly modes: number[] = [];

  constructor(private readonly assumptions: Assumption[]) {}

  /** Register a parameter; returns its slot. `label` is Dutch and says which stream/area it belongs to. */
  add(p: NumParam, path: string, label: string, unit: ParamUnit): number {
    const central = centralValue(p);
    let low: number | null = null;
    let high: number | null = null;
    let dist: ParameterInfo['dist'] = null;
    let mode = central;
    if (isRange(p)) {
      low = p.low;
      high = p.high;
      dist = p.dist;
      mode = p.mode ?? (p.low + p.high) / 2;
    }
    const source = typeof p === 'object' ? (p.source ?? null) : null;
    const status = typeof p === 'object' ? (p.status ?? null) : null;
    if (status === 'te bevestigen') {
      const note = typeof p === 'object' && p.note ? ` — ${p.note}` : '';
      this.assumptions.push({ kind: 'te-bevestigen', message: `${label}: ${formatParam(p, unit)} (te bevestigen)${note}`, path });
    }
    this.info.push({ path, label, central, low, high, dist, source, status });
    this.modes.push(mode);
    return this.info.length - 1;
  }

  /** Central value of a registered slot (compile-time checks such as explicit amounts vs the total). */
  centralOf(slot: number): number {
    return this.info[slot]?.central ?? 0;
  }

  freeze(): FrozenParams {
    const n = this.info.length;
    const f: FrozenParams = {
      count: n,
      central: new Float64Array(n),
      low: new Float64Array(n),
      high: new Float64Array(n),
      mode: new Float64Array(n),
      dist: new Uint8Array(n),
      ranged: new Int32Array(this.info.filter((i) => i.dist !== null).length),
      info: this.info,
    };
    let r = 0;
    this.info.forEach((i, k) => {
      f.central[k] = i.central;
      f.low[k] = i.low ?? i.central;
      f.high[k] = i.high ?? i.central;
      f.mode[k] = this.modes[k] ?? i.central;
      f.dist[k] = i.dist === 'uniform' ? DIST_UNIFORM : i.dist === 'triangular' ? DIST_TRIANGULAR : DIST_FIXED;
      if (i.dist !== null) f.ranged[r++] = k;
    });
    return f;
  }
}

/**
 * Inverse-CDF draw from a uniform u in [0, 1). A collapsed range (low = high) returns low exactly, which
 * keeps Monte Carlo with collapsed ranges identical to the deterministic run.
 */
export function drawValue(dist: number, low: number, high: number, mode: number, u: number): number {
  const width = high - low;
  if (width <= 0) return low;
  if (dist === DIST_UNIFORM) return low + u * width;
  const fc = (mode - low) / width;
  return u < fc ? low + Math.sqrt(u * width * (mode - low)) : high - Math.sqrt((1 - u) * width * (high - mode));
}

/** Overwrite the ranged slots of `values` with fresh draws; one random number per ranged slot, in order. */
export function drawRanged(p: FrozenParams, values: Float64Array, next: () => number): void {
  const ranged = p.ranged;
  for (let j = 0; j < ranged.length; j++) {
    const k = ranged[j] as number;
    values[k] = drawValue(p.dist[k] as number, p.low[k] as number, p.high[k] as number, p.mode[k] as number, next());
  }
}
