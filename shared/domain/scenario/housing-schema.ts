import { z } from 'zod';
import { Id, Year, numParam, provenanceShape } from './param-schema';

/**
 * Housing parameters for one area (a focus area code, a municipality code, or `NPLV` for the programme
 * as a whole when the figures are only known in total — as in the letter of 17 October 2024).
 * Counts are dwellings; fractional dwellings are kept in the arithmetic and rounded only for display.
 */

/** Percent per tenure; normalised when used, checked to add up to 100 at the central values. */
export const TenureMix = z.strictObject({
  socialPct: numParam({ min: 0, max: 100 }),
  privatePct: numParam({ min: 0, max: 100 }),
  ownerPct: numParam({ min: 0, max: 100 }),
  ...provenanceShape,
});
export type TenureMix = z.infer<typeof TenureMix>;

export const DwellingStock = z.strictObject({
  social: numParam({ min: 0 }),
  private: numParam({ min: 0 }),
  owner: numParam({ min: 0 }),
  ...provenanceShape,
});
export type DwellingStock = z.infer<typeof DwellingStock>;

/**
 * How many improvements can start each year.
 * `fixed`: a number per year. `budget`: euro per year / cost per dwelling.
 * `stream`: the yearly amount a funding stream gives this area (its row for this area code; `NPLV` reads
 * the programme row) × sharePct / cost per dwelling — so when the stream stops, starts stop, and
 * completions stop one lead time later.
 */
export const ImprovementCapacity = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('fixed'),
    perYear: numParam({ min: 0 }),
    /** Optional: only used to report cost. */
    costPerDwelling: numParam({ positive: true }).optional(),
    ...provenanceShape,
  }),
  z.strictObject({
    kind: z.literal('budget'),
    budgetPerYear: numParam({ min: 0 }),
    costPerDwelling: numParam({ positive: true }),
    ...provenanceShape,
  }),
  z.strictObject({
    kind: z.literal('stream'),
    streamId: Id,
    sharePct: numParam({ min: 0, max: 100 }).default(100),
    costPerDwelling: numParam({ positive: true }),
    ...provenanceShape,
  }),
]);
export type ImprovementCapacity = z.infer<typeof ImprovementCapacity>;

/** Dwellings in preparation (e.g. 15,000 with the Woningbouwimpuls), completed over [from, to]. */
export const NewConstruction = z.strictObject({
  pipeline: numParam({ min: 0 }),
  realisationPct: numParam({ min: 0, max: 100 }),
  from: Year,
  to: Year,
  /** Relative completion weights per year of [from, to]; flat when absent. */
  profile: z.array(z.number().min(0)).min(1).optional(),
  /** Needed only when the stock is given (to keep the stock by tenure). */
  tenureMix: TenureMix.optional(),
  ...provenanceShape,
});
export type NewConstruction = z.infer<typeof NewConstruction>;

export const Demolition = z.strictObject({
  perYear: numParam({ min: 0 }),
  from: Year,
  to: Year,
  tenureMix: TenureMix.optional(),
  /** Percent of demolished dwellings that were poor-quality and not yet in an improvement project. */
  poorQualitySharePct: numParam({ min: 0, max: 100 }).default(0),
  ...provenanceShape,
});
export type Demolition = z.infer<typeof Demolition>;

export const HousingArea = z.strictObject({
  areaCode: z.string().min(1),
  /** Optional: without it, stock by tenure and social-rent share are reported as unknown (null). */
  stock: DwellingStock.optional(),
  /** Poor-quality dwellings at the start, including those whose improvement has started. */
  poorQuality: numParam({ min: 0 }),
  /** Of which improvement has started; they complete evenly over the next lead-time years. */
  inProgress: numParam({ min: 0 }).default(0),
  /** Improved before the start year; only carried into the cumulative count. */
  improvedToDate: numParam({ min: 0 }).default(0),
  capacity: ImprovementCapacity,
  /** Years from start to completion; a fractional value splits completions over two years. */
  leadTimeYears: numParam({ min: 0, max: 20 }),
  newConstruction: NewConstruction.optional(),
  demolition: Demolition.optional(),
  /** Target: remaining poor-quality dwellings at or below this number. */
  targetRemaining: numParam({ min: 0 }).default(0),
  ...provenanceShape,
});
export type HousingArea = z.infer<typeof HousingArea>;

export const Housing = z.strictObject({
  /** State of the areas at the start of this year; the scenario's first year when absent. */
  startYear: Year.optional(),
  /** Last year simulated; the scenario's last year when absent. Must lie within the scenario years. */
  horizon: Year.optional(),
  areas: z.array(HousingArea).min(1),
  ...provenanceShape,
});
export type Housing = z.infer<typeof Housing>;
