import { unitFromHeader } from '../numbers/unit-from-header';
import { unitFor, type UnitCode } from '../numbers/units';
import { cellAddress, columnLetter } from './cell-address';
import type { ProblemCollector } from './collect-problems';
import type { Grid } from './grid';
import type { ImportPlan } from './import-plan';
import type { ImportPreview, MeasurePreview } from '../../contract/import-preview';

/**
 * Pieces of the preview that only restate the plan for the analyst: column roles, measures,
 * the dictionary's definitions, and the header-level problems (new indicators, unit mismatches,
 * empty columns, duplicate definitions).
 */
export function columnRoles(plan: ImportPlan): ImportPreview['columns'] {
  const role = new Map<number, string>();
  const set = (c: number | undefined, r: string) => c !== undefined && !role.has(c) && role.set(c, r);
  if (plan.period.source === 'column') set(plan.period.column, 'period');
  set(plan.area.codeColumn, 'area code');
  set(plan.area.nameColumn, 'area name');
  if (plan.long) {
    set(plan.long.variableColumn, 'variable');
    set(plan.long.valueColumn, 'value');
    set(plan.long.unitColumn, 'unit');
  }
  if (plan.transposed) {
    set(plan.transposed.labelColumn, 'indicator label');
    set(plan.transposed.unitColumn, 'unit');
    for (const c of plan.transposed.areaColumns) set(c, 'area');
  }
  if (plan.dictionary) for (const [k, c] of Object.entries(plan.dictionary)) set(c, `definition: ${k.replace(/Column$/, '')}`);
  if (plan.composition) for (const [k, c] of Object.entries(plan.composition)) set(c, `composition: ${k.replace(/Column$/, '')}`);
  for (const m of plan.measures) if (m.column !== undefined) set(m.column, m.include ? 'figures' : `not imported: ${m.excludedBecause ?? 'excluded'}`);
  for (const c of plan.dimensions) set(c, 'breakdown (part of the key)');
  for (const i of plan.ignored) set(i.c, `not imported: ${i.reason}`);
  return plan.headers.map((h) => ({ column: columnLetter(h.c), header: h.label, role: role.get(h.c) ?? 'not imported' }));
}

export function measurePreviews(plan: ImportPlan, counts: Array<{ numbers: number; signs: number; invalid: number }>): MeasurePreview[] {
  return plan.measures.map((m, i) => ({
    key: m.key,
    label: m.label,
    ...(m.column !== undefined ? { column: columnLetter(m.column) } : {}),
    ...(m.row !== undefined ? { row: m.row + 1 } : {}),
    ...(m.period ? { period: m.period } : {}),
    indicator: { code: m.indicator.code, name: m.indicator.name, isNew: m.indicator.isNew, confidence: m.indicator.confidence, via: m.indicator.via },
    unit: m.unit,
    unitSource: m.unitSource,
    unitEvidence: m.headerUnit?.evidence ?? [],
    scale: m.scale,
    decimalSeparator: m.decimalSeparator,
    include: m.include,
    ...(m.excludedBecause ? { excludedBecause: m.excludedBecause } : {}),
    ...(m.toName ? { toName: m.toName } : {}),
    counts: counts[i] ?? { numbers: 0, signs: 0, invalid: 0 },
  }));
}

/** Where a measure is named: its header cell (wide), its label cell (transposed) or nothing (long). */
function labelCell(plan: ImportPlan, i: number): { r: number; c: number } | undefined {
  const m = plan.measures[i];
  if (!m) return undefined;
  if (m.row !== undefined) return { r: m.row, c: plan.transposed?.labelColumn ?? 0 };
  const lastHeader = plan.region.headerRows[plan.region.headerRows.length - 1];
  return m.column !== undefined && lastHeader !== undefined ? { r: lastHeader, c: m.column } : undefined;
}

