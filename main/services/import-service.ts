import { ImportPreview, ImportReport } from '../../shared/contract/import';
import { Recipe } from '../../shared/contract/import-recipe';
import { AppError } from '../../shared/errors';
import { shippedCatalogue } from '../import/import-context';
import { storeIndicators } from '../store/queries/import-reads';
import { removeSource, sourceToRemove } from '../store/queries/source-remove';
import { countSourceFigures, findSource, listMappings, listSources, sourceFigures } from '../store/queries/sources';
import type { ServiceContext } from './context';
import type { Handlers } from './handler-types';

/**
 * Import, sources and mappings. The preview and the commit read files, which is long work: both
 * run as jobs (a worker thread under Electron and the web shell). The preview call waits for its
 * job and answers the preview; the commit call answers the job id at once, for the screen to poll.
 */
async function previewInJob(input: unknown, ctx: ServiceContext): Promise<ImportPreview> {
  const status = await ctx.jobs.wait(ctx.jobs.start('import.preview', input));
  if (status.state === 'done') return ImportPreview.parse(status.result);
  const e = status.error ?? { code: 'INTERNAL' as const, message: 'The preview stopped without an answer.' };
  throw new AppError(e.code, e.message, e.where, e.details);
}

const FIGURES_PAGE = 5000;

export const importHandlers: Handlers<'import.preview' | 'import.commit' | 'import.indicators' | 'sources.list' | 'sources.get' | 'sources.remove' | 'mappings.list'> = {
  'import.preview': (input, ctx) => previewInJob(input, ctx),
  'import.commit': (input, ctx) => ({ jobId: ctx.jobs.start('import.commit', input) }),
  'sources.list': (_input, ctx) => listSources(ctx.db),
  'sources.get': (input, ctx) => {
    const found = findSource(ctx.db, input.id);
    if (!found) throw new AppError('NOT_FOUND', `No source with id ${input.id}.`);
    const report = found.reportJson ? ImportReport.safeParse(JSON.parse(found.reportJson)) : null;
    const mapping = found.mappingJson ? Recipe.safeParse(JSON.parse(found.mappingJson)) : null;
    const offset = input.offset ?? 0;
    return {
      source: found.summary,
      report: report?.success ? report.data : null,
      mapping: mapping?.success ? mapping.data : null,
      figures: sourceFigures(ctx.db, input.id, input.limit ?? FIGURES_PAGE, offset),
      total: countSourceFigures(ctx.db, input.id),
      offset,
    };
  },
  'sources.remove': (input, ctx) => {
    const found = sourceToRemove(ctx.db, input.id);
    if (!found) throw new AppError('NOT_FOUND', `No source with id ${input.id}.`);
    if (found.kind !== 'file') throw new AppError('INPUT_INVALID', `Source ${input.id} (${found.title}) is a ${found.kind === 'seed' ? 'shipped data set' : 'cited document'}, not an imported file; only imported files can be removed.`);
    const counts = removeSource(ctx.db, input.id);
    return { sourceId: found.id, file: found.fileName, sheet: found.sheet, mappingName: found.mappingName, ...counts };
  },
  'mappings.list': (_input, ctx) => listMappings(ctx.db),
  'import.indicators': (_input, ctx) => {
    const stored = storeIndicators(ctx.db).filter((i) => !i.code.startsWith('nplv_'));
    const inStore = new Set(stored.map((i) => i.code));
    const shipped = shippedCatalogue().indicators.filter((i) => !inStore.has(i.code)).map((i) => ({ code: i.code, name: i.name, unit: i.unit, origin: 'catalogue' as const, needsReview: false }));
    const own = stored.map((i) => ({ code: i.code, name: i.name, unit: i.unit, origin: 'store' as const, needsReview: i.needs_review === 1 }));
    return [...own, ...shipped].sort((a, b) => a.code.localeCompare(b.code));
  },
};
