import type { Store } from '../store-types';
import type { Indicator } from '../../../shared/contract/model';

interface IndicatorRow {
  code: string;
  name: string;
  theme: Indicator['theme'];
  unit: string;
  aggregation: Indicator['aggregation'];
  weight_indicator_code: string | null;
  direction: Indicator['direction'];
  definition: string | null;
  needs_review: 0 | 1;
}

export function listIndicators(db: Store, theme?: Indicator['theme']): Indicator[] {
  const rows = db
    .prepare(
      `SELECT code, name, theme, unit, aggregation, weight_indicator_code, direction, definition, needs_review
       FROM indicator WHERE (@theme IS NULL OR theme = @theme) ORDER BY theme, code`,
    )
    .all({ theme: theme ?? null }) as IndicatorRow[];
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    theme: r.theme,
    unit: r.unit,
    aggregation: r.aggregation,
    weightIndicatorCode: r.weight_indicator_code,
    direction: r.direction,
    definition: r.definition,
    needsReview: r.needs_review === 1,
  }));
}
