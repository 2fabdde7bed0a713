import type { PeriodRange } from '../../../shared/domain/period';
import type { Store } from '../store-types';
import { inSourceRow } from './source-extent';

/**
 * The periods a source has figures for (`source_period`, migration 0005): a few rows a source,
 * written by whatever writes the figures — in the same transaction — so the status line's latest
 * period never has to look through the figures themselves.
 */
export function recordSourcePeriods(db: Store, sourceId: number, periods: Iterable<PeriodRange>): void {
  const insert = db.prepare('INSERT OR IGNORE INTO source_period (source_id, period, year_start, year_end) VALUES (?, ?, ?, ?)');
  for (const p of periods) insert.run(sourceId, p.period, p.yearStart, p.yearEnd);
}

/**
 * The latest period with a current figure: source_period walked from the latest period down (the
 * newest source first within a period), stopping at the first that still has a current figure in
 * that period. A figure is only superseded by a newer one of the same period, so the first
 * candidate almost always answers; none is ever skipped. A candidate's figures are looked for in
 * its source's id range (source-extent); NOT INDEXED keeps SQLite from building an automatic index
 * over every figure for the probe instead (it leaves rowid ranges allowed).
 */
export const LATEST_PERIOD_SQL = `
  SELECT sp.period FROM source_period sp JOIN source s ON s.id = sp.source_id
  WHERE EXISTS (SELECT 1 FROM observation o NOT INDEXED
                WHERE ${inSourceRow()} AND o.period = sp.period AND o.superseded_by IS NULL)
  ORDER BY sp.year_end DESC, sp.year_start DESC, sp.source_id DESC
  LIMIT 1`;

export function latestPeriod(db: Store): string | null {
  const row = db.prepare(LATEST_PERIOD_SQL).pluck().get();
  return (row as string | undefined) ?? null;
}
