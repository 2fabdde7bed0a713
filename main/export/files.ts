import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { renderCsv, renderHtmlDocument, type BriefingLayout, type BriefingSource } from '../../shared/domain/briefing';
import { renderXlsx, type XlsxMeta } from './xlsx';

export type ExportFormat = 'xlsx' | 'csv' | 'html';

export const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

const BOM = '\uFEFF';

/** The bytes of one export. Nothing here reads or writes the store. */
export async function renderExport(format: ExportFormat, layout: BriefingLayout, sources: BriefingSource[], meta: XlsxMeta): Promise<Buffer> {
  switch (format) {
    case 'xlsx':
      return renderXlsx(layout, sources, meta);
    case 'csv':
      return Buffer.from(BOM + renderCsv(layout), 'utf8');
    case 'html':
      return Buffer.from(renderHtmlDocument(layout), 'utf8');
  }
}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name safe on Windows, macOS and Linux: no path separators or characters Windows refuses,
 * no control characters, no leading dots or trailing dots/spaces, no reserved device names, ≤ 100
 * characters before the extension.
 */
export function safeFileName(base: string, format: ExportFormat): string {
  let name = base
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .slice(0, 100)
    .trim();
  if (name === '' || RESERVED.test(name)) name = `tabel${name ? `-${name}` : ''}`;
  return `${name}.${format}`;
}

/** The format a path asks for by its extension, if it is one of ours. */
export function formatOfPath(file: string): ExportFormat | null {
  const ext = path.extname(file).slice(1).toLowerCase();
  return ext === 'xlsx' || ext === 'csv' || ext === 'html' ? ext : ext === 'htm' ? 'html' : null;
}

/** Write next to the target and rename, so a failed write never leaves half a file under the name. */
export function writeExportFile(file: string, bytes: Buffer): string {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, bytes);
    renameSync(tmp, target);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was written there
    }
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new AppError('FILE_UNWRITABLE', `Cannot write ${target}: ${reason}.`, { file: target });
  }
  return target;
}
