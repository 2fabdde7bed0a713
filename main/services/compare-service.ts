import path from 'node:path';
import { CompareViewState, type CompositionList, type SavedView } from '../../shared/contract/compare';
import { ImportReport } from '../../shared/contract/import';
import { municipalityOf } from '../../shared/domain/areas/normalise-code';
import { AppError } from '../../shared/errors';
import type { Store } from '../store/open-store';
import { areasByCode, areasById, searchAreas } from '../store/queries/compare';
import {
  addMembers, compositionHistory, compositionSummaries, confirmMembers, focusAreaIdOf, latestValues, listCompositionMembers,
  recordCompositionChange, removeMembers, replaceMembers,
} from '../store/queries/composition';
import { deleteView, findView, listViews, renameView, saveView, type ViewRow } from '../store/queries/views';
import { resolveAreaText, runCompare } from './compare-run';
import type { Handlers } from './handler-types';

/**
 * Comparison (issue 12): compare.run, focus-area compositions, the member search of the composition
 * editor, and saved views. See shared/contract/compare.ts for what each call answers.
 */

type CompareCall =
  | 'compare.run'
  | 'composition.list' | 'composition.set' | 'composition.add' | 'composition.remove' | 'composition.confirm'
  | 'composition.history' | 'composition.import'
  | 'areas.search'
  | 'views.save' | 'views.list' | 'views.get' | 'views.rename' | 'views.delete';

function focusArea(db: Store, text: string): { id: number; code: string } {
  const code = resolveAreaText(db, text);
  const id = code ? focusAreaIdOf(db, code) : undefined;
  if (!code || id === undefined) throw new AppError('AREA_UNKNOWN', `"${text}" is not a focus area (give its code, e.g. NPLV15, or its name).`);
  return { id, code };
}

function compositionOf(db: Store, focusId: number | null): CompositionList {
  const members = listCompositionMembers(db, focusId);
  return { focusAreas: compositionSummaries(db, focusId, members), members };
}

/** Member areas by code or name: districts or neighbourhoods within the focus area's municipality. */
function memberIds(db: Store, focus: { id: number; code: string }, texts: readonly string[]): number[] {
  const unknown: string[] = [];
  const codes: string[] = [];
  for (const t of texts) {
    const code = resolveAreaText(db, t);
    if (code) codes.push(code);
    else unknown.push(t);
  }
  if (unknown.length) throw new AppError('AREA_UNKNOWN', `Unknown area${unknown.length > 1 ? 's' : ''}: ${unknown.map((u) => `"${u}"`).join(', ')} — import the CBS figures that hold ${unknown.length > 1 ? 'them' : 'it'}, or check the code.`);
  const focusRec = areasByCode(db, [focus.code])[0];
  const gm = focusRec?.parentId != null ? areasById(db, [focusRec.parentId])[0] : undefined;
  const members = areasByCode(db, codes);
  for (const m of members) {
    if (m.kind !== 'district' && m.kind !== 'neighbourhood') throw new AppError('INPUT_INVALID', `${m.code} (${m.name}) is a ${m.kind}: a focus area is made of districts and neighbourhoods.`);
    const inside = gm ? municipalityOf(m.code) === gm.code || isUnder(db, m.parentId, gm.id) : true;
    if (!inside) throw new AppError('INPUT_INVALID', `${m.code} (${m.name}) does not lie in ${gm?.name ?? 'the municipality'} (${gm?.code ?? '?'}), the municipality of ${focus.code}.`);
  }
  return members.map((m) => m.id);
}

function isUnder(db: Store, parentId: number | null, ancestorId: number): boolean {
  let id = parentId;
  for (let i = 0; i < 6 && id !== null; i++) {
    if (id === ancestorId) return true;
    id = (areasById(db, [id])[0]?.parentId ?? null);
  }
  return false;
}

function viewOf(r: ViewRow): SavedView {
  return { id: r.id, name: r.name, state: CompareViewState.parse(JSON.parse(r.state_json)), createdAt: r.created_at, updatedAt: r.updated_at };
}

function viewNamed(db: Store, name: string): ViewRow {
  const row = findView(db, name);
  if (!row) throw new AppError('NOT_FOUND', `No saved view named "${name}".`);
  return row;
}

