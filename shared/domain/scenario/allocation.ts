import { AppError } from '../../errors';
import type { AllocationKey, MunicipalityKey } from './funding-schema';
import type { NumParam } from './param-schema';
import { centralValue } from './param-schema';
import type { Assumption } from './results';
import type { ParamTable } from './params';
import { formatParamValue } from '../format/parameter';

/**
 * Allocation keys compiled to share functions. Shares that depend only on inputs (equal, population) are
 * computed once; explicit amounts and need weights may be ranges, so those shares are recomputed per run
 * from the slot values — without allocating.
 */

export interface AllocUnit {
  code: string;
  name: string;
  population: number | null;
  indicators?: Record<string, number | null> | undefined;
}

export interface ShareKey {
  n: number;
  /** Fill dest[0..n) with each unit's share of the stream; `base` is the stream's base amount (explicit keys). */
  compute(v: Float64Array, base: number, dest: Float64Array): void;
}

const KEY_NL = { explicit: 'bedragen per gebied', equal: 'gelijk', population: 'naar inwonertal', need: 'naar behoefte-index' };

export function describeKey(key: AllocationKey | MunicipalityKey): string {
  return KEY_NL[key.kind];
}

function invalid(message: string, details?: string[]): never {
  throw new AppError('SCENARIO_INVALID', message, undefined, details);
}

function fixed(shares: Float64Array): ShareKey {
  return {
    n: shares.length,
    compute: (_v, _b, dest) => dest.set(shares),
  };
}

function populations(units: AllocUnit[], what: string): Float64Array {
  const missing = units.filter((u) => u.population == null).map((u) => u.code);
  if (missing.length > 0) invalid(`${what} is allocated by population, but population is missing for ${missing.join(', ')}`, missing);
  return Float64Array.from(units, (u) => u.population ?? 0);
}

function normalise(weights: Float64Array, what: string): Float64Array {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) invalid(`${what}: the allocation weights add up to zero`);
  return weights.map((w) => w / sum);
}

export interface KeyContext {
  params: ParamTable;
  assumptions: Assumption[];
  /** Path of the key in the definition, e.g. streams[0].allocation. */
  path: string;
  /** Dutch name of the stream, for labels. */
  streamName: string;
  /** Central base amount, to check explicit amounts against. */
  centralBase: number;
  /** 'gebieden' or 'gemeenten', for messages. */
  unitsNl: string;
}

export function compileKey(key: AllocationKey | MunicipalityKey, units: AllocUnit[], c: KeyContext): ShareKey {
  const what = `stream "${c.streamName}"`;
  if (units.length === 0) return fixed(new Float64Array(0));
  switch (key.kind) {
    case 'equal':
      return fixed(new Float64Array(units.length).fill(1 / units.length));
    case 'population':
      return fixed(normalise(populations(units, what), what));
    case 'explicit':
      return explicitKey(key.amounts, units, c, what);
    case 'need':
      return needKey(key, units, c, what);
  }
}

function explicitKey(amounts: Record<string, NumParam>, units: AllocUnit[], c: KeyContext, what: string): ShareKey {
  const known = new Set(units.map((u) => u.code));
  const unknown = Object.keys(amounts).filter((code) => !known.has(code));
  if (unknown.length > 0) invalid(`${what} gives amounts for ${unknown.join(', ')}, which are not among the ${units.length} input ${c.unitsNl === 'gemeenten' ? 'municipalities' : 'areas'}`, unknown);
  // Units without an amount get a slot of their own at 0, so every unit maps to one slot.
  let centralSum = 0;
  const slots = Int32Array.from(units, (u) => {
    const p = amounts[u.code] ?? 0;
    const slot = c.params.add(p, `${c.path}.amounts.${u.code}`, `${c.streamName} — bedrag voor ${u.name}`, 'euro');
    centralSum += centralValue(p);
    return slot;
  });
  const missing = units.filter((u) => amounts[u.code] === undefined).map((u) => u.name);
  if (missing.length > 0) {
    c.assumptions.push({ kind: 'ontbrekend', path: c.path, message: `${c.streamName}: geen bedrag voor ${missing.join(', ')}; daar 0 gerekend` });
  }
  const tolerance = Math.max(1, c.centralBase * 1e-9);
  if (centralSum > c.centralBase + tolerance) {
    invalid(`${what}: the amounts per unit add up to ${centralSum}, more than the stream's ${c.centralBase}`);
  }
  if (centralSum < c.centralBase - tolerance) {
    c.assumptions.push({
      kind: 'aanname',
      path: c.path,
      message: `${c.streamName}: ${formatParamValue(c.centralBase - centralSum, 'euro')} niet over ${c.unitsNl} verdeeld; alleen zichtbaar op programmaniveau`,
    });
  }
  return {
    n: units.length,
    compute(v, base, dest) {
      for (let i = 0; i < slots.length; i++) dest[i] = base > 0 ? (v[slots[i] as number] as number) / base : 0;
    },
  };
}

function needKey(key: Extract<AllocationKey, { kind: 'need' }>, units: AllocUnit[], c: KeyContext, what: string): ShareKey {
  const n = units.length;
  const k = key.indicators.length;
  // ratio[j*n + i]: indicator j of unit i relative to the mean over units (1 = average need).
  const ratio = new Float64Array(k * n);
  const problems: string[] = [];
  key.indicators.forEach((ind, j) => {
    const values = units.map((u) => u.indicators?.[ind.code] ?? null);
    const absent = units.filter((_, i) => values[i] == null).map((u) => u.code);
    if (absent.length > 0) return void problems.push(`${ind.code}: no value for ${absent.join(', ')}`);
    const xs = values as number[];
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    if (!(mean > 0) || xs.some((x) => x < 0)) return void problems.push(`${ind.code}: values must be non-negative with a positive mean`);
    if (ind.direction === 'lower-is-more-need' && xs.some((x) => x <= 0)) return void problems.push(`${ind.code}: "lower is more need" needs values above zero`);
    xs.forEach((x, i) => (ratio[j * n + i] = ind.direction === 'higher-is-more-need' ? x / mean : mean / x));
  });
  if (problems.length > 0) invalid(`${what}: the need index cannot be built (${problems[0]})`, problems);
  const weightSlots = Int32Array.from(key.indicators, (ind, j) =>
    c.params.add(ind.weight, `${c.path}.indicators[${j}].weight`, `${c.streamName} — gewicht ${ind.code}`, 'number'),
  );
  const scale = key.scaleByPopulation ? populations(units, what) : new Float64Array(n).fill(1);
  return {
    n,
    compute(v, _base, dest) {
      let wsum = 0;
      for (let j = 0; j < k; j++) wsum += v[weightSlots[j] as number] as number;
      let total = 0;
      for (let i = 0; i < n; i++) {
        let index = 0;
        for (let j = 0; j < k; j++) index += (v[weightSlots[j] as number] as number) * (ratio[j * n + i] as number);
        const w = wsum > 0 ? (index / wsum) * (scale[i] as number) : 0;
        dest[i] = w;
        total += w;
      }
      for (let i = 0; i < n; i++) dest[i] = total > 0 ? (dest[i] as number) / total : 0;
    },
  };
}
