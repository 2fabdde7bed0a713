import { z } from 'zod';

// Shapes shared by several contract features. Field names are camelCase on the wire;
// the CLI's --json output converts to snake_case.

export const AreaKind = z.enum(['country', 'municipality', 'district', 'neighbourhood', 'focus_area', 'programme', 'other']);
export type AreaKind = z.infer<typeof AreaKind>;

export const Area = z.object({
  code: z.string(),
  name: z.string(),
  kind: AreaKind,
  parentCode: z.string().nullable(),
  parentName: z.string().nullable(),
  source: z.string().nullable(),
  /** The municipality the area lies in (itself for a municipality; a buurt's through its wijk), where the store knows it. */
  municipalityCode: z.string().nullable().default(null),
  municipalityName: z.string().nullable().default(null),
});
export type Area = z.infer<typeof Area>;

export const Theme = z.enum(['wonen', 'meedoen', 'veiligheid', 'financien', 'bevolking', 'overig']);
export const Aggregation = z.enum(['sum', 'weighted_mean', 'none']);
export const Direction = z.enum(['higher_better', 'higher_worse', 'neutral']);

export const Indicator = z.object({
  code: z.string(),
  name: z.string(),
  theme: Theme,
  unit: z.string(),
  aggregation: Aggregation,
  weightIndicatorCode: z.string().nullable(),
  direction: Direction,
  definition: z.string().nullable(),
  needsReview: z.boolean(),
});
export type Indicator = z.infer<typeof Indicator>;

/** CBS signs are data with a meaning, never zeros. */
export const Sign = z.enum(['unknown', 'secret', 'nil', 'provisional', 'revised_provisional', 'less_than_half_unit', 'cannot_occur']);
export type Sign = z.infer<typeof Sign>;
export const Qualifier = z.enum(['about', 'nearly', 'at_least', 'at_most', 'more_than', 'estimate']);
export type Qualifier = z.infer<typeof Qualifier>;

export const SourceRef = z.object({
  id: z.number().int(),
  kind: z.enum(['file', 'document', 'seed']),
  title: z.string(),
  file: z.string().nullable(),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  raw: z.string().nullable(),
  importedAt: z.string(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const Observation = z.object({
  id: z.number().int(),
  areaCode: z.string(),
  areaName: z.string(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  period: z.string(),
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  qualifier: Qualifier.nullable(),
  sign: Sign.nullable(),
  superseded: z.boolean(),
  source: SourceRef,
});
export type Observation = z.infer<typeof Observation>;
