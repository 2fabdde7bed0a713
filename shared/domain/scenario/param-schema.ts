import { z } from 'zod';

/**
 * Numeric parameters of a scenario. Every number an analyst can change is one of:
 *   - a bare number                          256000000
 *   - a number with provenance               { value: 256000000, source: 'Kamerstuk ...' }
 *   - a range for Monte Carlo                { low: 1, high: 3, dist: 'triangular', mode: 2 }
 * Provenance (`source`, `status: 'te bevestigen'`) can sit on any parameter object, so the UI can show
 * where each figure comes from and which ones the analyst still has to confirm.
 */

/** The only status we track: the figure is a placeholder the analyst must confirm. */
export const ParamStatus = z.literal('te bevestigen');
export type ParamStatus = z.infer<typeof ParamStatus>;

/** Spread into any parameter object. `note` explains a derived or assumed value in Dutch. */
export const provenanceShape = {
  source: z.string().min(1).optional(),
  status: ParamStatus.optional(),
  note: z.string().optional(),
};
export const Provenance = z.strictObject(provenanceShape);
export type Provenance = z.infer<typeof Provenance>;

export const Distribution = z.enum(['uniform', 'triangular']);
export type Distribution = z.infer<typeof Distribution>;

export interface NumBounds {
  min?: number;
  max?: number;
  /** Strictly positive (for divisors such as the cost per dwelling). */
  positive?: boolean;
}

function bounded(b: NumBounds): z.ZodNumber {
  let n = z.number();
  if (b.positive) n = n.positive();
  if (b.min !== undefined) n = n.min(b.min);
  if (b.max !== undefined) n = n.max(b.max);
  return n;
}

/**
 * Build the schema for one numeric parameter with bounds that apply to the value and to both ends of a
 * range (a range whose low end is negative would otherwise let Monte Carlo draw impossible amounts).
 */
export function numParam(b: NumBounds = {}) {
  const n = bounded(b);
  const point = z.strictObject({ value: n, ...provenanceShape });
  const range = z
    .strictObject({
      low: n,
      high: n,
      dist: Distribution,
      /** Most likely value of a triangular distribution; the midpoint when absent. */
      mode: n.optional(),
      /** Central value for the deterministic run; defaults to the mode or the midpoint. */
      value: n.optional(),
      ...provenanceShape,
    })
    .superRefine((r, ctx) => {
      if (r.low > r.high) ctx.addIssue({ code: 'custom', message: `range low (${r.low}) is above high (${r.high})` });
      if (r.mode !== undefined && (r.mode < r.low || r.mode > r.high)) {
        ctx.addIssue({ code: 'custom', path: ['mode'], message: `mode ${r.mode} lies outside [${r.low}, ${r.high}]` });
      }
      if (r.mode !== undefined && r.dist !== 'triangular') {
        ctx.addIssue({ code: 'custom', path: ['mode'], message: 'mode only applies to a triangular distribution' });
      }
      if (r.value !== undefined && (r.value < r.low || r.value > r.high)) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: `value ${r.value} lies outside [${r.low}, ${r.high}]` });
      }
    });
  return z.union([n, point, range]);
}

/** Structural type of any numeric parameter, whatever its bounds. */
export type NumParam =
  | number
  | ({ value: number } & Provenance)
  | ({ low: number; high: number; dist: Distribution; mode?: number | undefined; value?: number | undefined } & Provenance);

export type RangeParam = Extract<NumParam, { low: number }>;

export function isRange(p: NumParam): p is RangeParam {
  return typeof p === 'object' && 'low' in p;
}

/** The value a deterministic run uses: the number, the given value, the mode, or the midpoint. */
export function centralValue(p: NumParam): number {
  if (typeof p === 'number') return p;
  if (!isRange(p)) return p.value;
  if (p.value !== undefined) return p.value;
  if (p.dist === 'triangular' && p.mode !== undefined) return p.mode;
  return (p.low + p.high) / 2;
}

export function provenanceOf(p: NumParam | undefined): Provenance {
  if (p === undefined || typeof p === 'number') return {};
  return { source: p.source, status: p.status, note: p.note };
}

export const Year = z.number().int().min(1990).max(2100);

/** Identifiers of scenarios and streams. Must start with a letter or digit: `_totaal` is reserved. */
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'use letters, digits, ".", "_" or "-", starting with a letter or digit');
