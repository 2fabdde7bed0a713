import { matchArea, type AreaIndex } from '../areas/match-area';
import { nameKey } from '../areas/normalise-name';
import { cellAddress } from './cell-address';
import type { ProblemCollector } from './collect-problems';
import type { Grid } from './grid';
import { isFocusAreaHeader } from './header-words';
import type { CompositionPlan, ImportPlan } from './import-plan';
import type { ImportPreview } from '../../contract/import-preview';
import type { ColumnProfile } from './profile-columns';

/**
 * A focus-area composition file (focus area → CBS wijk/buurt codes, as in the NPLV proposals):
 * it fills `area_member`, not observations. Found by a focus-area column next to a column of
 * CBS codes; the other columns (name, level, code year, evidence, status) are picked by header.
 */
export function planComposition(profiles: readonly ColumnProfile[]): CompositionPlan | null {
  const focus = profiles.find((p) => isFocusAreaHeader(p.header.label));
  const code = profiles.find((p) => p !== focus && p.filled > 0 && p.cbsCodes >= 0.8 * p.filled && /cbs|code|member|lid/.test(nameKey(p.header.label)) && !/gemeente|gm/.test(nameKey(p.header.label)));
  if (!focus || !code) return null;
  const by = (re: RegExp) => profiles.find((p) => p !== focus && p !== code && re.test(nameKey(p.header.label)))?.c;
  const optional = (key: keyof CompositionPlan, c: number | undefined) => (c !== undefined ? { [key]: c } : {});
  return {
    focusColumn: focus.c,
    memberCodeColumn: code.c,
    ...optional('memberNameColumn', by(/(^| )(cbs )?(naam|name)$/)),
    ...optional('statusColumn', by(/status/)),
    ...optional('codeYearColumn', by(/(code )?(jaar|year)/)),
    ...optional('evidenceColumn', by(/url|evidence|bron|source/)),
  };
}

/** One membership in a composition list, as the commit writes it. */
export interface CompositionRow {
  r: number;
  /** Where the member code stands. */
  cell: string;
  focusLabel: string;
  focusCode: string | null;
  memberRaw: string;
  memberCode: string | null;
  memberKnown: boolean;
  memberName: string | null;
  status: string | null;
  codeYear: string | null;
  evidence: string | null;
  duplicateOf: string | null;
}

export function* compositionRows(grid: Grid, plan: ImportPlan, index: AreaIndex): Generator<CompositionRow> {
  const cp = plan.composition;
  if (!cp) return;
  const text = (r: number, c: number | undefined) => (c === undefined ? null : grid.cell(r, c).text.trim() || null);
  const focusCodes = new Map<string, string | null>();
  const pairs = new Map<string, string>();
  for (let r = plan.region.firstDataRow; r <= plan.region.lastDataRow; r++) {
    const focusLabel = text(r, cp.focusColumn);
    const memberRaw = text(r, cp.memberCodeColumn);
    if (!focusLabel || !memberRaw) continue;
    if (!focusCodes.has(focusLabel)) {
      const m = matchArea({ name: focusLabel, kinds: ['focus_area'], context: plan.area.context }, index);
      focusCodes.set(focusLabel, m.status === 'name' || m.status === 'alias' ? m.code : null);
    }
    const member = matchArea({ code: memberRaw }, index);
    const memberCode = member.status === 'code' ? member.code : null;
    const cell = cellAddress(r, cp.memberCodeColumn);
    const key = `${focusLabel}|${memberCode ?? memberRaw}`;
    const duplicateOf = pairs.get(key) ?? null;
    if (!duplicateOf) pairs.set(key, cell);
    yield {
      r, cell, focusLabel, focusCode: focusCodes.get(focusLabel) ?? null, memberRaw, memberCode,
      memberKnown: member.status === 'code' && member.known, memberName: text(r, cp.memberNameColumn),
      status: text(r, cp.statusColumn), codeYear: text(r, cp.codeYearColumn), evidence: text(r, cp.evidenceColumn), duplicateOf,
    };
  }
}

/** @param newAreas whether member codes the store does not know are created (or left out) on commit */
export function compositionPreview(grid: Grid, plan: ImportPlan, index: AreaIndex, collector: ProblemCollector, newAreas: 'create' | 'skip' = 'create'): ImportPreview['composition'] {
  const cp = plan.composition;
  if (!cp) return null;
  const focusAreas = new Map<string, { label: string; code: string | null; members: number }>();
  const sample: NonNullable<ImportPreview['composition']>['sample'] = [];
  let total = 0;
  for (const row of compositionRows(grid, plan, index)) {
    total++;
    let fa = focusAreas.get(row.focusLabel);
    if (!fa) {
      if (!row.focusCode) collector.add('unknown_area', 'warning', `${cellAddress(row.r, cp.focusColumn)}: no focus area is called "${row.focusLabel}"`, { r: row.r, c: cp.focusColumn }, row.focusLabel);
      focusAreas.set(row.focusLabel, (fa = { label: row.focusLabel, code: row.focusCode, members: 0 }));
    }
    fa.members++;
    const at = { r: row.r, c: cp.memberCodeColumn };
    if (!row.memberCode) collector.add('unknown_area', 'error', `${row.cell}: "${row.memberRaw}" is not a CBS area code`, at, row.memberRaw);
    else if (!row.memberKnown && newAreas === 'create') collector.add('new_area', 'info', `${row.cell}: ${row.memberCode} is not in the store yet; it will be created`, at);
    else if (!row.memberKnown) collector.add('unknown_area', 'warning', `${row.cell}: ${row.memberCode} is not in the store and new areas are not created; this membership is not imported`, at, row.memberRaw);
    if (row.duplicateOf) collector.add('duplicate_key', 'error', `${row.cell}: ${row.memberRaw} is already listed for ${row.focusLabel} at ${row.duplicateOf}`, at, row.memberRaw);
    if (sample.length < 25) {
      sample.push({ cell: row.cell, focusArea: row.focusLabel, focusAreaCode: fa.code, member: row.memberCode ?? row.memberRaw, memberName: row.memberName, status: row.status });
    }
  }
  return { total, focusAreas: [...focusAreas.values()], sample };
}
