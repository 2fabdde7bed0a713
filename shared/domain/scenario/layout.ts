import type { RowLevel } from './results';

/**
 * The flat output vector of one run. Every series (one stream × one area × one measure over the years,
 * or one housing measure of one area) is a block of consecutive slots. Blocks are described once at
 * compile time; a run only writes numbers, so Monte Carlo allocates nothing per run.
 */

export const HOUSING_MEASURES = [
  'remainingPoorQuality',
  'improved',
  'started',
  'inProgress',
  'cumulativeImproved',
  'newDwellings',
  'demolished',
  'stockSocial',
  'stockPrivate',
  'stockOwner',
  'socialRentSharePct',
  'cost',
] as const;
export type HousingMeasure = (typeof HOUSING_MEASURES)[number];
export const HM: { readonly [K in HousingMeasure]: number } = Object.fromEntries(
  HOUSING_MEASURES.map((m, i) => [m, i]),
) as { [K in HousingMeasure]: number };

export type FundingMeasure = 'amount' | 'cumulativeAmount';

export interface FundingBlock {
  kind: 'funding';
  measure: FundingMeasure;
  streamId: string;
  streamName: string;
  areaCode: string;
  level: RowLevel;
  population: number | null;
  perResidentReason: string | null;
  offset: number;
  yearFrom: number;
  length: number;
  banded: boolean;
}

export interface HousingBlock {
  kind: 'housing';
  measure: HousingMeasure;
  areaCode: string;
  offset: number;
  yearFrom: number;
  length: number;
  /** False for series that are structurally unknown (NaN), e.g. stock when none was given. */
  banded: boolean;
}

/** One number per housing area: the year the target is reached, +Infinity when not before the horizon. */
export interface TargetYearBlock {
  kind: 'targetYear';
  areaCode: string;
  targetRemaining: number;
  horizon: number;
  offset: number;
  yearFrom: number;
  length: 1;
  banded: boolean;
}

export type Block = FundingBlock | HousingBlock | TargetYearBlock;
type Draft<B> = B extends Block ? Omit<B, 'offset'> : never;

export class Layout {
  readonly blocks: Block[] = [];
  size = 0;

  add(draft: Draft<Block>): number {
    const offset = this.size;
    this.blocks.push({ ...draft, offset } as Block);
    this.size += draft.length;
    return offset;
  }
}
