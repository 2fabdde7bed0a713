import type { Store } from '../store-types';
import { AppError } from '../../../shared/errors';
import { beginImmediate, IMPORT_WAIT_MS } from '../write-lock';

/**
 * Removing an imported file's source whole, in one transaction: its figures (current and those a
 * later import replaced), the periods it covers, the composition members it proposed, the areas it
 * created that nothing else uses; the earlier figures it replaced become current again (or stay
 * replaced by a later import's); a later revision no longer points to it. Indicators and saved
 * mappings stay (other files and views use them); the answer says how many of its indicators are
 * left without figures.
 */
export interface SourceRemovalRow {
  id: number;
  kind: 'file' | 'document' | 'seed';
  title: string;
  fileName: string | null;
  sheet: string | null;
  mappingName: string | null;
}

export interface SourceRemovalCounts {
  figures: number;
  current: number;
  superseded: number;
  restored: number;
  areasRemoved: number;
  areasKept: number;
  membersRemoved: number;
  indicatorsWithoutFigures: number;
}

export function sourceToRemove(db: Store, id: number): SourceRemovalRow | undefined {
  return db.prepare('SELECT id, kind, title, file_name AS fileName, sheet, mapping_name AS mappingName FROM source WHERE id = ?').get(id) as SourceRemovalRow | undefined;
}

const OF_SOURCE = 'source_id = @id AND id BETWEEN coalesce(@first, 0) AND coalesce(@last, -1)';

export function removeSource(db: Store, id: number): SourceRemovalCounts {
  // Row-by-row foreign-key checks would scan the figures once per deleted figure (nothing indexes
  // superseded_by): off for the transaction (SQLite switches them only outside one), and the
  // tables checked whole before the commit instead.
  db.pragma('foreign_keys = OFF');
  try {
    beginImmediate(db, IMPORT_WAIT_MS);
    try {
      const counts = removeInTransaction(db, id);
      const broken = ['observation', 'area', 'area_alias', 'area_member', 'source', 'source_period'].filter((t) => (db.pragma(`foreign_key_check(${t})`) as unknown[]).length > 0);
      if (broken.length > 0) throw new AppError('INTERNAL', `Source ${id} was not removed: rows in ${broken.join(', ')} would point to rows that no longer exist.`);
      db.exec('COMMIT');
      return counts;
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

function removeInTransaction(db: Store, id: number): SourceRemovalCounts {
  const extent = db.prepare('SELECT first_observation_id AS first, last_observation_id AS last FROM source WHERE id = ?').get(id) as { first: number | null; last: number | null };
  const p = { id, first: extent.first, last: extent.last };
  const counts = db.prepare(`SELECT count(*) AS figures, count(*) FILTER (WHERE superseded_by IS NULL) AS current FROM observation WHERE ${OF_SOURCE}`).get(p) as { figures: number; current: number };
  const indicators = db.prepare(`SELECT DISTINCT indicator_id FROM observation WHERE ${OF_SOURCE}`).pluck().all(p) as number[];
  // Figures this source replaced: replaced now by what replaced this source's figure, else current again.
  db.exec('CREATE TEMP TABLE IF NOT EXISTS removed_figure (id INTEGER PRIMARY KEY, superseded_by INTEGER)');
  db.exec('DELETE FROM temp.removed_figure');
  db.prepare(`INSERT INTO temp.removed_figure (id, superseded_by) SELECT id, superseded_by FROM observation WHERE ${OF_SOURCE}`).run(p);
  const restored = db
    .prepare('SELECT count(*) FROM observation o JOIN temp.removed_figure r ON r.id = o.superseded_by WHERE r.superseded_by IS NULL AND o.source_id <> ?')
    .pluck()
    .get(id) as number;
  db.prepare(
    `UPDATE observation SET superseded_by = (SELECT r.superseded_by FROM temp.removed_figure r WHERE r.id = observation.superseded_by)
     WHERE superseded_by IN (SELECT id FROM temp.removed_figure) AND source_id <> ?`,
  ).run(id);
  db.prepare(`DELETE FROM observation WHERE ${OF_SOURCE}`).run(p);
  db.exec('DELETE FROM temp.removed_figure');
  db.prepare('DELETE FROM source_period WHERE source_id = ?').run(id);
  const membersRemoved = db.prepare('DELETE FROM area_member WHERE source_id = ?').run(id).changes;
  // Areas this import created, leaves first (a buurt before its wijk), while nothing else uses them.
  let areasRemoved = 0;
  for (;;) {
    const removed = db
      .prepare(
        `DELETE FROM area WHERE source_id = @id
           AND NOT EXISTS (SELECT 1 FROM observation o WHERE o.area_id = area.id)
           AND NOT EXISTS (SELECT 1 FROM area c WHERE c.parent_id = area.id)
           AND NOT EXISTS (SELECT 1 FROM area_member m WHERE m.member_id = area.id OR m.focus_area_id = area.id)`,
      )
      .run({ id }).changes;
    if (removed === 0) break;
    areasRemoved += removed;
  }
  db.exec('DELETE FROM area_alias WHERE area_id NOT IN (SELECT id FROM area)');
  const areasKept = db.prepare('UPDATE area SET source_id = NULL WHERE source_id = ?').run(id).changes;
  // A later revision of this source now revises what this one revised.
  db.prepare('UPDATE source SET supersedes_source_id = (SELECT supersedes_source_id FROM source WHERE id = @id) WHERE supersedes_source_id = @id').run({ id });
  db.prepare('UPDATE area_member SET source_id = NULL WHERE source_id = ?').run(id);
  db.prepare('UPDATE funding_stream SET source_id = NULL WHERE source_id = ?').run(id);
  db.prepare('DELETE FROM source WHERE id = ?').run(id);
  // Current figures only: the partial index observation_current answers without a scan.
  const indicatorsWithoutFigures = indicators.filter((i) => db.prepare('SELECT 1 FROM observation WHERE indicator_id = ? AND superseded_by IS NULL LIMIT 1').get(i) === undefined).length;
  return { figures: counts.figures, current: counts.current, superseded: counts.figures - counts.current, restored, areasRemoved, areasKept, membersRemoved, indicatorsWithoutFigures };
}