export function headerProblems(plan: ImportPlan, collector: ProblemCollector): void {
  plan.measures.forEach((m, i) => {
    const at = labelCell(plan, i);
    // raw: the label, for screens that say it in their own words.
    if (m.unitMismatch) collector.add('unit_mismatch', 'warning', `"${m.label}": ${m.unitMismatch}`, at, m.label);
    if (m.include && m.toName === 'duplicate_header') {
      const twins = plan.measures.filter((x) => x.toName === 'duplicate_header' && x.column !== undefined && x.label.trim().toLowerCase() === m.label.trim().toLowerCase()).map((x) => columnLetter(x.column as number));
      collector.add('duplicate_header', 'warning', `"${m.label}" heads columns ${twins.join(', ')}: column ${columnLetter(m.column ?? 0)} becomes its own indicator "${m.indicator.name}" (${m.indicator.code}); give it a name`, at, m.label);
    }
    if (m.include && m.toName === 'empty_header') collector.add('empty_header', 'warning', `column ${m.column !== undefined ? columnLetter(m.column) : '?'} has figures but no header: it becomes indicator "${m.indicator.name}" (${m.indicator.code}); give it a name`, at, m.label);
    if (!m.include) collector.add('empty_column', 'info', `"${m.label}" is not imported: ${m.excludedBecause ?? 'excluded'}`, at, m.label);
    else if (m.indicator.isNew && !m.toName) collector.add('new_indicator', 'info', `"${m.label}" matches no known indicator; it becomes new indicator ${m.indicator.code} (to review)`, at, m.label);
  });
  for (const ig of plan.ignored) {
    if (ig.reason === 'empty column') collector.add('empty_column', 'info', `column ${columnLetter(ig.c)} is empty`, { r: plan.region.headerRows[0] ?? 0, c: ig.c });
  }
}

/** "%" → percent, "/1.000 inw." → per_1000_residents; "euro/m2" and other per-unit symbols → null. */
function unitCodeOf(symbol: string | null): UnitCode | null {
  if (!symbol) return null;
  if (/\/(?!\s*(1[.\s]?000\s*inw|km))/i.test(symbol)) return null;
  const u = unitFromHeader(symbol);
  return u.base ? unitFor(u.base, u.factor) : null;
}

/** One definition in a variable dictionary, as the commit writes it. */
export interface DefinitionRow {
  r: number;
  code: string;
  cell: string;
  name: string | null;
  shortName: string | null;
  definition: string | null;
  unit: string | null;
  unitCode: UnitCode | null;
  source: string | null;
  theme: string | null;
  /** The cell where the same variable was defined before (only the first definition counts). */
  duplicateOf: string | null;
}

export function* dictionaryRows(grid: Grid, plan: ImportPlan): Generator<DefinitionRow> {
  const d = plan.dictionary;
  if (!d) return;
  const text = (r: number, c: number | undefined) => (c === undefined ? null : grid.cell(r, c).text.trim() || null);
  const seen = new Map<string, string>();
  for (let r = plan.region.firstDataRow; r <= plan.region.lastDataRow; r++) {
    const code = text(r, d.codeColumn);
    if (!code) continue;
    const cell = cellAddress(r, d.codeColumn);
    const duplicateOf = seen.get(code) ?? null;
    if (!duplicateOf) seen.set(code, cell);
    const unit = text(r, d.unitColumn);
    yield {
      r, code, cell, duplicateOf, unit, unitCode: unitCodeOf(unit),
      name: text(r, d.nameColumn), shortName: text(r, d.shortNameColumn), definition: text(r, d.definitionColumn),
      source: text(r, d.sourceColumn), theme: text(r, d.themeColumn),
    };
  }
}

/** @param isKnown whether a variable's indicator exists already (in the catalogue or the store) */
export function dictionaryPreview(grid: Grid, plan: ImportPlan, collector: ProblemCollector, isKnown: (variable: string) => boolean = () => false): ImportPreview['definitions'] {
  const d = plan.dictionary;
  if (!d) return null;
  const sample: NonNullable<ImportPreview['definitions']>['sample'] = [];
  let total = 0;
  let fresh = 0;
  for (const row of dictionaryRows(grid, plan)) {
    total++;
    if (!row.duplicateOf && !isKnown(row.code)) fresh++;
    if (row.duplicateOf) collector.add('duplicate_definition', 'error', `${row.cell}: variable ${row.code} is already defined at ${row.duplicateOf}; only the first is imported`, { r: row.r, c: d.codeColumn }, row.code);
    if (sample.length < 25) {
      const { code, cell, name, definition, unit, unitCode, source, theme } = row;
      sample.push({ code, cell, name, definition, unit, unitCode, source, theme });
    }
  }
  return { total, new: fresh, sample };
}
