import { z } from 'zod';

/** A briefing table as it reads: every renderer draws this, nothing else. */

export const LaidCell = z.object({
  /** What the reader sees ("ca. 15.000", "256,0", "x", "30.000–40.000"). */
  text: z.string(),
  /** The exact stored value for a numeric cell; null for text, ranges, signs and suppressed counts. */
  value: z.number().nullable(),
  /** Excel number format (en-US codes as stored in .xlsx) that shows `value` as `text` reads; null for text. */
  numFmt: z.string().nullable(),
  align: z.enum(['left', 'right']),
  /** The text is the value and nothing else but rounding (no qualifier, sign, note or unit words): data exports may write the number. */
  plain: z.boolean(),
  /** The figure is below the disclosure threshold (shown, or suppressed as x). */
  flagged: z.boolean(),
});
export type LaidCell = z.infer<typeof LaidCell>;

export const LaidRow = z.object({
  id: z.string(),
  kind: z.enum(['data', 'group', 'total']),
  /** Label with its footnote markers ("Totaal 1)"). */
  label: z.string(),
  cells: z.array(LaidCell),
});
export type LaidRow = z.infer<typeof LaidRow>;

export const LaidColumn = z.object({
  id: z.string(),
  /** Heading with the unit when the table has no shared one ("Aandeel (%)"). */
  header: z.string(),
  /** Excel number format for the column's plain figures; null for a text column. */
  numFmt: z.string().nullable(),
  /** Plain figures read in this unit: 1e6 for a column in euro million, else 1 (the CSV writes value / scale). */
  scale: z.number(),
  /** A width in characters that fits the header and every cell. */
  width: z.number().int(),
});
export type LaidColumn = z.infer<typeof LaidColumn>;

export const DisclosureFlag = z.object({ rowId: z.string(), rowLabel: z.string(), columnId: z.string(), columnHeader: z.string(), value: z.number() });
export type DisclosureFlag = z.infer<typeof DisclosureFlag>;

export const BriefingLayout = z.object({
  /** "Tabel 1. Programmacijfers NPLV". */
  title: z.string(),
  subtitle: z.string().nullable(),
  /** A unit shared by the whole table ("Bedragen × € 1 mln"), or null. */
  unitHeading: z.string().nullable(),
  /** Heading of the row labels' column. */
  stubHeader: z.string(),
  stubWidth: z.number().int(),
  columns: z.array(LaidColumn),
  rows: z.array(LaidRow),
  /** The analyst's footnotes, then the generated ones (rounding, suppression). */
  footnotes: z.array(z.object({ marker: z.string(), text: z.string() })),
  /** The CBS signs used in the table, with their meaning ("x  Geheim …"). */
  legend: z.array(z.object({ sign: z.string(), text: z.string() })),
  /** "Bron: Kamerstuk 30 995 nr. 104 (17 oktober 2024)." */
  sourceLine: z.string(),
  /** Keys of the sources cited (those of visible figures, and those cited always). */
  sourceKeys: z.array(z.string()),
  disclosure: z.object({ threshold: z.number().int(), suppressed: z.boolean(), flags: z.array(DisclosureFlag) }),
});
export type BriefingLayout = z.infer<typeof BriefingLayout>;
