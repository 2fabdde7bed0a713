import type { SkippedFigures, SkipReason } from './collect-problems';

/**
 * The figures an import leaves out, in one line: how many, and why, each reason with what the
 * analyst can do about it. An import that leaves out more than a small share of its figures is
 * not a success to report quietly: the CLI refuses to commit it (exit 1) unless --allow-skips, and
 * the wizard shows the same line before the commit.
 */
export const SMALL_SHARE = 0.05;

const ORDER: SkipReason[] = ['area_not_in_store', 'area_unknown', 'area_unconfirmed', 'area_ambiguous', 'no_area', 'no_period', 'duplicate', 'not_a_number'];

const count = (n: number): string => n.toLocaleString('en');
const areas = (n: number, what: string): string => `${count(n)} ${n === 1 ? 'area' : 'areas'} ${what}`;

/** What each reason says, in English (the CLI's messages), with the option that brings the figures in. */
const WHY: Record<SkipReason, (s: { figures: number; areas: number }) => string> = {
  area_not_in_store: (s) => `${areas(s.areas, 'not in the store')} — use --create-areas`,
  area_unknown: (s) => `${count(s.areas)} unknown area ${s.areas === 1 ? 'name' : 'names'} — use --create-areas --under GM…, or --alias NAME=CODE`,
  area_unconfirmed: (s) => `${count(s.areas)} close ${s.areas === 1 ? 'match' : 'matches'} to confirm — use --accept-fuzzy or --alias NAME=CODE`,
  area_ambiguous: (s) => `${count(s.areas)} ${s.areas === 1 ? 'name' : 'names'} shared by several areas — use --alias NAME=CODE`,
  no_area: (s) => `${count(s.figures)} in rows without an area`,
  no_period: (s) => `${count(s.figures)} without a period — use --period YYYY`,
  duplicate: (s) => `${count(s.figures)} repeating an area and period`,
  not_a_number: (s) => `${count(s.figures)} in cells that are not numbers`,
};

export interface SkipSummary {
  /** Figures left out, of all figure cells read. */
  figures: number;
  share: number;
  /** More than SMALL_SHARE of the figures are left out. */
  tooMany: boolean;
  /** "14,030 figures skipped: 121 areas not in the store — use --create-areas"; null when none are. */
  line: string | null;
}

export function skipSummary(figures: { total: number; skipped: SkippedFigures | Record<string, { figures: number; areas: number }> }): SkipSummary {
  const skipped = figures.skipped as SkippedFigures;
  const parts = ORDER.flatMap((r) => {
    const s = skipped[r];
    return s && s.figures > 0 ? [{ reason: r, ...s }] : [];
  });
  const n = parts.reduce((sum, p) => sum + p.figures, 0);
  const share = figures.total > 0 ? n / figures.total : 0;
  const line = n === 0 ? null : `${count(n)} ${n === 1 ? 'figure' : 'figures'} skipped: ${parts.map((p) => WHY[p.reason](p)).join('; ')}`;
  return { figures: n, share: Math.round(share * 10_000) / 10_000, tooMany: share > SMALL_SHARE, line };
}
