import type { Store } from '../store-types';
import { FIGURE_SELECT, type FigureRow } from './observations';

/**
 * Saved briefings (table `saved_view`, kind 'briefing'; the spec as JSON) and the source rows an
 * export cites. The export only reads the store; saving a briefing is its one write.
 */

export interface StoredBriefing {
  name: string;
  spec: unknown;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  name: string;
  state_json: string;
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT name, state_json, created_at, updated_at FROM saved_view WHERE kind = 'briefing'`;
const toStored = (r: Row): StoredBriefing => ({ name: r.name, spec: JSON.parse(r.state_json) as unknown, createdAt: r.created_at, updatedAt: r.updated_at });

export function listBriefings(db: Store): StoredBriefing[] {
  return (db.prepare(`${SELECT} ORDER BY name COLLATE NOCASE`).all() as Row[]).map(toStored);
}

export function findBriefing(db: Store, name: string): StoredBriefing | undefined {
  const r = db.prepare(`${SELECT} AND name = ?`).get(name) as Row | undefined;
  return r ? toStored(r) : undefined;
}

export function upsertBriefing(db: Store, name: string, spec: unknown, now: string): void {
  db.prepare(
    `INSERT INTO saved_view (name, kind, state_json, created_at, updated_at) VALUES (@name, 'briefing', @json, @now, @now)
     ON CONFLICT (kind, name) DO UPDATE SET state_json = excluded.state_json, updated_at = excluded.updated_at`,
  ).run({ name, json: JSON.stringify(spec), now });
}

export function deleteBriefing(db: Store, name: string): boolean {
  return db.prepare(`DELETE FROM saved_view WHERE kind = 'briefing' AND name = ?`).run(name).changes > 0;
}

export interface CitedSourceRow {
  id: number;
  kind: 'file' | 'document' | 'seed';
  title: string;
  file_name: string | null;
  sheet: string | null;
  sha256: string | null;
  imported_at: string;
  published_on: string | null;
}

export function sourcesByIds(db: Store, ids: number[]): CitedSourceRow[] {
  if (ids.length === 0) return [];
  const stmt = db.prepare(`SELECT id, kind, title, file_name, sheet, sha256, imported_at, published_on FROM source WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`);
  return stmt.all(JSON.stringify(ids)) as CitedSourceRow[];
}

/**
 * The current figure of each (area, indicator) pair: of the given period, or the latest one. Found
 * area first (the observation_area index), one seek per area.
 */
export function currentFigures(db: Store, areaCodes: string[], indicatorCodes: string[], period: string | null): FigureRow[] {
  if (areaCodes.length === 0 || indicatorCodes.length === 0) return [];
  const rows = db
    .prepare(
      `${FIGURE_SELECT}
       WHERE a.code IN (SELECT value FROM json_each(@areas))
         AND i.code IN (SELECT value FROM json_each(@indicators))
         AND o.superseded_by IS NULL
         AND (@period IS NULL OR o.period = @period)
       ORDER BY a.code, i.code, o.year_start DESC, o.id DESC`,
    )
    .all({ areas: JSON.stringify(areaCodes), indicators: JSON.stringify(indicatorCodes), period }) as FigureRow[];
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = `${r.area_code}\u0000${r.indicator_code}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
