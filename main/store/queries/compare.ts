import type { Store } from '../store-types';
import type { AreaKind, Qualifier, Sign } from '../../../shared/contract/model';
import type { Direction } from '../../../shared/domain/compare/stats';

/**
 * What the comparison reads: indicators, areas and their members, and figures for a set of areas ×
 * indicators × periods. Figures are found area first (observation_area: area, indicator, period —
 * docs/architecture.md "Finding figures"): every read below is one index seek per (area, indicator)
 * or (area, indicator, period), never a scan of the figures. The query plans are asserted by tests.
 */

export interface IndicatorRecord {
  id: number;
  code: string;
  name: string;
  theme: 'wonen' | 'meedoen' | 'veiligheid' | 'financien' | 'bevolking' | 'overig';
  unit: string;
  aggregation: 'sum' | 'weighted_mean' | 'none';
  weightIndicatorCode: string | null;
  direction: Direction;
}

export interface AreaRecord {
  id: number;
  code: string;
  name: string;
  kind: AreaKind;
  parentId: number | null;
}

/** A figure as the compare reads it, as an array (no object per row: a national aggregation reads millions). */
export type FigureTuple = [
  areaId: number, indicatorId: number, period: string, value: number | null, low: number | null, high: number | null,
  sign: Sign | null, qualifier: Qualifier | null, raw: string | null, cell: string | null, sourceId: number,
];

export interface SourceRecord {
  id: number;
  kind: 'file' | 'document' | 'seed';
  title: string;
  file: string | null;
  sheet: string | null;
}

const json = (xs: readonly (number | string)[]) => JSON.stringify(xs);

/** Prepared once per connection: a compare call runs these a few times each. */
const cache = new WeakMap<Store, Map<string, ReturnType<Store['prepare']>>>();
function stmt(db: Store, sql: string): ReturnType<Store['prepare']> {
  let forDb = cache.get(db);
  if (!forDb) cache.set(db, (forDb = new Map()));
  let st = forDb.get(sql);
  if (!st) forDb.set(sql, (st = db.prepare(sql)));
  return st;
}

const INDICATOR_COLUMNS = `id, code, name, theme, unit, aggregation, weight_indicator_code AS weightIndicatorCode, direction`;

export function indicatorsByCode(db: Store, codes: readonly string[]): IndicatorRecord[] {
  return db.prepare(`SELECT ${INDICATOR_COLUMNS} FROM indicator WHERE code IN (SELECT value FROM json_each(?))`).all(json(codes)) as IndicatorRecord[];
}

export function indicatorsOfThemes(db: Store, themes: readonly string[]): IndicatorRecord[] {
  return db.prepare(`SELECT ${INDICATOR_COLUMNS} FROM indicator WHERE theme IN (SELECT value FROM json_each(?)) ORDER BY theme, id`).all(json(themes)) as IndicatorRecord[];
}

const AREA_COLUMNS = 'a.id, a.code, a.name, a.kind, a.parent_id AS parentId';

export function areasByCode(db: Store, codes: readonly string[]): AreaRecord[] {
  return db.prepare(`SELECT ${AREA_COLUMNS} FROM area a WHERE a.code IN (SELECT value FROM json_each(?))`).all(json(codes)) as AreaRecord[];
}

/** The one area with exactly this name (any case); undefined when none or several have it. */
export function areaCodeByName(db: Store, name: string): string | undefined {
  const codes = db.prepare('SELECT code FROM area WHERE name = ? COLLATE NOCASE LIMIT 2').pluck().all(name.trim()) as string[];
  return codes.length === 1 ? codes[0] : undefined;
}

export function areasById(db: Store, ids: readonly number[]): AreaRecord[] {
  return db.prepare(`SELECT ${AREA_COLUMNS} FROM area a WHERE a.id IN (SELECT value FROM json_each(?))`).all(json(ids)) as AreaRecord[];
}

export function areasOfKind(db: Store, kind: AreaKind): AreaRecord[] {
  return db.prepare(`SELECT ${AREA_COLUMNS} FROM area a WHERE a.kind = ? ORDER BY a.code`).all(kind) as AreaRecord[];
}

export interface MemberRecord {
  parentId: number;
  memberId: number;
  status: 'proposal' | 'confirmed';
}

/**
 * What each area's aggregate is made of: a focus area's composition (area_member); the programme's
 * focus areas; for other areas their children — by parent_id, and for CBS codes also by code (a
 * district WK034403 holds the neighbourhoods BU034403xx; a municipality GM0344 the districts
 * WK0344xx), since an area created before its parent was known may hang under its municipality.
 * The country is not aggregated from below (its figures are imported or absent).
 */
