import { z } from 'zod';

/**
 * Units an indicator can be stored in. A unit is a base quantity times a factor, so that a column
 * headed "(x € 1.000)" can be checked against an indicator in `euro_x1000` (same, factor 1) or in
 * `euro` (convert by 1000), and a percentage column against a count indicator (a mismatch).
 */
export const UnitCode = z.enum([
  'count',
  'number', // a dimensionless mean, ratio or score ("Getal", persons per household)
  'percent',
  'per_1000_residents',
  'per_1000_households',
  'euro',
  'euro_x1000',
  'euro_x1000000',
  'km',
  'ha',
  'km2',
  'per_km2',
  'kwh',
  'm3',
  'year',
  'code', // a classification or code stored as a number (urbanity class 1–5, postcode)
]);
export type UnitCode = z.infer<typeof UnitCode>;

export type UnitBase = Exclude<UnitCode, 'euro_x1000' | 'euro_x1000000'>;

const FACTORS: Partial<Record<UnitCode, { base: UnitBase; factor: number }>> = {
  euro_x1000: { base: 'euro', factor: 1000 },
  euro_x1000000: { base: 'euro', factor: 1_000_000 },
};

export function unitBase(unit: UnitCode): { base: UnitBase; factor: number } {
  return FACTORS[unit] ?? { base: unit as UnitBase, factor: 1 };
}

/** The unit code for a base and a factor, when there is one (euro × 1000 → euro_x1000). */
export function unitFor(base: UnitBase, factor: number): UnitCode | null {
  if (factor === 1) return base;
  if (base === 'euro' && factor === 1000) return 'euro_x1000';
  if (base === 'euro' && factor === 1_000_000) return 'euro_x1000000';
  return null;
}

/**
 * How to turn a figure written in (base, factor) into the indicator's unit: the multiplier, or
 * null when the bases differ (a unit mismatch the preview reports). A count "x 1 000" into a count
 * indicator gives 1000; "x 1 000 euro" into euro_x1000 gives 1.
 */
export function conversionFactor(from: { base: UnitBase; factor: number }, to: UnitCode): number | null {
  const target = unitBase(to);
  if (from.base !== target.base) return null;
  return from.factor / target.factor;
}
