import { z } from 'zod';
import { DisclosureSettings, Footnote, RoundingRule, type BriefingTable } from './schema';

/**
 * A briefing as the analyst builds and saves it: where its figures come from and how the table is
 * laid out. Saved by name, it is re-run on the store of the day (`export --briefing NAME`): the
 * figures and the source line are read again, the layout stays.
 */

export const BriefingOrigin = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('programme') }).strict(),
  z
    .object({
      kind: z.literal('scenario'),
      /** A saved scenario's id or name, or a shipped template's id. */
      scenario: z.string().trim().min(1).max(200),
      /** funding: amounts per area and year; housing: remaining poor-quality dwellings; bands: Monte Carlo P10/P50/P90 of the programme total. */
      table: z.enum(['funding', 'housing', 'bands']).default('funding'),
      runs: z.number().int().min(10).max(20_000).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('view'), view: z.string().trim().min(1).max(200) }).strict(),
  /** Stored figures as they are: areas (codes or names) × indicator codes, of a period or the latest. */
  z
    .object({
      kind: z.literal('figures'),
      areas: z.array(z.string().trim().min(1).max(200)).min(1).max(5000),
      indicators: z.array(z.string().trim().min(1).max(64)).min(1).max(500),
      period: z.string().max(20).nullable().default(null),
    })
    .strict(),
]);
export type BriefingOrigin = z.infer<typeof BriefingOrigin>;

export const BriefingLayoutSpec = z
  .object({
    number: z.number().int().min(1).max(999).nullable().optional(),
    caption: z.string().max(300).optional(),
    subtitle: z.string().max(500).nullable().optional(),
    /** Column ids in the order shown; absent: all, as the origin gives them. */
    columns: z.array(z.string()).optional(),
    /** Row ids in the order shown; absent: all. */
    rows: z.array(z.string()).optional(),
    /** Per column id. */
    labels: z.record(z.string(), z.string().max(200)).optional(),
    rules: z.record(z.string(), RoundingRule).optional(),
    footnotes: z.array(Footnote).optional(),
    /** Add a total row (summable columns) or not; absent: as the origin suggests. */
    total: z.boolean().optional(),
    disclosure: DisclosureSettings.partial().optional(),
  })
  .strict();
export type BriefingLayoutSpec = z.infer<typeof BriefingLayoutSpec>;

export const BriefingSpec = z.object({ origin: BriefingOrigin, layout: BriefingLayoutSpec.default({}) }).strict();
export type BriefingSpec = z.infer<typeof BriefingSpec>;
export type BriefingSpecInput = z.input<typeof BriefingSpec>;

/** The origin's whole table narrowed and ordered as the layout says. Unknown ids are skipped (a re-run next year may have other rows). */
export function applyLayout(base: BriefingTable, layout: BriefingLayoutSpec): BriefingTable {
  const byId = new Map(base.columns.map((c) => [c.id, c]));
  const columns = (layout.columns ? layout.columns.map((id) => byId.get(id)).filter((c) => c !== undefined) : base.columns).map((c) => ({
    ...c,
    label: layout.labels?.[c.id] ?? c.label,
    rule: layout.rules?.[c.id] ?? c.rule,
  }));
  const rowsById = new Map(base.rows.map((r) => [r.id, r]));
  const rows = layout.rows ? layout.rows.map((id) => rowsById.get(id)).filter((r) => r !== undefined) : base.rows;
  const total = layout.total === undefined ? base.total : layout.total ? (base.total ?? { label: 'Totaal' }) : null;
  return {
    ...base,
    number: layout.number !== undefined ? layout.number : base.number,
    caption: layout.caption ?? base.caption,
    subtitle: layout.subtitle !== undefined ? layout.subtitle : base.subtitle,
    columns,
    rows: total === null ? rows : rows.filter((r) => r.kind !== 'total'),
    total,
    footnotes: layout.footnotes ?? base.footnotes,
    disclosure: { ...base.disclosure, ...layout.disclosure },
  };
}