export function membersOf(db: Store, areas: readonly AreaRecord[]): Map<number, MemberRecord[]> {
  const out = new Map<number, MemberRecord[]>();
  const focus = areas.filter((a) => a.kind === 'focus_area').map((a) => a.id);
  const programmes = areas.filter((a) => a.kind === 'programme').map((a) => a.id);
  const others = areas.filter((a) => a.kind !== 'focus_area' && a.kind !== 'programme' && a.kind !== 'country');
  for (const a of areas) if (a.kind !== 'country') out.set(a.id, []);
  if (focus.length) {
    const rows = db.prepare(
      `SELECT am.focus_area_id AS parentId, am.member_id AS memberId, am.status
       FROM area_member am JOIN area m ON m.id = am.member_id
       WHERE am.focus_area_id IN (SELECT value FROM json_each(?)) ORDER BY m.code`,
    ).all(json(focus)) as MemberRecord[];
    for (const r of rows) out.get(r.parentId)?.push(r);
  }
  if (programmes.length) {
    const ids = db.prepare("SELECT id FROM area WHERE kind = 'focus_area' ORDER BY code").pluck().all() as number[];
    for (const p of programmes) out.set(p, ids.map((memberId) => ({ parentId: p, memberId, status: 'confirmed' as const })));
  }
  if (others.length) {
    // children by parent_id for all of them in one query (ordered by code within each parent)
    const children = new Map<number, number[]>();
    const rows = db.prepare(
      `SELECT a.parent_id AS parentId, a.id FROM json_each(?) j CROSS JOIN area a INDEXED BY area_parent
       WHERE a.parent_id = j.value AND a.kind <> 'focus_area' ORDER BY a.parent_id, a.code`,
    ).raw(true).all(json(others.map((a) => a.id))) as [number, number][];
    for (const [parentId, id] of rows) {
      let list = children.get(parentId);
      if (!list) children.set(parentId, (list = []));
      list.push(id);
    }
    const byCode = db.prepare('SELECT id FROM area WHERE code > ? AND code < ? AND length(code) = ?').pluck();
    for (const a of others) {
      const ids = new Set(children.get(a.id) ?? []);
      const gm = /^GM(\d{4})$/.exec(a.code);
      const wk = /^WK(\d{6})$/.exec(a.code);
      if (gm) for (const id of byCode.all(`WK${gm[1]}`, `WK${gm[1]}~`, 8) as number[]) ids.add(id);
      if (wk) for (const id of byCode.all(`BU${wk[1]}`, `BU${wk[1]}~`, 10) as number[]) ids.add(id);
      out.set(a.id, [...ids].map((memberId) => ({ parentId: a.id, memberId, status: 'confirmed' as const })));
    }
  }
  return out;
}

const FIGURE_COLUMNS = 'o.area_id, o.indicator_id, o.period, o.value, o.low, o.high, o.sign, o.qualifier, o.raw, o.cell, o.source_id';
/** A lean comparison (no provenance per cell) leaves each figure's raw text and cell unread: 138,000 strings fewer for all neighbourhoods × 10 indicators. */
const LEAN_FIGURE_COLUMNS = 'o.area_id, o.indicator_id, o.period, o.value, o.low, o.high, o.sign, o.qualifier, NULL, NULL, o.source_id';

/**
 * Current figures (no breakdown) for areas × indicators in the given periods — one seek in
 * observation_area per (area, indicator, period).
 */
const figuresInPeriods = (columns: string) => `
  SELECT ${columns}
  FROM json_each(@areas) ja
  CROSS JOIN json_each(@indicators) ji
  CROSS JOIN json_each(@periods) jp
  CROSS JOIN observation o INDEXED BY observation_area
  WHERE o.area_id = ja.value AND o.indicator_id = ji.value AND o.period = jp.value
    AND o.superseded_by IS NULL AND o.breakdown IS NULL`;
export const FIGURES_IN_PERIODS_SQL = figuresInPeriods(FIGURE_COLUMNS);
export const LEAN_FIGURES_IN_PERIODS_SQL = figuresInPeriods(LEAN_FIGURE_COLUMNS);

/** The same for every period: one seek per (area, indicator). */
export const FIGURES_ALL_PERIODS_SQL = `
  SELECT ${FIGURE_COLUMNS}
  FROM json_each(@areas) ja
  CROSS JOIN json_each(@indicators) ji
  CROSS JOIN observation o INDEXED BY observation_area
  WHERE o.area_id = ja.value AND o.indicator_id = ji.value
    AND o.superseded_by IS NULL AND o.breakdown IS NULL`;

