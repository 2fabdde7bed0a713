import { createHash } from 'node:crypto';
import type { Services } from '../../../main/app/services';
import { ImportReport, type CommitRequest, type ImportPreview, type ImportRequest } from '../../../shared/contract/import';
import type { JobStatus } from '../../../shared/contract/jobs';
import type { Failure } from '../../../shared/errors';

/** Shared by the import commit tests: preview, commit (the job, waited for), and a fingerprint of the store. */
export async function preview(s: Services, req: ImportRequest): Promise<ImportPreview> {
  const env = await s.call('import.preview', req);
  if (!env.ok) throw new Error(`import.preview failed: ${env.error.code} ${env.error.message}`);
  return env.value as ImportPreview;
}

export async function commitJob(s: Services, req: CommitRequest): Promise<JobStatus> {
  const env = await s.call('import.commit', req);
  if (!env.ok) throw new Error(`import.commit failed: ${env.error.code} ${env.error.message}`);
  return s.ctx.jobs.wait((env.value as { jobId: string }).jobId);
}

/** Commit and expect the job to finish: the report. */
export async function commit(s: Services, req: CommitRequest): Promise<ImportReport> {
  const status = await commitJob(s, req);
  if (status.state !== 'done') throw new Error(`import.commit job ${status.state}: ${status.error?.code} ${status.error?.message}`);
  return ImportReport.parse(status.result);
}

export async function commitFails(s: Services, req: CommitRequest): Promise<Failure['error'] & { state: string }> {
  const status = await commitJob(s, req);
  if (status.state === 'done') throw new Error('import.commit unexpectedly succeeded');
  return { ...(status.error as Failure['error']), state: status.state };
}

const TABLES = ['source', 'area', 'area_alias', 'area_member', 'indicator', 'observation', 'mapping'];

/** Row counts and a hash of every row of the tables an import writes: equal fingerprints, equal stores. */
export function fingerprint(s: Services): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const rows = s.ctx.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).raw().all();
    out[t] = `${rows.length}:${createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16)}`;
  }
  return out;
}

export interface StoredFigure {
  area: string;
  indicator: string;
  period: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: string | null;
  sign: string | null;
  raw: string | null;
  cell: string | null;
  breakdown: string | null;
  superseded: boolean;
}

/** Every figure of a source, straight from the store. */
export function storedFigures(s: Services, sourceId: number): StoredFigure[] {
  return (
    s.ctx.db
      .prepare(
        `SELECT a.code AS area, i.code AS indicator, o.period, o.value, o.low, o.high, o.qualifier, o.sign, o.raw, o.cell, o.breakdown, o.superseded_by IS NOT NULL AS superseded
         FROM observation o JOIN area a ON a.id = o.area_id JOIN indicator i ON i.id = o.indicator_id WHERE o.source_id = ? ORDER BY o.id`,
      )
      .all(sourceId) as (Omit<StoredFigure, 'superseded'> & { superseded: number })[]
  ).map((f) => ({ ...f, superseded: f.superseded === 1 }));
}

/**
 * The rule the store's readers rely on (source-extent): every figure of a source lies in its id
 * range. Checked the slow way, every figure against its source's range.
 */
export function expectSourceExtentsCover(s: Services): void {
  const outside = s.ctx.db
    .prepare(
      `SELECT o.id, o.source_id, s.first_observation_id, s.last_observation_id FROM observation o JOIN source s ON s.id = o.source_id
       WHERE s.first_observation_id IS NULL OR o.id NOT BETWEEN s.first_observation_id AND s.last_observation_id LIMIT 5`,
    )
    .all();
  if (outside.length > 0) throw new Error(`figures outside their source's id range: ${JSON.stringify(outside)}`);
}

export function figureAtCell(s: Services, sourceId: number, cell: string): StoredFigure {
  const found = storedFigures(s, sourceId).filter((f) => f.cell === cell);
  if (found.length !== 1) throw new Error(`expected one figure from ${cell} of source ${sourceId}, found ${found.length}`);
  return found[0] as StoredFigure;
}

export const kinds = (issues: ReadonlyArray<{ kind: string; cell?: string | undefined }>, kind: string): (string | undefined)[] =>
  issues.filter((p) => p.kind === kind).map((p) => p.cell);
