import { levelFromHeader } from '../areas/normalise-code';
import { nameKey } from '../areas/normalise-name';
import { parseCell } from '../numbers/parse-cell';
import { chooseAreaColumns } from './choose-area-columns';
import type { TableRegion } from './detect-table';
import type { Grid } from './grid';
import { isPeriodHeader, isUnitHeader } from './header-words';
import type { IndicatorCatalogue } from './indicator-catalogue';
import type { AreaPlan, ImportPlan, MeasurePlan } from './import-plan';
import { columnLetter } from './cell-address';
import { periodFromHeader, periodFromHeaderPart } from './detect-period';
import { planMeasure } from './plan-measure';
import { isFigureColumn, isYearColumn, type ColumnProfile } from './profile-columns';

/**
 * Roles for wide tables (areas down, indicators across) and long tables (one figure per row,
 * with variable and value columns). Both have areas in a column and maybe a period column.
 */
type Partial = Pick<ImportPlan, 'area' | 'measures' | 'dimensions' | 'ignored'> & { periodColumn?: number; long?: ImportPlan['long'] };

function periodColumn(profiles: readonly ColumnProfile[]): number | undefined {
  return profiles.find((p) => isYearColumn(p) && isPeriodHeader(p.header.label))?.c ?? profiles.find((p) => isPeriodHeader(p.header.label) && p.filled > 0)?.c;
}

function areaPlan(profiles: readonly ColumnProfile[], exclude: Set<number>, fallbackCode: boolean): { area: AreaPlan; ignored: ImportPlan['ignored']; used: Set<number> } {
  const chosen = chooseAreaColumns(profiles, exclude);
  const used = new Set<number>(chosen.parents.map((p) => p.c));
  let codeColumn = chosen.codeColumn;
  // A long table may name areas by the publisher's own codes (BBGA "STAD", "T"): take the
  // remaining text column, to be matched through confirmed aliases.
  if (codeColumn === undefined && chosen.nameColumn === undefined && fallbackCode) {
    codeColumn = profiles.find((p) => !exclude.has(p.c) && !used.has(p.c) && p.filled > 0 && !isFigureColumn(p))?.c;
  }
  if (codeColumn !== undefined) used.add(codeColumn);
  if (chosen.nameColumn !== undefined) used.add(chosen.nameColumn);
  const keyColumn = codeColumn ?? chosen.nameColumn;
  const header = profiles.find((p) => p.c === keyColumn)?.header.label ?? '';
  const parents = chosen.parents.flatMap((p) => {
    const level = p.reason === 'parent area name' ? levelFromHeader(profiles.find((x) => x.c === p.c)?.header.label ?? '') : undefined;
    return level && level !== chosen.level ? [{ level, nameColumn: p.c }] : [];
  });
  const area: AreaPlan = {
    ...(codeColumn !== undefined ? { codeColumn } : {}),
    ...(chosen.nameColumn !== undefined ? { nameColumn: chosen.nameColumn } : {}),
    ...(chosen.readLevel ? { level: chosen.readLevel } : {}),
    ...(chosen.padded ? { padded: true } : {}),
    context: nameKey(header),
    ...(parents.length > 0 ? { parents } : {}),
  };
  return { area, ignored: chosen.parents, used };
}

const headerKey = (label: string): string => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** Headers that more than one figure column carries (an export that dropped the category labels). */
function repeatedHeaders(figureColumns: readonly ColumnProfile[]): Set<string> {
  const seen = new Map<string, number>();
  for (const p of figureColumns) if (p.header.label.trim() !== '') seen.set(headerKey(p.header.label), (seen.get(headerKey(p.header.label)) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([k]) => k));
}

/** "Aantal" in column D → "Aantal (kolom D)"; a period in the header stays the column's period, not its name; no header → "Kolom G". */
function positionalName(label: string, c: number): string {
  const stem = (periodFromHeader(label)?.stem ?? label).trim();
  return stem === '' ? `Kolom ${columnLetter(c)}` : `${stem} (kolom ${columnLetter(c)})`;
}

/**
 * @param tableLabel what the table is about (its title, else the sheet name): the indicator of
 *   columns headed by a period only ("Gebied | 2021 | 2022*"), which are one indicator over time
 */
