import { z } from 'zod';
import { call } from './define';
import { Aggregation, AreaKind, Direction, Qualifier, Sign, Theme } from './model';

/**
 * Comparison calls (issue 12): the compare grid, focus-area compositions, the member search of the
 * composition editor and saved views. The screens (Vergelijken, Samenstelling), the exports and the
 * charts all read figures through `compare.run`, so one cell means the same everywhere.
 *
 * Words used below:
 * - *shown area*: a row the analyst asked for (role 'area'); ranks, colour classes and the spread are
 *   computed over the shown areas only, never over reference rows.
 * - *aggregate*: a figure computed from the figures of an area's members (focus area ← its composition;
 *   district ← its neighbourhoods; municipality ← its districts; programme total ← the focus areas).
 *   An imported figure for the area itself always wins; the aggregate is then reported beside it.
 */

const Code = z.string().trim().min(1).max(64);
/** A period as the store keeps it: '2024', '2023-2025' or '2019-01-01'. */
export const PeriodText = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{4}|-\d{2}-\d{2})?$/, 'a period is a year (2024), a span (2023-2025) or a date (2019-01-01)');
/** 'latest': per indicator, the latest period with a figure for the shown areas (or their members). */
export const PeriodChoice = z.union([z.literal('latest'), PeriodText]);
export const ReferenceKind = z.enum(['municipality', 'NL', 'total']);
export type ReferenceKind = z.infer<typeof ReferenceKind>;

// ---------------------------------------------------------------------------------------------
// compare.run

export const CompareRequest = z
  .object({
    /** Area codes, names or aliases (as elsewhere), or 'focus' for the 20 focus areas in code order. */
    areas: z.union([z.literal('focus'), z.array(Code).min(1).max(50_000)]),
    /** Indicator codes (a_inw, p_koopw …). Together with `themes`: the union, in catalogue order. */
    indicators: z.array(Code).max(1000).default([]),
    /** Adds every indicator of these themes. */
    themes: z.array(Theme).optional(),
    period: PeriodChoice.default('latest'),
    /** The earlier period the delta is taken against (value − value at compareTo). */
    compareTo: PeriodText.optional(),
    /**
     * Reference rows, placed before the shown areas: 'municipality' (each distinct municipality of
     * the shown areas, once, with the focus areas it belongs to), 'NL' (Nederland, when the store
     * has it) and 'total' (the shown focus areas together: the programme total, with the spread).
     */
    references: z.array(ReferenceKind).default([]),
    /**
     * Least share of an aggregate's members that must have a figure (0..1). Default 1: every member.
     * Where the indicator has a weight, the share of the weight that had a figure must reach it too.
     */
    minCoverage: z.number().min(0).max(1).default(1),
    /**
     * Per-member detail on aggregated cells (memberDetail: each member's value, weight and source).
     * Default true; false leaves it null (and the one-line source names the first ten members) — for
     * aggregates of hundreds of members over many indicators.
     */
    memberDetail: z.boolean().default(true),
    /**
     * A lean answer for a grid of thousands of rows: no per-cell provenance (sourceRef and source
     * null, no member detail) — the screen fetches one cell's provenance when its panel opens, and
     * the result's `sourceTitles` names the files behind the table. Values, signs, deltas, ranks,
     * colour classes, coverage and reasons are as in a full answer. Default false.
     */
    lean: z.boolean().default(false),
  })
  .strict()
  .refine((v) => v.indicators.length > 0 || (v.themes?.length ?? 0) > 0, { message: 'give at least one indicator or theme' });
export type CompareRequest = z.input<typeof CompareRequest>;

/** Indicator metadata for a column, and the periods actually shown in it. */
export const CompareIndicator = z.object({
  code: z.string(),
  name: z.string(),
  theme: Theme,
  unit: z.string(),
  direction: Direction,
  aggregation: Aggregation,
  /** For weighted_mean: the indicator whose figures weigh the members (p_koopw ← a_woning). */
  weightIndicatorCode: z.string().nullable(),
  /** The period the column shows ('latest' resolved); null when no shown area has a figure in any period. */
  period: z.string().nullable(),
  /** The comparison period used for deltas; null without compareTo. */
  comparePeriod: z.string().nullable(),
});
export type CompareIndicator = z.infer<typeof CompareIndicator>;

