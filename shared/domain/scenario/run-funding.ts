import type { FundingStream } from './funding-schema';
import type { ScenarioDefinition } from './definition';
import { PROGRAMME_AREA_CODE, TOTAL_STREAM_ID } from './definition';
import type { ScenarioInputs } from './inputs';
import type { Layout } from './layout';
import type { Assumption, RowLevel } from './results';
import type { ParamTable } from './params';
import { flagToConfirm } from './params';
import type { AllocUnit, ShareKey } from './allocation';
import { compileKey, describeKey } from './allocation';
import { formatParam } from '../format/parameter';
import type { StreamPlan } from './funding-evaluate';
import { RULE_BUNDLE, RULE_CONTINUE, RULE_STOP, RULE_TAPER, buildFundingEvaluator } from './funding-evaluate';

/**
 * Funding continuation: per stream a programme amount per year (own money plus money bundled into it),
 * split over areas by the allocation key — or, for money without a per-area earmark, shown only for the
 * programme and (with a municipality key) for municipalities.
 *
 * Amount in year t of a stream with period [from, end]:
 *   total kind:   base × w[t − from]                  (w: profile normalised to 1; flat = 1/years)
 *   perYear kind: base × g^(t − from)                 (g = 1 + indexation; the amount is in prices of `from`)
 *   after end:    last × factor(t) × g^(t − end)      (last = amount in `end`; indexation compounds from
 *                                                      the end year, so end+1 gets exactly one step)
 * where base = amount × programmeSharePct / 100.
 */

export interface CompiledFunding {
  /** Offset of the amount series of (stream, area/municipality/NPLV), for housing fed by a stream. */
  amountOffset(streamId: string, areaCode: string): number | undefined;
  evaluate(v: Float64Array, out: Float64Array): void;
}

export interface FundingContext {
  def: ScenarioDefinition;
  inputs: ScenarioInputs;
  params: ParamTable;
  layout: Layout;
  assumptions: Assumption[];
  years: number[];
}

function ruleNl(s: FundingStream, target: string): string {
  const r = s.afterEnd;
  switch (r.kind) {
    case 'stop':
      return 'stopt';
    case 'continue':
      return `voortgezet op ${formatParam(r.pct, 'pct')} tot en met ${r.untilYear}`;
    case 'taper':
      return `lineair afgebouwd in ${r.years} jaar`;
    case 'bundle':
      return `gebundeld in ${target}`;
  }
}

