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
  const total = members.length;
  const none = (reason: string, method = ''): AggregateOutcome => ({
    value: null, withFigure: 0, total, coverage: total ? 0 : null, weightShare: null,
    counted: members.map(() => false), reason, method,
  });
  if (rule.aggregation === 'none') return none('niet op te tellen uit leden: dit is geen aantal of gemiddelde (aggregatie "geen")');
  if (total === 0) return none('geen leden bekend');

  if (rule.aggregation === 'sum') {
    const values = members.map((m) => figureValue(m.value, m.sign));
    const counted = values.map((v) => v !== null);
    const withFigure = counted.filter(Boolean).length;
    const coverage = withFigure / total;
    const method = `som van ${withFigure} ${withFigure === 1 ? 'lid' : 'leden'}`;
    if (withFigure === 0 || coverage + EPS < minCoverage) {
      return { value: null, withFigure, total, coverage, weightShare: null, counted, method, reason: coverageReason(withFigure, total, null, minCoverage) };
    }
    const value = values.reduce<number>((s, v) => s + (v ?? 0), 0);
    return { value, withFigure, total, coverage, weightShare: null, counted, method, reason: null };
  }

  // weighted mean
  const weightCode = rule.weightIndicatorCode;
  if (!weightCode) return none('geen gewicht bekend voor dit gemiddelde: een gewoon gemiddelde van leden wordt niet berekend');
  const values = members.map((m) => figureValue(m.value, m.sign));
  const weights = members.map((m) => (m.weight === undefined || m.weight === null || !Number.isFinite(m.weight) ? null : m.weight));
  const counted = members.map((_, i) => values[i] !== null && weights[i] !== null && (weights[i] as number) > 0);
  const withFigure = counted.filter(Boolean).length;
  const coverage = withFigure / total;
  const allWeightsKnown = weights.every((w) => w !== null);
  const totalWeight = weights.reduce<number>((s, w) => s + (w ?? 0), 0);
  const countedWeight = weights.reduce<number>((s, w, i) => s + (counted[i] ? (w as number) : 0), 0);
  const weightShare = allWeightsKnown && totalWeight > 0 ? countedWeight / totalWeight : null;
  const method = `gewogen gemiddelde (gewicht ${weightCode}) van ${withFigure} ${withFigure === 1 ? 'lid' : 'leden'}`;
  const missingWeights = weights.filter((w, i) => w === null && values[i] !== null).length;
  if (withFigure === 0 || coverage + EPS < minCoverage || (weightShare !== null && weightShare + EPS < minCoverage)) {
    let reason = coverageReason(withFigure, total, weightShare, minCoverage);
    if (missingWeights > 0) reason += `; ${missingWeights} ${missingWeights === 1 ? 'lid heeft' : 'leden hebben'} wel een cijfer maar geen gewicht (${weightCode})`;
    return { value: null, withFigure, total, coverage, weightShare, counted, method, reason };
  }
  let num = 0;
  for (let i = 0; i < total; i++) if (counted[i]) num += (values[i] as number) * (weights[i] as number);
  return { value: num / countedWeight, withFigure, total, coverage, weightShare, counted, method, reason: null };
}

function coverageReason(withFigure: number, total: number, weightShare: number | null, minCoverage: number): string {
  const share = total ? withFigure / total : 0;
  const parts = [`dekking ${withFigure} van ${total} ${total === 1 ? 'lid' : 'leden'} (${pct(share)})`];
  if (weightShare !== null) parts.push(`${pct(weightShare)} van het gewicht`);
  return `${parts.join(', ')}, onder de drempel van ${pct(minCoverage)}`;
}
