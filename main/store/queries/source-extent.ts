import type { Store } from '../store-types';

/**
 * Where a source's figures lie (migration 0006): the range of observation ids from its first
 * figure to its last. Whatever writes figures widens its source's range in the same transaction;
 * whatever reads "the figures of source S" walks that range as rowids and keeps the rows whose
 * source_id is S (the range may hold other sources' figures, never too few of S's).
 */
export function widenSourceExtent(db: Store, sourceId: number, firstId: number, lastId: number): void {
  db.prepare(
    `UPDATE source SET first_observation_id = min(coalesce(first_observation_id, @first), @first),
                       last_observation_id = max(coalesce(last_observation_id, @last), @last)
     WHERE id = @source`,
  ).run({ source: sourceId, first: firstId, last: lastId });
}

/** The highest observation id in the store (0 when it has none): figures written after it get higher ids. */
export function lastObservationId(db: Store): number {
  return (db.prepare('SELECT max(id) FROM observation').pluck().get() as number | null) ?? 0;
}

/**
 * Records the range of the figures a writer added since `before` (lastObservationId when it
 * started): SQLite gives a new row the id above the highest, and the writer's transaction is the
 * only one writing, so they are exactly the rows above `before`. Two seeks, no scan.
 */
export function recordWrittenExtent(db: Store, sourceId: number, before: number): void {
  const first = db.prepare('SELECT min(id) FROM observation WHERE id > ?').pluck().get(before) as number | null;
  if (first === null) return;
  widenSourceExtent(db, sourceId, first, lastObservationId(db));
}

/**
 * SQL that keeps the figures (alias `figure`) of the source row aliased `source` (joined, or of an
 * outer query). SQLite plans it as a rowid range: no index needed.
 */
export function inSourceRow(figure = 'o', source = 's'): string {
  return `${figure}.id BETWEEN ${source}.first_observation_id AND ${source}.last_observation_id AND ${figure}.source_id = ${source}.id`;
}

/** The same for a source id bound as a parameter (`param`: '?', '@source'; a named one can repeat, so prefer it). */
export function ofSource(param: string): string {
  return `o.id BETWEEN (SELECT first_observation_id FROM source WHERE id = ${param})
             AND (SELECT last_observation_id FROM source WHERE id = ${param})
           AND o.source_id = ${param}`;
}
