import { z } from 'zod';
import { ImportChoices } from './import-choices';
import { ImportPreview, Problem } from './import-preview';
import { Recipe } from './import-recipe';
import { call, type CallSpec } from './define';
import { JobStarted } from './jobs';
import { Observation } from './model';

/**
 * Import calls (issue 3). `import.preview` reads a file and answers what an import would do —
 * detected layout and conventions, the mapping, the areas, every problem with its cell — without
 * writing anything. `import.commit` starts a job that does the same walk and writes it in one
 * transaction; poll `jobs.status` for progress and the ImportReport. Both run off the main thread.
 */
export { ImportPreview, ImportChoices };

export const Layout = z.enum(['wide', 'long', 'transposed', 'dictionary', 'composition']);
export const TextEncoding = z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']);

/** A mapping name the analyst can give; "auto" and "none" are how a request asks for no particular one. */
export const MappingName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((n) => n !== 'auto' && n !== 'none', { message: '"auto" and "none" are not names a mapping can have' });

export const ImportRequest = z
  .object({
    /** A path the services can read (the web shell's upload answers one). */
    filePath: z.string().min(1).max(4096),
    sheet: z.string().min(1).max(200).optional(),
    encoding: TextEncoding.optional(),
    separator: z.enum([';', ',', '\t', '|']).optional(),
    layout: Layout.optional(),
    /** 1-based header rows, as the analyst sees them. */
    headerRows: z.array(z.number().int().positive().max(100_000)).min(1).max(10).optional(),
    /** For files that state no period: a year or a span of years. */
    period: z.string().regex(/^(19|20)\d{2}(-(19|20)\d{2})?$/, 'a period is a year (2024) or a span (2023-2025)').optional(),
    decimalSeparator: z.enum([',', '.']).optional(),
    /** One of several tables stacked in the sheet (1-based, as the preview's `blocks` number them). */
    block: z.number().int().positive().max(10_000).optional(),
    /** A part of the sheet to read as the table, e.g. "B6:AB19". */
    range: z.string().regex(/^[A-Za-z]{1,3}[1-9]\d{0,6}:[A-Za-z]{1,3}[1-9]\d{0,6}$/, 'a range of cells such as B6:AB19').optional(),
    /** 'auto' (default): a saved mapping of the same shape; 'none': detection only; else a mapping's name. */
    mapping: z.union([z.literal('auto'), z.literal('none'), MappingName]).optional(),
    choices: ImportChoices.optional(),
  })
  .strict();
export type ImportRequest = z.input<typeof ImportRequest>;

export const CommitRequest = ImportRequest.extend({
  /** Save the mapping under this name (default: update the mapping used, or one named after the file). */
  saveMappingAs: MappingName.optional(),
  /** The sha256 the preview saw: a file changed since then is refused rather than imported unseen. */
  expectSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  note: z.string().max(2000).optional(),
  /** false: an import that would leave out more than a small share of its figures is not committed (the CLI without --allow-skips). */
  allowSkips: z.boolean().optional(),
}).strict();
export type CommitRequest = z.input<typeof CommitRequest>;

