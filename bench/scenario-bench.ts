import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServices, type Services } from '../main/app/services';
import type { ScenarioDefinitionInput, ScenarioInputsInput } from '../shared/domain/scenario';
import { compileScenario, findTemplate, runMonteCarlo, simulateBands } from '../shared/domain/scenario';

/**
 * Scenario benchmark (issue 4): Monte Carlo with 10,000 runs × 20 areas × 10 years. Target: at most
 * 2 s, aim well under 1 s. Returns figures for the bench runner; prints nothing.
 *
 * Two cases, both 10,000 runs × 20 areas × 10 years:
 *  - `standard`: the case — one funding stream (Kansrijke Wijk continuation with ranged
 *    continuation percentage and indexation) over 20 areas: 420 banded series (amount and cumulative
 *    for 20 areas + the programme, 10 years).
 *  - `heavy`: three streams (one ranged total with ranged continuation and indexation, one per-year
 *    stream by population that feeds housing, one non-attributable stream with municipality rows), plus
 *    housing in every area with ranged poor-quality count, cost, lead time, pipeline and realisation —
 *    100+ ranged parameters and ~3,000 banded series.
 * Timings are the median of three runs after one warm-up run (the warm-up is reported as `cold`).
 */

const RUNS = 10_000;
const AREAS = 20;
const YEARS = 10;

function benchInputs(): ScenarioInputsInput {
  return {
    areas: Array.from({ length: AREAS }, (_, i) => ({
      code: `NPLV${String(i + 1).padStart(2, '0')}`,
      municipalityCode: `GM${String(Math.min(i, 18) + 1).padStart(4, '0')}`,
      population: 8_000 + 1_500 * i,
    })),
  };
}

function standardDefinition(): ScenarioDefinitionInput {
  return {
    schemaVersion: 1,
    id: 'bench-standard',
    name: 'Benchmark (standaard)',
    years: { from: 2023, to: 2023 + YEARS - 1 },
    streams: [
      {
        id: 'kw', name: 'Kansrijke Wijk', ministry: 'OCW, SZW, VWS, BZK',
        amount: { kind: 'total', total: 256_000_000, from: 2023, to: 2025 },
        indexationPctPerYear: { low: 0, high: 4, mode: 2, dist: 'triangular' },
        afterEnd: { kind: 'continue', pct: { low: 50, high: 100, mode: 100, dist: 'triangular' }, untilYear: 2030 },
        allocation: { kind: 'population' },
      },
    ],
  };
}