export function loadFigures(db: Store, areaIds: readonly number[], indicatorIds: readonly number[], periods: readonly string[] | null, lean = false): FigureTuple[] {
  if (areaIds.length === 0 || indicatorIds.length === 0 || (periods && periods.length === 0)) return [];
  if (periods) return stmt(db, lean ? LEAN_FIGURES_IN_PERIODS_SQL : FIGURES_IN_PERIODS_SQL).raw(true).all({ areas: json(areaIds), indicators: json(indicatorIds), periods: json(periods) }) as FigureTuple[];
  return stmt(db, FIGURES_ALL_PERIODS_SQL).raw(true).all({ areas: json(areaIds), indicators: json(indicatorIds) }) as FigureTuple[];
}

/** Figures by their row ids (the members an aggregate's source line names, found in a block): a rowid lookup each. */
export const FIGURES_BY_ID_SQL = `
  SELECT o.id, o.value, o.low, o.high, o.sign, o.qualifier, o.raw, o.cell, o.source_id AS sourceId
  FROM json_each(?) j CROSS JOIN observation o
  WHERE o.id = j.value`;

export interface FigureRow {
  value: number | null;
  low: number | null;
  high: number | null;
  sign: Sign | null;
  qualifier: Qualifier | null;
  raw: string | null;
  cell: string | null;
  sourceId: number;
}

export function figuresById(db: Store, ids: readonly number[]): (FigureRow & { id: number })[] {
  return stmt(db, FIGURES_BY_ID_SQL).all(json(ids)) as (FigureRow & { id: number })[];
}

/** The sources figures point to (a few rows). */
export function sourcesById(db: Store, ids: readonly number[]): SourceRecord[] {
  return db.prepare('SELECT id, kind, title, file_name AS file, sheet FROM source WHERE id IN (SELECT value FROM json_each(?))').all(json(ids)) as SourceRecord[];
}

/** Each source's range of figure ids (an import writes its figures as one range), by first id. */
export function sourceRanges(db: Store): { id: number; first: number; last: number }[] {
  return db.prepare('SELECT id, first_observation_id AS first, last_observation_id AS last FROM source WHERE first_observation_id IS NOT NULL AND last_observation_id IS NOT NULL ORDER BY first_observation_id').all() as { id: number; first: number; last: number }[];
}

/** The sources of figures by their ids (for figures outside any source's range). */
export function sourcesOfFigures(db: Store, ids: readonly number[]): number[] {
  return db.prepare('SELECT DISTINCT source_id FROM observation WHERE id IN (SELECT value FROM json_each(?))').pluck().all(json(ids)) as number[];
}

/** Every period the store holds figures for, latest first (from source_period, a few rows). */
export function storePeriods(db: Store): string[] {
  return db.prepare('SELECT period FROM source_period GROUP BY period ORDER BY max(year_end) DESC, max(year_start) DESC, period DESC').pluck().all() as string[];
}

/** Whether any of the areas has a current figure for the indicator in the period: stops at the first. */
export const HAS_FIGURE_SQL = `
  SELECT 1 FROM json_each(@areas) ja
  CROSS JOIN observation o INDEXED BY observation_area
  WHERE o.area_id = ja.value AND o.indicator_id = @indicator AND o.period = @period
    AND o.superseded_by IS NULL AND o.breakdown IS NULL
  LIMIT 1`;

/**
 * The indicators (of all) with a current figure for any of the areas in a period, read by walking
 * one of the period's sources' id ranges (every figure of a source has an id in its range).
 */
export const INDICATORS_IN_RANGE_SQL = `
  SELECT DISTINCT o.indicator_id FROM observation o
  WHERE o.id BETWEEN @first AND @last AND o.period = @period AND o.superseded_by IS NULL AND o.breakdown IS NULL
    AND +o.area_id IN (SELECT value FROM json_each(@areas))`;

/**
 * The latest of `periods` (given latest first) in which any of the areas has a figure, per indicator
 * (null: in none). A period whose sources hold few figures (the shipped programme figures of 2025
 * beside a KWB's 2024) is answered by walking those sources' id ranges once for all indicators;
 * a period of large imports by a seek per area and indicator, stopping at the first figure.
 */
