import { z } from 'zod';
import { AppError } from '../../errors';
import { FundingStream } from './funding-schema';
import { Housing } from './housing-schema';
import { Id, Year, provenanceShape } from './param-schema';

export * from './param-schema';
export * from './funding-schema';
export * from './housing-schema';

/** Area code of rows for the programme as a whole. */
export const PROGRAMME_AREA_CODE = 'NPLV';
/** Stream id of the per-area / programme total over all streams (ids cannot start with "_"). */
export const TOTAL_STREAM_ID = '_totaal';
export const SCENARIO_SCHEMA_VERSION = 1;

const ScenarioShape = z.strictObject({
  schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION),
  id: Id,
  name: z.string().min(1),
  description: z.string().optional(),
  /** Output years, inclusive. */
  years: z.strictObject({ from: Year, to: Year }),
  /** Scenario to compare with; the caller resolves the id (shipped template ids resolve themselves). */
  baseline: z.strictObject({ id: Id, ...provenanceShape }).optional(),
  streams: z.array(FundingStream).default([]),
  housing: Housing.optional(),
  /** Defaults for Monte Carlo; callers may override. */
  uncertainty: z
    .strictObject({
      runs: z.number().int().min(1).max(100_000).default(2000),
      seed: z.number().int().min(0).max(0xffffffff).default(1),
    })
    .optional(),
  ...provenanceShape,
});

type Shape = z.infer<typeof ScenarioShape>;
type Ctx = z.RefinementCtx;

function issue(ctx: Ctx, path: (string | number)[], message: string): void {
  ctx.addIssue({ code: 'custom', path, message });
}

/** Checks across fields that a per-field schema cannot express. Messages are English (logs, details). */
function crossCheck(d: Shape, ctx: Ctx): void {
  const { from, to } = d.years;
  if (to < from) issue(ctx, ['years', 'to'], `years.to (${to}) is before years.from (${from})`);
  if (to - from > 60) issue(ctx, ['years'], 'a scenario spans at most 61 years');
  if (d.baseline?.id === d.id) issue(ctx, ['baseline', 'id'], 'a scenario cannot be its own baseline');

  const ids = new Set<string>();
  d.streams.forEach((s, i) => {
    const at = (...p: (string | number)[]) => ['streams', i, ...p];
    if (ids.has(s.id)) issue(ctx, at('id'), `duplicate stream id "${s.id}"`);
    ids.add(s.id);
    const a = s.amount;
    if (a.to !== undefined && a.to < a.from) issue(ctx, at('amount', 'to'), `stream "${s.id}" ends (${a.to}) before it starts (${a.from})`);
    if (a.kind === 'total' && a.profile) {
      const n = a.to - a.from + 1;
      if (a.profile.length !== n) issue(ctx, at('amount', 'profile'), `profile has ${a.profile.length} weights for ${n} years ${a.from}–${a.to}`);
      if (!a.profile.some((w) => w > 0)) issue(ctx, at('amount', 'profile'), 'profile weights must not all be zero');
    }
    const end = a.to;
    const rule = s.afterEnd;
    if (end === undefined && rule.kind !== 'stop') {
      issue(ctx, at('afterEnd'), `stream "${s.id}" is structural (no end year), so it cannot have an after-end rule`);
    }
    if (end !== undefined && (rule.kind === 'continue' || (rule.kind === 'bundle' && rule.untilYear !== undefined))) {
      const until = rule.untilYear as number;
      if (until <= end) issue(ctx, at('afterEnd', 'untilYear'), `untilYear ${until} must be after the stream's last year ${end}`);
    }
    if (s.municipalityKey && s.attributableToAreas) {
      issue(ctx, at('municipalityKey'), 'a municipality key only applies to a stream with attributableToAreas: false');
    }
  });
  d.streams.forEach((s, i) => {
    if (s.afterEnd.kind !== 'bundle') return;
    const target = s.afterEnd.intoStreamId;
    if (target === s.id) issue(ctx, ['streams', i, 'afterEnd', 'intoStreamId'], `stream "${s.id}" cannot be bundled into itself`);
    else if (!ids.has(target)) issue(ctx, ['streams', i, 'afterEnd', 'intoStreamId'], `unknown stream "${target}"`);
  });

  const h = d.housing;
  if (!h) return;
  const start = h.startYear ?? from;
  const horizon = h.horizon ?? to;
  if (start < from || start > to) issue(ctx, ['housing', 'startYear'], `housing startYear ${start} lies outside the scenario years ${from}–${to}`);
  if (horizon < start || horizon > to) issue(ctx, ['housing', 'horizon'], `housing horizon ${horizon} must lie within ${start}–${to}`);
  const codes = new Set<string>();
  h.areas.forEach((a, i) => {
    const at = (...p: (string | number)[]) => ['housing', 'areas', i, ...p];
    if (codes.has(a.areaCode)) issue(ctx, at('areaCode'), `duplicate housing area "${a.areaCode}"`);
    codes.add(a.areaCode);
    if (a.capacity.kind === 'stream' && !ids.has(a.capacity.streamId)) {
      issue(ctx, at('capacity', 'streamId'), `unknown stream "${a.capacity.streamId}"`);
    }
    for (const key of ['newConstruction', 'demolition'] as const) {
      const part = a[key];
      if (part && part.to < part.from) issue(ctx, at(key, 'to'), `${key} ends (${part.to}) before it starts (${part.from})`);
    }
    const nc = a.newConstruction;
    if (nc?.profile && nc.profile.length !== nc.to - nc.from + 1) {
      issue(ctx, at('newConstruction', 'profile'), `profile has ${nc.profile.length} weights for ${nc.to - nc.from + 1} years`);
    }
    if (a.stock && nc && !nc.tenureMix) issue(ctx, at('newConstruction', 'tenureMix'), 'give a tenure mix: the stock is kept by tenure');
    if (a.stock && a.demolition && !a.demolition.tenureMix) issue(ctx, at('demolition', 'tenureMix'), 'give a tenure mix: the stock is kept by tenure');
  });
}