export function planWide(profiles: readonly ColumnProfile[], catalogue: IndicatorCatalogue, sheetDecimal: ',' | '.' | null, tableLabel = ''): Partial {
  const period = periodColumn(profiles);
  const exclude = new Set<number>(period !== undefined ? [period] : []);
  const { area, ignored, used } = areaPlan(profiles, exclude, false);
  const taken = new Set<string>();
  const measures: MeasurePlan[] = [];
  const dimensions: number[] = [];
  let yearIndicator: MeasurePlan['indicator'] | undefined;
  const repeated = repeatedHeaders(profiles.filter((p) => !exclude.has(p.c) && !used.has(p.c) && isFigureColumn(p)));
  for (const p of profiles) {
    if (exclude.has(p.c) || used.has(p.c)) continue;
    if (isFigureColumn(p)) {
      const onlyPeriod = periodFromHeaderPart(p.header.label) !== null && tableLabel !== '';
      const toName = onlyPeriod ? undefined : p.header.label.trim() === '' ? ('empty_header' as const) : repeated.has(headerKey(p.header.label)) ? ('duplicate_header' as const) : undefined;
      const key = onlyPeriod ? tableLabel : toName ? positionalName(p.header.label, p.c) : p.header.label;
      // A column to name is its own new indicator: a catalogue match by name would merge it with its twins.
      const m = planMeasure({ key, label: p.header.label, column: p.c, integers: p.integers, numbers: p.numbers, filled: p.filled, decimalSeparator: p.decimal.separator ?? sheetDecimal }, toName ? { ...catalogue, byName: new Map(), indicators: [] } : catalogue, taken);
      if (toName) m.toName = toName;
      // Every period-only column is the same indicator: suggest it once, share it.
      if (onlyPeriod) m.indicator = yearIndicator ??= m.indicator;
      measures.push(m);
    } else if (p.filled > 0) {
      // A text column that is not an area: rows repeat per area for each of its values (PC5).
      dimensions.push(p.c);
    }
  }
  return { area, measures, dimensions, ignored, ...(period !== undefined ? { periodColumn: period } : {}) };
}

export function planLong(
  grid: Grid,
  region: TableRegion,
  profiles: readonly ColumnProfile[],
  variableColumn: number,
  valueColumn: number,
  catalogue: IndicatorCatalogue,
  sheetDecimal: ',' | '.' | null,
): Partial {
  const period = periodColumn(profiles);
  const unit = profiles.find((p) => isUnitHeader(p.header.label) && p.c !== variableColumn && p.c !== valueColumn)?.c;
  const exclude = new Set<number>([variableColumn, valueColumn, ...(period !== undefined ? [period] : []), ...(unit !== undefined ? [unit] : [])]);
  const { area, ignored, used } = areaPlan(profiles, exclude, true);
  const valueProfile = profiles.find((p) => p.c === valueColumn);
  const decimal = valueProfile?.decimal.separator ?? sheetDecimal;

  // Every distinct variable over the whole table becomes a measure (first occurrence order);
  // whether its figures are whole numbers decides the unit guess when nothing states one.
  const seen = new Map<string, { unitText?: string; numbers: number; integers: number; filled: number }>();
  for (let r = region.firstDataRow; r <= region.lastDataRow; r++) {
    const v = grid.cell(r, variableColumn).text.trim();
    if (!v) continue;
    let s = seen.get(v);
    if (!s) {
      const unitText = unit !== undefined ? grid.cell(r, unit).text.trim() : '';
      seen.set(v, (s = { ...(unitText ? { unitText } : {}), numbers: 0, integers: 0, filled: 0 }));
    }
    const cell = grid.cell(r, valueColumn);
    if (cell.value === undefined && cell.text.trim() === '') continue;
    s.filled++;
    const parsed = parseCell(cell, decimal ? { decimalSeparator: decimal } : {});
    if (parsed.kind === 'number') {
      s.numbers++;
      if (Number.isInteger(parsed.value)) s.integers++;
    }
  }
  const taken = new Set<string>();
  const measures = [...seen].map(([v, s]) =>
    planMeasure({ key: v, label: v, ...(s.unitText ? { unitText: s.unitText } : {}), numbers: s.numbers, integers: s.integers, filled: s.filled, decimalSeparator: decimal }, catalogue, taken),
  );
  const dimensions = profiles.filter((p) => !exclude.has(p.c) && !used.has(p.c) && p.filled > 0).map((p) => p.c);
  return {
    area,
    measures,
    dimensions,
    ignored,
    ...(period !== undefined ? { periodColumn: period } : {}),
    long: { variableColumn, valueColumn, ...(unit !== undefined ? { unitColumn: unit } : {}) },
  };
}
