import type { Store } from '../store-types';
import type { Observation } from '../../../shared/contract/model';
import { FIGURE_SELECT, figureOf, type FigureRow } from './observations';

/**
 * One indicator's current figures for the areas on a map: the period asked, else each area's
 * latest. Driven from the area codes (the store indexes figures area first).
 */
export function figuresForAreas(db: Store, indicatorCode: string, codes: string[], period?: string): Observation[] {
  if (codes.length === 0) return [];
  const rows = db
    .prepare(
      `${FIGURE_SELECT}
       WHERE a.code IN (SELECT value FROM json_each(@codes)) AND i.code = @indicator
         AND o.superseded_by IS NULL AND (@period IS NULL OR o.period = @period)
       ORDER BY a.code, o.year_end DESC, o.year_start DESC, o.id DESC`,
    )
    .all({ codes: JSON.stringify(codes), indicator: indicatorCode, period: period ?? null }) as FigureRow[];
  const seen = new Set<string>();
  const out: Observation[] = [];
  for (const r of rows) {
    if (seen.has(r.area_code)) continue;
    seen.add(r.area_code);
    out.push(figureOf(r));
  }
  return out;
}
