import { z } from 'zod';

/**
 * Error codes that cross the boundary between main and renderer (and the CLI's exit codes).
 * Each code has its Dutch text in one place (shared/domain/format/messages.ts);
 * logs keep the English message and the stack.
 */
export const ErrorCode = z.enum([
  'INPUT_INVALID', // a call's arguments failed validation
  'OUTPUT_INVALID', // a service returned something that breaks the contract (a bug)
  'UNKNOWN_CALL',
  'NOT_FOUND',
  'FILE_UNREADABLE',
  'FILE_TOO_LARGE',
  'FILE_NOT_SPREADSHEET',
  'CELL_INVALID',
  'AREA_UNKNOWN',
  'IMPORT_FAILED',
  'SCENARIO_INVALID',
  'FILE_UNWRITABLE', // an export could not be written where asked
  'EXPORT_EMPTY', // a briefing table without rows or columns
  'STORE_NEWER_THAN_APP',
  'STORE_CORRUPT',
  'MIGRATION_FAILED',
  'CANCELLED',
  'UNAUTHORIZED',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Where in a file a problem sits, so the analyst can find and fix it. */
export const ErrorWhere = z.object({
  file: z.string().optional(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  cell: z.string().optional(),
});
export type ErrorWhere = z.infer<typeof ErrorWhere>;

export const Failure = z.object({
  ok: z.literal(false),
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    where: ErrorWhere.optional(),
    details: z.array(z.string()).optional(),
  }),
});
export type Failure = z.infer<typeof Failure>;

/** Throw this for anything the analyst can fix or should know about; say where when you can. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly where?: ErrorWhere,
    readonly details?: string[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** Reduce any thrown value to the wire shape. Non-AppErrors become INTERNAL without their stack. */
export function toFailure(err: unknown): Failure {
  if (err instanceof AppError) {
    return {
      ok: false,
      error: {
        code: err.code,
        message: err.message,
        ...(err.where ? { where: err.where } : {}),
        ...(err.details ? { details: err.details } : {}),
      },
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, error: { code: 'INTERNAL', message } };
}
