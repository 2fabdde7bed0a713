import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../../main/jobs/job-runner';
import { repoRoot } from '../../helpers/real-data';
import { testKinds } from '../../fixtures/jobs/test-kinds';

const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-jobs-'));
// Inside the repo so the bundle resolves node_modules like dist/main/jobs.worker.cjs does.
const workerPath = path.join(repoRoot, 'test-results', 'workers', `test-${process.pid}.worker.cjs`);

beforeAll(async () => {
  // The same bundling as the app's worker (scripts/build.mjs): one CJS file, node_modules external.
  await build({ entryPoints: [path.join(repoRoot, 'test/fixtures/jobs/test.worker.ts')], outfile: workerPath, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'error' });
});

describe.each([
  ['inline', () => new JobRunner({ storePath: path.join(dir, 'inline.sqlite'), kinds: testKinds })],
  ['worker thread', () => new JobRunner({ storePath: path.join(dir, 'thread.sqlite'), kinds: testKinds, workerPath })],
])('job runner (%s)', (_mode, make) => {
  it('runs a job to the end, reporting progress and a validated result', async () => {
    const runner = make();
    const id = runner.start('count', { to: 20, delayMs: 2 });
    expect(runner.status(id).state).toBe('running');
    const done = await runner.wait(id);
    expect(done).toMatchObject({ state: 'done', result: { counted: 20 }, progress: { phase: 'tellen', done: 20, total: 20, etaMs: 0 } });
  });

  it('reports an AppError with where it happened', async () => {
    const runner = make();
    const done = await runner.wait(runner.start('fail', {}));
    expect(done).toMatchObject({ state: 'failed', error: { code: 'CELL_INVALID', message: 'Cell C7 holds "veel" where a number belongs.', where: { file: 'x.csv', cell: 'C7' } } });
  });

  it('refuses a result that breaks the job schema', async () => {
    const runner = make();
    expect(await runner.wait(runner.start('badResult', {}))).toMatchObject({ state: 'failed', error: { code: 'OUTPUT_INVALID' } });
  });

  it('cancels: the job stops and nothing it wrote is kept', async () => {
    const runner = make();
    const storePath = (runner as unknown as { options: { storePath: string } }).options.storePath;
    const id = runner.start('write', { rows: 10_000, delayMs: 1 });
    await expect.poll(() => runner.status(id).progress.done, { timeout: 10_000 }).toBeGreaterThan(5);
    const running = runner.status(id);
    expect(running.progress.total).toBe(10_000);
    expect(running.progress.etaMs).toBeGreaterThan(0);
    const after = await runner.cancel(id);
    expect(after.state).toBe('cancelled');
    const db = new Database(storePath);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
    db.close();
  });

  it('refuses an unknown job kind and an unknown job id', () => {
    const runner = make();
    expect(() => runner.start('nope', {})).toThrow(/Unknown job kind nope/);
    expect(() => runner.status('nope')).toThrow(/No job nope/);
  });
});
