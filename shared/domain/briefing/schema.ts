import { z } from 'zod';
import { AreaKind, Qualifier, Sign } from '../../contract/model';

/**
 * The briefing table (issue 14): what an analyst puts in a letter or a note. This is the model, with
 * exact values; `layoutBriefing` decides how it reads (rounding, units, markers, legend, source line)
 * and every renderer (xlsx, CSV, HTML, the preview) draws that layout, so they cannot disagree.
 */

/** How a column's figures are shown. Values are never changed: rounding is for display only. */
export const RoundingRule = z.discriminatedUnion('kind', [
  /** Counts: whole, or to tens/hundreds/thousands with "ca." in front. */
  z.object({ kind: z.literal('count'), step: z.union([z.literal(1), z.literal(10), z.literal(100), z.literal(1000)]) }),
  /** Money in EUR million ("256,0"), the unit in the heading. */
  z.object({ kind: z.literal('money_mln'), decimals: z.number().int().min(0).max(3) }),
  /** Money in whole euros or with cents ("€ 1.234"). */
  z.object({ kind: z.literal('euro'), decimals: z.number().int().min(0).max(2) }),
  /** Percentages on the 0–100 scale ("70"), the % in the heading. */
  z.object({ kind: z.literal('percent'), decimals: z.number().int().min(0).max(3) }),
  z.object({ kind: z.literal('number'), decimals: z.number().int().min(0).max(6) }),
  /** Mixed units in one column (the programme facts): each figure as its own unit reads. */
  z.object({ kind: z.literal('auto') }),
]);
export type RoundingRule = z.infer<typeof RoundingRule>;

export const BriefingColumn = z.object({
  id: z.string().min(1).max(80),
  label: z.string().max(200),
  /** The figures' unit (store unit code: count, percent, euro, …); null for a text column. */
  unit: z.string().nullable(),
  rule: RoundingRule,
});
export type BriefingColumn = z.infer<typeof BriefingColumn>;

export const BriefingFigure = z.object({
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  qualifier: Qualifier.nullable(),
  sign: Sign.nullable(),
  unit: z.string(),
  period: z.string().nullable(),
  /** Said in the cell after the figure, e.g. the period "(2023–2025)" when it differs from the table's. */
  note: z.string().nullable().optional(),
  /** Keys into BriefingTable.sources. */
  sources: z.array(z.string()),
});
export type BriefingFigure = z.infer<typeof BriefingFigure>;

export const BriefingCell = z.union([z.object({ text: z.string() }).strict(), z.object({ figure: BriefingFigure }).strict()]);
export type BriefingCell = z.infer<typeof BriefingCell>;

export const BriefingRow = z.object({
  id: z.string().min(1).max(200),
  kind: z.enum(['data', 'group', 'total']),
  label: z.string().max(300),
  /** The area level of the row's figures: the disclosure check looks at neighbourhoods. */
  level: AreaKind.nullable(),
  /** By column id; a missing or null cell is empty. */
  cells: z.record(z.string(), BriefingCell.nullable()),
  /** Footnote markers shown after the row's label. */
  markers: z.array(z.string()),
});
export type BriefingRow = z.infer<typeof BriefingRow>;

export const Footnote = z.object({ marker: z.string().min(1).max(8), text: z.string().min(1).max(2000) });
export type Footnote = z.infer<typeof Footnote>;

/** One source of the figures used, as the source line and the Verantwoording sheet cite it. */
export const BriefingSource = z.object({
  key: z.string(),
  kind: z.enum(['file', 'document', 'seed', 'scenario', 'composition', 'index']),
  title: z.string(),
  file: z.string().nullable(),
  sheet: z.string().nullable(),
  sha256: z.string().nullable(),
  importedAt: z.string().nullable(),
  /** Scenario parameters, composition details or a composite index's definition: label and value, as text. */
  details: z.array(z.object({ label: z.string(), value: z.string() })),
  /** Cited whether or not a visible cell points to it (a scenario behind every figure). */
  always: z.boolean(),
});
export type BriefingSource = z.infer<typeof BriefingSource>;

export const DisclosureSettings = z.object({
  /** Counts below this at neighbourhood level are flagged (default 10). */
  threshold: z.number().int().min(1).max(1000),
  /** Show flagged counts as `x` (and drop their value from the export). */
  suppress: z.boolean(),
});
export type DisclosureSettings = z.infer<typeof DisclosureSettings>;

export const BriefingTable = z.object({
  /** "Tabel 1." — null leaves the number off. */
  number: z.number().int().min(1).max(999).nullable(),
  caption: z.string().max(300),
  subtitle: z.string().max(500).nullable(),
  /** Heading of the row labels ("Gebied", "Onderwerp"). */
  stubHeader: z.string().max(200),
  columns: z.array(BriefingColumn).min(1),
  rows: z.array(BriefingRow),
  /** Compute a total row from the exact values of the data rows (summable columns only). */
  total: z.object({ label: z.string() }).nullable(),
  footnotes: z.array(Footnote),
  sources: z.array(BriefingSource),
  disclosure: DisclosureSettings,
});
export type BriefingTable = z.infer<typeof BriefingTable>;

export const DEFAULT_DISCLOSURE: DisclosureSettings = { threshold: 10, suppress: false };
