import { ImportReport } from '../../shared/contract/import';
import { recipeFromPlan } from '../../shared/domain/import/apply-recipe';
import { blocksText, finishPreview, type PreparedImport } from '../../shared/domain/import/build-preview';
import type { Problem } from '../../shared/domain/import/preview-schema';
import { AppError } from '../../shared/errors';
import type { Store } from '../store/open-store';
import { earlierImports, findImportedFile } from '../store/queries/import-reads';
import { bulkLoadPays, checkBulkLoad, resumeRowChecks, setAsideIndexes, suspendRowChecks } from '../store/queries/bulk-load';
import { areaIdsByCode, beginImport, commitImportTransaction, hasWalFile, indicatorIdsByCode, rollbackImport } from '../store/queries/import-transaction';
import { finishSource, ImportWrites, insertSource, mappingNameTaken, saveMapping } from '../store/queries/import-writes';
import { loadImportContext, pipelineInput, readOptions, SHIPPED_CATALOGUE_SOURCE, type ImportContext } from './import-context';
import type { ParsedCommitRequest, ParsedImportRequest } from './import-requests';
import { closeSheet, openSheet, sheetCells, type OpenedSheet } from './walk/open-sheet';
import { runPipeline, type PipelineHooks } from './walk/run-pipeline';
import { WalFlusher } from '../store/wal-flusher';
import { ImportWriter } from './write/write-import';

/**
 * An import, end to end, on the connection it is given (a job opens its own): read the file,
 * recognise it if it is already in, detect, walk and write in ONE transaction, supersede what the
 * file revises, save the mapping. Any error or a cancel rolls the transaction back: the store is
 * exactly as it was. Nothing is committed when nothing could be written.
 */
export interface CommitControl {
  progress: (phase: string, done: number, total: number | null) => void;
  isCancelled: () => boolean;
  cancelled: () => Error;
}

const ISSUE_CAP = 1000;

function hooks(control: Pick<CommitControl, 'progress' | 'isCancelled' | 'cancelled'>, phase: string): Pick<PipelineHooks, 'progress' | 'checkpoint'> {
  return {
    progress: (done, total) => control.progress(phase, done, total),
    checkpoint: () => {
      if (control.isCancelled()) throw control.cancelled();
    },
  };
}

/** The preview of a file: the same walk as a commit, writing nothing. */
export async function previewImport(req: ParsedImportRequest, ctx: ImportContext, control: Pick<CommitControl, 'progress' | 'isCancelled' | 'cancelled'>) {
  const opened = await openSheet(req.filePath, readOptions(req));
  try {
    const { prepared, grid, findings } = await runPipeline(opened, pipelineInput(req, ctx), hooks(control, 'lezen'));
    return finishPreview(prepared, grid, findings);
  } finally {
    closeSheet(opened);
  }
}

