import { ERROR_TEXT, whereText } from '../../shared/domain/format/messages';
import { CallError } from '../api/client';

export { whereText };

/** Dutch title (shared/domain/format/messages.ts) plus the service's detail (file, sheet, cell), never a stack trace. */
export function errorText(err: unknown): { title: string; detail: string } {
  if (err instanceof CallError) {
    const where = whereText(err.failure.where);
    return { title: ERROR_TEXT[err.failure.code], detail: [err.failure.message, where && `(${where})`].filter(Boolean).join(' ') };
  }
  return { title: ERROR_TEXT.INTERNAL, detail: err instanceof Error ? err.message : String(err) };
}
