import type { ShareKey } from './allocation';

/**
 * The yearly funding arithmetic for one run (formulas in run-funding.ts). Works only on slot values and
 * preallocated arrays, so Monte Carlo can call it thousands of times without garbage.
 */

export const RULE_STOP = 0;
export const RULE_CONTINUE = 1;
export const RULE_TAPER = 2;
export const RULE_BUNDLE = 3;

export interface StreamPlan {
  isTotal: boolean;
  from: number;
  end: number; // +Infinity for a structural stream
  amountSlot: number;
  shareSlot: number;
  indexSlot: number; // -1: no indexation
  weights: Float64Array; // total kind: normalised profile over [from, end]
  rule: number;
  pctSlot: number;
  adminSlot: number;
  until: number;
  taperYears: number;
  target: number;
  key: ShareKey | null;
  shares: Float64Array;
  programmeOffset: number;
  unitOffsets: Int32Array;
  attributable: boolean;
}

/**
 * @param totals offsets of the `_totaal` series: programme (−1: none) and one per area (empty: none)
 * @param cum pairs (amount offset, cumulative offset) of every funding series
 */
export function buildFundingEvaluator(plans: StreamPlan[], years: number[], totals: { programme: number; areas: Int32Array }, cum: Int32Array) {
  const S = plans.length;
  const Y = years.length;
  const totalProgramme = totals.programme;
  const totalAreas = totals.areas;
  const prog = new Float64Array(S * Y);
  const last = new Float64Array(S);
  const growth = new Float64Array(S);
  const base = new Float64Array(S);

  return function evaluate(v: Float64Array, out: Float64Array): void {
    for (let s = 0; s < S; s++) {
      const p = plans[s] as StreamPlan;
      const g = p.indexSlot >= 0 ? 1 + (v[p.indexSlot] as number) / 100 : 1;
      const b = (v[p.amountSlot] as number) * ((v[p.shareSlot] as number) / 100);
      const l = p.end === Number.POSITIVE_INFINITY ? 0 : p.isTotal ? b * (p.weights[p.end - p.from] as number) : b * g ** (p.end - p.from);
      const pct = p.pctSlot >= 0 ? (v[p.pctSlot] as number) / 100 : 0;
      growth[s] = g;
      base[s] = b;
      last[s] = l;
      for (let y = 0; y < Y; y++) {
        const t = (years[y] as number);
        let amount = 0;
        if (t < p.from) amount = 0;
        else if (t <= p.end) amount = p.isTotal ? b * (p.weights[t - p.from] as number) : b * g ** (t - p.from);
        else if (p.rule === RULE_CONTINUE && t <= p.until) amount = l * pct * g ** (t - p.end);
        else if (p.rule === RULE_TAPER && t - p.end <= p.taperYears) amount = l * ((p.taperYears + 1 - (t - p.end)) / (p.taperYears + 1)) * g ** (t - p.end);
        prog[s * Y + y] = amount;
      }
    }
    // Bundled money continues inside its target stream (after all own amounts are known).
    for (let s = 0; s < S; s++) {
      const p = plans[s] as StreamPlan;
      if (p.rule !== RULE_BUNDLE) continue;
      const keep = ((v[p.pctSlot] as number) / 100) * (1 - (v[p.adminSlot] as number) / 100);
      for (let y = 0; y < Y; y++) {
        const t = years[y] as number;
        if (t > p.end && t <= p.until) prog[p.target * Y + y] = (prog[p.target * Y + y] as number) + (last[s] as number) * keep * (growth[s] as number) ** (t - p.end);
      }
    }
    for (let s = 0; s < S; s++) {
      const p = plans[s] as StreamPlan;
      for (let y = 0; y < Y; y++) out[p.programmeOffset + y] = prog[s * Y + y] as number;
      if (!p.key) continue;
      p.key.compute(v, base[s] as number, p.shares);
      for (let i = 0; i < p.unitOffsets.length; i++) {
        const off = p.unitOffsets[i] as number;
        const share = p.shares[i] as number;
        for (let y = 0; y < Y; y++) out[off + y] = (prog[s * Y + y] as number) * share;
      }
    }
    if (totalProgramme >= 0) {
      for (let y = 0; y < Y; y++) {
        let sum = 0;
        for (let s = 0; s < S; s++) sum += prog[s * Y + y] as number;
        out[totalProgramme + y] = sum;
      }
      for (let i = 0; i < totalAreas.length; i++) {
        const off = totalAreas[i] as number;
        for (let y = 0; y < Y; y++) {
          let sum = 0;
          for (let s = 0; s < S; s++) {
            const p = plans[s] as StreamPlan;
            if (p.attributable) sum += out[(p.unitOffsets[i] as number) + y] as number;
          }
          out[off + y] = sum;
        }
      }
    }
    for (let c = 0; c < cum.length; c += 2) {
      const from = cum[c] as number;
      const to = cum[c + 1] as number;
      let run = 0;
      for (let y = 0; y < Y; y++) out[to + y] = run += out[from + y] as number;
    }
  };
}