/** Where a stored figure stands: file, sheet, cell (or the document and its locator). */
export const FigureSource = z.object({
  sourceId: z.number().int(),
  kind: z.enum(['file', 'document', 'seed']),
  /** The file name, or the citation of a document. */
  title: z.string(),
  file: z.string().nullable(),
  sheet: z.string().nullable(),
  /** A1 address (AB5), or a locator within a document. */
  cell: z.string().nullable(),
  /** The cell's text as it stood in the file. */
  raw: z.string().nullable(),
  /** One line, Dutch: "CBS-Utrecht-kwb-2024.xlsx, blad Gemeente-Utrecht, cel AB5". */
  text: z.string(),
});
export type FigureSource = z.infer<typeof FigureSource>;

/** One member's figure behind an aggregate. */
export const MemberFigure = z.object({
  code: z.string(),
  name: z.string(),
  kind: AreaKind,
  /** Composition status of this member (focus areas); 'confirmed' for CBS hierarchy members. */
  status: z.enum(['proposal', 'confirmed']),
  value: z.number().nullable(),
  sign: Sign.nullable(),
  /** The member's weight (e.g. its a_woning) for a weighted mean; null for sums or when missing. */
  weight: z.number().nullable(),
  /** Whether the member counted as having a figure ('-' counts, as zero; '.' and 'x' do not). */
  counted: z.boolean(),
  /** Whether this member's figure is itself an aggregate (e.g. a district from its neighbourhoods). */
  aggregated: z.boolean(),
  source: FigureSource.nullable(),
});
export type MemberFigure = z.infer<typeof MemberFigure>;

export const CoverageDetail = z.object({
  /** Members with a figure (a '-' counts), and all members. */
  withFigure: z.number().int(),
  total: z.number().int(),
  /** Share of the weight covered by members with a figure (weighted means); null otherwise or unknown. */
  weightShare: z.number().nullable(),
  /** The threshold applied (the request's minCoverage). */
  threshold: z.number(),
});

export const Spread = z.object({
  /** Number of shown focus areas with a figure. */
  n: z.number().int(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** Percentiles by linear interpolation between ranks (as Excel's PERCENTILE.INC). */
  p10: z.number().nullable(),
  p90: z.number().nullable(),
  minAreaCode: z.string().nullable(),
  maxAreaCode: z.string().nullable(),
});
export type Spread = z.infer<typeof Spread>;

/**
 * One cell: an area × an indicator. The first fifteen keys are the CLI's (`compare --json` prints
 * exactly these, snake_case); the rest is for the screens, exports and charts.
 */
export const CompareCell = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  /** The period of this cell's figure (the column's period); null when there is none at all. */
  period: z.string().nullable(),
  /** null when there is no figure: see `sign` and `missingReason`. Never 0 for a missing figure. */
  value: z.number().nullable(),
  unit: z.string(),
  /** CBS sign of an imported figure ('nil' is a real zero and has value 0). */
  sign: Sign.nullable(),
  qualifier: Qualifier.nullable(),
  /** value − the figure at compareTo; null when either is missing or a boundary change intervenes. */
  delta: z.number().nullable(),
  /** Rank among the shown areas (1 = best for directed indicators, highest for neutral); ties share a rank. */
  rank: z.number().int().nullable(),
  /** Computed from members rather than imported for the area itself. */
  aggregated: z.boolean(),
  /** Share of members with a figure (aggregates); null for an imported figure. */
  coverage: z.number().nullable(),
  /** Codes of the members the aggregate used (the composition at the time); null for an imported figure. */
  members: z.array(z.string()).nullable(),
  /**
   * One line, Dutch. An imported figure: "file, blad SHEET, cel CELL". An aggregate: how and from
   * which members, each with its own source ("gewogen gemiddelde (gewicht a_woning) van 2 leden:
   * WK034401 (file, blad …, cel …); …"). null when there is no figure.
   */
  source: z.string().nullable(),

  // ---- for the screens, exports and charts
  /** The structured source of an imported figure (null for aggregates: see memberDetail). */
  sourceRef: FigureSource.nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  comparePeriod: z.string().nullable(),
  compareValue: z.number().nullable(),
  /** Dutch, why there is no delta ("indeling gewijzigd tussen 2022 en 2024 (ind_wbi 3)", "geen cijfer in 2022"). */
  deltaNote: z.string().nullable(),
  /** Dutch, why there is no figure ("dekking 2 van 3 leden, onder de drempel van 100%", "samenstelling onbekend", "niet op te tellen: …"). */
  missingReason: z.string().nullable(),
  coverageDetail: CoverageDetail.nullable(),
  /** The members behind an aggregate, each with its figure and source; null for imported figures. */
  memberDetail: z.array(MemberFigure).nullable(),
  /** When a figure was imported for the area itself and an aggregate could be computed too. */
  importedVsAggregate: z
    .object({ imported: z.number(), aggregate: z.number(), difference: z.number() })
    .nullable(),
  /**
   * Direction-aware colour class among the shown areas: quintile −2 (worst) … 2 (best); null for
   * neutral indicators, missing figures and reference rows.
   */
  colourClass: z.number().int().min(-2).max(2).nullable(),
  /** Quintile by value regardless of direction: 0 (lowest) … 4 (highest); null when missing. */
  quintile: z.number().int().min(0).max(4).nullable(),
  /** Only on the 'total' row: the spread of the shown focus areas' figures. */
  spread: Spread.nullable(),
});
export type CompareCell = z.infer<typeof CompareCell>;

