import type { Sign } from '../../contract/model';

/**
 * An area's figure computed from its members' figures (a focus area from its districts, a district
 * from its neighbourhoods …). Counts are summed; rates and averages are means weighted by the
 * indicator's weight (p_koopw by a_woning) — never a plain mean of percentages. An indicator whose
 * aggregation is 'none' gives no figure, and says why.
 *
 * CBS signs are data: a member with '.' (unknown) or 'x' (secret) has no figure and lowers the
 * coverage; a '-' (nil) is a real zero and counts.
 */

export type AggregationRule =
  | { aggregation: 'sum' }
  | { aggregation: 'weighted_mean'; weightIndicatorCode: string | null }
  | { aggregation: 'none' };

export interface MemberInput {
  code: string;
  value: number | null;
  sign: Sign | null;
  /** The member's weight figure (for weighted means), null when it has none. */
  weight?: number | null;
}

export interface AggregateOutcome {
  value: number | null;
  /** Members with a usable figure (and, for weighted means, a usable weight). */
  withFigure: number;
  total: number;
  /** withFigure / total; null without members. */
  coverage: number | null;
  /** Share of the members' total weight held by the counted members; null for sums or unknown weights. */
  weightShare: number | null;
  /** Per member (same order as given): whether it counted. */
  counted: boolean[];
  /** Dutch: why there is no figure; null when there is one. */
  reason: string | null;
  /** Dutch: how the figure was made ("som van 3 leden", "gewogen gemiddelde (gewicht a_woning) van 2 leden"). */
  method: string;
}

/** A member's figure as a number: '-' is zero; '.', 'x', ranges and empty cells are no figure. */
export function figureValue(value: number | null, sign: Sign | null): number | null {
  if (value !== null && Number.isFinite(value)) return value;
  if (sign === 'nil') return 0;
  return null;
}

export const pct = (share: number): string => `${Math.round(share * 1000) / 10}`.replace('.', ',') + '%';

// Shares are compared with a little slack so 2/3 ≥ 0.6667 does not fail on rounding.
const EPS = 1e-9;

export function aggregate(rule: AggregationRule, members: readonly MemberInput[], minCoverage: number): AggregateOutcome {
  const n = members.length;
  const values = new Float64Array(n);
  const weights = rule.aggregation === 'weighted_mean' ? new Float64Array(n) : null;
  for (let i = 0; i < n; i++) {
    const m = members[i] as MemberInput;
    values[i] = figureValue(m.value, m.sign) ?? NaN;
    if (weights) weights[i] = m.weight === undefined || m.weight === null || !Number.isFinite(m.weight) ? NaN : m.weight;
  }
  const out = aggregateColumns(rule, values, weights, minCoverage);
  return { ...out, counted: Array.from(out.counted, (c) => c === 1) };
}

/** Like AggregateOutcome, with `counted` as 0/1 per member (no array of booleans for 700 members × 120 indicators). */
export interface ColumnOutcome extends Omit<AggregateOutcome, 'counted'> {
  counted: Uint8Array;
}

/**
 * The aggregate from the members' figures as columns, in member order: `values[i]` is the member's
 * figure as `figureValue` gives it (NaN = no figure: '.', 'x', a range, no cell), `weights[i]` its
 * weight figure (NaN = none; only for weighted means). The one implementation behind `aggregate`
 * and the bulk path of a national aggregation: same sums in the same order, same reasons.
 */
