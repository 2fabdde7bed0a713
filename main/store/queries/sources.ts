import type { Store } from '../store-types';
import type { MappingSummary, SourceFigure, SourceSummary } from '../../../shared/contract/import';
import { FIGURE_SELECT, figureOf, type FigureRow } from './observations';
import { inSourceRow, ofSource } from './source-extent';

/** Sources (imported files, cited documents), their figures, and saved mappings, for the Bronnen screen and the CLI. */
interface SourceRow {
  id: number;
  kind: SourceSummary['kind'];
  title: string;
  file_name: string | null;
  sheet: string | null;
  sha256: string | null;
  layout: string | null;
  mapping_name: string | null;
  imported_at: string;
  rows_read: number | null;
  observations_written: number | null;
  supersedes_source_id: number | null;
  note: string | null;
  publisher: string | null;
  url: string | null;
  report_json: string | null;
  mapping_json: string | null;
  current: number;
  superseded: number;
}

const SOURCE_SELECT = `
  SELECT s.id, s.kind, s.title, s.file_name, s.sheet, s.sha256, s.layout, s.mapping_name, s.imported_at, s.rows_read,
         s.observations_written, s.supersedes_source_id, s.note, s.publisher, s.url, s.report_json, s.mapping_json,
         (SELECT count(*) FROM observation o WHERE ${inSourceRow()} AND o.superseded_by IS NULL) AS current,
         (SELECT count(*) FROM observation o WHERE ${inSourceRow()} AND o.superseded_by IS NOT NULL) AS superseded
  FROM source s`;

function reportNumber(report: Record<string, unknown> | null, key: string): number | null {
  const v = report?.[key];
  return typeof v === 'number' ? v : null;
}

function summary(r: SourceRow): SourceSummary {
  const report = r.report_json ? (JSON.parse(r.report_json) as Record<string, unknown>) : null;
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    file: r.file_name,
    sheet: r.sheet,
    sha256: r.sha256,
    layout: r.layout,
    mappingName: r.mapping_name,
    importedAt: r.imported_at,
    rowsRead: r.rows_read,
    observationsWritten: r.observations_written,
    current: r.current,
    superseded: r.superseded,
    supersedesSourceId: r.supersedes_source_id,
    areasCreated: reportNumber(report, 'areasCreated'),
    indicatorsNew: reportNumber(report, 'indicatorsNew'),
    issues: Array.isArray(report?.issues) ? (report.issues as unknown[]).length : null,
    note: r.note,
    publisher: r.publisher,
    url: r.url,
  };
}

/** Newest first: an analyst looks for what they just imported. */
export function listSources(db: Store): SourceSummary[] {
  return (db.prepare(`${SOURCE_SELECT} ORDER BY s.imported_at DESC, s.id DESC`).all() as SourceRow[]).map(summary);
}

export function findSource(db: Store, id: number): { summary: SourceSummary; reportJson: string | null; mappingJson: string | null } | undefined {
  const row = db.prepare(`${SOURCE_SELECT} WHERE s.id = ?`).get(id) as SourceRow | undefined;
  return row ? { summary: summary(row), reportJson: row.report_json, mappingJson: row.mapping_json } : undefined;
}

/** A source's figures in the order they stood in the file (current and superseded), a page at a time. */
export function sourceFigures(db: Store, sourceId: number, limit: number, offset: number): SourceFigure[] {
  const rows = db.prepare(`${FIGURE_SELECT} WHERE ${ofSource('@source')} ORDER BY o.id LIMIT @limit OFFSET @offset`).all({ source: sourceId, limit, offset }) as FigureRow[];
  return rows.map((r) => ({ ...figureOf(r), breakdown: r.breakdown }));
}

export function countSourceFigures(db: Store, sourceId: number): number {
  return db.prepare(`SELECT count(*) FROM observation o WHERE ${ofSource('@source')}`).pluck().get({ source: sourceId }) as number;
}

export function listMappings(db: Store): MappingSummary[] {
  const rows = db.prepare('SELECT name, signature, recipe_json, created_at, updated_at, last_used_at FROM mapping ORDER BY name').all() as {
    name: string;
    signature: string;
    recipe_json: string;
    created_at: string;
    updated_at: string;
    last_used_at: string | null;
  }[];
  return rows.map((r) => {
    const recipe = JSON.parse(r.recipe_json) as { layout?: MappingSummary['layout']; measures?: unknown[] };
    return {
      name: r.name,
      signature: r.signature,
      layout: recipe.layout ?? 'wide',
      measures: recipe.measures?.length ?? 0,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      lastUsedAt: r.last_used_at,
    };
  });
}