export function compileFunding(ctx: FundingContext): CompiledFunding {
  const { def, inputs, params, layout, years } = ctx;
  const Y = years.length;
  const lastYear = years[Y - 1] as number;
  const areas: AllocUnit[] = inputs.areas.map((a) => ({ code: a.code, name: a.name ?? a.code, population: a.population ?? null, indicators: a.indicators }));
  const municipalities: AllocUnit[] = inputs.municipalities
    ? inputs.municipalities.map((m) => ({ code: m.code, name: m.name ?? m.code, population: m.population ?? null }))
    : [...new Set(inputs.areas.map((a) => a.municipalityCode))].map((code) => ({ code, name: code, population: null }));
  const nameOf = new Map(def.streams.map((s) => [s.id, s.name]));
  const offsets = new Map<string, number>();
  const cumulative: number[] = []; // pairs: amount offset, cumulative offset

  const addSeries = (streamId: string, streamName: string, areaCode: string, level: RowLevel, [population, reason]: PerResident): number => {
    const base = { kind: 'funding', streamId, streamName, areaCode, level, population, perResidentReason: reason, yearFrom: years[0] as number, length: Y, banded: true } as const;
    const amount = layout.add({ ...base, measure: 'amount' });
    cumulative.push(amount, layout.add({ ...base, measure: 'cumulativeAmount' }));
    offsets.set(`${streamId}|${areaCode}`, amount);
    return amount;
  };

  // Per-resident denominators and, when unknown, the reason (Dutch).
  const missingPop = areas.filter((a) => a.population == null || a.population <= 0);
  if (missingPop.length > 0 && def.streams.length > 0) {
    ctx.assumptions.push({ kind: 'ontbrekend', message: `Inwonertal ontbreekt voor ${missingPop.map((a) => a.name).join(', ')}; bedrag per inwoner daar niet berekend` });
  }
  const areaPop = (a: AllocUnit): PerResident =>
    a.population != null && a.population > 0 ? [a.population, null] : [null, a.population === 0 ? `Inwonertal van ${a.name} is 0` : `Inwonertal van ${a.name} ontbreekt`];
  const programmePop: PerResident =
    areas.length === 0 ? [null, 'Geen gebieden opgegeven'] : missingPop.length > 0 ? [null, `Inwonertal ontbreekt voor ${missingPop.length} van de ${areas.length} gebieden`] : [areas.reduce((s, a) => s + (a.population ?? 0), 0), null];
  const NOT_ATTRIBUTABLE = 'Niet aan gebieden toe te rekenen (geen oormerk per gebied)';

  const plans: StreamPlan[] = def.streams.map((s, si) => {
    const path = `streams[${si}]`;
    const a = s.amount;
    flagToConfirm(ctx.assumptions, s, path, s.name);
    flagToConfirm(ctx.assumptions, a, `${path}.amount`, `${s.name} — bedrag en periode`);
    const isTotal = a.kind === 'total';
    const end = a.to ?? Number.POSITIVE_INFINITY;
    const amountSlot = isTotal
      ? params.add(a.total, `${path}.amount.total`, `${s.name} — totaal ${a.from}–${a.to}`, 'euro')
      : params.add(a.perYear, `${path}.amount.perYear`, `${s.name} — per jaar vanaf ${a.from}`, 'euro');
    const shareSlot = params.add(s.programmeSharePct, `${path}.programmeSharePct`, `${s.name} — aandeel voor het programma`, 'pct');
    const indexSlot = s.indexationPctPerYear === undefined ? -1 : params.add(s.indexationPctPerYear, `${path}.indexationPctPerYear`, `${s.name} — indexatie per jaar`, 'pct');
    if (indexSlot >= 0) {
      ctx.assumptions.push({
        kind: 'aanname',
        path: `${path}.indexationPctPerYear`,
        message: isTotal
          ? `${s.name}: het totaal ${a.from}–${a.to} is nominaal; indexatie geldt vanaf ${a.to + 1} (één stap per jaar na ${a.to})`
          : `${s.name}: bedrag in prijzen van ${a.from}; indexatie vanaf ${a.from + 1}`,
      });
    }
    const n = isTotal ? (a.to as number) - a.from + 1 : 0;
    const profile = isTotal ? (a.profile ?? new Array<number>(n).fill(1)) : [];
    const psum = profile.reduce((x, y) => x + y, 0);
    const r = s.afterEnd;
    const target = r.kind === 'bundle' ? def.streams.findIndex((t) => t.id === r.intoStreamId) : -1;
    const intoName = r.kind === 'bundle' ? (nameOf.get(r.intoStreamId) ?? r.intoStreamId) : '';
    flagToConfirm(ctx.assumptions, r, `${path}.afterEnd`, `${s.name} — na ${a.to ?? '?'}: ${ruleNl(s, intoName)}`);
    let pctSlot = -1;
    let adminSlot = -1;
    if (r.kind === 'continue') pctSlot = params.add(r.pct, `${path}.afterEnd.pct`, `${s.name} — voortzetting na ${a.to} t/m ${r.untilYear}`, 'pct');
    if (r.kind === 'bundle') {
      const into = intoName;
      pctSlot = params.add(r.pct, `${path}.afterEnd.pct`, `${s.name} — voortzetting in ${into}`, 'pct');
      adminSlot = params.add(r.adminCostReductionPct, `${path}.afterEnd.adminCostReductionPct`, `${s.name} — besparing op apart beheer`, 'pct');
      ctx.assumptions.push({
        kind: 'aanname',
        path: `${path}.afterEnd`,
        message: `${s.name} gaat na ${a.to} op in ${into} en volgt diens verdeling; de besparing op apart beheer gaat niet naar de gebieden`,
      });
    }
    const centralBase = params.centralOf(amountSlot) * (params.centralOf(shareSlot) / 100);
    let key: ShareKey | null = null;
    if (s.attributableToAreas) {
      flagToConfirm(ctx.assumptions, s.allocation, `${path}.allocation`, `${s.name} — verdeling over gebieden: ${describeKey(s.allocation)}`);
      key = compileKey(s.allocation, areas, { params, assumptions: ctx.assumptions, path: `${path}.allocation`, streamName: s.name, centralBase, unitsNl: 'gebieden' });
    } else {
      ctx.assumptions.push({ kind: 'aanname', path, message: `${s.name}: geen oormerk per gebied; alleen op programma${s.municipalityKey ? '- en gemeente' : ''}niveau getoond` });
      if (s.municipalityKey) {
        flagToConfirm(ctx.assumptions, s.municipalityKey, `${path}.municipalityKey`, `${s.name} — verdeling over gemeenten: ${describeKey(s.municipalityKey)}`);
        key = compileKey(s.municipalityKey, municipalities, { params, assumptions: ctx.assumptions, path: `${path}.municipalityKey`, streamName: s.name, centralBase, unitsNl: 'gemeenten' });
      }
    }
    const programmeOffset = addSeries(s.id, s.name, PROGRAMME_AREA_CODE, 'programme', s.attributableToAreas ? programmePop : [null, NOT_ATTRIBUTABLE]);
    const units = s.attributableToAreas ? areas : key ? municipalities : [];
    const unitOffsets = Int32Array.from(units, (u) =>
      s.attributableToAreas ? addSeries(s.id, s.name, u.code, 'area', areaPop(u)) : addSeries(s.id, s.name, u.code, 'municipality', municipalityPop(u)),
    );
    return {
      isTotal, from: a.from, end, amountSlot, shareSlot, indexSlot,
      weights: Float64Array.from(profile, (w) => w / psum),
      rule: { stop: RULE_STOP, continue: RULE_CONTINUE, taper: RULE_TAPER, bundle: RULE_BUNDLE }[r.kind],
      pctSlot, adminSlot,
      until: r.kind === 'continue' ? r.untilYear : r.kind === 'bundle' ? (r.untilYear ?? lastYear) : end,
      taperYears: r.kind === 'taper' ? r.years : 0,
      target, key, shares: new Float64Array(key?.n ?? 0), programmeOffset, unitOffsets, attributable: s.attributableToAreas,
    };
  });

  // Totals over streams, only when there is more than one stream to add up.
  let totalProgramme = -1;
  let totalAreas = new Int32Array(0);
  if (plans.length > 1) {
    const anyNonAttr = plans.some((p) => !p.attributable);
    totalProgramme = addSeries(TOTAL_STREAM_ID, 'Totaal', PROGRAMME_AREA_CODE, 'programme', anyNonAttr ? [null, 'Totaal bevat geld zonder oormerk per gebied'] : programmePop);
    if (plans.some((p) => p.attributable)) totalAreas = Int32Array.from(areas, (u) => addSeries(TOTAL_STREAM_ID, 'Totaal', u.code, 'area', areaPop(u)));
  }

  const evaluate = buildFundingEvaluator(plans, years, { programme: totalProgramme, areas: totalAreas }, Int32Array.from(cumulative));
  return { amountOffset: (streamId, areaCode) => offsets.get(`${streamId}|${areaCode}`), evaluate };
}

/** Denominator for "per resident" and, when it is unknown, the reason (Dutch). */
type PerResident = readonly [number | null, string | null];

function municipalityPop(m: AllocUnit): PerResident {
  return m.population != null && m.population > 0 ? [m.population, null] : [null, `Inwonertal van gemeente ${m.name} ontbreekt`];
}
