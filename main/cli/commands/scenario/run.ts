import { parseArgs } from 'node:util';
import type { Services } from '../../../app/services';
import { MonteCarloRun, type ScenarioRun } from '../../../../shared/contract/scenario';
import type { Area } from '../../../../shared/contract/model';
import { PROGRAMME_AREA_CODE, TOTAL_STREAM_ID, type MonteCarloResult, type ScenarioResult } from '../../../../shared/domain/scenario';
import { EXIT, UsageError, type CliIO } from '../../command';
import { printJson, unwrap } from '../../output';
import { count, mln, printNlTable, readDefinitionFile } from './common';

function intOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

/** Where the definition comes from: a file, a shipped template or a saved scenario. */
async function loadDefinition(services: Services, io: CliIO, file: string | undefined, template: string | undefined, saved: string | undefined) {
  const given = [file, template, saved].filter((x) => x !== undefined).length;
  if (given !== 1) throw new UsageError('give one of FILE.json, --template ID or --saved ID');
  if (file !== undefined) return { ok: true as const, value: readDefinitionFile(file) };
  if (template !== undefined) return unwrap<Record<string, unknown>>(io, await services.call('scenario.template', { id: template }));
  const res = unwrap<{ definition: Record<string, unknown> }>(io, await services.call('scenario.get', { id: saved }));
  return res.ok ? { ok: true as const, value: res.value.definition } : res;
}

/** Monte Carlo through the same job as the app (inline here: the CLI waits for it). */
async function monteCarlo(services: Services, io: CliIO, definition: Record<string, unknown>, runs: number | undefined, seed: number | undefined) {
  const started = unwrap<{ jobId: string }>(io, await services.call('scenario.monteCarlo', { definition, ...(runs ? { runs } : {}), ...(seed !== undefined ? { seed } : {}) }));
  if (!started.ok) return started;
  const status = await services.ctx.jobs.wait(started.value.jobId);
  if (status.state !== 'done') return unwrap<never>(io, { ok: false, error: status.error ?? { code: 'INTERNAL', message: `Monte Carlo ${status.state}` } });
  return { ok: true as const, value: MonteCarloRun.parse(status.result).result };
}

function bandsOf(mc: MonteCarloResult | null) {
  if (!mc) return [];
  return [
    ...mc.funding.map(({ streamId, ...b }) => ({ kind: 'funding', ...b, stream: streamId })),
    ...mc.housing.map((b) => ({ kind: 'housing', ...b })),
    ...mc.targetYears.map((b) => ({ kind: 'targetYear', ...b })),
  ];
}

/** The JSON a script reads: rows for the programme as a whole carry the programme's area code (NPLV). */
export function runJson(def: Record<string, unknown>, run: ScenarioRun, mc: MonteCarloResult | null) {
  const r = run.result;
  return {
    scenario: { id: r.scenarioId, name: r.scenarioName, description: typeof def.description === 'string' ? def.description : null, baselineId: r.baselineId },
    years: r.years,
    series: r.funding.map((f) => ({
      areaCode: f.areaCode,
      level: f.level,
      stream: f.streamId,
      streamName: f.streamName,
      year: f.year,
      amount: f.amount,
      cumulativeAmount: f.cumulativeAmount,
      perResident: f.perResident,
      perResidentReason: f.perResidentReason,
      baselineAmount: f.baselineAmount,
      delta: f.delta,
      cumulativeDelta: f.cumulativeDelta,
    })),
    housing: r.housing,
    housingTargets: r.housingTargets,
    bands: bandsOf(mc),
    monteCarlo: mc ? { runs: mc.runs, seed: mc.seed, rangedParameters: mc.rangedParameters } : null,
    assumptions: r.assumptions,
    parameters: r.parameters,
    inputs: run.inputs,
  };
}

