import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeBuurtenCsv } from '../../fixtures/make-buurten-csv';
import { buildCli, runChild } from '../../helpers/cli-bundle';
import { repoRoot } from '../../helpers/real-data';

/**
 * `wijkverkenner observations … | head -1`: a reader that closes the pipe early ends the CLI
 * quietly (exit 0, nothing on stderr), as Unix tools do — not with an unhandled EPIPE stack trace.
 * Real child processes and real pipes; the output is made larger than a pipe's buffer (64 KiB) so
 * the CLI is still writing when `head` goes away, and EPIPE is certain rather than a race.
 */
let bundle = '';
let db = '';
let source = 0;
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-pipe-'));

beforeAll(async () => {
  bundle = await buildCli('pipeline');
  db = path.join(dir, 'store.sqlite');
  const { file } = makeBuurtenCsv(dir, { rows: 3000 });
  const run = await runChild(bundle, ['--db', db, 'import', file, '--create-areas', '--json']);
  expect(run.code, run.stderr).toBe(0);
  const report = JSON.parse(run.stdout) as { observations: number; source_id: number };
  expect(report.observations).toBe(6000);
  source = report.source_id;
}, 120_000);

/** bash, so PIPESTATUS gives the CLI's own exit status rather than head's. */
function pipeline(cliArgs: string, reader: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const script = `node ${JSON.stringify(bundle)} --db ${JSON.stringify(db)} ${cliArgs} | ${reader}; echo "status=\${PIPESTATUS[0]}" >&2`;
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', () => {
      const m = /status=(\d+)\n$/.exec(stderr);
      resolve({ status: Number(m?.[1] ?? -1), stdout, stderr: stderr.replace(/status=\d+\n$/, '') });
    });
  });
}

describe('the CLI in a pipeline', () => {
  it.each([
    ['a table', () => `observations --source ${source} --history`, /^gebied\s+indicator/],
    ['JSON', () => `observations --source ${source} --json`, /^\[$/],
    ['the area list', () => 'areas', /^code\s+naam/],
  ])('%s piped into head -1 ends quietly with exit 0', async (_what, args, firstLine) => {
    const run = await pipeline(args(), 'head -1');
    const lines = run.stdout.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(firstLine);
    expect(run.stderr).toBe('');
    expect([0, 141]).toContain(run.status);
  });

  it('the whole output still arrives when the reader reads it all (the quiet ending is only for a closed pipe)', async () => {
    const run = await pipeline(`observations --source ${source} --json`, 'cat');
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as unknown[]).length).toBe(6000);
  });

  it('a reader that closes the pipe before the first byte: exit 0, no stack trace', async () => {
    const child = spawn(process.execPath, [bundle, '--db', db, 'observations', '--area', 'NPLV', '--json'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('the store is unharmed afterwards', async () => {
    const run = await runChild(bundle, ['--db', db, 'sources', '--json']);
    expect(run.code).toBe(0);
    const imported = (JSON.parse(run.stdout) as { id: number; current: number }[]).find((s) => s.id === source);
    expect(imported?.current).toBe(6000);
  });
});
