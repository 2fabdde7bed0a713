import { z } from 'zod';
import { Id, Year, numParam, provenanceShape } from './param-schema';

/**
 * A funding stream: how much, when, how it is shared over areas, and what happens after its end year.
 * Amounts are in euro (not millions) so they match the store's observations.
 */

/**
 * `total`: a fixed nominal budget over [from, to] (e.g. EUR 256 million for 2023–2025), spread flat or
 * by `profile` weights. It is never indexed inside its period — a total is a total.
 * `perYear`: an amount per year from `from` (structural when `to` is absent), in prices of `from`;
 * indexation compounds from `from` (year from+1 gets one step).
 */
export const StreamAmount = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('total'),
    total: numParam({ min: 0 }),
    from: Year,
    to: Year,
    /** Relative weights per year of the period (length to − from + 1); flat when absent. */
    profile: z.array(z.number().min(0)).min(1).optional(),
    ...provenanceShape,
  }),
  z.strictObject({
    kind: z.literal('perYear'),
    perYear: numParam({ min: 0 }),
    from: Year,
    to: Year.optional(),
    ...provenanceShape,
  }),
]);
export type StreamAmount = z.infer<typeof StreamAmount>;

/**
 * What happens after the end year. Every continuation starts from the amount of the last year of the
 * period and is indexed from that year: year end+k gets (1 + indexation)^k.
 */
export const AfterEndRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('stop'), ...provenanceShape }),
  z.strictObject({
    kind: z.literal('continue'),
    /** Percent of the last year's amount (100 = unchanged). */
    pct: numParam({ min: 0 }),
    untilYear: Year,
    ...provenanceShape,
  }),
  z.strictObject({
    kind: z.literal('taper'),
    /** Linear to zero over N years: N/(N+1), (N−1)/(N+1), … 1/(N+1) of the last amount. */
    years: z.number().int().min(1).max(50),
    ...provenanceShape,
  }),
  z.strictObject({
    kind: z.literal('bundle'),
    /** The money continues inside this stream, with that stream's allocation key. */
    intoStreamId: Id,
    pct: numParam({ min: 0 }).default(100),
    /**
     * Percent of the continued amount saved because there is no separate administration any more.
     * The saving is taken off the money that continues (it does not reach the areas).
     */
    adminCostReductionPct: numParam({ min: 0, max: 100 }).default(0),
    /** Last year of the bundled contribution; the scenario's last year when absent. */
    untilYear: Year.optional(),
    ...provenanceShape,
  }),
]);
export type AfterEndRule = z.infer<typeof AfterEndRule>;

export const NeedIndicator = z.strictObject({
  /** Indicator code as in the store (inputs carry its value per area). */
  code: z.string().min(1),
  weight: numParam({ min: 0 }),
  /** Whether a higher value means more need (e.g. % low income) or less (e.g. average income). */
  direction: z.enum(['higher-is-more-need', 'lower-is-more-need']),
  ...provenanceShape,
});
export type NeedIndicator = z.infer<typeof NeedIndicator>;

/**
 * How a stream's money is shared over the focus areas.
 * `explicit`: euro per area over the stream's period (total kind) or per year (perYear kind); areas get
 * their share of the stream, what is not assigned stays visible only at programme level (never spread).
 * `need`: each indicator is scaled to its mean over the areas (1 = average), weighted, and the shares
 * follow that index — optionally times population, so need is per resident rather than per area.
 */
export const AllocationKey = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('explicit'),
    amounts: z.record(z.string().min(1), numParam({ min: 0 })),
    ...provenanceShape,
  }),
  z.strictObject({ kind: z.literal('equal'), ...provenanceShape }),
  z.strictObject({ kind: z.literal('population'), ...provenanceShape }),
  z.strictObject({
    kind: z.literal('need'),
    indicators: z.array(NeedIndicator).min(1),
    scaleByPopulation: z.boolean().default(false),
    ...provenanceShape,
  }),
]);
export type AllocationKey = z.infer<typeof AllocationKey>;

/** Sharing non-attributable money over municipalities (codes such as GM0363). */
export const MunicipalityKey = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('explicit'),
    amounts: z.record(z.string().min(1), numParam({ min: 0 })),
    ...provenanceShape,
  }),
  z.strictObject({ kind: z.literal('equal'), ...provenanceShape }),
  z.strictObject({ kind: z.literal('population'), ...provenanceShape }),
]);
export type MunicipalityKey = z.infer<typeof MunicipalityKey>;

export const FundingStream = z.strictObject({
  id: Id,
  name: z.string().min(1),
  ministry: z.string().min(1),
  amount: StreamAmount,
  /**
   * Percent of the amount that reaches the programme's areas or municipalities, for streams shared with
   * places outside the programme (Preventie met Gezag: 47 municipalities, 19 of them NPLV).
   */
  programmeSharePct: numParam({ min: 0, max: 100 }).default(100),
  indexationPctPerYear: numParam({ min: -100 }).optional(),
  afterEnd: AfterEndRule.default({ kind: 'stop' }),
  /** Default: equal over areas, flagged so the run lists it as an assumption. */
  allocation: AllocationKey.default({ kind: 'equal', status: 'te bevestigen' }),
  /** False for money without a per-area earmark (e.g. Gemeentefonds): shown at programme level only. */
  attributableToAreas: z.boolean().default(true),
  /** Only for non-attributable streams: adds municipality rows. */
  municipalityKey: MunicipalityKey.optional(),
  ...provenanceShape,
});
export type FundingStream = z.infer<typeof FundingStream>;
export type FundingStreamInput = z.input<typeof FundingStream>;
