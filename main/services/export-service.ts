import type { ExportFormat, ExportPreview, ExportWritten, SavedBriefing } from '../../shared/contract/export';
import { AppError } from '../../shared/errors';
import { BriefingSpec, applyLayout, layoutBriefing, type BriefingLayout, type BriefingSource } from '../../shared/domain/briefing';
import { MIME, renderExport, safeFileName, writeExportFile } from '../export/files';
import type { OriginTable } from '../export/origins/common';
import { figuresTable } from '../export/origins/figures';
import { programmeTable } from '../export/origins/programme';
import { scenarioTable } from '../export/origins/scenario';
import { viewTable } from '../export/origins/view';
import { deleteBriefing, findBriefing, listBriefings, upsertBriefing, type StoredBriefing } from '../store/queries/briefings';
import type { ServiceContext } from './context';
import type { Handlers } from './handler-types';

/**
 * Briefing export (issue 14). Every output is built the same way: origin → whole table → the
 * analyst's layout → laid out once → drawn as .xlsx, CSV or HTML. The store is only read, except
 * for saving a briefing by name.
 */

type ExportCall = 'export.preview' | 'export.write' | 'export.file' | 'export.saveAs' | 'briefings.save' | 'briefings.list' | 'briefings.get' | 'briefings.delete';

async function originTable(ctx: ServiceContext, spec: BriefingSpec): Promise<OriginTable> {
  switch (spec.origin.kind) {
    case 'programme':
      return programmeTable(ctx.db);
    case 'scenario':
      return scenarioTable(ctx.db, spec.origin);
    case 'view':
      return viewTable(ctx, spec.origin.view);
    case 'figures':
      return figuresTable(ctx.db, spec.origin.areas, spec.origin.indicators, spec.origin.period);
  }
}

/** Build the table a spec describes; an empty table is an error the analyst can fix. */
export async function buildPreview(ctx: ServiceContext, spec: BriefingSpec): Promise<ExportPreview> {
  const origin = await originTable(ctx, spec);
  const available = {
    columns: origin.table.columns.map((c) => ({ id: c.id, label: c.label })),
    rows: origin.table.rows.map((r) => ({ id: r.id, label: r.label, kind: r.kind })),
  };
  const table = applyLayout(origin.table, spec.layout);
  if (table.columns.length === 0 || !table.rows.some((r) => r.kind === 'data')) {
    throw new AppError('EXPORT_EMPTY', `The table from ${origin.origin} is empty: ${table.columns.length} columns and ${table.rows.filter((r) => r.kind === 'data').length} rows with figures.`);
  }
  const layout = layoutBriefing(table);
  const cited = new Set(layout.sourceKeys);
  const sources = table.sources.filter((s) => cited.has(s.key));
  return {
    table,
    layout,
    available,
    sources,
    origin: origin.origin,
    notes: origin.notes,
    suggestedName: safeFileName(layout.title, 'xlsx').replace(/\.xlsx$/, ''),
  };
}

async function render(ctx: ServiceContext, preview: ExportPreview, format: ExportFormat): Promise<Buffer> {
  return renderExport(format, preview.layout, preview.sources, { appVersion: ctx.appVersion, createdAt: new Date(), origin: preview.origin, notes: preview.notes });
}

const dataRows = (l: BriefingLayout): number => l.rows.filter((r) => r.kind !== 'group').length;
const cite = (sources: BriefingSource[]): string[] => sources.map((s) => s.title);

async function write(ctx: ServiceContext, spec: BriefingSpec, format: ExportFormat, file: string): Promise<ExportWritten> {
  const preview = await buildPreview(ctx, spec);
  const written = writeExportFile(file, await render(ctx, preview, format));
  return { file: written, format, rows: dataRows(preview.layout), columns: preview.layout.columns.length + 1, sources: cite(preview.sources) };
}

function savedOf(b: StoredBriefing): SavedBriefing {
  const spec = BriefingSpec.safeParse(b.spec);
  if (!spec.success) throw new AppError('INPUT_INVALID', `Saved briefing "${b.name}" cannot be read: ${spec.error.issues[0]?.message ?? 'invalid'}.`);
  return { name: b.name, spec: spec.data, createdAt: b.createdAt, updatedAt: b.updatedAt };
}

function mustFind(ctx: ServiceContext, name: string): StoredBriefing {
  const b = findBriefing(ctx.db, name);
  if (!b) throw new AppError('NOT_FOUND', `No saved briefing called "${name}".`);
  return b;
}

export const exportHandlers: Handlers<ExportCall> = {
  'export.preview': (input, ctx) => buildPreview(ctx, input),

  // A path on this computer: only the CLI names one. The desktop app asks with a save dialog
  // (export.saveAs), the web shell downloads (export.file), so a page can never pick a path.
  'export.write': async (input, ctx) => {
    if (ctx.shell !== 'cli') throw new AppError('UNAUTHORIZED', 'export.write takes a path and is for the command line; the app saves through a dialog or a download.');
    return write(ctx, input.spec, input.format, input.path);
  },

  'export.file': async (input, ctx) => {
    const preview = await buildPreview(ctx, input.spec);
    const bytes = await render(ctx, preview, input.format);
    return {
      fileName: safeFileName(preview.suggestedName, input.format),
      mime: MIME[input.format],
      base64: bytes.toString('base64'),
      rows: dataRows(preview.layout),
      columns: preview.layout.columns.length + 1,
      sources: cite(preview.sources),
    };
  },

  'export.saveAs': async (input, ctx) => {
    if (!ctx.saveDialog) throw new AppError('UNAUTHORIZED', 'A save dialog is only available in the desktop app; the web shell downloads the file (export.file).');
    const preview = await buildPreview(ctx, input.spec);
    const file = await ctx.saveDialog(safeFileName(preview.suggestedName, input.format), input.format);
    if (file === null) return { written: null };
    return { written: await write(ctx, input.spec, input.format, file) };
  },

  'briefings.save': (input, ctx) =>
    ctx.db.transaction(() => {
      if (!input.replace && findBriefing(ctx.db, input.name)) {
        throw new AppError('INPUT_INVALID', `A briefing called "${input.name}" already exists; replace it or choose another name.`);
      }
      upsertBriefing(ctx.db, input.name, input.spec, new Date().toISOString());
      return savedOf(mustFind(ctx, input.name));
    }).immediate(),

  'briefings.list': (_input, ctx) => listBriefings(ctx.db).map(savedOf),
  'briefings.get': (input, ctx) => savedOf(mustFind(ctx, input.name)),
  'briefings.delete': (input, ctx) => {
    if (!deleteBriefing(ctx.db, input.name)) throw new AppError('NOT_FOUND', `No saved briefing called "${input.name}".`);
    return { name: input.name, deleted: true as const };
  },
};
