import { AppError } from '../../errors';
import type { ScenarioDefinition } from './definition';
import { PROGRAMME_AREA_CODE } from './definition';
import type { HousingArea, TenureMix } from './housing-schema';
import type { Layout } from './layout';
import { HOUSING_MEASURES } from './layout';
import type { AggregatePlan, AreaPlan } from './housing-evaluate';
import { CAP_BUDGET, CAP_FIXED, CAP_STREAM, buildHousingEvaluator } from './housing-evaluate';
import type { Assumption } from './results';
import type { ParamTable } from './params';
import { flagToConfirm } from './params';
import type { CompiledFunding } from './run-funding';

/**
 * Housing improvement per area and year (end-of-year values), in this order within a year:
 *   1. demolition removes dwellings; a share of them were poor-quality and not yet started;
 *   2. starts = min(capacity, poor-quality dwellings not yet started);
 *   3. completions = starts of (year − lead time); a fractional lead time L splits a start's completion
 *      over year + floor(L) and the year after, in proportion — so L = 2 is exact and L = 2.5 is halfway;
 *      dwellings already in progress at the start complete evenly over the first round(L) years (≥ 1);
 *   4. remaining poor-quality = previous − completions − demolished poor-quality;
 *   5. new construction: pipeline × realisation spread over its years, added to the stock by tenure mix.
 * Capacity fed by a funding stream reads that stream's amount for the area in the same year, so when the
 * stream stops, starts stop and completions stop one lead time later.
 */

/** Housing measures whose uncertainty bands are computed (the others are reported, not banded). */
const BANDED = new Set(['remainingPoorQuality', 'improved', 'started', 'cumulativeImproved', 'newDwellings', 'socialRentSharePct', 'cost']);

export interface HousingContext {
  def: ScenarioDefinition;
  params: ParamTable;
  layout: Layout;
  assumptions: Assumption[];
  years: number[];
  funding: CompiledFunding;
}

export interface CompiledHousing {
  evaluate(v: Float64Array, out: Float64Array): void;
  start: number;
  horizon: number;
}

/** One block per measure, consecutive, followed by the target-year slot. Unknown series are not banded. */
function addBlocks(ctx: HousingContext, areaCode: string, start: number, horizon: number, has: { stock: boolean; cost: boolean }, targetRemaining: number): AggregatePlan {
  let first = -1;
  for (const measure of HOUSING_MEASURES) {
    const known = measure.startsWith('stock') || measure === 'socialRentSharePct' ? has.stock : measure === 'cost' ? has.cost : true;
    const off = ctx.layout.add({ kind: 'housing', measure, areaCode, yearFrom: start, length: horizon - start + 1, banded: known && BANDED.has(measure) });
    if (first < 0) first = off;
  }
  const targetOffset = ctx.layout.add({ kind: 'targetYear', areaCode, targetRemaining, horizon, yearFrom: start, length: 1, banded: true });
  return { first, targetOffset };
}