/** What an import did (or, not committed, why not). The result of the `import.commit` job. */
export const ImportReport = z.object({
  committed: z.boolean(),
  /** The same file (same sha256 and sheet) was imported before: nothing was added. */
  recognised: z.boolean(),
  sourceId: z.number().int().nullable(),
  file: z.string(),
  sha256: z.string(),
  sheet: z.string(),
  layout: Layout,
  headerRows: z.array(z.number().int()),
  rowsRead: z.number().int(),
  observations: z.number().int(),
  /** Earlier figures (same file or mapping) this import replaced; they stay as history. */
  superseded: z.number().int(),
  supersededSources: z.array(z.number().int()),
  /** Distinct areas that received figures (or, composition, memberships). */
  areasWithFigures: z.number().int(),
  /** Of those, areas the store already had; areasCreated counts every area created, parents included. */
  areasMatched: z.number().int(),
  areasCreated: z.number().int(),
  areasUnmatched: z.number().int(),
  aliasesRemembered: z.number().int(),
  indicatorsNew: z.number().int(),
  definitions: z.number().int(),
  members: z.number().int(),
  mapping: z.object({ applied: z.string().nullable(), saved: z.string().nullable() }),
  issues: z.array(Problem),
  issueCounts: z.record(z.string(), z.number().int()),
  elapsedMs: z.number().int(),
  /** The figures left out, in one line (see shared/domain/import/skip-summary). */
  skips: ImportPreview.shape.skips.default({ figures: 0, share: 0, tooMany: false, line: null }),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const SourceSummary = z.object({
  id: z.number().int(),
  kind: z.enum(['file', 'document', 'seed']),
  title: z.string(),
  file: z.string().nullable(),
  sheet: z.string().nullable(),
  sha256: z.string().nullable(),
  layout: z.string().nullable(),
  mappingName: z.string().nullable(),
  importedAt: z.string(),
  rowsRead: z.number().int().nullable(),
  observationsWritten: z.number().int().nullable(),
  /** Figures of this source that are current, and that a later import replaced. */
  current: z.number().int(),
  superseded: z.number().int(),
  supersedesSourceId: z.number().int().nullable(),
  areasCreated: z.number().int().nullable(),
  indicatorsNew: z.number().int().nullable(),
  issues: z.number().int().nullable(),
  note: z.string().nullable(),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
});
export type SourceSummary = z.infer<typeof SourceSummary>;

/** A figure of a source, with the breakdown that is part of its key (e.g. PC5=9901A). */
export const SourceFigure = Observation.extend({ breakdown: z.string().nullable() });
export type SourceFigure = z.infer<typeof SourceFigure>;

export const SourceDetail = z.object({
  source: SourceSummary,
  report: ImportReport.nullable(),
  mapping: Recipe.nullable(),
  figures: z.array(SourceFigure),
  /** All figures of the source; `figures` holds `limit` of them from `offset`. */
  total: z.number().int(),
  offset: z.number().int(),
});
export type SourceDetail = z.infer<typeof SourceDetail>;

/** What removing an imported file's source took with it (sources.remove; CLI `sources remove ID`). */
export const SourceRemoval = z.object({
  sourceId: z.number().int(),
  file: z.string().nullable(),
  sheet: z.string().nullable(),
  /** Its figures, all removed: current ones and those a later import had replaced. */
  figures: z.number().int(),
  current: z.number().int(),
  superseded: z.number().int(),
  /** Earlier figures it had replaced, current again. */
  restored: z.number().int(),
  /** Areas it created that nothing else uses (removed), and those still used (kept). */
  areasRemoved: z.number().int(),
  areasKept: z.number().int(),
  /** Composition members it proposed (a composition file). */
  membersRemoved: z.number().int(),
  /** Indicators it wrote figures for that have no current figure left; they stay, with their definitions. */
  indicatorsWithoutFigures: z.number().int(),
  /** The saved mapping it used; mappings stay. */
  mappingName: z.string().nullable(),
});
export type SourceRemoval = z.infer<typeof SourceRemoval>;

export const MappingSummary = z.object({
  name: z.string(),
  signature: z.string(),
  layout: Layout,
  measures: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type MappingSummary = z.infer<typeof MappingSummary>;

/** An indicator a column can be mapped to: the shipped CBS catalogue and the store's own. */
export const IndicatorOption = z.object({ code: z.string(), name: z.string(), unit: z.string(), origin: z.enum(['catalogue', 'store']), needsReview: z.boolean() });
export type IndicatorOption = z.infer<typeof IndicatorOption>;

const Id = z.number().int().positive();

export const importCalls = {
  'import.preview': call(ImportRequest, ImportPreview, 'Read a file and show what importing it would do: layout, mapping, areas, every problem with its cell. Writes nothing.'),
  'import.commit': call(CommitRequest, JobStarted, 'Import a file in one transaction (a job: poll jobs.status for progress and the ImportReport; jobs.cancel writes nothing).'),
  'sources.list': call(z.object({}).strict(), z.array(SourceSummary), 'Every source in the store: imported files and the documents the shipped figures cite.'),
  'sources.get': call(
    z.object({ id: Id, limit: z.number().int().min(0).max(100_000).optional(), offset: z.number().int().min(0).optional() }).strict(),
    SourceDetail,
    'One source with its import report, mapping and figures (current and superseded), each with its cell and raw text.',
  ),
  'sources.remove': call(z.object({ id: Id }).strict(), SourceRemoval, 'Remove an imported file\'s source whole: its figures, the areas it created that nothing else uses; earlier figures it replaced become current again. Shipped documents cannot be removed.'),
  'mappings.list': call(z.object({}).strict(), z.array(MappingSummary), 'Saved import mappings, applied automatically to files of the same shape.'),
  'import.indicators': call(z.object({}).strict(), z.array(IndicatorOption), 'Indicators a column can be mapped to: the CBS KWB catalogue shipped with the app and the store\'s own.'),
} satisfies Record<string, CallSpec>;
