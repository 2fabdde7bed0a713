import { matchArea, type AreaIndex } from '../areas/match-area';
import { nameKey } from '../areas/normalise-name';
import { cellAddress } from './cell-address';
import type { ProblemCollector } from './collect-problems';
import type { Grid } from './grid';
import { isFocusAreaHeader } from './header-words';
import type { CompositionPlan, ImportPlan } from './import-plan';
import type { ImportPreview } from './preview-schema';
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

export function compositionPreview(grid: Grid, plan: ImportPlan, index: AreaIndex, collector: ProblemCollector): ImportPreview['composition'] {
  const cp = plan.composition;
  if (!cp) return null;
  const text = (r: number, c: number | undefined) => (c === undefined ? null : grid.cell(r, c).text.trim() || null);
  const focusAreas = new Map<string, { label: string; code: string | null; members: number }>();
  const pairs = new Map<string, string>();
  const sample: NonNullable<ImportPreview['composition']>['sample'] = [];
  let total = 0;
  for (let r = plan.region.firstDataRow; r <= plan.region.lastDataRow; r++) {
    const label = text(r, cp.focusColumn);
    const raw = text(r, cp.memberCodeColumn);
    if (!label || !raw) continue;
    total++;
    let fa = focusAreas.get(label);
    if (!fa) {
      const m = matchArea({ name: label, kinds: ['focus_area'], context: plan.area.context }, index);
      const code = m.status === 'name' || m.status === 'alias' ? m.code : null;
      if (!code) collector.add('unknown_area', 'warning', `${cellAddress(r, cp.focusColumn)}: no focus area is called "${label}"`, { r, c: cp.focusColumn }, label);
      focusAreas.set(label, (fa = { label, code, members: 0 }));
    }
    fa.members++;
    const member = matchArea({ code: raw }, index);
    const memberCode = member.status === 'code' ? member.code : null;
    const at = { r, c: cp.memberCodeColumn };
    if (!memberCode) collector.add('unknown_area', 'error', `${cellAddress(r, cp.memberCodeColumn)}: "${raw}" is not a CBS area code`, at, raw);
    else if (member.status === 'code' && !member.known) collector.add('new_area', 'info', `${cellAddress(r, cp.memberCodeColumn)}: ${memberCode} is not in the store yet; it will be created`, at);
    const key = `${label}|${memberCode ?? raw}`;
    const first = pairs.get(key);
    if (first) collector.add('duplicate_key', 'error', `${cellAddress(r, cp.memberCodeColumn)}: ${raw} is already listed for ${label} at ${first}`, at, raw);
    else pairs.set(key, cellAddress(r, cp.memberCodeColumn));
    if (sample.length < 25) {
      sample.push({ cell: cellAddress(r, cp.memberCodeColumn), focusArea: label, focusAreaCode: fa.code, member: memberCode ?? raw, memberName: text(r, cp.memberNameColumn), status: text(r, cp.statusColumn) });
    }
  }
  return { total, focusAreas: [...focusAreas.values()], sample };
}