export function latestPeriodsWithFigure(db: Store, areaIds: readonly number[], indicatorIds: readonly number[], periods: readonly string[]): Map<number, string | null> {
  const out = new Map<number, string | null>(indicatorIds.map((id) => [id, null]));
  if (areaIds.length === 0) return out;
  const ranges = new Map<string, { first: number; last: number }[]>();
  for (const r of db.prepare('SELECT sp.period, s.first_observation_id AS first, s.last_observation_id AS last FROM source_period sp JOIN source s ON s.id = sp.source_id WHERE s.first_observation_id IS NOT NULL').all() as { period: string; first: number; last: number }[]) {
    ranges.set(r.period, [...(ranges.get(r.period) ?? []), { first: r.first, last: r.last }]);
  }
  const areas = json(areaIds);
  const has = stmt(db, HAS_FIGURE_SQL);
  const inRange = stmt(db, INDICATORS_IN_RANGE_SQL).pluck();
  let remaining = [...indicatorIds];
  for (const period of periods) {
    if (remaining.length === 0) break;
    const list = ranges.get(period) ?? [];
    const rows = list.reduce((n, r) => n + r.last - r.first + 1, 0);
    let found: (id: number) => boolean;
    if (rows <= remaining.length * areaIds.length) {
      const ids = new Set<number>();
      for (const r of list) for (const id of inRange.all({ first: r.first, last: r.last, period, areas }) as number[]) ids.add(id);
      found = (id) => ids.has(id);
    } else {
      found = (id) => has.get({ areas, indicator: id, period }) !== undefined;
    }
    remaining = remaining.filter((id) => {
      if (!found(id)) return true;
      out.set(id, period);
      return false;
    });
  }
  return out;
}

export interface AreaHitRow {
  id: number;
  code: string;
  name: string;
  kind: AreaKind;
  parent_code: string | null;
  parent_name: string | null;
}

/**
 * Areas whose code starts with the query or whose name contains it (case-insensitive), optionally
 * of some kinds and within an area (a municipality: its CBS districts and neighbourhoods by code,
 * and whatever hangs under it). Exact code matches first, then by kind and code.
 */
export function searchAreas(db: Store, q: { query: string; kinds?: readonly AreaKind[] | undefined; under?: { id: number; code: string } | undefined; limit: number }): AreaHitRow[] {
  const digits = q.under ? /^(?:GM|WK)(\d+)$/.exec(q.under.code)?.[1] ?? null : null;
  return db.prepare(
    `SELECT a.id, a.code, a.name, a.kind, p.code AS parent_code, p.name AS parent_name
     FROM area a LEFT JOIN area p ON p.id = a.parent_id
     WHERE (@query = '' OR a.code LIKE @query || '%' OR a.name LIKE '%' || @query || '%')
       AND (@kinds IS NULL OR a.kind IN (SELECT value FROM json_each(@kinds)))
       AND (@under IS NULL OR a.parent_id = @under OR p.parent_id = @under
            OR (@digits IS NOT NULL AND a.id <> @under AND (a.code LIKE 'WK' || @digits || '%' OR a.code LIKE 'BU' || @digits || '%')))
     ORDER BY (upper(a.code) = upper(@query)) DESC,
       CASE a.kind WHEN 'municipality' THEN 0 WHEN 'focus_area' THEN 1 WHEN 'district' THEN 2 WHEN 'neighbourhood' THEN 3 ELSE 4 END, a.code
     LIMIT @limit`,
  ).all({
    query: q.query,
    kinds: q.kinds?.length ? JSON.stringify(q.kinds) : null,
    under: q.under?.id ?? null,
    digits,
    limit: q.limit,
  }) as AreaHitRow[];
}

/**
 * Many members' figures for one period, handed to `put` one by one without a JavaScript row each
 * (a national aggregation reads 1.2 million member figures; turning each into an array cost
 * several times what SQLite spends finding them). SQLite calls `wv_compare_put` per current figure
 * — its id, area, indicator, value and sign — and the rows themselves never leave SQLite. Two ways
 * to find the figures, whichever reads fewer rows:
 *  - BLOCK_SEEK_SQL: one seek in observation_area per (area, indicator, period), as FIGURES_IN_PERIODS_SQL;
 *  - BLOCK_SCAN_SQL: every figure of the sources holding the period (source_period), each source's
 *    rows as a rowid range (migration 0006), keeping the current figures of that period; `put`
 *    ignores areas not asked for. For all neighbourhoods of the country this reads the period's
 *    figures once, in the order they lie on disk. The asked indicators are a BLOB of flags tested
 *    first (indicator_id is the record's second column: a row not asked for is left before its
 *    later columns are decoded). Measured on the bench store (2.1 million rows in the period):
 *    the walk alone 0.16 s; an `IN (json_each)` probe per row added 0.13 s, the flag 0.04 s.
 *    Summing in SQL instead (GROUP BY focus area, indicator) was slower than this whole read, even
 *    without the join to the membership (0.77 s): SQLite sorts the rows to group them.
 */
