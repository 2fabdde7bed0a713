import type { CompareResult, CompositionStatus, ParsedInput } from '../../shared/contract/index';
import { buildCompareTable, type TableIndicator, type TableRowSpec } from '../../shared/domain/compare/build-table';
import { MemoryCompareData } from '../../shared/domain/compare/memory-data';
import { FigureBlock } from '../../shared/domain/compare/figure-block';
import type { StoredFigure } from '../../shared/domain/compare/resolve';
import { municipalityOf } from '../../shared/domain/areas/normalise-code';
import { aliasKey } from '../../shared/domain/text/alias-key';
import { AppError } from '../../shared/errors';
import type { Store } from '../store/open-store';
import { resolveAreaCode } from '../store/queries/areas';
import {
  areaCodeByName, areasByCode, areasById, areasOfKind, eachFigureInPeriod, figuresById, indicatorsByCode, indicatorsOfThemes, latestPeriodsWithFigure, loadFigures, membersOf,
  sourceRanges, sourcesById, sourcesOfFigures, storePeriods, type AreaRecord, type FigureTuple, type IndicatorRecord, type MemberRecord,
} from '../store/queries/compare';

/**
 * compare.run: resolve what the analyst asked for (areas by code, name or alias, or 'focus';
 * indicators by code or theme; 'latest'), read the figures level by level — the shown areas, then
 * the members of those that must be aggregated (focus areas always; a district or municipality
 * only where it lacks an imported figure), down to neighbourhoods — and hand them to the pure
 * table builder (shared/domain/compare).
 */

const MAX_LEVELS = 4;
const WBI = 'ind_wbi';

/** What the analyst typed: a code, a known alias, or the one area with that name. */
export function resolveAreaText(db: Store, text: string): string | undefined {
  return resolveAreaCode(db, text, aliasKey(text)) ?? areaCodeByName(db, text);
}

export function resolveAreas(db: Store, asked: 'focus' | readonly string[]): AreaRecord[] {
  if (asked === 'focus') return areasOfKind(db, 'focus_area');
  // exact codes in one query (the grid of all neighbourhoods asks for 17,000); the rest one by one
  const exact = new Set(areasByCode(db, asked.map((t) => t.trim())).map((a) => a.code));
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const text of asked) {
    const code = exact.has(text.trim()) ? text.trim() : resolveAreaText(db, text);
    if (code) codes.push(code);
    else unknown.push(text);
  }
  if (unknown.length) {
    throw new AppError('AREA_UNKNOWN', `Unknown area${unknown.length > 1 ? 's' : ''}: ${unknown.map((u) => `"${u}"`).join(', ')} — no area has that code, name or alias.`);
  }
  const byCode = new Map(areasByCode(db, codes).map((a) => [a.code, a]));
  return [...new Set(codes)].map((c) => byCode.get(c) as AreaRecord);
}

export function resolveIndicators(db: Store, codes: readonly string[], themes: readonly string[] | undefined): IndicatorRecord[] {
  const found = new Map(indicatorsByCode(db, codes).map((i) => [i.code, i]));
  const byLower = new Map([...found.values()].map((i) => [i.code.toLowerCase(), i]));
  const unknown = codes.filter((c) => !found.has(c) && !byLower.has(c.toLowerCase()));
  if (unknown.length) {
    // a code in another case (A_INW) is the same code
    const again = indicatorsByCode(db, unknown.map((c) => c.toLowerCase()));
    for (const i of again) found.set(i.code, i);
    const still = unknown.filter((c) => !found.has(c.toLowerCase()));
    if (still.length) throw new AppError('NOT_FOUND', `Unknown indicator${still.length > 1 ? 's' : ''}: ${still.map((u) => `"${u}"`).join(', ')} — see \`indicators\` for the codes in the store.`);
  }
  const out = new Map<string, IndicatorRecord>();
  for (const c of codes) {
    const i = found.get(c) ?? found.get(c.toLowerCase());
    if (i) out.set(i.code, i);
  }
  if (themes?.length) for (const i of indicatorsOfThemes(db, themes)) if (!out.has(i.code)) out.set(i.code, i);
  return [...out.values()];
}

