import { z } from 'zod';
import { UnitCode } from '../domain/numbers/units';

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

/** The level areas created from names get (CLI --level, the wizard's areas step). */
export const NamedAreaLevel = z.enum(['buurt', 'wijk', 'eigen']);
export type NamedAreaLevel = z.infer<typeof NamedAreaLevel>;

export const AreaPolicy = z
  .object({
    /** CBS codes the store does not know yet: create them (with the hierarchy from the code) or skip their rows. */
    newAreas: z.enum(['create', 'skip']).default('create'),
    /** Close name matches: 'ask' leaves them to confirm one by one (unconfirmed rows are not imported); 'accept' takes every suggestion. */
    fuzzy: z.enum(['ask', 'accept']).default('ask'),
    choices: z.array(AreaChoice).max(20_000).default([]),
    /** Remember confirmed and linked names and codes as aliases, so the next file matches at once. */
    remember: z.boolean().default(true),
    /**
     * Areas given by name only: names no area in the store has become areas of this gemeente (a
     * generated stable code, the name as display name and alias). Close names stay to confirm.
     */
    under: z.string().trim().toUpperCase().regex(/^GM\d{4}$/, 'a gemeente code: GM and four digits (GM0344)').optional(),
    /** The level of those areas: CBS buurt or wijk, or the municipality's own division ("eigen indeling"). */
    level: NamedAreaLevel.optional(),
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
