import { HM, HOUSING_MEASURES } from './layout';

/**
 * The yearly housing simulation for one run (see run-housing.ts for the order of events). Works only on
 * slot values and preallocated arrays, so Monte Carlo can call it thousands of times without garbage.
 */

export const CAP_FIXED = 0;
export const CAP_BUDGET = 1;
export const CAP_STREAM = 2;

export interface AreaPlan {
  poor: number;
  inProgress: number;
  improvedToDate: number;
  lead: number;
  target: number;
  capKind: number;
  capSlot: number;
  costSlot: number;
  shareSlot: number;
  /** Offset in the output of the funding stream's amount for this area in the housing start year. */
  streamOffset: number;
  stock: Int32Array | null;
  nc: { pipeline: number; real: number; from: number; to: number; weights: Float64Array; mix: Int32Array | null } | null;
  demo: { perYear: number; from: number; to: number; mix: Int32Array | null; pq: number } | null;
  /** Offset of the first measure block; measure m starts at first + m × Yh. */
  first: number;
  targetOffset: number;
}

/** Sum of all housing areas, when there are several and none of them is the programme itself. */
export interface AggregatePlan {
  first: number;
  targetOffset: number;
}

const SHARE = HM.socialRentSharePct;
const EPS = 1e-6;

/** Normalised tenure shares of a mix into dest[0..3), all zero when the mix adds up to zero. */
function mixShares(v: Float64Array, mix: Int32Array, dest: Float64Array): void {
  const a = v[mix[0] as number] as number;
  const b = v[mix[1] as number] as number;
  const c = v[mix[2] as number] as number;
  const sum = a + b + c;
  dest[0] = sum > 0 ? a / sum : 0;
  dest[1] = sum > 0 ? b / sum : 0;
  dest[2] = sum > 0 ? c / sum : 0;
}

