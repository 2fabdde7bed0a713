import type { Indicator } from '../../contract/model';

/**
 * A composite index of the analyst's own ("leefbaarheid"): each indicator standardised against a
 * reference set (z-score: (x − mean) / sd, the population standard deviation of the reference
 * areas' figures), turned so that higher is better (a `higher_worse` indicator counts negatively),
 * weighted and averaged. Each indicator's contribution is its weighted, turned z-score divided by
 * the weights the area's score is averaged over, so an area's contributions add up to its score.
 * Pure: figures in, scores out; where the figures come from is the caller's business.
 */
export interface IndexComponent {
  indicatorCode: string;
  weight: number;
  direction: Indicator['direction'];
}

/**
 * What to do with an area that lacks a figure for some indicator: leave it out of the ranking
 * (`exclude`), or average over the indicators it has, their weights scaled up to the same total
 * (`reweight`). The choice is shown beside the result.
 */
export type MissingRule = 'exclude' | 'reweight';

export interface IndexInput {
  components: IndexComponent[];
  /** The areas to score, in display order. */
  areas: { code: string; name: string }[];
  /** Figures by area code, then indicator code; null or absent is missing (a CBS sign, no figure). */
  values: Record<string, Record<string, number | null | undefined>>;
  /** The areas whose figures set each indicator's mean and sd; default: the scored areas. */
  referenceCodes?: string[];
  missing: MissingRule;
}

export interface ComponentStats {
  indicatorCode: string;
  mean: number;
  sd: number;
  n: number;
  /** Weight as a share of the total (the weights given, normalised). */
  share: number;
  direction: Indicator['direction'];
  /** Why an indicator could not be standardised (fewer than two reference figures, no spread). */
  unusable: string | null;
}

export interface IndexRow {
  areaCode: string;
  areaName: string;
  score: number;
  rank: number;
  /** Per indicator code: its share of the score (turned z × weight / weights used). Sums to score. */
  contributions: Record<string, number>;
  zScores: Record<string, number>;
  /** Indicators the area lacked (reweight only; such an area is marked in the result). */
  missing: string[];
}

export interface IndexResult {
  rows: IndexRow[];
  excluded: { areaCode: string; areaName: string; missing: string[] }[];
  stats: ComponentStats[];
  missingRule: MissingRule;
}

export function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Population standard deviation (divide by n): the spread of the reference set itself. */
export function populationSd(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
}

/** The z-score of a value, turned so that higher is better (neutral indicators keep their sign). */
export function orientedZ(value: number, stats: Pick<ComponentStats, 'mean' | 'sd' | 'direction'>): number {
  const z = (value - stats.mean) / stats.sd;
  return stats.direction === 'higher_worse' ? -z : z;
}

function valueOf(input: IndexInput, area: string, indicator: string): number | null {
  const v = input.values[area]?.[indicator];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function computeIndex(input: IndexInput): IndexResult {
  const positive = input.components.filter((c) => c.weight > 0);
  const totalWeight = positive.reduce((s, c) => s + c.weight, 0);
  const reference = input.referenceCodes ?? input.areas.map((a) => a.code);
  const stats: ComponentStats[] = positive.map((c) => {
    const xs = reference.map((code) => valueOf(input, code, c.indicatorCode)).filter((v): v is number => v !== null);
    const m = xs.length ? mean(xs) : NaN;
    const sd = xs.length ? populationSd(xs) : NaN;
    const unusable = xs.length < 2 ? `minder dan twee referentiecijfers (${xs.length})` : sd === 0 ? 'geen spreiding in de referentiegebieden' : null;
    return { indicatorCode: c.indicatorCode, mean: m, sd, n: xs.length, share: c.weight / totalWeight, direction: c.direction, unusable };
  });
  const usable = stats.filter((s) => s.unusable === null);
  const weightOf = new Map(positive.map((c) => [c.indicatorCode, c.weight]));

  const scored: Omit<IndexRow, 'rank'>[] = [];
  const excluded: IndexResult['excluded'] = [];
  for (const area of input.areas) {
    const have = usable.filter((s) => valueOf(input, area.code, s.indicatorCode) !== null);
    const missing = usable.filter((s) => !have.includes(s)).map((s) => s.indicatorCode);
    if (have.length === 0 || (missing.length > 0 && input.missing === 'exclude')) {
      excluded.push({ areaCode: area.code, areaName: area.name, missing });
      continue;
    }
    const weightUsed = have.reduce((s, st) => s + weightOf.get(st.indicatorCode)!, 0);
    const contributions: Record<string, number> = {};
    const zScores: Record<string, number> = {};
    let score = 0;
    for (const st of have) {
      const z = orientedZ(valueOf(input, area.code, st.indicatorCode)!, st);
      zScores[st.indicatorCode] = z;
      const part = (z * weightOf.get(st.indicatorCode)!) / weightUsed;
      contributions[st.indicatorCode] = part;
      score += part;
    }
    scored.push({ areaCode: area.code, areaName: area.name, score, contributions, zScores, missing });
  }
  return { rows: rankRows(scored), excluded, stats, missingRule: input.missing };
}

/** Highest score first, rank 1; equal scores share a rank (1, 2, 2, 4). */
export function rankRows(rows: Omit<IndexRow, 'rank'>[]): IndexRow[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score || a.areaCode.localeCompare(b.areaCode));
  const EPS = 1e-12;
  return sorted.map((r, i) => {
    let first = i;
    while (first > 0 && Math.abs(sorted[first - 1]!.score - r.score) < EPS) first--;
    return { ...r, rank: first + 1 };
  });
}
