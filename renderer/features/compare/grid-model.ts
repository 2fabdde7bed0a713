import type { CompareCell, CompareResult, CompareRow, CompositionStatus, RowRole } from '../../../shared/contract/compare';
import type { AreaKind } from '../../../shared/contract/model';

/**
 * From the services' comparison to the grid's rows: which reference rows are pinned at the top,
 * which municipality rows sit under their focus area, which are left out because they hold no
 * figure at all (and are named, so nothing disappears silently). Pure, so it is unit-tested.
 */

export type SpreadKind = 'minmax' | 'p10p90';

export interface GridRow {
  id: string;
  role: RowRole | 'spread';
  areaCode: string;
  areaName: string;
  areaKind: AreaKind;
  /** Small tag before the name: "gemeente", "Nederland", "totaal", "spreiding". */
  tag: string | null;
  compositionStatus: CompositionStatus | null;
  cells: CompareCell[];
  /** A municipality row placed under a shown area: that area's code. */
  anchor: string | null;
}

export interface GridModel {
  pinned: GridRow[];
  body: GridRow[];
  /** Municipalities (names) left out because none of the chosen figures exists for them. */
  withoutFigures: string[];
  /** Municipality rows sit under their areas (too many to pin). */
  interleaved: boolean;
  /**
   * Municipality rows not in the grid: too many to pin, and each the reference of many shown areas
   * (all neighbourhoods of the country), so a row under every area would repeat it thousands of times.
   */
  municipalitiesLeftOut: number;
  /** The number of shown areas (role 'area'): ranks and spread are among these. */
  shownCount: number;
  /** Shown areas without a single figure in the chosen columns (names). */
  areasWithoutFigures: string[];
  /** The number of focus areas the total and its spread are taken over. */
  totalCount: number;
}

const hasFigure = (r: CompareRow): boolean => r.cells.some((c) => c.value !== null || c.low !== null);

const base = (r: CompareRow, id: string, tag: string | null, anchor: string | null = null): GridRow => ({
  id,
  role: r.role,
  areaCode: r.areaCode,
  areaName: r.areaName,
  areaKind: r.areaKind,
  tag,
  compositionStatus: r.compositionStatus,
  cells: r.cells,
  anchor,
});

/** How many focus areas the programme total is taken over (its members), 20 when it does not say. */
export function totalCount(result: CompareResult): number {
  const total = result.rows.find((r) => r.role === 'total');
  return total?.cells.find((c) => c.members)?.members?.length ?? 20;
}

/** The 'total' row is the programme: the focus areas together, whatever areas are shown. */
export function totalLabel(result: CompareResult): string {
  return `${totalCount(result)} focusgebieden samen`;
}

export function buildGridModel(result: CompareResult, opts: { maxPinnedMunicipalities?: number } = {}): GridModel {
  const maxPinned = opts.maxPinnedMunicipalities ?? 3;
  const areas = result.rows.filter((r) => r.role === 'area');
  const shownCodes = new Set(areas.map((r) => r.areaCode));
  const municipalities = result.rows.filter((r) => r.role === 'municipality');
  const usable = municipalities.filter(hasFigure);
  const withoutFigures = municipalities.filter((r) => !hasFigure(r)).map((r) => r.areaName);
  const pointing = usable.filter((m) => m.referenceFor.some((c) => shownCodes.has(c)));
  // Under each area only where a municipality is the reference of one or two of them (focus areas);
  // beyond that the rows would repeat (a neighbourhood list of 345 municipalities): left out, and said.
  const manyEach = pointing.some((m) => m.referenceFor.filter((c) => shownCodes.has(c)).length > 2);
  const tooMany = usable.length > maxPinned && pointing.length > 0;
  const interleaved = tooMany && !manyEach;
  const leftOut = tooMany && manyEach ? new Set(pointing) : new Set<CompareRow>();

  const pinned: GridRow[] = [];
  const total = result.rows.find((r) => r.role === 'total');
  if (total) {
    pinned.push({ ...base(total, 'total', 'totaal'), areaName: totalLabel(result) });
    pinned.push({ ...base(total, 'spread', 'spreiding'), role: 'spread', areaName: `Spreiding tussen de ${totalCount(result)} focusgebieden` });
  }
  for (const nl of result.rows.filter((r) => r.role === 'NL')) pinned.push(base(nl, `NL|${nl.areaCode}`, 'Nederland'));
  if (!interleaved) for (const m of usable) if (!leftOut.has(m)) pinned.push(base(m, `ref|${m.areaCode}`, 'gemeente'));

  const refsOf = new Map<string, CompareRow[]>();
  if (interleaved) for (const m of usable) for (const c of m.referenceFor) refsOf.set(c, [...(refsOf.get(c) ?? []), m]);
  const body: GridRow[] = [];
  for (const a of areas) {
    body.push(base(a, a.areaCode, null));
    for (const m of refsOf.get(a.areaCode) ?? []) body.push(base(m, `ref|${m.areaCode}|${a.areaCode}`, 'gemeente', a.areaCode));
  }
  // A municipality the shown areas do not point to (e.g. asked for by its own code) stays pinned.
  if (interleaved) for (const m of usable) if (!m.referenceFor.some((c) => shownCodes.has(c))) pinned.push(base(m, `ref|${m.areaCode}`, 'gemeente'));
  const areasWithoutFigures = areas.filter((r) => !hasFigure(r)).map((r) => r.areaName);
  return { pinned, body, withoutFigures, interleaved, municipalitiesLeftOut: leftOut.size, shownCount: areas.length, areasWithoutFigures, totalCount: totalCount(result) };
}

/**
 * After the grid sorts, put every municipality row straight under its area again (AG Grid's
 * postSortRows hands over the sorted nodes; this reorders them in place).
 */
export function keepUnderAnchor<T>(nodes: T[], rowOf: (n: T) => Pick<GridRow, 'anchor' | 'areaCode' | 'role'> | undefined): void {
  const followers = new Map<string, T[]>();
  const rest: T[] = [];
  for (const n of nodes) {
    const r = rowOf(n);
    if (r?.anchor) {
      const list = followers.get(r.anchor) ?? [];
      list.push(n);
      followers.set(r.anchor, list);
    } else rest.push(n);
  }
  if (followers.size === 0) return;
  const out: T[] = [];
  for (const n of rest) {
    out.push(n);
    const r = rowOf(n);
    if (r?.role !== 'area') continue;
    const f = followers.get(r.areaCode);
    if (f) {
      out.push(...f);
      followers.delete(r.areaCode);
    }
  }
  for (const f of followers.values()) out.push(...f);
  nodes.splice(0, nodes.length, ...out);
}

/** "2024" when every column shows the same period, else "2022–2024 (per indicator de laatste)". */
export function periodsSummary(result: CompareResult): string {
  const periods = [...new Set(result.indicators.map((i) => i.period).filter((p): p is string => p !== null))].sort();
  if (periods.length === 0) return 'geen cijfers';
  if (periods.length === 1) return periods[0] as string;
  return `${periods[0]}–${periods[periods.length - 1]} (per indicator ${result.period === 'latest' ? 'de laatste' : 'verschillend'})`;
}