export const RowRole = z.enum(['area', 'municipality', 'NL', 'total']);
export type RowRole = z.infer<typeof RowRole>;
/**
 * Composition status of a row: 'confirmed'; 'proposal' when any member is a proposal (shown as
 * "te bevestigen"); 'unknown' when a focus area has no members ("samenstelling onbekend"); null for
 * areas that are not compositions (municipalities, districts, neighbourhoods, NL).
 */
export const CompositionStatus = z.enum(['confirmed', 'proposal', 'unknown']);
export type CompositionStatus = z.infer<typeof CompositionStatus>;

export const CompareRow = z.object({
  role: RowRole,
  areaCode: z.string(),
  areaName: z.string(),
  areaKind: AreaKind,
  /** For a municipality reference row: the shown focus areas (codes) it is the municipality of. */
  referenceFor: z.array(z.string()),
  compositionStatus: CompositionStatus.nullable(),
  /** One cell per indicator, in the order of `indicators`. */
  cells: z.array(CompareCell),
});
export type CompareRow = z.infer<typeof CompareRow>;

export const CompareResult = z.object({
  period: PeriodChoice,
  compareTo: z.string().nullable(),
  minCoverage: z.number(),
  indicators: z.array(CompareIndicator),
  /** Reference rows first (municipality, NL, total), then the shown areas in the order asked. */
  rows: z.array(CompareRow),
  /** The files and documents the table's figures come from (their titles, in source order). */
  sourceTitles: z.array(z.string()),
});
export type CompareResult = z.infer<typeof CompareResult>;

// ---------------------------------------------------------------------------------------------
// compositions

export const MemberStatus = z.enum(['proposal', 'confirmed']);

export const CompositionMember = z.object({
  focusAreaCode: z.string(),
  focusAreaName: z.string(),
  memberCode: z.string(),
  memberName: z.string(),
  memberKind: AreaKind,
  /** 'proposal' reads "te bevestigen" on screens and in exports. */
  status: MemberStatus,
  /** Evidence: the public page that names the member (URL), else the import file's name. */
  source: z.string().nullable(),
  /** The short quote from that page, where the proposal gave one. */
  quote: z.string().nullable(),
  /** The CBS classification year of the member's code (2019, 2016). */
  codeYear: z.number().int().nullable(),
  /** The member's latest number of residents (a_inw) and its period; null when not in the store. */
  population: z.number().nullable(),
  populationPeriod: z.string().nullable(),
});
export type CompositionMember = z.infer<typeof CompositionMember>;

