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
  'STORE_BUSY', // another connection holds the write lock longer than we wait
  'MIGRATION_FAILED',
  'BACKUP_FAILED',
  'CANCELLED',
  'UNAUTHORIZED',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** How serious a problem in a file is: an error keeps the cell or row out; a warning and info do not. */
export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

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

/** Longest message, detail and list of details an error carries across the boundary. */
export const ERROR_LIMITS = { message: 1000, detail: 500, details: 50, where: 300 } as const;

/** Shorten a text that may quote hostile input (a 3 MB id, 20,000 unknown keys) to a readable size. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function clipWhere(where: ErrorWhere): ErrorWhere {
  return Object.fromEntries(Object.entries(where).map(([k, v]) => [k, typeof v === 'string' ? clip(v, ERROR_LIMITS.where) : v])) as ErrorWhere;
}

function clipDetails(details: string[]): string[] {
  const shown = details.slice(0, ERROR_LIMITS.details).map((d) => clip(d, ERROR_LIMITS.detail));
  return details.length > ERROR_LIMITS.details ? [...shown, `… and ${details.length - ERROR_LIMITS.details} more`] : shown;
}

/**
 * Reduce any thrown value to the wire shape. Non-AppErrors become INTERNAL without their stack.
 * Messages and details are clipped: an error may quote the input it refuses, and that input may
 * be megabytes (the contract fuzzing test sends such payloads to every call).
 */
export function toFailure(err: unknown): Failure {
  if (err instanceof AppError) {
    return {
      ok: false,
      error: {
        code: err.code,
        message: clip(err.message, ERROR_LIMITS.message),
        ...(err.where ? { where: clipWhere(err.where) } : {}),
        ...(err.details ? { details: clipDetails(err.details) } : {}),
      },
    };
  }
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
    // A write that waited its busy timeout for another writer (a long import in another window).
    return { ok: false, error: { code: 'STORE_BUSY', message: 'The store is busy: another program is writing to it. Nothing was changed; try again when it has finished.' } };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, error: { code: 'INTERNAL', message: clip(message, ERROR_LIMITS.message) } };
}
