import type { Store } from '../store-types';
import type { SavedScenario } from '../../../shared/contract/scenario';
import type { ScenarioDefinition } from '../../../shared/domain/scenario';

/**
 * Saved scenarios (table `scenario`) and what a run needs from the store. A saved scenario is known by
 * its definition's id (what baselines refer to); the table's integer id stays internal. The definition's
 * name is the table's unique name, kept in step on every write.
 */

interface ScenarioRow {
  row_id: number;
  name: string;
  template_id: string | null;
  definition_json: string;
  created_at: string;
  updated_at: string;
}

export interface StoredScenario {
  rowId: number;
  summary: SavedScenario;
  /** The stored JSON, parsed but not validated (a later schema version may read it differently). */
  definition: Record<string, unknown>;
}

const SELECT = `SELECT id AS row_id, name, template_id, definition_json, created_at, updated_at FROM scenario`;

function toStored(r: ScenarioRow): StoredScenario {
  const d = JSON.parse(r.definition_json) as Record<string, unknown>;
  const years = (d.years ?? {}) as { from?: number; to?: number };
  const baseline = d.baseline as { id?: string } | undefined;
  return {
    rowId: r.row_id,
    definition: d,
    summary: {
      id: String(d.id),
      name: r.name,
      description: typeof d.description === 'string' ? d.description : null,
      templateId: r.template_id,
      baselineId: baseline?.id ?? null,
      years: { from: years.from ?? 0, to: years.to ?? 0 },
      streams: Array.isArray(d.streams) ? d.streams.length : 0,
      hasHousing: d.housing !== undefined && d.housing !== null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    },
  };
}

export function listScenarios(db: Store): StoredScenario[] {
  return (db.prepare(`${SELECT} ORDER BY name COLLATE NOCASE, id`).all() as ScenarioRow[]).map(toStored);
}

/** By definition id (json_extract: the table has no column for it; a handful of rows, no index needed). */
export function findScenario(db: Store, id: string): StoredScenario | undefined {
  const row = db.prepare(`${SELECT} WHERE json_extract(definition_json, '$.id') = ?`).get(id) as ScenarioRow | undefined;
  return row ? toStored(row) : undefined;
}

export function findScenarioByName(db: Store, name: string): StoredScenario | undefined {
  const row = db.prepare(`${SELECT} WHERE name = ?`).get(name) as ScenarioRow | undefined;
  return row ? toStored(row) : undefined;
}

export function insertScenario(db: Store, def: ScenarioDefinition, templateId: string | null, now: string): void {
  db.prepare('INSERT INTO scenario (name, template_id, schema_version, definition_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    def.name,
    templateId,
    def.schemaVersion,
    JSON.stringify(def),
    now,
    now,
  );
}

export function updateScenario(db: Store, rowId: number, def: ScenarioDefinition, templateId: string | null, now: string): void {
  db.prepare('UPDATE scenario SET name = ?, template_id = ?, schema_version = ?, definition_json = ?, updated_at = ? WHERE id = ?').run(
    def.name,
    templateId,
    def.schemaVersion,
    JSON.stringify(def),
    now,
    rowId,
  );
}

export function deleteScenario(db: Store, rowId: number): void {
  db.prepare('DELETE FROM scenario WHERE id = ?').run(rowId);
}

// ---- inputs of a run

export interface AreaFigure {
  areaCode: string;
  value: number;
  period: string;
  source: string;
}

/**
 * The latest current figure of an indicator per area (one per area: the latest period, then the latest
 * row), for the area as a whole (no breakdown such as a postcode slice). Areas without a figure are
 * absent — callers keep them unknown, never zero.
 */
export function latestFigures(db: Store, indicatorCode: string, areaCodes: readonly string[]): AreaFigure[] {
  if (areaCodes.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT a.code AS areaCode, o.value AS value, o.period AS period, COALESCE(s.file_name, s.title) AS source
       FROM observation o
       JOIN area a ON a.id = o.area_id
       JOIN indicator i ON i.id = o.indicator_id
       JOIN source s ON s.id = o.source_id
       WHERE i.code = ? AND o.superseded_by IS NULL AND o.value IS NOT NULL AND o.breakdown IS NULL
         AND a.code IN (SELECT value FROM json_each(?))
       ORDER BY a.code, o.year_end DESC, o.year_start DESC, o.id DESC`,
    )
    .all(indicatorCode, JSON.stringify(areaCodes)) as AreaFigure[];
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.areaCode) ? false : (seen.add(r.areaCode), true)));
}
