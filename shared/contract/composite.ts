import { z } from 'zod';
import { CompareViewState } from './compare';
import { call } from './define';
import { Direction } from './model';

/**
 * A composite index of the analyst's own (issue 13): indicators with weights, standardised as
 * z-scores against a reference set, turned by direction, combined; each indicator's contribution
 * per area. Saved with a comparison view; the figures are compare.run's, for the view's areas and
 * period, so the index uses the numbers the grid shows.
 */
export const IndexDefinition = z
  .object({
    components: z.array(z.object({ indicatorCode: z.string().trim().min(1), weight: z.number().positive().max(1000) }).strict()).min(1).max(50),
    /**
     * What the z-scores are taken against: the areas of the view ('shown'), the 20 focus areas
     * ('focus'), or a list of area codes (e.g. all districts of a city).
     */
    reference: z.union([z.literal('shown'), z.literal('focus'), z.object({ areaCodes: z.array(z.string()).min(2).max(50_000) }).strict()]).default('shown'),
    /** An area missing a figure: left out ('exclude'), or scored over the indicators it has ('reweight'). */
    missing: z.enum(['exclude', 'reweight']).default('exclude'),
  })
  .strict();
export type IndexDefinition = z.infer<typeof IndexDefinition>;

export const IndexComponentStats = z.object({
  indicatorCode: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  direction: Direction,
  period: z.string().nullable(),
  weight: z.number(),
  /** The weight as a share of all weights. */
  share: z.number(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  /** Reference areas with a figure. */
  n: z.number().int(),
  /** Dutch: why the indicator could not be standardised; it then counts for no area. */
  unusable: z.string().nullable(),
});

export const IndexRow = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  score: z.number(),
  rank: z.number().int(),
  /** Per indicator code: its part of the score; the parts add up to the score. */
  contributions: z.record(z.string(), z.number()),
  zScores: z.record(z.string(), z.number()),
  /** Indicators the area had no figure for (only with missing = 'reweight'). */
  missing: z.array(z.string()),
});
export type IndexRow = z.infer<typeof IndexRow>;

export const IndexResult = z.object({
  viewName: z.string().nullable(),
  definition: IndexDefinition,
  period: z.string(),
  rows: z.array(IndexRow),
  excluded: z.array(z.object({ areaCode: z.string(), areaName: z.string(), missing: z.array(z.string()) })),
  stats: z.array(IndexComponentStats),
  referenceCount: z.number().int(),
});
export type IndexResult = z.infer<typeof IndexResult>;

const ViewName = z.string().trim().min(1).max(200);

export const compositeCalls = {
  'index.run': call(
    z
      .object({
        /** A saved view: its areas and period, and (unless given here) its saved index. */
        view: ViewName.optional(),
        state: CompareViewState.optional(),
        definition: IndexDefinition.optional(),
      })
      .strict()
      .refine((v) => v.view !== undefined || (v.state !== undefined && v.definition !== undefined), { message: 'give a view, or a state and a definition' }),
    IndexResult,
    "Composite index over a view's areas: z-scores against a reference set, direction-aware, weighted; score, rank and each indicator's contribution.",
  ),
  'index.save': call(
    z.object({ view: ViewName, definition: IndexDefinition }).strict(),
    z.object({ view: ViewName, definition: IndexDefinition }),
    'Save a composite index definition with a saved comparison view.',
  ),
  'index.get': call(z.object({ view: ViewName }).strict(), IndexDefinition.nullable(), "A saved view's composite index definition, or null."),
};
