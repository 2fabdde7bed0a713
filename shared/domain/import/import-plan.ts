import type { CbsLevel } from '../areas/normalise-code';
import type { HeaderUnit } from '../numbers/unit-from-header';
import type { UnitCode } from '../numbers/units';
import type { TableRegion } from './detect-table';
import type { ColumnHeader } from './header-labels';
import type { IndicatorSuggestion } from './suggest-indicator';

/**
 * The importer's resolved understanding of one sheet: where the table is, which layout it has,
 * where areas, periods and figures sit, and what each figure column (or variable, or row) becomes.
 * 0-based throughout. Detection produces it, a saved recipe reproduces it, the analyst can override
 * any part, and both the preview and (later) the commit walk the sheet with it.
 */
export type Layout = 'wide' | 'long' | 'transposed' | 'dictionary' | 'composition';

export interface AreaPlan {
  /** Wide/long: the column with area codes (CBS or publisher codes). */
  codeColumn?: number;
  /** Wide/long: the column with area names. */
  nameColumn?: number;
  /** Transposed: the header rows holding area codes and names. */
  codeRow?: number;
  nameRow?: number;
  /** How to read digits-only codes (column level, padded). */
  level?: CbsLevel;
  padded?: boolean;
  /** Alias context for codes and names that are not CBS's (e.g. the BBGA "gebiedcode15"). */
  context: string;
  /** Only areas in this gemeente are candidates for names (Eindhoven's buurten by name). */
  within?: string;
  /** Columns naming the area's parents ("Gemeentenaam", "Wijknaam"): names for parents created from the code. */
  parents?: Array<{ level: CbsLevel; nameColumn: number }>;
}

export type PeriodPlan =
  | { source: 'column'; column: number }
  | { source: 'header' }
  | { source: 'fixed'; period: string; from: 'title' | 'sheet_name' | 'file_name' | 'user' | 'recipe'; text?: string }
  | { source: 'none' };

/** One thing that becomes an indicator: a wide column, a long variable, a transposed row. */
export interface MeasurePlan {
  key: string;
  label: string;
  column?: number;
  row?: number;
  /** Period from the header ("Inwoners|2020"), for period source 'header'. */
  period?: string;
  provisional?: boolean;
  indicator: IndicatorSuggestion;
  unit: UnitCode;
  unitSource: 'header' | 'catalogue' | 'unit_column' | 'values' | 'recipe';
  headerUnit?: HeaderUnit;
  /** Multiplier from the written unit to the indicator's unit (header "x 1 000" → 1000). */
  scale: number;
  /** Why the header's unit does not fit the indicator's unit, when it does not. */
  unitMismatch?: string;
  decimalSeparator: ',' | '.' | null;
  include: boolean;
  /** Why a measure is left out by default (empty throughout, a code column). */
  excludedBecause?: string;
  /**
   * The header does not name the column on its own: it repeats another column's header, or is
   * empty. The measure is a distinct indicator named with the header and the column's letter,
   * for the analyst to name (cleared when they do).
   */
  toName?: 'duplicate_header' | 'empty_header';
}

export interface CbsConventions {
  zeroIsLessThanHalfUnit: boolean;
  emptyMeans: 'cannot_occur' | 'unknown';
}

export interface ImportPlan {
  layout: Layout;
  region: TableRegion;
  headers: ColumnHeader[];
  area: AreaPlan;
  period: PeriodPlan;
  measures: MeasurePlan[];
  /** Wide: other key columns (PC5 in the CBS maatwerk table): rows repeat per area. */
  dimensions: number[];
  /** Columns known and deliberately not imported, with the reason shown in the preview. */
  ignored: Array<{ c: number; reason: string }>;
  long?: { variableColumn: number; valueColumn: number; unitColumn?: number };
  transposed?: { labelColumn: number; unitColumn?: number; areaColumns: number[]; attributeRows: number[] };
  dictionary?: DictionaryPlan;
  composition?: CompositionPlan;
  conventions: CbsConventions;
  /** The sheet-wide decimal separator (per-measure ones may differ). */
  decimalSeparator: ',' | '.' | null;
}

/** A focus-area composition list: which CBS areas make up each focus area (fills area_member). */
export interface CompositionPlan {
  focusColumn: number;
  memberCodeColumn: number;
  memberNameColumn?: number;
  statusColumn?: number;
  codeYearColumn?: number;
  evidenceColumn?: number;
}

export interface DictionaryPlan {
  codeColumn: number;
  nameColumn?: number;
  shortNameColumn?: number;
  definitionColumn?: number;
  unitColumn?: number;
  sourceColumn?: number;
  themeColumn?: number;
}