export function compileHousing(ctx: HousingContext): CompiledHousing | null {
  const h = ctx.def.housing;
  if (!h) return null;
  const { params, years } = ctx;
  const start = h.startYear ?? (years[0] as number);
  const horizon = h.horizon ?? (years[years.length - 1] as number);
  const Yh = horizon - start + 1;
  const yOff = start - (years[0] as number);

  const mixSlots = (m: TenureMix | undefined, path: string, label: string): Int32Array | null => {
    if (!m) return null;
    flagToConfirm(ctx.assumptions, m, path, `${label}: woningmix`);
    const slots = Int32Array.of(
      params.add(m.socialPct, `${path}.socialPct`, `${label} — aandeel sociale huur`, 'pct'),
      params.add(m.privatePct, `${path}.privatePct`, `${label} — aandeel particuliere huur`, 'pct'),
      params.add(m.ownerPct, `${path}.ownerPct`, `${label} — aandeel koop`, 'pct'),
    );
    const sum = params.centralOf(slots[0] as number) + params.centralOf(slots[1] as number) + params.centralOf(slots[2] as number);
    if (Math.abs(sum - 100) > 0.5) throw new AppError('SCENARIO_INVALID', `Invalid scenario definition: ${path} adds up to ${sum}%, not 100%`);
    return slots;
  };

  const hasAll = { stock: true, cost: true };
  const plans: AreaPlan[] = h.areas.map((a: HousingArea, i) => {
    const path = `housing.areas[${i}]`;
    const L = `Wonen ${a.areaCode}`;
    flagToConfirm(ctx.assumptions, a, path, L);
    const c = a.capacity;
    flagToConfirm(ctx.assumptions, c, `${path}.capacity`, `${L} — verbetercapaciteit`);
    let capSlot = -1;
    let costSlot = -1;
    let shareSlot = -1;
    let streamOffset = -1;
    if (c.kind === 'fixed') {
      capSlot = params.add(c.perYear, `${path}.capacity.perYear`, `${L} — starts per jaar`, 'count');
      if (c.costPerDwelling !== undefined) costSlot = params.add(c.costPerDwelling, `${path}.capacity.costPerDwelling`, `${L} — kosten per woning`, 'euro');
    } else if (c.kind === 'budget') {
      capSlot = params.add(c.budgetPerYear, `${path}.capacity.budgetPerYear`, `${L} — budget per jaar`, 'euro');
      costSlot = params.add(c.costPerDwelling, `${path}.capacity.costPerDwelling`, `${L} — kosten per woning`, 'euro');
    } else {
      const off = ctx.funding.amountOffset(c.streamId, a.areaCode);
      if (off === undefined) {
        throw new AppError('SCENARIO_INVALID', `Invalid scenario definition: housing area "${a.areaCode}" is funded by stream "${c.streamId}", which has no row for that area (use ${PROGRAMME_AREA_CODE}, an input area, or a municipality of a stream with a municipality key)`);
      }
      streamOffset = off + yOff;
      shareSlot = params.add(c.sharePct, `${path}.capacity.sharePct`, `${L} — deel van ${c.streamId} voor verbetering`, 'pct');
      costSlot = params.add(c.costPerDwelling, `${path}.capacity.costPerDwelling`, `${L} — kosten per woning`, 'euro');
    }
    if (a.stock) flagToConfirm(ctx.assumptions, a.stock, `${path}.stock`, `${L} — woningvoorraad`);
    const stock = a.stock
      ? Int32Array.of(
          params.add(a.stock.social, `${path}.stock.social`, `${L} — sociale huur`, 'count'),
          params.add(a.stock.private, `${path}.stock.private`, `${L} — particuliere huur`, 'count'),
          params.add(a.stock.owner, `${path}.stock.owner`, `${L} — koop`, 'count'),
        )
      : null;
    const n = a.newConstruction;
    if (n) flagToConfirm(ctx.assumptions, n, `${path}.newConstruction`, `${L} — nieuwbouw`);
    const nw = n ? (n.profile ?? new Array<number>(n.to - n.from + 1).fill(1)) : [];
    const nwSum = nw.reduce((x, y) => x + y, 0);
    const d = a.demolition;
    if (d) flagToConfirm(ctx.assumptions, d, `${path}.demolition`, `${L} — sloop`);
    const poor = params.add(a.poorQuality, `${path}.poorQuality`, `${L} — slechte woningen bij start ${start}`, 'count');
    const inProgress = params.add(a.inProgress, `${path}.inProgress`, `${L} — waarvan in uitvoering`, 'count');
    const improvedToDate = params.add(a.improvedToDate, `${path}.improvedToDate`, `${L} — al verbeterd vóór ${start}`, 'count');
    const lead = params.add(a.leadTimeYears, `${path}.leadTimeYears`, `${L} — doorlooptijd`, 'years');
    const target = params.add(a.targetRemaining, `${path}.targetRemaining`, `${L} — doel resterende slechte woningen`, 'count');
    const has = { stock: stock !== null, cost: costSlot >= 0 };
    hasAll.stock &&= has.stock;
    hasAll.cost &&= has.cost;
    const blocks = addBlocks(ctx, a.areaCode, start, horizon, has, params.centralOf(target));
    return {
      poor, inProgress, improvedToDate, lead, target,
      capKind: { fixed: CAP_FIXED, budget: CAP_BUDGET, stream: CAP_STREAM }[c.kind],
      capSlot, costSlot, shareSlot, streamOffset, stock,
      nc: n
        ? {
            pipeline: params.add(n.pipeline, `${path}.newConstruction.pipeline`, `${L} — woningen in voorbereiding`, 'count'),
            real: params.add(n.realisationPct, `${path}.newConstruction.realisationPct`, `${L} — realisatiegraad`, 'pct'),
            from: n.from, to: n.to, weights: Float64Array.from(nw, (w) => w / nwSum),
            mix: stock ? mixSlots(n.tenureMix, `${path}.newConstruction.tenureMix`, `${L} — nieuwbouw`) : null,
          }
        : null,
      demo: d
        ? {
            perYear: params.add(d.perYear, `${path}.demolition.perYear`, `${L} — sloop per jaar`, 'count'),
            from: d.from, to: d.to,
            mix: stock ? mixSlots(d.tenureMix, `${path}.demolition.tenureMix`, `${L} — sloop`) : null,
            pq: params.add(d.poorQualitySharePct, `${path}.demolition.poorQualitySharePct`, `${L} — sloop: aandeel slechte woningen`, 'pct'),
          }
        : null,
      first: blocks.first,
      targetOffset: blocks.targetOffset,
    };
  });
  const needsTotal = plans.length > 1 && !h.areas.some((a) => a.areaCode === PROGRAMME_AREA_CODE);
  const total = plans.reduce((s, p) => s + params.centralOf(p.target), 0);
  const aggregate = needsTotal ? addBlocks(ctx, PROGRAMME_AREA_CODE, start, horizon, hasAll, total) : null;
  return { evaluate: buildHousingEvaluator(plans, aggregate, start, Yh), start, horizon };
}
