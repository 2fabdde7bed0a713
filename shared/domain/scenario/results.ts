/**
 * Output shapes of a scenario run. Amounts in euro, counts in dwellings, shares in percent; nothing is
 * rounded (rounding is for display and export). `null` always comes with a reason or means "unknown".
 */

export type RowLevel = 'area' | 'municipality' | 'programme';

/** One line of the assumptions and warnings list, in Dutch, shown beside every result and export. */
export interface Assumption {
  kind: 'te-bevestigen' | 'aanname' | 'ontbrekend';
  message: string;
  /** Path of the parameter in the definition, e.g. `streams[0].allocation`. */
  path?: string;
}

export interface FundingRow {
  streamId: string;
  streamName: string;
  /** Area code, municipality code, or NPLV for the programme as a whole. */
  areaCode: string;
  level: RowLevel;
  year: number;
  amount: number;
  cumulativeAmount: number;
  perResident: number | null;
  /** Why perResident is null (Dutch). */
  perResidentReason: string | null;
  baselineAmount: number | null;
  delta: number | null;
  cumulativeDelta: number | null;
}

export interface TenureStock {
  social: number;
  private: number;
  owner: number;
}

export interface HousingRow {
  areaCode: string;
  year: number;
  /** Poor-quality dwellings at the end of the year (including those being improved). */
  remainingPoorQuality: number;
  /** Improvements completed in the year. */
  improved: number;
  /** Improvements started in the year. */
  started: number;
  inProgress: number;
  cumulativeImproved: number;
  newDwellings: number;
  demolished: number;
  stock: TenureStock | null;
  socialRentSharePct: number | null;
  /** Euro spent on improvements started in the year; null when no cost per dwelling is known. */
  cost: number | null;
  remainingDelta: number | null;
}

export interface HousingTarget {
  areaCode: string;
  targetRemaining: number;
  /** First year whose end-of-year remaining is at or below the target; null: not before the horizon. */
  targetYear: number | null;
  horizon: number;
  /** Dutch, e.g. "Doel bereikt in 2031" or "Doel niet vóór 2035 bereikt". */
  message: string;
}

export interface ParameterInfo {
  path: string;
  label: string;
  central: number;
  low: number | null;
  high: number | null;
  dist: 'uniform' | 'triangular' | null;
  source: string | null;
  status: 'te bevestigen' | null;
}

export interface ScenarioResult {
  scenarioId: string;
  scenarioName: string;
  baselineId: string | null;
  years: number[];
  funding: FundingRow[];
  housing: HousingRow[];
  housingTargets: HousingTarget[];
  assumptions: Assumption[];
  parameters: ParameterInfo[];
}
