import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServices, type Services } from '../../../main/app/services';
import { MonteCarloRun } from '../../../shared/contract/scenario';
import { findTemplate } from '../../../shared/domain/scenario';
import { buildJobsWorker } from '../../helpers/worker-bundle';
import { freshServices } from '../../helpers/services';
import { fails, ok } from './helpers';

/** The continuation template with two ranged parameters (continuation percentage, indexation). */
function uncertain(): Record<string, unknown> {
  const def: Record<string, unknown> = { ...(findTemplate('kansrijke-wijk-tot-2028') as Record<string, unknown>), id: 'onzeker', name: 'Onzeker' };
  const stream = (def.streams as Record<string, unknown>[])[0]!;
  stream.afterEnd = { kind: 'continue', pct: { low: 50, high: 100, dist: 'triangular', mode: 80 }, untilYear: 2028 };
  stream.indexationPctPerYear = { low: 0, high: 4, dist: 'uniform' };
  return def;
}

async function runJob(s: Services, input: Record<string, unknown>) {
  const { jobId } = await ok(s, 'scenario.monteCarlo', input);
  await s.ctx.jobs.wait(jobId);
  return ok(s, 'jobs.status', { id: jobId });
}

describe('scenario.monteCarlo job (inline, as in the CLI and tests)', () => {
  let s: Services;
  beforeAll(() => {
    s = freshServices();
  });
  afterAll(() => s.close());

  it('answers a job id, reports progress to the end and a result that matches the contract', async () => {
    const status = await runJob(s, { definition: uncertain(), runs: 1000, seed: 7 });
    expect(status).toMatchObject({ kind: 'scenario.monteCarlo', state: 'done', progress: { phase: 'trekkingen', done: 1000, total: 1000, etaMs: 0 } });
    const { result, inputs } = MonteCarloRun.parse(status.result);
    expect(inputs.areas).toBe(20);
    expect(result).toMatchObject({ scenarioId: 'onzeker', runs: 1000, seed: 7, rangedParameters: 2 });
    const bands = result.funding.filter((b) => b.areaCode === 'NPLV' && b.measure === 'amount');
    expect(bands).toHaveLength(8);
    for (const b of result.funding) {
      if (b.p10 === null || b.p50 === null || b.p90 === null) continue;
      expect(b.p10).toBeLessThanOrEqual(b.p50);
      expect(b.p50).toBeLessThanOrEqual(b.p90);
    }
    // The period 2023–2025 is certain; 2027 is spread by the continuation percentage and indexation.
    const y2024 = bands.find((b) => b.year === 2024);
    expect(y2024?.p10).toBe(y2024?.p90);
    const y2027 = bands.find((b) => b.year === 2027);
    expect((y2027?.p90 ?? 0) - (y2027?.p10 ?? 0)).toBeGreaterThan(10e6);
    // Differences from the stop baseline come as bands too.
    expect(result.funding.some((b) => b.measure === 'cumulativeDelta')).toBe(true);
  });

  it('gives identical bands for the same seed and different ones for another seed', async () => {
    const a = MonteCarloRun.parse((await runJob(s, { definition: uncertain(), runs: 500, seed: 3 })).result);
    const b = MonteCarloRun.parse((await runJob(s, { definition: uncertain(), runs: 500, seed: 3 })).result);
    const c = MonteCarloRun.parse((await runJob(s, { definition: uncertain(), runs: 500, seed: 4 })).result);
    expect(b.result.funding).toEqual(a.result.funding);
    expect(c.result.funding).not.toEqual(a.result.funding);
  });

  it('uses the definition\'s runs and seed, else 2.000 runs', async () => {
    const def = { ...uncertain(), uncertainty: { runs: 300, seed: 11 } };
    expect(MonteCarloRun.parse((await runJob(s, { definition: def })).result).result).toMatchObject({ runs: 300, seed: 11 });
    expect(MonteCarloRun.parse((await runJob(s, { definition: uncertain() })).result).result.runs).toBe(2000);
  });

  it('takes a saved baseline along into the job (the worker has no store of its own)', async () => {
    const half: Record<string, unknown> = { ...(findTemplate('kansrijke-wijk-stop') as Record<string, unknown>), id: 'half', name: 'Half' };
    (half.streams as Record<string, unknown>[])[0]!.afterEnd = { kind: 'continue', pct: 50, untilYear: 2028 };
    await ok(s, 'scenario.save', { definition: half });
    const { result } = MonteCarloRun.parse((await runJob(s, { definition: { ...uncertain(), baseline: { id: 'half' } }, runs: 200 })).result);
    expect(result.deterministic.baselineId).toBe('half');
    const delta2030 = result.funding.find((b) => b.areaCode === 'NPLV' && b.year === 2030 && b.measure === 'cumulativeDelta');
    const det = result.deterministic.funding.find((f) => f.areaCode === 'NPLV' && f.year === 2030);
    // The baseline is deterministic: its cumulative 2026–2028 is 3 × 42,67 mln, taken off every run.
    expect(det?.cumulativeDelta).toBeCloseTo((det?.cumulativeAmount ?? 0) - (256e6 + 3 * (256e6 / 6)), 3);
    expect(delta2030?.p50).not.toBeNull();
  });

  it('refuses an invalid definition before it starts a job, and too many runs at the contract', async () => {
    const def = uncertain();
    def.years = { from: 2030, to: 2020 };
    expect((await fails(s, 'scenario.monteCarlo', { definition: def })).code).toBe('SCENARIO_INVALID');
    expect((await fails(s, 'scenario.monteCarlo', { definition: uncertain(), runs: 1_000_000 })).code).toBe('INPUT_INVALID');
  });
});


describe('scenario.monteCarlo in a worker thread (as under the web shell and Electron)', () => {
  let s: Services;
  beforeAll(async () => {
    // The app's own worker entry, bundled the way scripts/build.mjs does it.
    const workerPath = await buildJobsWorker('scenario');
    s = startServices(path.join(mkdtempSync(path.join(os.tmpdir(), 'wv-mc-')), 'store.sqlite'), 'web', { workerPath });
    s.ctx.log = () => undefined;
  });
  afterAll(() => s?.close());

  it('runs to the same bands as inline', async () => {
    const inline = freshServices();
    try {
      const a = MonteCarloRun.parse((await runJob(inline, { definition: uncertain(), runs: 400, seed: 5 })).result);
      const b = MonteCarloRun.parse((await runJob(s, { definition: uncertain(), runs: 400, seed: 5 })).result);
      expect(b.result.funding).toEqual(a.result.funding);
    } finally {
      inline.close();
    }
  });

  it('shows progress while it runs and stops when cancelled, leaving the store as it was', async () => {
    const before = s.ctx.db.prepare('SELECT count(*) FROM scenario').pluck().get();
    const { jobId } = await ok(s, 'scenario.monteCarlo', { definition: uncertain(), runs: 100_000, seed: 1 });
    await expect.poll(async () => (await ok(s, 'jobs.status', { id: jobId })).progress.done, { timeout: 20_000, interval: 20 }).toBeGreaterThan(0);
    const running = await ok(s, 'jobs.status', { id: jobId });
    expect(running.state).toBe('running');
    expect(running.progress).toMatchObject({ phase: 'trekkingen', total: 100_000 });
    expect(running.progress.done).toBeLessThan(100_000);
    const after = await ok(s, 'jobs.cancel', { id: jobId });
    expect(after).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
    expect(after.result).toBeUndefined();
    expect(s.ctx.db.prepare('SELECT count(*) FROM scenario').pluck().get()).toBe(before);
  });
});