export function runCompare(db: Store, input: ParsedInput<'compare.run'>): CompareResult {
  const shown = resolveAreas(db, input.areas);
  const indicators = resolveIndicators(db, input.indicators, input.themes);
  const refs = new Set(input.references);

  // ---- reference rows: each distinct municipality (with the shown areas it is the municipality of), NL, the programme
  const rowSpecs: TableRowSpec[] = [];
  const l0 = new Map<number, AreaRecord>();
  const areaById = new Map<number, AreaRecord>();
  const remember = (a: AreaRecord) => areaById.set(a.id, a);
  shown.forEach(remember);
  if (refs.has('municipality')) {
    const parents = areasById(db, [...new Set(shown.map((a) => a.parentId).filter((id): id is number => id !== null))]);
    parents.forEach(remember);
    const byCode = new Map<string, string[]>();
    const gmCodes = new Set<string>();
    for (const a of shown) {
      const gm = a.kind === 'municipality' ? null
        : municipalityOf(a.code) ?? (a.parentId !== null && areaById.get(a.parentId)?.kind === 'municipality' ? (areaById.get(a.parentId) as AreaRecord).code : null);
      if (!gm) continue;
      gmCodes.add(gm);
      byCode.set(gm, [...(byCode.get(gm) ?? []), a.code]);
    }
    for (const gm of areasByCode(db, [...gmCodes]).sort((x, y) => x.code.localeCompare(y.code))) {
      remember(gm);
      l0.set(gm.id, gm);
      rowSpecs.push({ role: 'municipality', areaCode: gm.code, referenceFor: byCode.get(gm.code) ?? [], compositionStatus: null });
    }
  }
  let nl: AreaRecord | undefined;
  if (refs.has('NL')) {
    nl = areasByCode(db, ['NL00'])[0];
    if (nl) {
      remember(nl);
      l0.set(nl.id, nl);
      rowSpecs.push({ role: 'NL', areaCode: nl.code, referenceFor: [], compositionStatus: null });
    }
  }
  let programme: AreaRecord | undefined;
  if (refs.has('total')) {
    programme = areasOfKind(db, 'programme')[0];
    if (programme) {
      remember(programme);
      l0.set(programme.id, programme);
      rowSpecs.push({ role: 'total', areaCode: programme.code, referenceFor: [], compositionStatus: null });
    }
  }
  for (const a of shown) {
    l0.set(a.id, a);
    rowSpecs.push({ role: 'area', areaCode: a.code, referenceFor: [], compositionStatus: null });
  }

  // ---- indicators needed: the asked ones, their weights, and ind_wbi for boundary checks
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const weightCodes = [...new Set(indicators.map((i) => (i.aggregation === 'weighted_mean' ? i.weightIndicatorCode : null)).filter((c): c is string => !!c && !byCode.has(c)))];
  const weights = indicatorsByCode(db, weightCodes);
  for (const w of weights) byCode.set(w.code, w);
  const wbi = input.compareTo !== undefined ? indicatorsByCode(db, [WBI])[0] : undefined;
  if (wbi) byCode.set(wbi.code, wbi);
  const valueIndicatorIds = [...indicators, ...weights].map((i) => i.id);

  // ---- members, level by level (structure only for compositions; the rest follows the figures)
  const members = new Map<number, MemberRecord[]>();
  // each area's members are read once per run ('latest' looks through them before the figures are read)
  const membersRead = new Map<number, MemberRecord[]>();
  const structural = (ids: Iterable<number>) => {
    const asked = [...ids];
    const recs = asked.filter((id) => !membersRead.has(id)).map((id) => areaById.get(id)).filter((a): a is AreaRecord => a !== undefined);
    const fresh = membersOf(db, recs);
    const newIds = [...new Set([...fresh.values()].flat().map((m) => m.memberId))].filter((id) => !areaById.has(id));
    areasById(db, newIds).forEach(remember);
    for (const [id, list] of fresh) membersRead.set(id, list);
    const ms = new Map<number, MemberRecord[]>();
    for (const id of asked) {
      const list = membersRead.get(id);
      if (list) ms.set(id, list);
    }
    return ms;
  };

  // ---- periods per indicator
  const periodOf = new Map<string, string | null>();
  if (input.period === 'latest') {
    // the shown areas, their members and (for compositions) their members' members
    const probe = new Set<number>(l0.keys());
    // (a long list of areas is its own evidence: its members are not looked through)
    let frontier = l0.size <= 500 ? [...l0.keys()] : [...l0.values()].filter((a) => a.kind === 'focus_area' || a.kind === 'programme').map((a) => a.id);
    for (let depth = 0; depth < 3 && frontier.length; depth++) {
      const ms = structural(frontier);
      const next: number[] = [];
      for (const [parent, list] of ms) {
        const kind = areaById.get(parent)?.kind;
        if (depth > 0 && kind !== 'focus_area' && kind !== 'programme') continue;
        for (const m of list) if (!probe.has(m.memberId)) { probe.add(m.memberId); next.push(m.memberId); }
      }
      frontier = next;
    }
    const candidates = storePeriods(db);
    const latest = latestPeriodsWithFigure(db, [...probe], indicators.map((i) => i.id), candidates);
    for (const i of indicators) periodOf.set(i.code, latest.get(i.id) ?? null);
  } else {
    for (const i of indicators) periodOf.set(i.code, input.period);
  }
  const periods = [...new Set([...periodOf.values()].filter((p): p is string => p !== null))];
  if (input.compareTo !== undefined && !periods.includes(input.compareTo)) periods.push(input.compareTo);

  // ---- figures, level by level
  const data = new MemoryCompareData();
  for (const i of byCode.values()) data.addIndicator(i);
  const indicatorById = new Map([...byCode.values()].map((i) => [i.id, i]));
  const sourcesSeen = new Set<number>();
  const addFigures = (rows: FigureTuple[]) => {
    for (const [areaId, indicatorId, period, value, low, high, sign, qualifier, raw, cell, sourceId] of rows) {
      const area = areaById.get(areaId);
      const ind = indicatorById.get(indicatorId);
      if (!area || !ind) continue;
      data.addFigure(area.code, ind.code, period, { value, low, high, sign, qualifier, raw, cell, sourceId });
      sourcesSeen.add(sourceId);
    }
  };
  // Without per-member detail, members' figures are held as columns (figure-block.ts): only those
  // of indicators that aggregate, and their weights; their cells are read when an aggregate names them.
  const bulk = !input.memberDetail;
  const memberIndicatorIds = [...new Set([...indicators.filter((i) => i.aggregation !== 'none'), ...weights].map((i) => i.id))];
  // members' whole figures (cell, raw text, source) are read by row id when an aggregate names them
  const fetchFigures = (ids: readonly number[]): Map<number, StoredFigure> => {
    const out = new Map<number, StoredFigure>();
    for (const { id, ...f } of figuresById(db, ids)) {
      out.set(id, f);
      if (!sourcesSeen.has(f.sourceId)) {
        sourcesSeen.add(f.sourceId);
        for (const src of sourcesById(db, [f.sourceId])) data.addSource(src.id, src);
      }
    }
    return out;
  };
  const addBlocks = (ids: readonly number[]) => {
    const areas = ids.map((id) => areaById.get(id)).filter((a): a is AreaRecord => a !== undefined);
    const inds = memberIndicatorIds.map((id) => indicatorById.get(id)).filter((i): i is IndicatorRecord => i !== undefined);
    const areaIds = areas.map((a) => a.id);
    const indIds = inds.map((i) => i.id);
    for (const period of periods) {
      const block = new FigureBlock(period, areas.map((a) => a.code), inds.map((i) => i.code), fetchFigures).withIds(areaIds, indIds);
      eachFigureInPeriod(db, areaIds, indIds, period, block.take);
      data.addBlock(block);
      blocks.push(block);
    }
  };
  const blocks: FigureBlock[] = [];
  const loaded = new Set<number>();
  let frontier = [...l0.keys()];
  for (let level = 0; level < MAX_LEVELS && frontier.length; level++) {
    const ids = frontier.filter((id) => !loaded.has(id));
    ids.forEach((id) => loaded.add(id));
    const asBlock = bulk && level > 0;
    if (asBlock) addBlocks(ids);
    else addFigures(loadFigures(db, ids, valueIndicatorIds, periods, input.lean));
    // compositions always; other areas only where a figure is missing (an aggregate may fill it)
    const complete = (asBlock ? memberIndicatorIds : valueIndicatorIds).length * periods.length;
    const needed = ids.filter((id) => {
      const a = areaById.get(id);
      if (a?.kind === 'focus_area' || a?.kind === 'programme') return true;
      return a !== undefined && a.kind !== 'country' && data.figureCount(a.code) < complete;
    });
    const ms = structural(needed);
    const next: number[] = [];
    for (const id of needed) {
      const list = ms.get(id);
      if (!list) continue;
      members.set(id, list);
      for (const m of list) if (!loaded.has(m.memberId)) next.push(m.memberId);
    }
    frontier = [...new Set(next)];
  }
  if (wbi) addFigures(loadFigures(db, [...loaded], [wbi.id], null));
  // the files behind figures held in bulk, for the result's sourceTitles
  if (blocks.length > 0) {
    const ranges = sourceRanges(db);
    const unplaced: number[] = [];
    for (const block of blocks) {
      const found = block.sourcesOf(ranges);
      found.sources.forEach((id) => sourcesSeen.add(id));
      for (const id of found.unplaced) unplaced.push(id);
    }
    if (unplaced.length > 0) sourcesOfFigures(db, unplaced).forEach((id) => sourcesSeen.add(id));
  }
  for (const src of sourcesById(db, [...sourcesSeen])) data.addSource(src.id, src);

  // Nederland is a reference only when the store holds figures for it
  if (nl && data.figureCount(nl.code) === 0) {
    rowSpecs.splice(rowSpecs.findIndex((r) => r.role === 'NL'), 1);
  }
  for (const a of areaById.values()) data.addArea({ code: a.code, name: a.name, kind: a.kind });
  for (const [id, list] of members) {
    const a = areaById.get(id) as AreaRecord;
    data.setMembers(a.code, list.map((m) => ({ code: (areaById.get(m.memberId) as AreaRecord).code, status: m.status })));
  }

  // ---- composition status of the rows
  const statusOf = (a: AreaRecord): CompositionStatus | null => {
    if (a.kind !== 'focus_area') return null;
    const list = members.get(a.id) ?? [];
    if (list.length === 0) return 'unknown';
    return list.some((m) => m.status === 'proposal') ? 'proposal' : 'confirmed';
  };
  const focusAreas = programme ? (members.get(programme.id) ?? []).map((m) => areaById.get(m.memberId) as AreaRecord) : [];
  const areaByCode = new Map([...areaById.values()].map((a) => [a.code, a]));
  for (const row of rowSpecs) {
    const a = areaByCode.get(row.areaCode) as AreaRecord;
    if (row.role === 'total') row.compositionStatus = focusAreas.every((f) => statusOf(f) === 'confirmed') ? 'confirmed' : 'proposal';
    else row.compositionStatus = statusOf(a);
  }

  const tableIndicators: TableIndicator[] = indicators.map((i) => ({
    ...i, period: periodOf.get(i.code) ?? null, comparePeriod: input.compareTo ?? null,
  }));
  return buildCompareTable({
    period: input.period, compareTo: input.compareTo ?? null, minCoverage: input.minCoverage,
    indicators: tableIndicators, rows: rowSpecs, spreadAreas: focusAreas.map((f) => f.code), memberDetail: input.memberDetail, lean: input.lean,
    sourceTitles: [...sourcesSeen].sort((a, b) => a - b).map((id) => data.sourceTitle(id)).filter((t): t is string => t !== null),
  }, data);
}
