import { unitFromHeader } from '../numbers/unit-from-header';
import { conversionFactor, unitBase, unitFor } from '../numbers/units';
import { periodFromHeader } from './detect-period';
import type { IndicatorCatalogue } from './indicator-catalogue';
import type { MeasurePlan } from './import-plan';
import { suggestIndicator, type IndicatorSuggestion } from './suggest-indicator';

/**
 * Turns one figure column (or long variable, or transposed row) into a MeasurePlan: which
 * indicator, which unit, and the multiplier from the written unit to the indicator's unit. When
 * the header's unit and the catalogue's disagree in kind (a "%" header on a count indicator), the
 * plan says so instead of converting: the preview lists it as a unit mismatch.
 */
export interface MeasureInput {
  key: string;
  label: string;
  column?: number;
  row?: number;
  /** Text that states the unit, when it is not in the label (a unit column in StatLine exports). */
  unitText?: string;
  /** Counts over the figures, for a unit guess when nothing states one. */
  integers?: number;
  numbers?: number;
  filled?: number;
  decimalSeparator: ',' | '.' | null;
}

/** The indicators given to columns with a period in their header, by name and unit: per plan (its set of taken codes). */
const seriesByPlan = new WeakMap<Set<string>, Map<string, IndicatorSuggestion>>();
function seriesOf(taken: Set<string>): Map<string, IndicatorSuggestion> {
  let m = seriesByPlan.get(taken);
  if (!m) seriesByPlan.set(taken, (m = new Map()));
  return m;
}

export function planMeasure(input: MeasureInput, catalogue: IndicatorCatalogue, taken: Set<string>): MeasurePlan {
  const fromText = input.unitText ? unitFromHeader(input.unitText) : undefined;
  const headerUnit = fromText?.base ? fromText : unitFromHeader(input.label);
  const unitSource = fromText?.base ? ('unit_column' as const) : ('header' as const);
  const period = periodFromHeader(input.label);
  // "inwoners 2024" is the indicator "inwoners" for 2024: the name without its period, and the
  // columns of one name with a period each (a series) are one indicator.
  const named = input.key === input.label ? (period && period.stem ? period.stem : input.label) : input.key;
  const series = period && input.key === input.label ? seriesOf(taken) : null;
  const seriesKey = `${named.trim().toLowerCase()}\u0000${headerUnit.base ?? ''}`;
  const sibling = series?.get(seriesKey);
  let indicator = sibling ?? suggestIndicator(named, catalogue, taken, headerUnit.base === 'percent');
  // "% verweduwd" is not the count "Verweduwd": a match by name alone must fit the stated unit.
  // A match by code or StatLine key stands, and a disagreeing unit is reported instead.
  const byNameOnly = indicator.via === 'name' || indicator.via === 'fuzzy';
  if (byNameOnly && indicator.unit && headerUnit.base && conversionFactor({ base: headerUnit.base, factor: headerUnit.factor }, indicator.unit) === null) {
    indicator = suggestIndicator(named, { ...catalogue, byName: new Map(), indicators: [] }, taken, headerUnit.base === 'percent');
  }
  series?.set(seriesKey, indicator);

  const base: Omit<MeasurePlan, 'unit' | 'unitSource' | 'scale'> = {
    key: input.key,
    label: input.label,
    ...(input.column !== undefined ? { column: input.column } : {}),
    ...(input.row !== undefined ? { row: input.row } : {}),
    ...(period ? { period: period.period, provisional: period.provisional } : {}),
    indicator,
    ...(headerUnit.evidence.length > 0 ? { headerUnit } : {}),
    decimalSeparator: input.decimalSeparator,
    include: input.filled !== 0,
    ...(input.filled === 0 ? { excludedBecause: 'the column is empty throughout' } : {}),
  };

  if (!indicator.isNew && indicator.unit) {
    if (!headerUnit.base) return { ...base, unit: indicator.unit, unitSource: 'catalogue', scale: headerUnit.factor };
    const factor = conversionFactor({ base: headerUnit.base, factor: headerUnit.factor }, indicator.unit);
    if (factor === null) {
      const expected = unitBase(indicator.unit).base;
      return {
        ...base,
        unit: indicator.unit,
        unitSource: 'catalogue',
        scale: 1,
        unitMismatch: `the header says ${headerUnit.base} ("${headerUnit.evidence.join('", "')}") but ${indicator.code} is in ${expected}`,
      };
    }
    return { ...base, unit: indicator.unit, unitSource, scale: factor };
  }

  if (headerUnit.base) {
    const coded = unitFor(headerUnit.base, headerUnit.factor);
    return { ...base, unit: coded ?? headerUnit.base, unitSource, scale: coded ? 1 : headerUnit.factor };
  }
  // Nothing states a unit: whole numbers read as counts, anything else as a plain number.
  const wholes = input.numbers !== undefined && input.numbers > 0 && input.integers === input.numbers;
  return { ...base, unit: wholes ? 'count' : 'number', unitSource: 'values', scale: headerUnit.factor };
}
