import { z } from 'zod';
import { Severity } from '../errors';
import { ParsedCell } from '../domain/numbers/parsed-cell';
import { UnitCode } from '../domain/numbers/units';
import { Recipe } from './import-recipe';

/**
 * What the analyst sees before anything is written: the detected table, layout, mapping, areas,
 * a sample of the sheet, and every problem with the file, sheet, row, column and cell it is about.
 * Rows are 1-based and columns are letters here, as in Excel; this crosses the contract boundary.
 */
export const ProblemKind = z.enum([
  'non_numeric', // text or an unreadable figure in a figure column
  'ambiguous_number', // "1.400" that nothing in the column settles
  'percent_over_100',
  'cell_unit_mismatch', // "€ 12" in a percentage column
  'unit_mismatch', // the header's unit does not fit the indicator's
  'duplicate_key', // same area, indicator, period (and dimension) twice
  'unknown_area',
  'new_area', // a valid CBS code not yet in the store: created with its parents on commit
  'fuzzy_area', // matched by a close name: needs confirmation
  'ambiguous_area', // several areas share the name
  'missing_area', // figures in a row without an area
  'skipped_row', // totals and catch-all rows
  'new_indicator',
  'empty_column',
  'no_period',
  'invalid_period',
  'duplicate_definition',
  'nothing_imported', // a commit that found nothing it could write
  'already_imported', // the same file (same sha256 and sheet) is in the store
  'too_many_skipped', // a commit that would leave out more than a small share of its figures (CLI without --allow-skips)
  'total_mismatch', // a totals row that differs from the sum of the rows it totals (count columns)
  'total_checked', // a totals row that equals the sum of the rows it totals
  'several_tables', // tables stacked in one sheet and none chosen: never read as one table
  'revision', // the same file again, after an import that left figures out: imported as a revision
  'duplicate_header', // several figure columns carry the same header: distinct indicators, to name
  'empty_header', // a figure column without a header: an indicator named after its column, to name
]);
export type ProblemKind = z.infer<typeof ProblemKind>;

export { Severity };

export const Problem = z.object({
  kind: ProblemKind,
  severity: Severity,
  file: z.string(),
  sheet: z.string(),
  row: z.number().int().positive().optional(),
  column: z.string().regex(/^[A-Z]{1,3}$/).optional(),
  cell: z.string().regex(/^[A-Z]{1,3}\d+$/).optional(),
  message: z.string(),
  raw: z.string().optional(),
});
export type Problem = z.infer<typeof Problem>;

export const IndicatorChoice = z.object({
  code: z.string(),
  name: z.string(),
  isNew: z.boolean(),
  confidence: z.number().min(0).max(1),
  via: z.enum(['code', 'statline', 'name', 'fuzzy', 'new', 'recipe']),
});

export const MeasurePreview = z.object({
  key: z.string(),
  label: z.string(),
  column: z.string().optional(),
  row: z.number().int().positive().optional(),
  period: z.string().optional(),
  indicator: IndicatorChoice,
  unit: UnitCode,
  unitSource: z.enum(['header', 'catalogue', 'unit_column', 'values', 'recipe']),
  unitEvidence: z.array(z.string()),
  scale: z.number(),
  decimalSeparator: z.enum([',', '.']).nullable(),
  include: z.boolean(),
  excludedBecause: z.string().optional(),
  /** The header repeats another column's or is empty: a distinct indicator named with the header and the column, for the analyst to name. */
  toName: z.enum(['duplicate_header', 'empty_header']).optional(),
  counts: z.object({ numbers: z.number().int(), signs: z.number().int(), invalid: z.number().int() }),
});
export type MeasurePreview = z.infer<typeof MeasurePreview>;

export const SampleFigure = z.object({ cell: z.string(), raw: z.string(), area: z.string().nullable(), indicator: z.string(), period: z.string().nullable(), parsed: ParsedCell });
export type SampleFigure = z.infer<typeof SampleFigure>;

export const DefinitionPreview = z.object({
  code: z.string(),
  cell: z.string(),
  name: z.string().nullable(),
  definition: z.string().nullable(),
  unit: z.string().nullable(),
  /** The unit as a unit code, where the symbol says one plainly ("%" → percent). */
  unitCode: UnitCode.nullable(),
  source: z.string().nullable(),
  theme: z.string().nullable(),
});

/**
 * An area the analyst has to look at: a close match to confirm, a name shared by several areas, an
 * unknown name or publisher code, a CBS code the store does not know yet (created, or skipped).
 * `label` is how the file writes it, and what the analyst's choice refers to.
 */
export const AreaReviewItem = z.object({
  label: z.string(),
  /** The name beside the code, where the file gives one. */
  name: z.string().nullable(),
  isCode: z.boolean(),
  status: z.enum(['fuzzy', 'ambiguous', 'unknown', 'new', 'not_created', 'chosen']),
  /** Where it first appears. */
  cell: z.string(),
  /** How many rows (or columns) name it. */
  rows: z.number().int(),
  /** The area it reads as (fuzzy: the best candidate; new: the code to create). */
  code: z.string().nullable(),
  parent: z.string().nullable(),
  candidates: z.array(z.object({ code: z.string(), name: z.string(), score: z.number() })),
});
export type AreaReviewItem = z.infer<typeof AreaReviewItem>;

