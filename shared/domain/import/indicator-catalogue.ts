import { z } from 'zod';
import { Aggregation, Direction, Theme } from '../../contract/model';
import { nameKey } from '../areas/normalise-name';
import { UnitCode } from '../numbers/units';

/**
 * The indicator catalogue (resources/indicators/*.json): what each known variable is called, its
 * unit, theme and how it aggregates. Pure: the caller reads and parses the JSON file; this module
 * checks it and builds the lookups the importer uses to suggest an indicator for a column.
 */
export const CatalogueIndicator = z
  .object({
    code: z.string().regex(/^[a-z0-9_]+$/, 'indicator codes are lower-case CBS-style short codes'),
    name: z.string().min(1),
    /** StatLine key without its edition-specific "_5" suffix, where known. */
    statline: z.string().nullable(),
    unit: UnitCode,
    theme: Theme,
    aggregation: Aggregation,
    /** The indicator a weighted mean is weighted by. */
    weight: z.string().nullable(),
    direction: Direction,
    /** null where the CBS definition is not stated here (it is not guessed). */
    definition: z.string().nullable(),
    note: z.string().optional(),
  })
  .refine((i) => (i.aggregation === 'weighted_mean') === (i.weight !== null), {
    message: 'a weighted mean needs a weight indicator, and only a weighted mean has one',
  });
export type CatalogueIndicator = z.infer<typeof CatalogueIndicator>;

export const IndicatorCatalogueFile = z
  .object({
    catalogue: z.string(),
    title: z.string(),
    edition: z.number().int().optional(),
    source: z.string(),
    identifierColumns: z.array(z.object({ code: z.string(), role: z.enum(['area_code', 'area_name', 'parent_name', 'area_level']) })).default([]),
    indicators: z.array(CatalogueIndicator),
  })
  .superRefine((cat, ctx) => {
    const codes = new Set<string>();
    for (const i of cat.indicators) {
      if (codes.has(i.code)) ctx.addIssue({ code: 'custom', message: `indicator ${i.code} is listed twice` });
      codes.add(i.code);
    }
    for (const i of cat.indicators) {
      if (i.weight && !codes.has(i.weight)) ctx.addIssue({ code: 'custom', message: `${i.code} is weighted by unknown indicator ${i.weight}` });
    }
  });
export type IndicatorCatalogueFile = z.infer<typeof IndicatorCatalogueFile>;

export interface IndicatorCatalogue {
  indicators: CatalogueIndicator[];
  byCode: Map<string, CatalogueIndicator>;
  /** StatLine stem, lower-cased → indicator. */
  byStatline: Map<string, CatalogueIndicator>;
  /** nameKey of the Dutch name → indicators (names can repeat across catalogues). */
  byName: Map<string, CatalogueIndicator[]>;
  identifierColumns: Map<string, IndicatorCatalogueFile['identifierColumns'][number]['role']>;
}

/** "AantalInwoners_5" → "aantalinwoners": the suffix is a column number that changes per edition. */
export function statlineStem(key: string): string {
  return key.trim().replace(/_\d+$/, '').toLowerCase();
}

/** Validates parsed catalogue JSON (one or several files) and builds the lookups. */
export function loadCatalogue(...parsedFiles: unknown[]): IndicatorCatalogue {
  const cat: IndicatorCatalogue = { indicators: [], byCode: new Map(), byStatline: new Map(), byName: new Map(), identifierColumns: new Map() };
  for (const raw of parsedFiles) {
    const file = IndicatorCatalogueFile.parse(raw);
    for (const i of file.indicators) {
      if (cat.byCode.has(i.code)) throw new Error(`indicator ${i.code} is defined in more than one catalogue`);
      cat.indicators.push(i);
      cat.byCode.set(i.code, i);
      if (i.statline) cat.byStatline.set(statlineStem(i.statline), i);
      const key = nameKey(i.name);
      cat.byName.set(key, [...(cat.byName.get(key) ?? []), i]);
    }
    for (const id of file.identifierColumns) cat.identifierColumns.set(id.code, id.role);
  }
  return cat;
}

/** An empty catalogue, for files with only new indicators (and for tests). */
export function emptyCatalogue(): IndicatorCatalogue {
  return loadCatalogue();
}