export const CompositionSummary = z.object({
  focusAreaCode: z.string(),
  focusAreaName: z.string(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  status: CompositionStatus,
  members: z.number().int(),
  proposals: z.number().int(),
  /** Sum of the members' latest a_inw (null when any member lacks one). */
  population: z.number().nullable(),
});
export type CompositionSummary = z.infer<typeof CompositionSummary>;

export const CompositionList = z.object({
  /** Every focus area asked for, also those without members (status 'unknown'). */
  focusAreas: z.array(CompositionSummary),
  members: z.array(CompositionMember),
});
export type CompositionList = z.infer<typeof CompositionList>;

export const CompositionChange = z.object({
  id: z.number().int(),
  focusAreaCode: z.string(),
  at: z.string(),
  action: z.enum(['seed', 'import', 'set', 'add', 'remove', 'confirm']),
  /** The member list after the change (codes with their status). */
  members: z.array(z.object({ code: z.string(), status: MemberStatus })),
});
export type CompositionChange = z.infer<typeof CompositionChange>;

const FocusRef = Code.describe('a focus area: code (NPLV01), name or alias');
const MemberCodes = z.array(Code).min(1).max(5000);

// ---------------------------------------------------------------------------------------------
// saved views

/** The state of a comparison, as saved; export and charts reuse it. */
export const CompareViewState = z
  .object({
    areas: z.union([z.literal('focus'), z.array(Code).min(1).max(50_000)]),
    indicators: z.array(Code).max(1000),
    themes: z.array(Theme).optional(),
    period: PeriodChoice,
    compareTo: PeriodText.optional(),
    references: z.array(ReferenceKind).default([]),
    sort: z.object({ indicatorCode: z.string().nullable(), direction: z.enum(['asc', 'desc']) }).optional(),
    minCoverage: z.number().min(0).max(1).optional(),
    transposed: z.boolean().optional(),
  })
  .strict();
export type CompareViewState = z.infer<typeof CompareViewState>;

const ViewName = z.string().trim().min(1).max(200);

export const SavedView = z.object({
  id: z.number().int(),
  name: z.string(),
  state: CompareViewState,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof SavedView>;

export const AreaHit = z.object({
  code: z.string(),
  name: z.string(),
  kind: AreaKind,
  parentCode: z.string().nullable(),
  parentName: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  population: z.number().nullable(),
  populationPeriod: z.string().nullable(),
});
export type AreaHit = z.infer<typeof AreaHit>;

export const compareCalls = {
  'compare.run': call(
    CompareRequest,
    CompareResult,
    'Compare areas × indicators for a period: values, deltas, ranks, colour classes, aggregates with their members and reference rows.',
  ),

  'composition.list': call(
    z.object({ areaCode: FocusRef.optional() }).strict(),
    CompositionList,
    "Focus areas' compositions: each member with its status, evidence and population; areas without members say so.",
  ),
  'composition.set': call(
    z.object({ areaCode: FocusRef, memberCodes: MemberCodes }).strict(),
    CompositionList,
    "Replace a focus area's members (CBS districts/neighbourhoods of its municipality); they are confirmed.",
  ),
  'composition.add': call(
    z.object({ areaCode: FocusRef, memberCodes: MemberCodes }).strict(),
    CompositionList,
    'Add members to a focus area (confirmed: the analyst chose them).',
  ),
  'composition.remove': call(
    z.object({ areaCode: FocusRef, memberCodes: MemberCodes }).strict(),
    CompositionList,
    'Remove members from a focus area.',
  ),
  'composition.confirm': call(
    z.object({ areaCode: FocusRef, memberCodes: MemberCodes.optional() }).strict(),
    CompositionList,
    "Confirm a focus area's proposed members: the ones given, or all.",
  ),
  'composition.history': call(
    z.object({ areaCode: FocusRef }).strict(),
    z.array(CompositionChange),
    "Every change to a focus area's composition, oldest first, with the member list after it.",
  ),
  'composition.import': call(
    z.object({ filePath: z.string().min(1).max(4096) }).strict(),
    z.object({
      file: z.string(),
      focusAreas: z.array(z.string()),
      members: z.number().int(),
      areasCreated: z.number().int(),
      issues: z.array(z.string()),
    }),
    'Import compositions from a CSV shaped like the shared focus-area-composition.csv (members as proposals).',
  ),

  'areas.search': call(
    z
      .object({
        query: z.string().trim().max(200),
        kinds: z.array(AreaKind).optional(),
        /** Only areas within this area (e.g. GM0344: its districts and neighbourhoods). */
        underCode: Code.optional(),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    z.array(AreaHit),
    'Find areas by code or name (optionally of some kinds, within a municipality), with their population.',
  ),

  'views.save': call(
    z.object({ name: ViewName, state: CompareViewState, overwrite: z.boolean().default(true) }).strict(),
    SavedView,
    'Save a comparison view by name (replaces one of the same name unless overwrite is false).',
  ),
  'views.list': call(z.object({}).strict(), z.array(SavedView), 'Saved comparison views, by name.'),
  'views.get': call(z.object({ name: ViewName }).strict(), SavedView, 'One saved comparison view.'),
  'views.rename': call(z.object({ name: ViewName, newName: ViewName }).strict(), SavedView, 'Rename a saved view.'),
  'views.delete': call(z.object({ name: ViewName }).strict(), z.object({ deleted: z.boolean() }), 'Delete a saved view.'),
};