export const compareHandlers: Handlers<CompareCall> = {
  'compare.run': (input, ctx) => runCompare(ctx.db, input),

  'composition.list': (input, ctx) => compositionOf(ctx.db, input.areaCode !== undefined ? focusArea(ctx.db, input.areaCode).id : null),
  'composition.set': (input, ctx) => {
    const focus = focusArea(ctx.db, input.areaCode);
    ctx.db.transaction(() => {
      replaceMembers(ctx.db, focus.id, memberIds(ctx.db, focus, input.memberCodes));
      recordCompositionChange(ctx.db, focus.id, 'set');
    })();
    return compositionOf(ctx.db, focus.id);
  },
  'composition.add': (input, ctx) => {
    const focus = focusArea(ctx.db, input.areaCode);
    ctx.db.transaction(() => {
      addMembers(ctx.db, focus.id, memberIds(ctx.db, focus, input.memberCodes));
      recordCompositionChange(ctx.db, focus.id, 'add');
    })();
    return compositionOf(ctx.db, focus.id);
  },
  'composition.remove': (input, ctx) => {
    const focus = focusArea(ctx.db, input.areaCode);
    ctx.db.transaction(() => {
      const ids = areasByCode(ctx.db, input.memberCodes.map((t) => resolveAreaText(ctx.db, t) ?? t)).map((a) => a.id);
      if (removeMembers(ctx.db, focus.id, ids) === 0) throw new AppError('NOT_FOUND', `None of ${input.memberCodes.join(', ')} is a member of ${focus.code}.`);
      recordCompositionChange(ctx.db, focus.id, 'remove');
    })();
    return compositionOf(ctx.db, focus.id);
  },
  'composition.confirm': (input, ctx) => {
    const focus = focusArea(ctx.db, input.areaCode);
    ctx.db.transaction(() => {
      const ids = input.memberCodes ? areasByCode(ctx.db, input.memberCodes.map((t) => resolveAreaText(ctx.db, t) ?? t)).map((a) => a.id) : null;
      if (ids !== null && ids.length === 0) throw new AppError('NOT_FOUND', `None of ${input.memberCodes?.join(', ')} is a member of ${focus.code}.`);
      if (confirmMembers(ctx.db, focus.id, ids) > 0) recordCompositionChange(ctx.db, focus.id, 'confirm');
    })();
    return compositionOf(ctx.db, focus.id);
  },
  'composition.history': (input, ctx) => compositionHistory(ctx.db, focusArea(ctx.db, input.areaCode).id),
  'composition.import': async (input, ctx) => {
    const before = new Map(listCompositionMembers(ctx.db, null).map((m) => [`${m.focusAreaCode}|${m.memberCode}`, m.status]));
    const status = await ctx.jobs.wait(ctx.jobs.start('import.commit', { filePath: input.filePath, layout: 'composition', mapping: 'none' }));
    if (status.state !== 'done') {
      const e = status.error ?? { code: 'IMPORT_FAILED' as const, message: 'The import stopped without an answer.' };
      throw new AppError(e.code, e.message, e.where, e.details);
    }
    const report = ImportReport.parse(status.result);
    if (!report.committed) throw new AppError('IMPORT_FAILED', `${path.basename(input.filePath)}: nothing imported (${report.issues.map((i) => i.message).join('; ') || 'no composition rows found'}).`);
    const after = listCompositionMembers(ctx.db, null);
    const changed = new Set<string>();
    for (const m of after) if (before.get(`${m.focusAreaCode}|${m.memberCode}`) !== m.status) changed.add(m.focusAreaCode);
    ctx.db.transaction(() => {
      for (const code of changed) recordCompositionChange(ctx.db, focusAreaIdOf(ctx.db, code) as number, 'import');
    })();
    return {
      file: report.file,
      focusAreas: [...changed].sort(),
      members: report.members,
      areasCreated: report.areasCreated,
      issues: report.issues.map((i) => [i.cell ? `cel ${i.cell}` : null, i.message].filter(Boolean).join(': ')),
    };
  },

  'areas.search': (input, ctx) => {
    let under: { id: number; code: string } | undefined;
    if (input.underCode !== undefined) {
      const code = resolveAreaText(ctx.db, input.underCode);
      const rec = code ? areasByCode(ctx.db, [code])[0] : undefined;
      if (!rec) throw new AppError('AREA_UNKNOWN', `Unknown area "${input.underCode}".`);
      under = { id: rec.id, code: rec.code };
    }
    const rows = searchAreas(ctx.db, { query: input.query, kinds: input.kinds, under, limit: input.limit });
    const population = latestValues(ctx.db, rows.map((r) => r.id), 'a_inw');
    return rows.map((r) => ({
      code: r.code, name: r.name, kind: r.kind, parentCode: r.parent_code, parentName: r.parent_name,
      municipalityCode: municipalityOf(r.code) ?? (r.parent_code?.startsWith('GM') ? r.parent_code : null),
      population: population.get(r.id)?.value ?? null, populationPeriod: population.get(r.id)?.period ?? null,
    }));
  },

  'views.save': (input, ctx) => {
    if (!input.overwrite && findView(ctx.db, input.name)) throw new AppError('INPUT_INVALID', `A view named "${input.name}" exists already.`);
    return viewOf(saveView(ctx.db, input.name, JSON.stringify(input.state)));
  },
  'views.list': (_input, ctx) => listViews(ctx.db).map(viewOf),
  'views.get': (input, ctx) => viewOf(viewNamed(ctx.db, input.name)),
  'views.rename': (input, ctx) => {
    viewNamed(ctx.db, input.name);
    if (input.newName !== input.name && findView(ctx.db, input.newName)) throw new AppError('INPUT_INVALID', `A view named "${input.newName}" exists already.`);
    renameView(ctx.db, input.name, input.newName);
    return viewOf(viewNamed(ctx.db, input.newName));
  },
  'views.delete': (input, ctx) => ({ deleted: deleteView(ctx.db, input.name) > 0 }),
};
