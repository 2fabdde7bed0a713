import type Database from 'better-sqlite3';
import type { Store } from '../store-types';
import { ObservationWrites, type ObservationRow } from './observation-writes';
import { inSourceRow } from './source-extent';

export type { ObservationRow };

export interface NewIndicator {
  code: string;
  name: string;
  statlineName: string | null;
  theme: string;
  unit: string;
  aggregation: string;
  weightIndicatorCode: string | null;
  direction: string;
  definition: string | null;
  defaultSource: string | null;
  needsReview: boolean;
}

/**
 * The writes of one import, as prepared statements on the import's own connection. The caller
 * holds the transaction; nothing here commits. Figures go through ObservationWrites.
 */
export class ImportWrites {
  private readonly stmt: Record<string, Database.Statement>;
  readonly observations: ObservationWrites;

  constructor(
    private readonly db: Store,
    private readonly sourceId: number,
    private readonly createdAt: string,
  ) {
    this.observations = new ObservationWrites(db, sourceId);
    this.stmt = {
      area: db.prepare('INSERT INTO area (code, name, kind, parent_id, source_id, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      renameArea: db.prepare('UPDATE area SET name = ? WHERE id = ?'),
      alias: db.prepare('INSERT OR IGNORE INTO area_alias (alias_norm, alias, area_id, context, confirmed) VALUES (?, ?, ?, ?, 1)'),
      indicator: db.prepare(
        `INSERT INTO indicator (code, name, statline_name, theme, unit, aggregation, weight_indicator_code, direction, definition, default_source, needs_review)
         VALUES (@code, @name, @statlineName, @theme, @unit, @aggregation, @weightIndicatorCode, @direction, @definition, @defaultSource, @needsReview)`,
      ),
      // A dictionary fills in what it knows; it renames only indicators still under review (made by an import).
      define: db.prepare(
        `UPDATE indicator SET
           name = CASE WHEN needs_review = 1 THEN coalesce(@name, name) ELSE name END,
           definition = CASE WHEN needs_review = 1 OR definition IS NULL THEN coalesce(@definition, definition) ELSE definition END,
           unit = CASE WHEN needs_review = 1 THEN coalesce(@unit, unit) ELSE unit END,
           default_source = coalesce(default_source, @source)
         WHERE id = @id`,
      ),
      member: db.prepare(
        `INSERT INTO area_member (focus_area_id, member_id, status, code_year, evidence_url, note, source_id) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (focus_area_id, member_id) DO UPDATE SET
           status = CASE WHEN area_member.status = 'confirmed' THEN 'confirmed' ELSE excluded.status END,
           code_year = excluded.code_year, evidence_url = excluded.evidence_url, note = excluded.note, source_id = excluded.source_id`,
      ),
    };
  }

  insertArea(a: { code: string; name: string; kind: string; parentId: number | null }): number {
    return Number(this.stmt.area?.run(a.code, a.name, a.kind, a.parentId, this.sourceId, this.createdAt).lastInsertRowid);
  }

  renameArea(id: number, name: string): void {
    this.stmt.renameArea?.run(name, id);
  }

  /** True when the alias is new. */
  insertAlias(norm: string, alias: string, areaId: number, context: string): boolean {
    return (this.stmt.alias?.run(norm, alias, areaId, context).changes ?? 0) > 0;
  }

  insertIndicator(i: NewIndicator): number {
    return Number(this.stmt.indicator?.run({ ...i, needsReview: i.needsReview ? 1 : 0 }).lastInsertRowid);
  }

  define(id: number, d: { name: string | null; definition: string | null; unit: string | null; source: string | null }): void {
    this.stmt.define?.run({ id, ...d });
  }

  /** A membership the analyst confirmed stays confirmed when a list of proposals comes in again. */
  upsertMember(m: { focusAreaId: number; memberId: number; status: 'proposal' | 'confirmed'; codeYear: number | null; evidenceUrl: string | null; note: string | null }): void {
    this.stmt.member?.run(m.focusAreaId, m.memberId, m.status, m.codeYear, m.evidenceUrl, m.note, this.sourceId);
  }

  addObservation(o: ObservationRow): void {
    this.observations.add(o);
  }

  /** Figures inserted so far. */
  get written(): number {
    return this.observations.written;
  }

  /** Everything added so far is in `observation`. */
  flush(): void {
    this.observations.flush();
  }

  /**
   * Earlier figures with the same key (area, indicator, period, breakdown) as one of this import's
   * now point to their successor; they stay in the store as history. @returns how many
   */
  supersede(earlierSources: readonly number[]): number {
    if (earlierSources.length === 0) return 0;
    const placeholders = earlierSources.map(() => '?').join(', ');
    return this.db
      .prepare(
        `UPDATE observation AS o SET superseded_by = n.id
         FROM source AS s JOIN observation AS n ON ${inSourceRow('n', 's')}
         WHERE s.id = ? AND o.source_id IN (${placeholders}) AND o.superseded_by IS NULL
           AND n.area_id = o.area_id AND n.indicator_id = o.indicator_id AND n.period = o.period
           AND n.breakdown IS o.breakdown`,
      )
      .run(this.sourceId, ...earlierSources).changes;
  }
}

export interface SourceRow {
  title: string;
  fileName: string;
  sha256: string;
  sheet: string;
  importedAt: string;
  layout: string;
  note: string | null;
}

export function insertSource(db: Store, s: SourceRow): number {
  return Number(
    db
      .prepare("INSERT INTO source (kind, title, file_name, sha256, sheet, imported_at, layout, note) VALUES ('file', ?, ?, ?, ?, ?, ?, ?)")
      .run(s.title, s.fileName, s.sha256, s.sheet, s.importedAt, s.layout, s.note).lastInsertRowid,
  );
}

export function finishSource(
  db: Store,
  id: number,
  f: { rowsRead: number; observations: number; mappingName: string | null; mappingJson: string; reportJson: string; supersedes: number | null },
): void {
  db.prepare(
    'UPDATE source SET rows_read = ?, observations_written = ?, mapping_name = ?, mapping_json = ?, report_json = ?, supersedes_source_id = ? WHERE id = ?',
  ).run(f.rowsRead, f.observations, f.mappingName, f.mappingJson, f.reportJson, f.supersedes, id);
}

/** Save a mapping under its name (replacing the recipe of one with that name). */
export function saveMapping(db: Store, m: { name: string; signature: string; recipeJson: string; now: string }): void {
  db.prepare(
    `INSERT INTO mapping (name, signature, recipe_json, created_at, updated_at, last_used_at) VALUES (@name, @signature, @recipeJson, @now, @now, @now)
     ON CONFLICT (name) DO UPDATE SET signature = excluded.signature, recipe_json = excluded.recipe_json, updated_at = excluded.updated_at, last_used_at = excluded.last_used_at`,
  ).run(m);
}

export function mappingNameTaken(db: Store, name: string): boolean {
  return db.prepare('SELECT 1 FROM mapping WHERE name = ?').pluck().get(name) !== undefined;
}
