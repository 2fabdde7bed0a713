import type Database from 'better-sqlite3';
import type { Store } from '../open-store';

/**
 * The writes of one import, as prepared statements on the import's own connection. The caller
 * holds the transaction; nothing here commits. Figures are staged in a TEMP table without
 * constraints or indexes (a multi-row INSERT of OBS_BATCH rows at a time) and moved into
 * `observation` by one INSERT … SELECT every STAGE_ROWS rows: on a national CBS workbook (two
 * million figures) that halves the cost of inserting them one statement at a time, where binding
 * and per-row bookkeeping cost more than the insert itself.
 */
export interface ObservationRow {
  areaId: number;
  indicatorId: number;
  period: string;
  yearStart: number;
  yearEnd: number;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: string | null;
  sign: string | null;
  raw: string;
  cell: string;
  breakdown: string | null;
}

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

const OBS_COLUMNS = 'area_id, indicator_id, period, year_start, year_end, value, low, high, qualifier, sign, raw, cell, breakdown';
const OBS_ONE = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
/** Most figures are a value or sign in the file's one period: they are staged with half the parameters. */
const NARROW_COLUMNS = 'area_id, indicator_id, value, sign, raw, cell';
const NARROW_ONE = '(?, ?, ?, ?, ?, ?)';
const OBS_BATCH = 64;
const STAGE_ROWS = 16_384;

export class ImportWrites {
  private readonly stmt: Record<string, Database.Statement>;
  private readonly batch: Database.Statement;
  private readonly single: Database.Statement;
  private readonly narrowBatch: Database.Statement;
  private readonly narrowSingle: Database.Statement;
  private readonly move: Database.Statement;
  private readonly clear: Database.Statement;
  private pending: unknown[] = [];
  private pendingRows = 0;
  private pendingNarrow = false;
  private staged = 0;
  /** The period a narrow row stands for: the first figure's. */
  private period: { period: string; yearStart: number; yearEnd: number } | null = null;
  /** Figures moved into `observation` so far. */
  written = 0;

  constructor(
    private readonly db: Store,
    private readonly sourceId: number,
    private readonly createdAt: string,
  ) {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS import_stage (${OBS_COLUMNS})`);
    db.exec('DELETE FROM temp.import_stage');
    this.batch = db.prepare(`INSERT INTO temp.import_stage (${OBS_COLUMNS}) VALUES ${Array(OBS_BATCH).fill(OBS_ONE).join(', ')}`);
    this.single = db.prepare(`INSERT INTO temp.import_stage (${OBS_COLUMNS}) VALUES ${OBS_ONE}`);
    this.narrowBatch = db.prepare(`INSERT INTO temp.import_stage (${NARROW_COLUMNS}) VALUES ${Array(OBS_BATCH).fill(NARROW_ONE).join(', ')}`);
    this.narrowSingle = db.prepare(`INSERT INTO temp.import_stage (${NARROW_COLUMNS}) VALUES ${NARROW_ONE}`);
    // File order is kept: a source's figures are listed by id, as they stood in the file.
    this.move = db.prepare(
      `INSERT INTO observation (${OBS_COLUMNS}, source_id, created_at)
       SELECT area_id, indicator_id, coalesce(period, @period), coalesce(year_start, @yearStart), coalesce(year_end, @yearEnd),
              value, low, high, qualifier, sign, raw, cell, breakdown, @source, @created
       FROM temp.import_stage ORDER BY rowid`,
    );
    this.clear = db.prepare('DELETE FROM temp.import_stage');
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
    this.period ??= { period: o.period, yearStart: o.yearStart, yearEnd: o.yearEnd };
    const narrow = o.period === this.period.period && o.low === null && o.high === null && o.qualifier === null && o.breakdown === null;
    // Rows go into the stage in file order: switching between the two forms sends what is pending first.
    if (narrow !== this.pendingNarrow && this.pendingRows > 0) this.stagePending();
    this.pendingNarrow = narrow;
    if (narrow) this.pending.push(o.areaId, o.indicatorId, o.value, o.sign, o.raw, o.cell);
    else this.pending.push(o.areaId, o.indicatorId, o.period, o.yearStart, o.yearEnd, o.value, o.low, o.high, o.qualifier, o.sign, o.raw, o.cell, o.breakdown);
    if (++this.pendingRows === OBS_BATCH) {
      (narrow ? this.narrowBatch : this.batch).run(this.pending);
      this.pending = [];
      this.pendingRows = 0;
      this.staged += OBS_BATCH;
      if (this.staged >= STAGE_ROWS) this.moveStaged();
    }
  }

  /** Stage what is pending, row by row (fewer than a batch). */
  private stagePending(): void {
    const width = this.pending.length / this.pendingRows;
    const one = this.pendingNarrow ? this.narrowSingle : this.single;
    for (let i = 0; i < this.pendingRows; i++) one.run(this.pending.slice(i * width, (i + 1) * width));
    this.staged += this.pendingRows;
    this.pending = [];
    this.pendingRows = 0;
  }

  private moveStaged(): void {
    const p = this.period ?? { period: '', yearStart: 0, yearEnd: 0 };
    this.written += this.move.run({ ...p, source: this.sourceId, created: this.createdAt }).changes;
    this.clear.run();
    this.staged = 0;
  }

  /** Everything added so far is in `observation`. */
  flush(): void {
    if (this.pendingRows > 0) this.stagePending();
    if (this.staged > 0) this.moveStaged();
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
         FROM observation AS n
         WHERE n.source_id = ? AND o.source_id IN (${placeholders}) AND o.superseded_by IS NULL
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
