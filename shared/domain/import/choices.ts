import { z } from 'zod';
import { unitFromHeader } from '../numbers/unit-from-header';
import { conversionFactor, UnitCode } from '../numbers/units';
import type { ImportPlan, MeasurePlan } from './import-plan';
import type { IndicatorCatalogue } from './indicator-catalogue';

/**
 * What the analyst decided on top of detection: which indicator (and unit) each column, variable
 * or row becomes, which areas to create, confirm, link or leave out. The preview is rebuilt with
 * the choices, and the commit applies the same choices to the same walk, so the preview shows
 * exactly what will be written.
 */
export const IndicatorCode = z.string().trim().regex(/^[a-z][a-z0-9_]{0,63}$/, 'an indicator code is lower case: letters, digits and _, starting with a letter');

export const MeasureChoice = z
  .object({
    /** The measure's key as the preview gives it (column label, variable, row label). */
    key: z.string().min(1),
    /** An indicator in the catalogue or the store, or a new code. */
    indicator: IndicatorCode.optional(),
    /** Name for a new indicator. */
    name: z.string().trim().min(1).max(300).optional(),
    unit: UnitCode.optional(),
    include: z.boolean().optional(),
  })
  .strict();
export type MeasureChoice = z.infer<typeof MeasureChoice>;

export const AreaChoice = z.discriminatedUnion('action', [
  /** This label is that area (confirms a close match, links a publisher code or a name); remembered as an alias. */
  z.object({ label: z.string().min(1), action: z.literal('use'), code: z.string().trim().min(1).max(64) }).strict(),
  /** Leave this area's rows out. */
  z.object({ label: z.string().min(1), action: z.literal('skip') }).strict(),
  /** Create this CBS area (with its parents from the code) although new areas are not created. */
  z.object({ label: z.string().min(1), action: z.literal('create') }).strict(),
]);
export type AreaChoice = z.infer<typeof AreaChoice>;

export const AreaPolicy = z
  .object({
    /** CBS codes the store does not know yet: create them (with the hierarchy from the code) or skip their rows. */
    newAreas: z.enum(['create', 'skip']).default('create'),
    /** Close name matches: 'ask' leaves them to confirm one by one (unconfirmed rows are not imported); 'accept' takes every suggestion. */
    fuzzy: z.enum(['ask', 'accept']).default('ask'),
    choices: z.array(AreaChoice).max(20_000).default([]),
    /** Remember confirmed and linked names and codes as aliases, so the next file matches at once. */
    remember: z.boolean().default(true),
  })
  .strict();
export type AreaPolicy = z.infer<typeof AreaPolicy>;
export type AreaPolicyInput = z.input<typeof AreaPolicy>;

export const ImportChoices = z
  .object({
    measures: z.array(MeasureChoice).max(20_000).default([]),
    areas: AreaPolicy.default({ newAreas: 'create', fuzzy: 'ask', choices: [], remember: true }),
  })
  .strict();
export type ImportChoices = z.infer<typeof ImportChoices>;
export type ImportChoicesInput = z.input<typeof ImportChoices>;

/** The measure with the analyst's indicator, unit and inclusion; the scale follows the new unit. */
function chosen(m: MeasurePlan, c: MeasureChoice, catalogue: IndicatorCatalogue): MeasurePlan {
  let next: MeasurePlan = { ...m };
  if (c.indicator && c.indicator !== m.indicator.code) {
    const known = catalogue.byCode.get(c.indicator);
    next.indicator = known
      ? { code: known.code, name: known.name, isNew: false, confidence: 1, via: 'code', unit: known.unit }
      : { code: c.indicator, name: c.name ?? m.indicator.name, isNew: true, confidence: 1, via: 'new' };
    if (known) next = { ...next, unit: known.unit, unitSource: 'catalogue' };
  } else if (c.name && m.indicator.isNew) {
    next.indicator = { ...m.indicator, name: c.name };
  }
  if (c.unit) next = { ...next, unit: c.unit, unitSource: 'recipe' };
  if (next.unit !== m.unit) {
    // "(x 1 000)" in the header still multiplies; a header unit of another kind no longer converts.
    const header = m.headerUnit ?? unitFromHeader(m.label);
    const factor = header.base ? conversionFactor({ base: header.base, factor: header.factor }, next.unit) : header.factor;
    next.scale = factor ?? 1;
    delete next.unitMismatch;
  }
  if (c.include !== undefined) {
    next.include = c.include;
    if (c.include) delete next.excludedBecause;
    else next.excludedBecause = 'left out by the analyst';
  }
  return next;
}

export function applyMeasureChoices(plan: ImportPlan, choices: readonly MeasureChoice[], catalogue: IndicatorCatalogue): ImportPlan {
  if (choices.length === 0) return plan;
  const byKey = new Map(choices.map((c) => [c.key, c]));
  return { ...plan, measures: plan.measures.map((m) => (byKey.has(m.key) ? chosen(m, byKey.get(m.key) as MeasureChoice, catalogue) : m)) };
}