function printPeople(io: CliIO, r: ScenarioResult, run: ScenarioRun, mc: MonteCarloResult | null, names: Map<string, string>): void {
  const span = `${r.years[0]}–${r.years.at(-1)}`;
  io.out(`Scenario: ${r.scenarioName} (${r.scenarioId}), ${span}${r.baselineId ? `; vergeleken met ${r.baselineId}` : ''}\n`);
  const streams = [...new Map(r.funding.map((f) => [f.streamId, f.streamName])).entries()];
  for (const [id, name] of streams) {
    const rows = r.funding.filter((f) => f.streamId === id);
    const codes = [...new Set(rows.map((f) => f.areaCode))];
    io.out(`\n${id === TOTAL_STREAM_ID ? 'Totaal over de regelingen' : name} — bedrag per jaar (€ mln)\n`);
    const table = codes.map((code) => {
      const mine = rows.filter((f) => f.areaCode === code);
      return [code, code === PROGRAMME_AREA_CODE ? 'Programma' : (names.get(code) ?? code), ...r.years.map((y) => mln(mine.find((f) => f.year === y)?.amount)), mln(mine.at(-1)?.cumulativeAmount)];
    });
    printNlTable(io, ['code', 'gebied', ...r.years.map(String), 'totaal'], table, (i) => i >= 2);
    const programme = rows.filter((f) => f.areaCode === PROGRAMME_AREA_CODE);
    if (r.baselineId && programme.length > 0) {
      io.out(`Verschil met ${r.baselineId} (programma, € mln): ${programme.map((f) => `${f.year} ${mln(f.delta)}`).join(', ')}; cumulatief ${mln(programme.at(-1)?.cumulativeDelta)}\n`);
    }
  }
  if (r.housing.length > 0) {
    for (const code of new Set(r.housing.map((h) => h.areaCode))) {
      io.out(`\nWoningverbetering ${code === PROGRAMME_AREA_CODE ? 'programma' : (names.get(code) ?? code)} (woningen)\n`);
      printNlTable(
        io,
        ['jaar', 'resterend slecht', 'gestart', 'verbeterd', 'in uitvoering', 'cumulatief verbeterd', 'nieuwbouw'],
        r.housing.filter((h) => h.areaCode === code).map((h) => [String(h.year), count(h.remainingPoorQuality), count(h.started), count(h.improved), count(h.inProgress), count(h.cumulativeImproved), count(h.newDwellings)]),
        (i) => i >= 1,
      );
    }
    for (const t of r.housingTargets) io.out(`Doel ${t.areaCode} (ten hoogste ${count(t.targetRemaining)} slechte woningen): ${t.message}\n`);
  }
  if (mc) {
    io.out(`\nMonte Carlo: ${count(mc.runs)} trekkingen, seed ${mc.seed}, ${mc.rangedParameters} ${mc.rangedParameters === 1 ? 'parameter' : 'parameters'} met een bandbreedte\n`);
    const prog = mc.funding.filter((b) => b.areaCode === PROGRAMME_AREA_CODE && b.measure === 'amount' && b.streamId === (streams.length > 1 ? TOTAL_STREAM_ID : streams[0]?.[0]));
    if (prog.length > 0) printNlTable(io, ['jaar', 'P10 € mln', 'P50 € mln', 'P90 € mln'], prog.map((b) => [String(b.year), mln(b.p10), mln(b.p50), mln(b.p90)]), (i) => i >= 1);
    for (const t of mc.targetYears) io.out(`Doeljaar ${t.areaCode}: P10 ${t.p10 ?? 'niet'} · P50 ${t.p50 ?? 'niet'} · P90 ${t.p90 ?? 'niet'} (vóór ${t.horizon} bereikt in ${Math.round(t.reachedShare * 100)}% van de trekkingen)\n`);
  }
  const i = run.inputs;
  io.out(`\nInwonertal in de opslag: ${i.areasWithPopulation} van ${i.areas} gebieden${i.populationSources.length > 0 ? ` (${i.populationSources.join('; ')})` : ''}\n`);
  if (r.assumptions.length > 0) {
    io.out('\nAannames en te bevestigen parameters:\n');
    for (const a of r.assumptions) io.out(`  - [${a.kind}] ${a.message}\n`);
  }
}

export async function scenarioRun(args: string[], services: Services, io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { template: { type: 'string' }, saved: { type: 'string' }, seed: { type: 'string' }, runs: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  if (positionals.length > 1) throw new UsageError(`one definition file at a time, not ${positionals.length}`);
  const runs = intOption('runs', values.runs, 0, 100_000);
  const seed = intOption('seed', values.seed, 0, 0xffffffff);
  const loaded = await loadDefinition(services, io, positionals[0], values.template, values.saved);
  if (!loaded.ok) return loaded.code;
  const def = loaded.value;
  const res = unwrap<ScenarioRun>(io, await services.call('scenario.run', { definition: def }));
  if (!res.ok) return res.code;
  // Bands when asked (--runs N), or by default when a parameter is a range; --runs 0 skips them.
  const ranged = res.value.result.parameters.some((p) => p.dist !== null);
  let mc: MonteCarloResult | null = null;
  if (runs !== 0 && (runs !== undefined || ranged)) {
    const m = await monteCarlo(services, io, def, runs, seed);
    if (!m.ok) return m.code;
    mc = m.value;
  }
  if (values.json) {
    printJson(io, runJson(def, res.value, mc));
  } else {
    const areas = unwrap<Area[]>(io, await services.call('areas.list', {}));
    const names = new Map(areas.ok ? areas.value.map((a) => [a.code, a.name]) : []);
    printPeople(io, res.value.result, res.value, mc, names);
  }
  return EXIT.ok;
}