/** A mapping name from the file name: "kwb-2024.xlsx" → "kwb", unique among the saved ones. */
function defaultMappingName(db: Store, opened: OpenedSheet): string {
  const stem = opened.file.name
    .replace(/\.[A-Za-z0-9]+$/, '')
    .replace(/(?<!\d)(19|20)\d{2}(?!\d)|\d{6,}/g, ' ')
    .replace(/[\s_-]+$/g, '')
    .replace(/^[\s_-]+/g, '')
    .replace(/[\s_-]{2,}/g, (m) => m[0] ?? ' ')
    .trim();
  const base = (opened.sheetNames.length > 1 ? `${stem || opened.file.name} (${opened.sheet})` : stem || opened.file.name).slice(0, 90);
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} ${n}`;
    if (name !== 'auto' && name !== 'none' && !mappingNameTaken(db, name)) return name;
  }
}

function issueCounts(issues: readonly Problem[], counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = { ...counts };
  for (const i of issues) if (!(i.kind in counts)) out[i.kind] = (out[i.kind] ?? 0) + 1;
  return out;
}

function emptyReport(opened: OpenedSheet, layout: ImportReport['layout'], started: number): ImportReport {
  return {
    committed: false, recognised: false, sourceId: null, file: opened.file.name, sha256: opened.file.sha256, sheet: opened.sheet, layout, headerRows: [],
    rowsRead: 0, observations: 0, superseded: 0, supersededSources: [], areasWithFigures: 0, areasMatched: 0, areasCreated: 0, areasUnmatched: 0, aliasesRemembered: 0,
    indicatorsNew: 0, definitions: 0, members: 0, mapping: { applied: null, saved: null }, issues: [], issueCounts: {}, elapsedMs: Date.now() - started,
    skips: { figures: 0, share: 0, tooMany: false, line: null },
  };
}

export async function commitImport(db: Store, req: ParsedCommitRequest, control: CommitControl): Promise<ImportReport> {
  const started = Date.now();
  const ctx = loadImportContext(db);
  // A large sheet is walked in the thread that reads it, with what the import matches against.
  const opened = await openSheet(req.filePath, { ...readOptions(req), walk: pipelineInput(req, ctx) });
  try {
    return await commitOpened(db, req, control, { opened, ctx, started });
  } finally {
    closeSheet(opened);
  }
}

async function commitOpened(db: Store, req: ParsedCommitRequest, control: CommitControl, o: { opened: OpenedSheet; ctx: ImportContext; started: number }): Promise<ImportReport> {
  const { opened, ctx, started } = o;
  const { file } = opened;
  if (req.expectSha256 && req.expectSha256 !== file.sha256) {
    throw new AppError('IMPORT_FAILED', `${file.name} has changed since the preview; preview it again before importing`, { file: file.name });
  }
  const seen = findImportedFile(db, file.sha256, opened.sheet);
  const before = seen?.reportJson ? ImportReport.safeParse(JSON.parse(seen.reportJson)) : null;
  const was = before?.success ? before.data : null;
  // An earlier import of the same file that left figures out is not the last word: with other
  // choices (areas created now) the file is imported again, as a revision of that source.
  const revise = seen && was && was.skips.figures > 0 ? { id: seen.id, observations: seen.observations, importedAt: seen.importedAt } : undefined;
  if (seen && !revise) return recognisedReport(opened, seen, was, started, 'nothing added');

  const importedAt = new Date().toISOString();
  // A large file is bulk loaded (see bulk-load): decided before the transaction, because SQLite
  // switches its foreign-key checks only outside one; its CHECKs are off too (the writer checks
  // each figure: figure-rules) until checkBulkLoad verifies the rest.
  const bulk = bulkLoadPays(db, sheetCells(opened));
  const flusher = bulk ? walFlusherFor(db) : null;
  if (bulk) suspendRowChecks(db);
  try {
    beginImport(db);
    return await writeInTransaction(db, req, control, { opened, ctx, importedAt, bulk, started, flusher, revise, was });
  } finally {
    // Whatever way the transaction ended (also "nothing to import"), the log is let go of.
    await flusher?.stop();
    if (bulk) resumeRowChecks(db);
  }
}

/** The same file imported before: say what the earlier import read; nothing is added now. */
function recognisedReport(opened: OpenedSheet, seen: { id: number; importedAt: string }, was: ImportReport | null, started: number, outcome: string): ImportReport {
  const { file } = opened;
  const issue: Problem = {
    kind: 'already_imported', severity: 'info', file: file.name, sheet: opened.sheet,
    message: `${file.name} (sheet ${opened.sheet}) was imported before, on ${seen.importedAt}, as source ${seen.id}: same contents (sha256), ${outcome}`,
  };
  return {
    ...emptyReport(opened, was?.layout ?? 'wide', started),
    headerRows: was?.headerRows ?? [],
    rowsRead: was?.rowsRead ?? 0,
    recognised: true,
    sourceId: seen.id,
    issues: [issue],
    issueCounts: { already_imported: 1 },
  };
}

/** A bulk load's log goes to disk while it is written (see wal-flusher); a store in memory or not in WAL mode has none. */
function walFlusherFor(db: Store): WalFlusher | null {
  if (!hasWalFile(db)) return null;
  return new WalFlusher(`${db.name}-wal`);
}

interface TransactionInput {
  opened: OpenedSheet;
  ctx: ImportContext;
  importedAt: string;
  bulk: boolean;
  started: number;
  flusher: WalFlusher | null;
  /** The earlier import of the same file that left figures out, which this one revises. */
  revise: { id: number; observations: number; importedAt: string } | undefined;
  was: ImportReport | null;
}

async function writeInTransaction(db: Store, req: ParsedCommitRequest, control: CommitControl, t: TransactionInput): Promise<ImportReport> {
  const { opened, ctx, importedAt, bulk, started, flusher, revise } = t;
  const { file } = opened;
  try {
    // Read inside the transaction: what the figures point to cannot change before they commit.
    const areaIds = areaIdsByCode(db);
    const indicatorIds = indicatorIdsByCode(db);
    const indexes = bulk ? setAsideIndexes(db) : null;
    let state: { sourceId: number; writes: ImportWrites; writer: ImportWriter } | undefined;
    const setup = (prepared: PreparedImport) => {
      const sourceId = insertSource(db, { title: file.name, fileName: file.name, sha256: file.sha256, sheet: opened.sheet, importedAt, layout: prepared.plan.layout, note: req.note ?? null });
      const writes = new ImportWrites(db, sourceId, importedAt);
      const writer = new ImportWriter({ writes, areaIds, indicatorIds, catalogue: ctx.shipped, catalogueSource: SHIPPED_CATALOGUE_SOURCE, fileName: file.name });
      writer.start(prepared);
      state = { sourceId, writes, writer };
    };
    const rowHooks = hooks(control, 'rijen');
    const pipelineHooks: PipelineHooks = {
      ...rowHooks,
      // Called between batches of rows: the moment to start sending the log to disk again.
      checkpoint: () => {
        rowHooks.checkpoint?.();
        flusher?.poke();
      },
      onPrepared: (prepared) => {
        // Tables stacked in one sheet are never read as one table, nor is one picked for the analyst.
        if (prepared.blockUnchosen) {
          throw new AppError('IMPORT_FAILED', `${file.name}: sheet ${opened.sheet} holds ${prepared.blocks.length} tables, one below the other: ${blocksText(prepared.blocks)}; choose one with --block N or --range (e.g. --range ${prepared.blocks[0]?.range ?? 'B6:AB19'}); nothing was imported`, { file: file.name, sheet: opened.sheet });
        }
        setup(prepared);
        // Figures straight to the writer, field by field, once it exists.
        pipelineHooks.figureFields = state?.writer.figureFields;
      },
      steps: (step) => state?.writer.step(step),
    };
    const { prepared, grid, findings } = await runPipeline(opened, pipelineInput(req, ctx), pipelineHooks);
    if (!state) throw new Error('the import was not set up');
    const { sourceId, writes, writer } = state;
    const { plan } = prepared;
    if (plan.layout === 'dictionary') writer.writeDefinitions(grid);
    if (plan.layout === 'composition') writer.writeComposition(grid);
    writes.flush();
    // What went into the table is what the writer counted, or nothing is kept.
    if (writes.written !== writer.counts.observations) throw new Error(`the import inserted ${writes.written} figures but counted ${writer.counts.observations}`);
    if (indexes) {
      control.progress('opslaan', 0, 1);
      // The rebuild takes a while and is CPU work: the disk can take the rest of the log meanwhile.
      flusher?.poke(true);
      indexes.rebuild();
      checkBulkLoad(db, { areaIds: writes.observations.areaIds, indicatorIds: writes.observations.indicatorIds, sourceId });
    }
    control.progress('opslaan', 1, 1);

    const preview = finishPreview(prepared, grid, findings);
    const c = writer.counts;
    const report: ImportReport = {
      ...emptyReport(opened, plan.layout, started),
      headerRows: preview.table.headerRows,
      rowsRead: preview.rowsRead,
      observations: c.observations,
      areasWithFigures: writer.areasWritten.size,
      areasMatched: [...writer.areasWritten].filter((id) => !writer.areasCreatedIds.has(id)).length,
      areasCreated: c.areasCreated,
      areasUnmatched: preview.areas.unmatched + preview.areas.needsConfirmation,
      aliasesRemembered: c.aliasesRemembered,
      indicatorsNew: c.indicatorsNew,
      definitions: c.definitions,
      members: c.members,
      mapping: { applied: prepared.recipeMatch.name, saved: null },
      issues: preview.problems.slice(0, ISSUE_CAP),
      skips: preview.skips,
    };
    if (c.observations + c.definitions + c.members === 0) {
      rollbackImport(db);
      // The preview may already say why (an empty sheet, no column of figures): then that comes first.
      const own = report.issues.find((p) => p.kind === 'nothing_imported');
      const issue: Problem = own ?? { kind: 'nothing_imported', severity: 'error', file: file.name, sheet: opened.sheet, message: `nothing in ${file.name} could be imported; see the other issues` };
      const issues = [issue, ...report.issues.filter((p) => p !== own)];
      return { ...report, areasCreated: 0, aliasesRemembered: 0, indicatorsNew: 0, areasMatched: 0, areasWithFigures: 0, issues, issueCounts: issueCounts(own ? [] : [issue], preview.problemCounts), elapsedMs: Date.now() - started };
    }

    if (req.allowSkips === false && preview.skips.tooMany) {
      rollbackImport(db);
      const issue: Problem = { kind: 'too_many_skipped', severity: 'error', file: file.name, sheet: opened.sheet, message: `${preview.skips.line ?? ''}; nothing was imported (--allow-skips imports the rest)` };
      return { ...report, areasCreated: 0, aliasesRemembered: 0, indicatorsNew: 0, areasMatched: 0, areasWithFigures: 0, observations: 0, issues: [issue, ...report.issues], issueCounts: issueCounts([issue], preview.problemCounts), elapsedMs: Date.now() - started };
    }

    if (revise && c.observations <= revise.observations) {
      // Nothing more is importable than last time: the earlier import stands.
      rollbackImport(db);
      return recognisedReport(opened, revise, t.was, started, `nothing added: what it left out is still left out (${preview.skips.line ?? `${c.observations} figures, as before`})`);
    }

    const mappingName = req.saveMappingAs ?? prepared.recipeMatch.name ?? defaultMappingName(db, opened);
    const recipe = recipeFromPlan(grid, plan);
    saveMapping(db, { name: mappingName, signature: prepared.signature, recipeJson: JSON.stringify(recipe), now: importedAt });
    const earlier = [...new Set([...earlierImports(db, { fileName: file.name, sheet: opened.sheet, mappingName, exceptId: sourceId }), ...(revise ? [revise.id] : [])])].sort((a, b) => a - b);
    const superseded = writes.supersede(earlier);
    const revision: Problem[] = revise
      ? [{ kind: 'revision', severity: 'info', file: file.name, sheet: opened.sheet, message: `${file.name} (sheet ${opened.sheet}) was imported before as source ${revise.id} with ${revise.observations} figures, leaving figures out; imported again as a revision: ${c.observations} figures, the earlier ones kept as history` }]
      : [];
    const final: ImportReport = {
      ...report,
      issues: [...revision, ...report.issues],
      committed: true,
      sourceId,
      superseded,
      supersededSources: earlier,
      mapping: { applied: prepared.recipeMatch.name, saved: mappingName },
      issueCounts: preview.problemCounts,
      elapsedMs: Date.now() - started,
    };
    finishSource(db, sourceId, {
      rowsRead: final.rowsRead,
      observations: c.observations,
      mappingName,
      mappingJson: JSON.stringify(recipe),
      reportJson: JSON.stringify(final),
      supersedes: earlier.length > 0 ? Math.max(...earlier) : null,
    });
    if (control.isCancelled()) throw control.cancelled();
    await flusher?.stop();
    control.progress('vastleggen', 0, 1);
    commitImportTransaction(db);
    control.progress('vastleggen', 1, 1);
    return final;
  } catch (err) {
    await flusher?.stop();
    rollbackImport(db);
    throw err;
  }
}
