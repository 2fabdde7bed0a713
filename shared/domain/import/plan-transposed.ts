import { nameKey } from '../areas/normalise-name';
import { parseCell } from '../numbers/parse-cell';
import type { TableRegion } from './detect-table';
import type { Grid } from './grid';
import type { IndicatorCatalogue } from './indicator-catalogue';
import type { AreaPlan, ImportPlan, MeasurePlan } from './import-plan';
import { planMeasure } from './plan-measure';
import type { ColumnProfile } from './profile-columns';

/**
 * Roles for a transposed table (indicators down, areas across), the StatLine "Onderwerp" export:
 * a label column (a path joined with "|"), often a unit column ("km", "aantal"), then one column
 * per area, named by a header row of area names and one of codes. StatLine also puts the areas'
 * own attributes (gemeentenaam, soort regio, codering) as rows under the header, with "naam",
 * "omschrijving" or "code" in the unit column; those rows belong to the header, not the data.
 */
const ATTRIBUTE_UNITS = new Set(['naam', 'omschrijving', 'code', 'name', 'description']);

function isUnitColumn(p: ColumnProfile | undefined): boolean {
  return !!p && p.filled > 0 && p.texts >= 0.8 * p.filled && p.maxTextLength <= 24 && p.numbers === 0;
}

function firstPart(label: string): string {
  return nameKey(label.split('|')[0] ?? '');
}

export interface TransposedPartial {
  area: AreaPlan;
  measures: MeasurePlan[];
  region: TableRegion;
  transposed: NonNullable<ImportPlan['transposed']>;
}

export function planTransposed(
  grid: Grid,
  region: TableRegion,
  profiles: readonly ColumnProfile[],
  rows: { codeRow?: number; nameRow?: number },
  catalogue: IndicatorCatalogue,
  sheetDecimal: ',' | '.' | null,
): TransposedPartial {
  const labelColumn = region.firstCol;
  const unitColumn = isUnitColumn(profiles.find((p) => p.c === labelColumn + 1)) ? labelColumn + 1 : undefined;
  const firstArea = (unitColumn ?? labelColumn) + 1;
  const areaColumns: number[] = [];
  for (let c = firstArea; c <= region.lastCol; c++) {
    const code = rows.codeRow !== undefined ? grid.cell(rows.codeRow, c).text.trim() : '';
    const name = rows.nameRow !== undefined ? grid.cell(rows.nameRow, c).text.trim() : '';
    if (code || name) areaColumns.push(c);
  }

  // Attribute rows right under the header move into the header.
  const codeLabelPart = rows.codeRow !== undefined ? firstPart(grid.cell(rows.codeRow, labelColumn).text) : '';
  const attributeRows: number[] = [];
  let r = region.firstDataRow;
  for (; r <= region.lastDataRow; r++) {
    const unitText = unitColumn !== undefined ? nameKey(grid.cell(r, unitColumn).text) : '';
    const label = grid.cell(r, labelColumn).text;
    if (ATTRIBUTE_UNITS.has(unitText) || (codeLabelPart && firstPart(label) === codeLabelPart)) attributeRows.push(r);
    else break;
  }
  const newRegion: TableRegion = { ...region, headerRows: [...region.headerRows, ...attributeRows], firstDataRow: r };

  const taken = new Set<string>();
  const measures: MeasurePlan[] = [];
  for (let row = newRegion.firstDataRow; row <= newRegion.lastDataRow; row++) {
    const label = grid.cell(row, labelColumn).text.trim();
    if (!label) continue;
    let numbers = 0;
    let integers = 0;
    for (const c of areaColumns) {
      const parsed = parseCell(grid.cell(row, c), sheetDecimal ? { decimalSeparator: sheetDecimal } : {});
      if (parsed.kind === 'number') {
        numbers++;
        if (Number.isInteger(parsed.value)) integers++;
      }
    }
    const unitText = unitColumn !== undefined ? grid.cell(row, unitColumn).text.trim() : '';
    measures.push(planMeasure({ key: label, label, row, ...(unitText ? { unitText } : {}), numbers, integers, decimalSeparator: sheetDecimal }, catalogue, taken));
  }

  const area: AreaPlan = {
    ...(rows.codeRow !== undefined ? { codeRow: rows.codeRow } : {}),
    ...(rows.nameRow !== undefined ? { nameRow: rows.nameRow } : {}),
    context: '',
  };
  return {
    area,
    measures,
    region: newRegion,
    transposed: { labelColumn, ...(unitColumn !== undefined ? { unitColumn } : {}), areaColumns, attributeRows },
  };
}
