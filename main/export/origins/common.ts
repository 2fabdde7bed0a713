import type { BriefingFigure, BriefingSource, BriefingTable } from '../../../shared/domain/briefing';
import type { Store } from '../../store/open-store';
import { sourcesByIds } from '../../store/queries/briefings';

/** What an origin gives the export: the whole table it offers, and how to describe it. */
export interface OriginTable {
  table: BriefingTable;
  /** "Programmacijfers", "Scenario 'X' (bedragen per gebied)", "Vergelijking 'Y'". */
  origin: string;
  notes: string[];
}

export const sourceKey = (id: number): string => `source:${id}`;

/** The store's sources behind figures, as the source line and the Verantwoording sheet cite them. */
export function storeSources(db: Store, ids: number[]): BriefingSource[] {
  return sourcesByIds(db, [...new Set(ids)]).map((s) => ({
    key: sourceKey(s.id),
    kind: s.kind,
    title: s.title,
    file: s.file_name,
    sheet: s.sheet,
    sha256: s.sha256,
    importedAt: s.imported_at,
    details: [],
    always: false,
  }));
}

/** "2023-2025" → "2023–2025". */
export const periodText = (p: string): string => p.replace(/^(\d{4})-(\d{4})$/, '$1–$2');

/**
 * A stored figure as a briefing cell's figure: its value, range, qualifier and CBS sign as stored,
 * the period said in the cell when it differs from the table's usual one, and its source.
 */
export function storedFigure(
  f: Pick<BriefingFigure, 'value' | 'low' | 'high' | 'qualifier' | 'sign' | 'unit' | 'period'> & { period: string },
  usualPeriod: string | null,
  sourceId: number,
): BriefingFigure {
  return {
    value: f.value,
    low: f.low,
    high: f.high,
    qualifier: f.qualifier,
    sign: f.sign,
    unit: f.unit,
    period: f.period,
    note: f.period !== usualPeriod ? periodText(f.period) : null,
    sources: [sourceKey(sourceId)],
  };
}
