import { AppError } from '../../errors';
import type { ScenarioDefinition, ScenarioDefinitionInput } from './definition';
import type { BaselineOptions, BaselineValues } from './baseline';
import { computeBaseline } from './baseline';
import type { CompiledScenario, ScenarioInputsInput } from './compile';
import { compileScenario, evaluateCentral } from './compile';
import type { FundingBlock, HousingMeasure } from './layout';
import { drawRanged } from './params';
import { percentilesOfKeys, toKey } from './percentiles';
import { createRng } from './prng';
import type { RowLevel, ScenarioResult } from './results';
import { assembleResult } from './run-scenario';

/**
 * Monte Carlo over the ranged parameters: each run draws every ranged parameter once (one seeded random
 * number each, in definition order) and evaluates the compiled scenario into a preallocated row.
 *
 * Memory and speed: per banded output slot we keep the run values as float32 *deviations from the
 * deterministic value* (as order-preserving integer keys, ready for radix selection). That halves
 * memory against float64, and keeps exactness where it matters: a series without uncertainty deviates
 * by exactly 0, so collapsed ranges give bands equal to the deterministic run to the last bit; otherwise
 * the float32 rounding is relative to the spread only (about 1e-7 of it).
 */

export const DEFAULT_RUNS = 2000;
export const DEFAULT_SEED = 1;
const PS = [0.1, 0.5, 0.9] as const;
/** Runs buffered before transposing into per-series columns (keeps the buffer in cache). */
const CHUNK = 32;
const MAX_STORED_VALUES = 400_000_000; // 1.6 GB of float32: beyond this, ask for fewer runs

export interface MonteCarloOptions extends BaselineOptions {
  runs?: number;
  seed?: number;
  /** Called every 256 runs and at the end, for a progress bar in the worker's host. */
  onProgress?: (done: number, total: number) => void;
  /** Checked every 256 runs; when true the run stops with AppError('CANCELLED'). */
  isCancelled?: () => boolean;
}