export function buildHousingEvaluator(plans: AreaPlan[], aggregate: AggregatePlan | null, start: number, Yh: number) {
  const sched = new Float64Array(Yh + 1);
  const stock = new Float64Array(3);
  const buildMix = new Float64Array(3);
  const demoMix = new Float64Array(3);

  function simulate(p: AreaPlan, v: Float64Array, out: Float64Array): void {
    const poor = v[p.poor] as number;
    let inProgress = Math.min(v[p.inProgress] as number, poor);
    let notStarted = poor - inProgress;
    let remaining = poor;
    let cumulative = v[p.improvedToDate] as number;
    const lead = v[p.lead] as number;
    const lead0 = Math.floor(lead);
    const frac = lead - lead0;
    sched.fill(0);
    const spread = Math.max(1, Math.round(lead));
    for (let k = 0; k < spread && k < Yh; k++) sched[k] = inProgress / spread;
    const hasStock = p.stock !== null;
    if (p.stock) for (let k = 0; k < 3; k++) stock[k] = v[p.stock[k] as number] as number;
    if (p.nc?.mix) mixShares(v, p.nc.mix, buildMix);
    if (p.demo?.mix) mixShares(v, p.demo.mix, demoMix);
    const target = v[p.target] as number;
    const cost = p.costSlot >= 0 ? (v[p.costSlot] as number) : Number.NaN;
    const pqShare = p.demo ? (v[p.demo.pq] as number) / 100 : 0;
    const built = p.nc ? (v[p.nc.pipeline] as number) * ((v[p.nc.real] as number) / 100) : 0;
    const share = p.shareSlot >= 0 ? (v[p.shareSlot] as number) / 100 : 0;
    const fixedCapacity = p.capKind === CAP_FIXED ? (v[p.capSlot] as number) : p.capKind === CAP_BUDGET ? (v[p.capSlot] as number) / cost : 0;
    let reached = Number.POSITIVE_INFINITY;
    // Offsets of each measure's block (measure m starts at first + m × Yh).
    const o = p.first;

    for (let y = 0; y < Yh; y++) {
      const t = start + y;
      let demolished = 0;
      if (p.demo && t >= p.demo.from && t <= p.demo.to) {
        demolished = v[p.demo.perYear] as number;
        const poorGone = Math.min(demolished * pqShare, notStarted);
        notStarted -= poorGone;
        remaining -= poorGone;
        if (hasStock && p.demo.mix) for (let k = 0; k < 3; k++) stock[k] = Math.max(0, (stock[k] as number) - demolished * (demoMix[k] as number));
      }
      const capacity = p.capKind === CAP_STREAM ? ((out[p.streamOffset + y] as number) * share) / cost : fixedCapacity;
      const starts = Math.max(0, Math.min(capacity, notStarted));
      notStarted -= starts;
      if (y + lead0 < Yh) sched[y + lead0] = (sched[y + lead0] as number) + starts * (1 - frac);
      if (frac > 0 && y + lead0 + 1 < Yh) sched[y + lead0 + 1] = (sched[y + lead0 + 1] as number) + starts * frac;
      const done = sched[y] as number;
      remaining -= done;
      cumulative += done;
      inProgress += starts - done;

      let added = 0;
      if (p.nc && t >= p.nc.from && t <= p.nc.to) {
        added = built * (p.nc.weights[t - p.nc.from] as number);
        if (hasStock && p.nc.mix) for (let k = 0; k < 3; k++) stock[k] = (stock[k] as number) + added * (buildMix[k] as number);
      }
      out[o + HM.remainingPoorQuality * Yh + y] = remaining;
      out[o + HM.improved * Yh + y] = done;
      out[o + HM.started * Yh + y] = starts;
      out[o + HM.inProgress * Yh + y] = inProgress;
      out[o + HM.cumulativeImproved * Yh + y] = cumulative;
      out[o + HM.newDwellings * Yh + y] = added;
      out[o + HM.demolished * Yh + y] = demolished;
      const total = (stock[0] as number) + (stock[1] as number) + (stock[2] as number);
      out[o + HM.stockSocial * Yh + y] = hasStock ? (stock[0] as number) : Number.NaN;
      out[o + HM.stockPrivate * Yh + y] = hasStock ? (stock[1] as number) : Number.NaN;
      out[o + HM.stockOwner * Yh + y] = hasStock ? (stock[2] as number) : Number.NaN;
      out[o + SHARE * Yh + y] = hasStock && total > 0 ? ((stock[0] as number) / total) * 100 : Number.NaN;
      out[o + HM.cost * Yh + y] = starts * cost;
      if (reached === Number.POSITIVE_INFINITY && remaining <= target + EPS) reached = t;
    }
    out[p.targetOffset] = reached;
  }

  function sumAreas(a: AggregatePlan, v: Float64Array, out: Float64Array): void {
    let target = 0;
    for (const p of plans) target += v[p.target] as number;
    let reached = Number.POSITIVE_INFINITY;
    // Every measure block of an area is contiguous (measure × year), so sum whole areas at once.
    const span = HOUSING_MEASURES.length * Yh;
    out.fill(0, a.first, a.first + span);
    for (const p of plans) for (let k = 0; k < span; k++) out[a.first + k] = (out[a.first + k] as number) + (out[p.first + k] as number);
    for (let y = 0; y < Yh; y++) {
      const social = out[a.first + HM.stockSocial * Yh + y] as number;
      const total = social + (out[a.first + HM.stockPrivate * Yh + y] as number) + (out[a.first + HM.stockOwner * Yh + y] as number);
      out[a.first + SHARE * Yh + y] = total > 0 ? (social / total) * 100 : Number.NaN;
      if (reached === Number.POSITIVE_INFINITY && (out[a.first + HM.remainingPoorQuality * Yh + y] as number) <= target + EPS) reached = start + y;
    }
    out[a.targetOffset] = reached;
  }

  return function evaluate(v: Float64Array, out: Float64Array): void {
    for (const p of plans) simulate(p, v, out);
    if (aggregate) sumAreas(aggregate, v, out);
  };
}