export function aggregateColumns(rule: AggregationRule, values: ArrayLike<number>, weights: ArrayLike<number> | null, minCoverage: number, countedInto?: Uint8Array): ColumnOutcome {
  const total = values.length;
  // `countedInto` (zeroed here): a slice of a caller's pool, so 2,400 aggregates need not allocate 2,400 arrays
  const counted = countedInto !== undefined && countedInto.length === total ? countedInto.fill(0) : new Uint8Array(total);
  if (rule.aggregation === 'none') return none(total, counted, 'niet op te tellen uit leden: dit is geen aantal of gemiddelde (aggregatie "geen")');
  if (total === 0) return none(total, counted, 'geen leden bekend');

  if (rule.aggregation === 'sum') {
    let withFigure = 0;
    for (let i = 0; i < total; i++) if (!Number.isNaN(values[i] as number)) { counted[i] = 1; withFigure++; }
    const coverage = withFigure / total;
    const method = methodText(null, withFigure);
    if (withFigure === 0 || coverage + EPS < minCoverage) {
      return { value: null, withFigure, total, coverage, weightShare: null, counted, method, reason: coverageReason(withFigure, total, null, minCoverage) };
    }
    let value = 0;
    for (let i = 0; i < total; i++) value += counted[i] ? (values[i] as number) : 0;
    return { value, withFigure, total, coverage, weightShare: null, counted, method, reason: null };
  }

  // weighted mean
  const weightCode = rule.weightIndicatorCode;
  if (!weightCode) return none(total, counted, 'geen gewicht bekend voor dit gemiddelde: een gewoon gemiddelde van leden wordt niet berekend');
  let withFigure = 0;
  let allWeightsKnown = true;
  let totalWeight = 0;
  let countedWeight = 0;
  let missingWeights = 0;
  for (let i = 0; i < total; i++) {
    const v = values[i] as number;
    const w = weights ? (weights[i] as number) : NaN;
    const hasW = !Number.isNaN(w);
    if (!Number.isNaN(v) && hasW && w > 0) { counted[i] = 1; withFigure++; }
    if (!hasW) allWeightsKnown = false;
    if (!hasW && !Number.isNaN(v)) missingWeights++;
    totalWeight += hasW ? w : 0;
    countedWeight += counted[i] ? w : 0;
  }
  const coverage = withFigure / total;
  const weightShare = allWeightsKnown && totalWeight > 0 ? countedWeight / totalWeight : null;
  const method = methodText(weightCode, withFigure);
  if (withFigure === 0 || coverage + EPS < minCoverage || (weightShare !== null && weightShare + EPS < minCoverage)) {
    let reason = coverageReason(withFigure, total, weightShare, minCoverage);
    if (missingWeights > 0) reason += `; ${missingWeights} ${missingWeights === 1 ? 'lid heeft' : 'leden hebben'} wel een cijfer maar geen gewicht (${weightCode})`;
    return { value: null, withFigure, total, coverage, weightShare, counted, method, reason };
  }
  let num = 0;
  for (let i = 0; i < total; i++) if (counted[i]) num += (values[i] as number) * (weights as ArrayLike<number>)[i]!;
  return { value: num / countedWeight, withFigure, total, coverage, weightShare, counted, method, reason: null };
}

const none = (total: number, counted: Uint8Array, reason: string, method = ''): ColumnOutcome => ({
  value: null, withFigure: 0, total, coverage: total ? 0 : null, weightShare: null, counted, reason, method,
});

/** "som van 4 leden", "gewogen gemiddelde (gewicht a_woning) van 4 leden": made once per wording (a grid asks thousands). */
const methods = new Map<string | null, string[]>();
function methodText(weightCode: string | null, n: number): string {
  let byCount = methods.get(weightCode);
  if (!byCount) methods.set(weightCode, (byCount = []));
  return (byCount[n] ??= weightCode === null
    ? `som van ${n} ${n === 1 ? 'lid' : 'leden'}`
    : `gewogen gemiddelde (gewicht ${weightCode}) van ${n} ${n === 1 ? 'lid' : 'leden'}`);
}

function coverageReason(withFigure: number, total: number, weightShare: number | null, minCoverage: number): string {
  const share = total ? withFigure / total : 0;
  const parts = [`dekking ${withFigure} van ${total} ${total === 1 ? 'lid' : 'leden'} (${pct(share)})`];
  if (weightShare !== null) parts.push(`${pct(weightShare)} van het gewicht`);
  return `${parts.join(', ')}, onder de drempel van ${pct(minCoverage)}`;
}