function heavyDefinition(): ScenarioDefinitionInput {
  const M = 1_000_000;
  const u = (low: number, high: number) => ({ low, high, dist: 'uniform' as const });
  const t = (low: number, mode: number, high: number) => ({ low, high, mode, dist: 'triangular' as const });
  return {
    schemaVersion: 1,
    id: 'bench-heavy',
    name: 'Benchmark (zwaar)',
    years: { from: 2025, to: 2025 + YEARS - 1 },
    streams: [
      {
        id: 'kw', name: 'Kansrijke Wijk', ministry: 'BZK',
        amount: { kind: 'total', total: u(200 * M, 300 * M), from: 2025, to: 2027 },
        indexationPctPerYear: t(0, 2, 4),
        afterEnd: { kind: 'continue', pct: t(50, 80, 100), untilYear: 2030 },
        allocation: { kind: 'equal' },
      },
      {
        id: 'vhf', name: 'Volkshuisvestingsfonds', ministry: 'BZK',
        amount: { kind: 'perYear', perYear: u(20 * M, 40 * M), from: 2025, to: 2029 },
        afterEnd: { kind: 'taper', years: 3 },
        allocation: { kind: 'population' },
      },
      {
        id: 'gf', name: 'Gemeentefonds', ministry: 'BZK',
        amount: { kind: 'perYear', perYear: u(10 * M, 20 * M), from: 2025 },
        attributableToAreas: false,
        municipalityKey: { kind: 'equal' },
      },
    ],
    housing: {
      areas: Array.from({ length: AREAS }, (_, i) => ({
        areaCode: `NPLV${String(i + 1).padStart(2, '0')}`,
        poorQuality: u(300 + 20 * i, 600 + 20 * i),
        capacity: { kind: 'stream' as const, streamId: 'vhf', costPerDwelling: t(40_000, 60_000, 90_000) },
        leadTimeYears: t(1, 2, 3),
        stock: { social: 2000, private: 800, owner: 1200 },
        newConstruction: { pipeline: u(200, 800), realisationPct: t(50, 80, 100), from: 2026, to: 2030, tenureMix: { socialPct: 30, privatePct: 30, ownerPct: 40 } },
      })),
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const round = (x: number) => Math.round(x * 10) / 10;

function measure(name: string, def: ScenarioDefinitionInput, inputs: ScenarioInputsInput): Record<string, string | number> {
  let t0 = performance.now();
  const compiled = compileScenario(def, inputs);
  const compileMs = performance.now() - t0;
  const banded = compiled.layout.blocks.filter((b) => b.banded).reduce((n, b) => n + b.length, 0);

  t0 = performance.now();
  runMonteCarlo(def, inputs, { runs: RUNS, seed: 1 });
  const coldMs = performance.now() - t0;

  const simulate: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < 3; i++) {
    t0 = performance.now();
    simulateBands(compiled, RUNS, i + 2);
    simulate.push(performance.now() - t0);
    t0 = performance.now();
    runMonteCarlo(def, inputs, { runs: RUNS, seed: i + 2 });
    full.push(performance.now() - t0);
  }
  const fullMs = median(full);
  const k = `scenario.${name}`;
  return {
    [`${k}.rangedParameters`]: compiled.params.ranged.length,
    [`${k}.bandedSeries`]: banded,
    [`${k}.compile.ms`]: round(compileMs),
    [`${k}.mc.cold.ms`]: round(coldMs),
    [`${k}.mc.simulateAndPercentiles.ms`]: round(median(simulate)),
    [`${k}.mc.full.ms`]: round(fullMs),
    [`${k}.mc.runsPerSecond`]: Math.round(RUNS / (fullMs / 1000)),
  };
}

/** The continuation template with the standard case's two ranges, as the app would send it. */
function serviceDefinition(): Record<string, unknown> {
  const def: Record<string, unknown> = { ...(findTemplate('kansrijke-wijk-tot-2028') as Record<string, unknown>), id: 'bench-service', name: 'Benchmark (dienst)' };
  const stream = (def.streams as Record<string, unknown>[])[0] as Record<string, unknown>;
  stream.afterEnd = { kind: 'continue', pct: { low: 50, high: 100, mode: 100, dist: 'triangular' }, untilYear: 2028 };
  stream.indexationPctPerYear = { low: 0, high: 4, mode: 2, dist: 'triangular' };
  return def;
}

/** Median of n sequential runs after one warm-up. */
async function timed(f: () => Promise<unknown>, n = 5): Promise<number> {
  await f();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return round(median(times));
}

async function ok(s: Services, name: string, input: unknown): Promise<unknown> {
  const env = await s.call(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
  return env.value;
}

/** Monte Carlo as a job; returns the wall time and the main thread's longest event-loop stall meanwhile. */
async function jobRun(s: Services, definition: Record<string, unknown>): Promise<{ ms: number; maxLagMs: number }> {
  let maxLag = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxLag = Math.max(maxLag, now - last - 5);
    last = now;
  }, 5);
  const t0 = performance.now();
  const { jobId } = (await ok(s, 'scenario.monteCarlo', { definition, runs: RUNS, seed: 1 })) as { jobId: string };
  const status = await s.ctx.jobs.wait(jobId);
  const ms = performance.now() - t0;
  clearInterval(timer);
  if (status.state !== 'done') throw new Error(`Monte Carlo job ${status.state}: ${status.error?.message ?? ''}`);
  return { ms, maxLagMs: Math.max(0, maxLag) };
}

/**
 * The same work through the services the app uses: inputs from a real (seeded) store, dispatch with
 * zod both ways, the Monte Carlo job inline (CLI) and in the worker thread (web shell, Electron) — the
 * latter with the main thread's longest stall while it runs, which is what keeps the UI responsive.
 */
async function measureServices(): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-bench-scenario-'));
  const workerPath = path.join(__dirname, '..', 'main', 'jobs.worker.cjs');
  const inline = startServices(path.join(dir, 'inline.sqlite'), 'cli');
  const figures: Record<string, string | number> = {};
  try {
    const def = serviceDefinition();
    const run = () => ok(inline, 'scenario.run', { definition: def });
    figures['scenario.service.run.ms'] = await timed(run);
    const compare = () => ok(inline, 'scenario.compare', { scenarios: [{ template: 'kansrijke-wijk-stop' }, { template: 'kansrijke-wijk-tot-2028' }, { template: 'preventie-met-gezag' }, { definition: def }] });
    figures['scenario.service.compare4.ms'] = await timed(compare);
    const sens = () => ok(inline, 'scenario.sensitivity', { definition: def, output: { kind: 'funding', streamId: 'spuk-kansrijke-wijk', areaCode: 'NPLV', year: 2030, measure: 'cumulativeAmount' } });
    figures['scenario.service.sensitivity.ms'] = await timed(sens);
    const inl = await jobRun(inline, def);
    figures['scenario.job.inline.mc10000.ms'] = round(inl.ms);
  } finally {
    inline.close();
  }
  if (existsSync(workerPath)) {
    const web = startServices(path.join(dir, 'worker.sqlite'), 'web', { workerPath });
    try {
      const def = serviceDefinition();
      await jobRun(web, def);
      const w = await jobRun(web, def);
      figures['scenario.job.worker.mc10000.ms'] = round(w.ms);
      figures['scenario.job.worker.mainThreadMaxStall.ms'] = round(w.maxLagMs);
    } finally {
      web.close();
    }
  } else {
    figures['scenario.job.worker'] = `skipped: ${workerPath} not built`;
  }
  rmSync(dir, { recursive: true, force: true });
  return figures;
}

export async function runScenarioBench(): Promise<Record<string, string | number>> {
  const inputs = benchInputs();
  return {
    'scenario.mc.runs': RUNS,
    'scenario.mc.areas': AREAS,
    'scenario.mc.years': YEARS,
    'scenario.mc.target': 'full ≤ 2000 ms, aim < 1000 ms',
    ...measure('standard', standardDefinition(), inputs),
    ...measure('heavy', heavyDefinition(), inputs),
    ...(await measureServices()),
  };
}