export interface BandValues {
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

export type FundingBandMeasure = 'amount' | 'cumulativeAmount' | 'perResident' | 'delta' | 'cumulativeDelta';

export interface FundingBand extends BandValues {
  streamId: string;
  areaCode: string;
  level: RowLevel;
  year: number;
  measure: FundingBandMeasure;
}

export interface HousingBand extends BandValues {
  areaCode: string;
  year: number;
  measure: HousingMeasure;
}

/** Percentiles of the year the target is reached; null means "not before the horizon". */
export interface TargetYearBand extends BandValues {
  areaCode: string;
  horizon: number;
  /** Fraction of runs that reach the target by the horizon. */
  reachedShare: number;
}

export interface MonteCarloResult {
  scenarioId: string;
  runs: number;
  seed: number;
  rangedParameters: number;
  deterministic: ScenarioResult;
  funding: FundingBand[];
  housing: HousingBand[];
  targetYears: TargetYearBand[];
}

/** Raw bands per output slot (NaN where a slot is not banded), for callers that work on the layout. */
export interface RawBands {
  p10: Float64Array;
  p50: Float64Array;
  p90: Float64Array;
  /** Fraction of runs with a finite value (used for target years). */
  finiteShare: Float64Array;
}

export function simulateBands(c: CompiledScenario, runs: number, seed: number, o: Pick<MonteCarloOptions, 'onProgress' | 'isCancelled'> = {}): { det: Float64Array; bands: RawBands } {
  if (!Number.isInteger(runs) || runs < 1) throw new AppError('INPUT_INVALID', `Monte Carlo needs a positive whole number of runs, got ${runs}`);
  const det = evaluateCentral(c);
  const idx: number[] = [];
  for (const b of c.layout.blocks) if (b.banded) for (let k = 0; k < b.length; k++) idx.push(b.offset + k);
  const B = idx.length;
  if (B * runs > MAX_STORED_VALUES) throw new AppError('INPUT_INVALID', `Monte Carlo with ${runs} runs × ${B} series is too large; use fewer runs`);
  const slots = Int32Array.from(idx);
  const base = Float64Array.from(idx, (i) => (Number.isFinite(det[i]) ? (det[i] as number) : 0));
  // Stored as order-preserving integer keys of the float32 deviations (see percentiles.ts).
  const store = new Uint32Array(B * runs);
  // A chunk of runs is evaluated straight into rows of one buffer (views made once, reused), then each
  // series' values are converted and written contiguously into its column of the store.
  const S = c.layout.size;
  const chunk = new Float64Array(CHUNK * S);
  const rows = Array.from({ length: CHUNK }, (_, k) => chunk.subarray(k * S, (k + 1) * S));
  const column = new Float32Array(CHUNK);
  const columnBits = new Uint32Array(column.buffer);
  const values = c.params.central.slice();
  const next = createRng(seed);

  for (let r0 = 0; r0 < runs; r0 += CHUNK) {
    const n = Math.min(CHUNK, runs - r0);
    for (let k = 0; k < n; k++) {
      drawRanged(c.params, values, next);
      c.evaluate(values, rows[k] as Float64Array);
    }
    for (let j = 0; j < B; j++) {
      const slot = slots[j] as number;
      const b = base[j] as number;
      for (let k = 0, at = slot; k < n; k++, at += S) {
        const x = chunk[at] as number;
        // NaN (e.g. a share of an empty stock) would break ordering: count it as "no value" (+Infinity).
        column[k] = x === x ? x - b : Number.POSITIVE_INFINITY;
      }
      const col = j * runs + r0;
      for (let k = 0; k < n; k++) store[col + k] = toKey(columnBits[k] as number);
    }
    const done = r0 + n;
    if (done % 256 === 0 || done === runs) {
      o.onProgress?.(done, runs);
      if (done < runs && o.isCancelled?.()) throw new AppError('CANCELLED', `Monte Carlo cancelled after ${done} of ${runs} runs`);
    }
  }

  const bands: RawBands = {
    p10: new Float64Array(c.layout.size).fill(Number.NaN),
    p50: new Float64Array(c.layout.size).fill(Number.NaN),
    p90: new Float64Array(c.layout.size).fill(Number.NaN),
    finiteShare: new Float64Array(c.layout.size).fill(Number.NaN),
  };
  const q = new Float64Array(3);
  for (let j = 0; j < B; j++) {
    const finite = percentilesOfKeys(store.subarray(j * runs, (j + 1) * runs), PS, q);
    const i = slots[j] as number;
    bands.p10[i] = (q[0] as number) + (base[j] as number);
    bands.p50[i] = (q[1] as number) + (base[j] as number);
    bands.p90[i] = (q[2] as number) + (base[j] as number);
    bands.finiteShare[i] = finite / runs;
  }
  return { det, bands };
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

function band(b: RawBands, i: number, f: (x: number) => number = (x) => x): BandValues {
  return { p10: finiteOrNull(f(b.p10[i] as number)), p50: finiteOrNull(f(b.p50[i] as number)), p90: finiteOrNull(f(b.p90[i] as number)) };
}

function fundingBands(c: CompiledScenario, block: FundingBlock, b: RawBands, baseline: BaselineValues | null, into: FundingBand[]): void {
  const Y = c.years.length;
  const key = `${block.streamId}|${block.areaCode}`;
  const baseAmount = baseline ? (baseline.amounts.get(key) ?? new Float64Array(Y)) : null;
  const baseCum = baseline ? (baseline.cumulative.get(key) ?? new Float64Array(Y)) : null;
  const pop = block.population;
  for (let y = 0; y < Y; y++) {
    const i = block.offset + y;
    const ic = i + Y; // the cumulative block follows the amount block
    const row = { streamId: block.streamId, areaCode: block.areaCode, level: block.level, year: c.years[y] as number };
    into.push({ ...row, measure: 'amount', ...band(b, i) });
    into.push({ ...row, measure: 'cumulativeAmount', ...band(b, ic) });
    if (pop !== null) into.push({ ...row, measure: 'perResident', ...band(b, i, (x) => x / pop) });
    // The baseline is deterministic, so a delta band is the amount band shifted by a constant.
    if (baseAmount && baseCum) {
      into.push({ ...row, measure: 'delta', ...band(b, i, (x) => x - (baseAmount[y] as number)) });
      into.push({ ...row, measure: 'cumulativeDelta', ...band(b, ic, (x) => x - (baseCum[y] as number)) });
    }
  }
}

export function runMonteCarlo(definition: ScenarioDefinitionInput | ScenarioDefinition, inputs: ScenarioInputsInput, options: MonteCarloOptions = {}): MonteCarloResult {
  const c = compileScenario(definition, inputs);
  const runs = options.runs ?? c.definition.uncertainty?.runs ?? DEFAULT_RUNS;
  const seed = options.seed ?? c.definition.uncertainty?.seed ?? DEFAULT_SEED;
  const { det, bands } = simulateBands(c, runs, seed, options);
  const assumptions = [...c.assumptions];
  const baseline = computeBaseline(c, options, assumptions);
  const funding: FundingBand[] = [];
  const housing: HousingBand[] = [];
  const targetYears: TargetYearBand[] = [];
  for (const block of c.layout.blocks) {
    if (!block.banded) continue;
    if (block.kind === 'funding') {
      if (block.measure === 'amount') fundingBands(c, block, bands, baseline, funding);
    } else if (block.kind === 'housing') {
      for (let y = 0; y < block.length; y++) housing.push({ areaCode: block.areaCode, year: block.yearFrom + y, measure: block.measure, ...band(bands, block.offset + y) });
    } else {
      targetYears.push({ areaCode: block.areaCode, horizon: block.horizon, reachedShare: bands.finiteShare[block.offset] as number, ...band(bands, block.offset) });
    }
  }
  return {
    scenarioId: c.definition.id,
    runs,
    seed,
    rangedParameters: c.params.ranged.length,
    deterministic: assembleResult(c, det, baseline, assumptions),
    funding,
    housing,
    targetYears,
  };
}
