import { PROGRAMME_AREA_CODE, TOTAL_STREAM_ID } from './definition';
import type { Assumption, ScenarioResult } from './results';

/**
 * Side-by-side comparison of up to four runs, each against the first (the reference). Years are the
 * union of the scenarios' years; a scenario has no figure (null) outside its own years — never a zero
 * that would read as "no money". Per-area totals are summed over the years every scenario covers, so
 * the columns add up the same years.
 */

export type CompareOrigin = 'saved' | 'template' | 'definition';

export interface CompareItem {
  id: string;
  name: string;
  origin: CompareOrigin;
  result: ScenarioResult;
}

export interface CompareColumnData {
  id: string;
  name: string;
  origin: CompareOrigin;
  total: (number | null)[];
  cumulative: (number | null)[];
  delta: (number | null)[];
  cumulativeDelta: (number | null)[];
  streams: { streamId: string; streamName: string; amounts: (number | null)[] }[];
  areas: { areaCode: string; total: number; delta: number | null }[];
  housing: { areaCode: string; remaining: (number | null)[]; delta: (number | null)[]; target: string | null }[];
  assumptions: Assumption[];
  toConfirm: number;
}

export interface Comparison {
  years: number[];
  /** Years every scenario covers (per-area totals are summed over these). */
  commonYears: number[];
  reference: number;
  columns: CompareColumnData[];
}

function programmeTotals(r: ScenarioResult, years: number[]): (number | null)[] {
  const own = new Set(r.years);
  const sums = new Map<number, number>();
  for (const row of r.funding) {
    if (row.level !== 'programme' || row.areaCode !== PROGRAMME_AREA_CODE || row.streamId === TOTAL_STREAM_ID) continue;
    sums.set(row.year, (sums.get(row.year) ?? 0) + row.amount);
  }
  return years.map((y) => (own.has(y) ? (sums.get(y) ?? 0) : null));
}

function running(xs: (number | null)[]): (number | null)[] {
  let sum = 0;
  return xs.map((x) => (x === null ? null : (sum += x)));
}

function diff(a: (number | null)[], b: (number | null)[]): (number | null)[] {
  return a.map((x, i) => {
    const y = b[i];
    return x === null || y === null || y === undefined ? null : x - y;
  });
}

function runningDiff(d: (number | null)[]): (number | null)[] {
  let sum = 0;
  return d.map((x) => (x === null ? null : (sum += x)));
}

export function compareResults(items: CompareItem[]): Comparison {
  const years = [...new Set(items.flatMap((i) => i.result.years))].sort((a, b) => a - b);
  const commonYears = years.filter((y) => items.every((i) => i.result.years.includes(y)));
  const common = new Set(commonYears);

  const base = items.map((item) => {
    const r = item.result;
    const total = programmeTotals(r, years);
    const streamIds = [...new Set(r.funding.filter((f) => f.level === 'programme' && f.streamId !== TOTAL_STREAM_ID).map((f) => f.streamId))];
    const streams = streamIds.map((streamId) => {
      const rows = r.funding.filter((f) => f.streamId === streamId && f.level === 'programme');
      const byYear = new Map(rows.map((f) => [f.year, f.amount]));
      return { streamId, streamName: rows[0]?.streamName ?? streamId, amounts: years.map((y) => byYear.get(y) ?? null) };
    });
    const areaSums = new Map<string, number>();
    for (const f of r.funding) {
      if (f.level !== 'area' || f.streamId === TOTAL_STREAM_ID || !common.has(f.year)) continue;
      areaSums.set(f.areaCode, (areaSums.get(f.areaCode) ?? 0) + f.amount);
    }
    const housingCodes = [...new Set(r.housing.map((h) => h.areaCode))];
    const remaining = new Map(
      housingCodes.map((code) => {
        const byYear = new Map(r.housing.filter((h) => h.areaCode === code).map((h) => [h.year, h.remainingPoorQuality]));
        return [code, years.map((y) => byYear.get(y) ?? null)] as const;
      }),
    );
    return { item, total, streams, areaSums, remaining };
  });

  const ref = base[0];
  const columns = base.map(({ item, total, streams, areaSums, remaining }): CompareColumnData => {
    const delta = ref ? diff(total, ref.total) : total.map(() => null);
    return {
      id: item.id,
      name: item.name,
      origin: item.origin,
      total,
      cumulative: running(total),
      delta,
      cumulativeDelta: runningDiff(delta),
      streams,
      areas: [...areaSums].map(([areaCode, sum]) => {
        const refSum = ref?.areaSums.get(areaCode);
        return { areaCode, total: sum, delta: refSum === undefined ? null : sum - refSum };
      }),
      housing: [...remaining].map(([areaCode, rem]) => {
        const refRem = ref?.remaining.get(areaCode);
        return {
          areaCode,
          remaining: rem,
          delta: refRem ? diff(rem, refRem) : rem.map(() => null),
          target: item.result.housingTargets.find((t) => t.areaCode === areaCode)?.message ?? null,
        };
      }),
      assumptions: item.result.assumptions,
      toConfirm: item.result.assumptions.filter((a) => a.kind === 'te-bevestigen').length,
    };
  });
  return { years, commonYears, reference: 0, columns };
}