/**
 * The sign as its code in SIGN_CODES (figure-block.ts; 0: none), so no text crosses into
 * JavaScript per figure (most figures have no sign: that case is tested first). Written out
 * (fixed SQL text); a test holds it to SIGN_CODES.
 */
export const SIGN_CODE_SQL = `CASE WHEN o.sign IS NULL THEN 0 ELSE CASE o.sign WHEN 'unknown' THEN 1 WHEN 'secret' THEN 2 WHEN 'nil' THEN 3 WHEN 'provisional' THEN 4
  WHEN 'revised_provisional' THEN 5 WHEN 'less_than_half_unit' THEN 6 WHEN 'cannot_occur' THEN 7 ELSE 0 END END`;

export const BLOCK_SEEK_SQL = `
  SELECT count(wv_compare_put(o.id, o.area_id, o.indicator_id, o.value, ${SIGN_CODE_SQL}))
  FROM json_each(@areas) ja
  CROSS JOIN observation o INDEXED BY observation_area
  WHERE o.area_id = ja.value AND o.indicator_id IN (SELECT value FROM json_each(@indicators)) AND o.period = @period
    AND o.superseded_by IS NULL AND o.breakdown IS NULL`;

export const BLOCK_SCAN_SQL = `
  SELECT count(wv_compare_put(o.id, o.area_id, o.indicator_id, o.value, ${SIGN_CODE_SQL}))
  FROM source s
  CROSS JOIN observation o
  WHERE s.id IN (SELECT source_id FROM source_period WHERE period = @period)
    AND o.id BETWEEN s.first_observation_id AND s.last_observation_id
    AND substr(@indicatorMask, o.indicator_id + 1, 1) = x'01'
    AND o.source_id = s.id AND o.period = @period AND o.superseded_by IS NULL AND o.breakdown IS NULL`;

/** How many rows a scan of the period's sources walks (their rowid ranges; a few rows of source_period). */
export const PERIOD_EXTENT_SQL = `
  SELECT coalesce(sum(s.last_observation_id - s.first_observation_id + 1), 0)
  FROM source s
  WHERE s.id IN (SELECT source_id FROM source_period WHERE period = @period)`;

/** One figure: its row id, area, indicator, value (null when none) and sign code (figure-block.ts SIGN_CODES). */
export type PutFigure = (id: number, areaId: number, indicatorId: number, value: number | null, sign: number) => void;

/**
 * The ids as a BLOB of flags (byte id is 1 when asked): the scan keeps a row with one byte read
 * (`substr(@indicatorMask, indicator_id + 1, 1)`), where an `IN (json_each)` probe per row cost
 * more than the walk itself.
 */
export function idMask(ids: readonly number[]): Buffer {
  const mask = Buffer.alloc(ids.reduce((m, id) => Math.max(m, id), 0) + 1);
  for (const id of ids) if (id >= 0) mask[id] = 1;
  return mask;
}

let currentPut: PutFigure | null = null;
const withPut = new WeakSet<Store>();

/** Registers wv_compare_put on the connection (once): it hands each row to the `put` of the running read. */
export function registerFigurePut(db: Store): void {
  if (withPut.has(db)) return;
  db.function('wv_compare_put', { deterministic: false, directOnly: true }, (id, area, indicator, value, sign) => {
    currentPut?.(id as number, area as number, indicator as number, value as number | null, sign as number);
    return 1;
  });
  withPut.add(db);
}

/**
 * Calls `put` for every current figure (no breakdown) of the areas × indicators in the period
 * (the scan may also hand over other areas' figures: `put` keeps what it asked for); returns how
 * many rows SQLite handed over. `how` forces one way (tests); by default the one reading fewer rows.
 */
export function eachFigureInPeriod(db: Store, areaIds: readonly number[], indicatorIds: readonly number[], period: string, put: PutFigure, how?: 'seek' | 'scan'): number {
  if (areaIds.length === 0 || indicatorIds.length === 0) return 0;
  registerFigurePut(db);
  // a seek costs several rows of a sequential walk
  const scan = how ? how === 'scan' : areaIds.length * indicatorIds.length * 4 > (stmt(db, PERIOD_EXTENT_SQL).pluck().get({ period }) as number);
  currentPut = put;
  try {
    return scan
      ? (stmt(db, BLOCK_SCAN_SQL).pluck().get({ period, indicatorMask: idMask(indicatorIds) }) as number)
      : (stmt(db, BLOCK_SEEK_SQL).pluck().get({ areas: json(areaIds), indicators: json(indicatorIds), period }) as number);
  } finally {
    currentPut = null;
  }
}
