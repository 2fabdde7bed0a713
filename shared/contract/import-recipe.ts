import { z } from 'zod';
import { UnitCode } from '../domain/numbers/units';

/**
 * A saved import recipe (the store's `mapping.recipe_json`): what the analyst confirmed for a file,
 * written so it applies to next year's file of the same shape. Columns are found again by their
 * normalised header label, not by letter, so an inserted column does not shift the mapping; the
 * period is re-read from next year's file unless the analyst fixed it. Rows are 1-based.
 */
export const RecipeMeasure = z.object({
  /** shapeKey of the column label / long variable / transposed row label. */
  key: z.string(),
  indicator: z.string(),
  indicatorName: z.string(),
  isNew: z.boolean(),
  unit: UnitCode,
  scale: z.number().positive(),
  include: z.boolean(),
});
export type RecipeMeasure = z.infer<typeof RecipeMeasure>;

export const Recipe = z.object({
  version: z.literal(1),
  layout: z.enum(['wide', 'long', 'transposed', 'dictionary', 'composition']),
  headerRows: z.array(z.number().int().positive()),
  area: z.object({
    /** shapeKey of the code and name column headers (wide, long). */
    codeHeader: z.string().nullable(),
    nameHeader: z.string().nullable(),
    /** Header rows with codes and names (transposed). */
    codeRow: z.number().int().positive().nullable(),
    nameRow: z.number().int().positive().nullable(),
    level: z.enum(['country', 'municipality', 'district', 'neighbourhood']).nullable(),
    padded: z.boolean(),
    context: z.string(),
    within: z.string().nullable(),
  }),
  period: z.discriminatedUnion('source', [
    z.object({ source: z.literal('column'), header: z.string() }),
    z.object({ source: z.literal('header') }),
    /** Read again from the new file's title, sheet or file name. */
    z.object({ source: z.literal('auto') }),
    z.object({ source: z.literal('fixed'), period: z.string() }),
  ]),
  measures: z.array(RecipeMeasure),
  decimalSeparator: z.enum([',', '.']).nullable(),
  /** The shape keys the recipe was made from, for matching files that changed a little. */
  shapeKeys: z.array(z.string()),
});
export type Recipe = z.infer<typeof Recipe>;