/** A versioned scenario definition. The schema is the type. */
export const ScenarioDefinition = ScenarioShape.superRefine(crossCheck);
export type ScenarioDefinition = z.infer<typeof ScenarioDefinition>;
/** What a caller may write (defaults not yet applied). */
export type ScenarioDefinitionInput = z.input<typeof ScenarioDefinition>;

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(root)';
}

/**
 * Flatten zod issues to "path: message" lines. For a failed union (a parameter that is neither a number,
 * nor {value}, nor a range) report the branch that got furthest, so the analyst sees "low: expected number"
 * instead of a bare "Invalid input".
 */
function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): string[] {
  const lines: string[] = [];
  for (const i of issues) {
    const path = [...prefix, ...i.path];
    if (i.code === 'invalid_union' && i.errors.length > 0) {
      const best = [...i.errors].sort((a, b) => score(a) - score(b))[0] ?? [];
      if (best.length > 0 && score(best) < 100) {
        lines.push(...describeIssues(best, path));
        continue;
      }
      // Every branch failed on the type itself: this is a numeric parameter with the wrong shape.
      const missing = i.errors.some((b) => b.some((x) => x.message.includes('received undefined')));
      lines.push(`${formatPath(path)}: ${missing ? 'required' : 'wrong type'}: give a number, { value } or a range { low, high, dist }`);
      continue;
    }
    lines.push(`${formatPath(path)}: ${i.message}`);
  }
  return lines;
}

/** Lower is a better match: branches that only failed deeper inside the object beat type mismatches. */
function score(branch: readonly z.core.$ZodIssue[]): number {
  if (branch.some((i) => i.code === 'invalid_type' && i.path.length === 0)) return 100;
  if (branch.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0)) return 50 + branch.length;
  return branch.length;
}

/** Validate a definition (JSON from a file, the store or the UI). Throws AppError('SCENARIO_INVALID'). */
export function parseScenarioDefinition(input: unknown): ScenarioDefinition {
  const r = ScenarioDefinition.safeParse(input);
  if (r.success) return r.data;
  const details = describeIssues(r.error.issues);
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  throw new AppError('SCENARIO_INVALID', `Invalid scenario definition: ${details[0] ?? 'unknown problem'}${more}`, undefined, details);
}

/** JSON Schema (draft 2020-12) of what may be written; cross-field checks are not expressible there. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ScenarioDefinition, { io: 'input' }) as Record<string, unknown>;
}
