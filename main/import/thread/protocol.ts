import { z } from 'zod';
import type { Failure } from '../../../shared/errors';
import type { Walked, WalkRequest } from './reader-walk';
import type { StepBatch } from './step-batch';

/**
 * What the import's thread (reader-thread) and the reading thread (xlsx-rows-worker) say to each
 * other. The reading thread runs in the app's job worker bundle as the job kind XLSX_ROWS_JOB
 * (registered with the import's jobs in main/jobs/import-jobs).
 */
export const XLSX_ROWS_JOB = 'import.xlsxRows';

/** Rows of the sheet, packed into typed arrays: a cell's text travels only when it is not a number. */
export interface RowBatch {
  type: 'rows';
  rows: Int32Array;
  counts: Int32Array;
  cols: Int32Array;
  nums: Float64Array;
  texts: string[];
}

/** With a walk: the reading thread also walks a wide sheet and sends the import's steps instead of its rows. */
export interface ReaderWalkInput {
  request: WalkRequest;
  /** The most cells the sheet may hold (the import's limit). */
  maxCells: number;
}

/** The job's input: the file, the sheet, the shared counter of batches in flight, and the walk if any. */
export const XlsxRowsInput = z.object({
  filePath: z.string(),
  pick: z.object({ name: z.string(), partNo: z.number().int().nullable() }),
  flow: z.custom<SharedArrayBuffer>((v) => v instanceof SharedArrayBuffer),
  walk: z.custom<ReaderWalkInput>((v) => typeof v === 'object' && v !== null && 'request' in v).nullable().default(null),
});
export type XlsxRowsInput = z.output<typeof XlsxRowsInput>;

export const XlsxRowsResult = z.object({ rows: z.number().int() });
export type XlsxRowsResult = z.output<typeof XlsxRowsResult>;

/** Every message the reading thread posts, in the order it posts them. */
export type ReaderMessage =
  | RowBatch
  | StepBatch
  | Walked
  | { type: 'head-end' }
  | { type: 'walking'; walking: boolean }
  | { type: 'done' }
  | { type: 'failed'; failure: Failure }
  | { type: 'progress' };