/** The top of the sheet as it stands in the file, for the preview grid (texts only). */
export const SheetSample = z.object({
  /** 1-based number of the first row in `rows`. */
  firstRow: z.number().int().positive(),
  columns: z.array(z.object({ column: z.string(), header: z.string() })),
  rows: z.array(z.array(z.string())),
});

export const ImportPreview = z.object({
  file: z.object({
    name: z.string(),
    sha256: z.string().nullable(),
    format: z.string(),
    sizeBytes: z.number().int().nullable(),
    encoding: z.string().nullable(),
    separator: z.string().nullable(),
  }),
  sheet: z.string(),
  sheetNames: z.array(z.string()),
  layout: z.enum(['wide', 'long', 'transposed', 'dictionary', 'composition']),
  layoutReason: z.string(),
  table: z.object({
    titleRows: z.array(z.number().int().positive()),
    headerRows: z.array(z.number().int().positive()),
    firstDataRow: z.number().int().positive(),
    lastDataRow: z.number().int().positive(),
    footnoteRows: z.array(z.number().int().positive()),
    emptyColumns: z.array(z.string()),
    titles: z.array(z.string()),
    footnotes: z.array(z.string()),
  }),
  /**
   * Tables stacked in the sheet (empty when it holds one): each with its range as the analyst sees
   * it. `block` is the one read (block 1 until the analyst chooses: `blockChosen`), `range` the
   * part of the sheet read (a block's, or the range the analyst gave).
   */
  blocks: z.array(z.object({ index: z.number().int().positive(), range: z.string(), title: z.string().nullable(), dataRows: z.number().int() })).default([]),
  block: z.number().int().positive().nullable().default(null),
  blockChosen: z.boolean().default(true),
  range: z.string().nullable().default(null),
  decimalSeparator: z.enum([',', '.']).nullable(),
  conventions: z.object({ zeroIsLessThanHalfUnit: z.boolean(), emptyMeans: z.enum(['cannot_occur', 'unknown']), evidence: z.array(z.string()) }),
  period: z.object({
    source: z.enum(['column', 'header', 'fixed', 'none']),
    value: z.string().nullable(),
    column: z.string().nullable(),
    from: z.string().nullable(),
  }),
  areas: z.object({
    codeColumn: z.string().nullable(),
    nameColumn: z.string().nullable(),
    codeRow: z.number().int().positive().nullable(),
    nameRow: z.number().int().positive().nullable(),
    within: z.string().nullable(),
    context: z.string(),
    matched: z.number().int(),
    created: z.number().int(),
    needsConfirmation: z.number().int(),
    unmatched: z.number().int(),
    skippedRows: z.number().int(),
    /** Areas to look at, most rows first within each status; capped (the counts are not). */
    review: z.array(AreaReviewItem),
    reviewTotal: z.number().int(),
  }),
  /** Rows of the table read (data rows; transposed: indicator rows; dictionaries: definitions). */
  rowsRead: z.number().int(),
  sample: SheetSample,
  columns: z.array(z.object({ column: z.string(), header: z.string(), role: z.string() })),
  measures: z.array(MeasurePreview),
  /** toImport: what a commit with these choices writes. */
  figures: z.object({
    total: z.number().int(), numbers: z.number().int(), signs: z.record(z.string(), z.number().int()), invalid: z.number().int(), toImport: z.number().int(),
    /** Figures a commit leaves out, by reason (see skip-summary): how many, in how many areas. */
    skipped: z.record(z.string(), z.object({ figures: z.number().int(), areas: z.number().int() })),
  }),
  /** The figures left out, in one line, and whether that is more than a small share (see skip-summary). */
  skips: z.object({ figures: z.number().int(), share: z.number(), tooMany: z.boolean(), line: z.string().nullable() }),
  samples: z.array(SampleFigure),
  /** A variable dictionary: its definitions; `new` of them define indicators neither the catalogue nor the store has. */
  definitions: z.object({ total: z.number().int(), new: z.number().int(), sample: z.array(DefinitionPreview) }).nullable(),
  composition: z
    .object({
      total: z.number().int(),
      focusAreas: z.array(z.object({ label: z.string(), code: z.string().nullable(), members: z.number().int() })),
      sample: z.array(z.object({ cell: z.string(), focusArea: z.string(), focusAreaCode: z.string().nullable(), member: z.string(), memberName: z.string().nullable(), status: z.string().nullable() })),
    })
    .nullable(),
  problems: z.array(Problem),
  problemCounts: z.record(z.string(), z.number().int()),
  signature: z.string(),
  recipe: Recipe,
  recipeMatch: z.object({ name: z.string().nullable(), how: z.enum(['signature', 'similar', 'none']), similarity: z.number() }),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
