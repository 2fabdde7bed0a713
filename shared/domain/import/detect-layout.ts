import { matchArea, type AreaIndex } from '../areas/match-area';
import { normaliseAreaCode } from '../areas/normalise-code';
import type { Grid } from './grid';
import {
  isDictCodeHeader,
  isDictDefinitionHeader,
  isDictNameHeader,
  isPeriodHeader,
  isValueHeader,
  isVariableHeader,
} from './header-words';
import type { Layout } from './import-plan';
import type { TableRegion } from './detect-table';
import { planComposition } from './plan-composition';
import { distinctRatio, isFigureColumn, isYearColumn, type ColumnProfile } from './profile-columns';

/**
 * Decides how a table is laid out, and says why (the preview shows the reason and the analyst can
 * override it):
 *  - composition: focus areas and the CBS areas they consist of (NPLV composition proposals)
 *  - dictionary: a variable list with codes, labels and definitions (BBGA metadata)
 *  - transposed: areas across the top, found by a header row of CBS codes (StatLine's "codering")
 *    or of known area names; indicators down the side
 *  - long: one figure per row with a variable column and a value column (BBGA)
 *  - wide: areas down the side, indicators across the top (KWB, most municipal files)
 */
export interface LayoutGuess {
  layout: Layout;
  reason: string;
  /** Transposed: header rows holding area codes and area names. */
  codeRow?: number;
  nameRow?: number;
  /** Long: the variable and value columns. */
  variableColumn?: number;
  valueColumn?: number;
}

function cellsRight(grid: Grid, r: number, from: number, to: number): string[] {
  const out: string[] = [];
  for (let c = from; c <= to; c++) {
    const t = grid.cell(r, c).text.trim();
    if (t) out.push(t);
  }
  return out;
}

/** Rows to search for area headers: the header rows plus a few rows just below them. */
function transposedCandidates(region: TableRegion): number[] {
  const extra: number[] = [];
  for (let r = region.firstDataRow; r < Math.min(region.firstDataRow + 5, region.lastDataRow + 1); r++) extra.push(r);
  return [...region.headerRows, ...extra];
}

function findTransposed(grid: Grid, region: TableRegion, areas: AreaIndex): LayoutGuess | null {
  const from = region.firstCol + 1;
  let codeRow: number | undefined;
  for (const r of transposedCandidates(region)) {
    const cells = cellsRight(grid, r, from, region.lastCol);
    const codes = cells.filter((t) => /[A-Za-z]/.test(t) && normaliseAreaCode(t) !== null).length;
    if (cells.length >= 2 && codes >= 2 && codes >= 0.6 * cells.length) {
      codeRow = r;
      break;
    }
  }
  // The name row: the header row with the most different known area names across the top.
  let nameRow: number | undefined;
  let bestNames = 0;
  for (const r of region.headerRows) {
    if (r === codeRow) continue;
    const cells = cellsRight(grid, r, from, region.lastCol);
    // A name shared by several areas ("Binnenstad") is still an area name.
    const known = cells.filter((t) => ['name', 'alias', 'code', 'ambiguous'].includes(matchArea({ name: t, exactOnly: true }, areas).status)).length;
    const distinct = new Set(cells).size;
    const score = codeRow !== undefined ? distinct : known;
    if (cells.length >= 2 && score > bestNames && (codeRow !== undefined || known >= 0.6 * cells.length)) {
      bestNames = score;
      nameRow = r;
    }
  }
  if (codeRow === undefined && nameRow === undefined) return null;
  const reason = codeRow !== undefined ? `row ${codeRow + 1} holds area codes across the columns` : `row ${(nameRow ?? 0) + 1} names known areas across the columns`;
  return { layout: 'transposed', reason, ...(codeRow !== undefined ? { codeRow } : {}), ...(nameRow !== undefined ? { nameRow } : {}) };
}

function findLong(profiles: readonly ColumnProfile[]): LayoutGuess | null {
  const variable = profiles.find((p) => isVariableHeader(p.header.label) && p.filled > 0 && !isFigureColumn(p));
  const figures = profiles.filter((p) => isFigureColumn(p) && p.filled > 0 && !isYearColumn(p) && !isPeriodHeader(p.header.label));
  const value = figures.find((p) => isValueHeader(p.header.label)) ?? (figures.length === 1 ? figures[0] : undefined);
  if (!variable || !value) return null;
  return {
    layout: 'long',
    reason: `column "${variable.header.label}" names the variable and "${value.header.label}" holds its value`,
    variableColumn: variable.c,
    valueColumn: value.c,
  };
}

function findDictionary(profiles: readonly ColumnProfile[]): LayoutGuess | null {
  const labels = profiles.map((p) => p.header.label);
  const code = labels.find(isDictCodeHeader);
  const name = labels.find(isDictNameHeader);
  const definition = labels.find(isDictDefinitionHeader);
  if (!code || !definition || !name) return null;
  const codeCol = profiles.find((p) => p.header.label === code);
  if (!codeCol || distinctRatio(codeCol) < 0.9) return null;
  return { layout: 'dictionary', reason: `columns "${code}", "${name}" and "${definition}" describe variables` };
}

export function detectLayout(grid: Grid, region: TableRegion, profiles: readonly ColumnProfile[], areas: AreaIndex): LayoutGuess {
  const composition = planComposition(profiles);
  if (composition) {
    const label = (c: number) => profiles.find((p) => p.c === c)?.header.label ?? '';
    return { layout: 'composition', reason: `column "${label(composition.focusColumn)}" names focus areas and "${label(composition.memberCodeColumn)}" their CBS areas` };
  }
  return (
    findDictionary(profiles) ??
    findTransposed(grid, region, areas) ??
    findLong(profiles) ?? { layout: 'wide', reason: 'areas down the side, one figure column per indicator' }
  );
}
