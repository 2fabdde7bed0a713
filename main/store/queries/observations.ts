import type { Store } from '../store-types';
import type { Observation } from '../../../shared/contract/model';
import { ofSource } from './source-extent';

export interface ObservationFilter {
  areaCode?: string | undefined;
  indicatorCode?: string | undefined;
  sourceId?: number | undefined;
  includeSuperseded?: boolean | undefined;
}

/** A figure with its area, indicator and source, as every listing of figures selects it. */
export interface FigureRow {
  id: number;
  area_code: string;
  area_name: string;
  indicator_code: string;
  indicator_name: string;
  unit: string;
  period: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Observation['qualifier'];
  sign: Observation['sign'];
  superseded_by: number | null;
  raw: string | null;
  cell: string | null;
  breakdown: string | null;
  source_id: number;
  source_kind: Observation['source']['kind'];
  source_title: string;
  file_name: string | null;
  sheet: string | null;
  imported_at: string;
}

/** SELECT … FROM the figures with what they point to, for a WHERE and ORDER BY to follow. */
export const FIGURE_SELECT = `
  SELECT o.id, a.code AS area_code, a.name AS area_name, i.code AS indicator_code, i.name AS indicator_name,
         i.unit, o.period, o.value, o.low, o.high, o.qualifier, o.sign, o.superseded_by, o.raw, o.cell, o.breakdown,
         s.id AS source_id, s.kind AS source_kind, s.title AS source_title, s.file_name, s.sheet, s.imported_at
  FROM observation o
  JOIN area a ON a.id = o.area_id
  JOIN indicator i ON i.id = o.indicator_id
  JOIN source s ON s.id = o.source_id`;

/** A figure row as the contract gives it: the value, its sign and qualifier, and where it came from. */
export function figureOf(r: FigureRow): Observation {
  return {
    id: r.id,
    areaCode: r.area_code,
    areaName: r.area_name,
    indicatorCode: r.indicator_code,
    indicatorName: r.indicator_name,
    unit: r.unit,
    period: r.period,
    value: r.value,
    low: r.low,
    high: r.high,
    qualifier: r.qualifier,
    sign: r.sign,
    superseded: r.superseded_by !== null,
    source: { id: r.source_id, kind: r.source_kind, title: r.source_title, file: r.file_name, sheet: r.sheet, cell: r.cell, raw: r.raw, importedAt: r.imported_at },
  };
}

/** Figures with their provenance. Current figures only, unless asked for the history. */
export function listObservations(db: Store, f: ObservationFilter): Observation[] {
  // One source's figures are its id range (source-extent), a condition SQLite can only plan as
  // such when it is not behind an OR.
  const ofOneSource = f.sourceId === undefined ? '' : `AND ${ofSource('@source')}`;
  const rows = db
    .prepare(
      `${FIGURE_SELECT}
       WHERE (@area IS NULL OR a.code = @area)
         AND (@indicator IS NULL OR i.code = @indicator)
         ${ofOneSource}
         AND (@history = 1 OR o.superseded_by IS NULL)
       ORDER BY a.code, i.theme, i.code, o.year_start, o.id`,
    )
    .all({
      area: f.areaCode ?? null,
      indicator: f.indicatorCode ?? null,
      ...(f.sourceId === undefined ? {} : { source: f.sourceId }),
      history: f.includeSuperseded ? 1 : 0,
    }) as FigureRow[];
  return rows.map(figureOf);
}
