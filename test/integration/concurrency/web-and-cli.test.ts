import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginImmediate } from '../../../main/store/write-lock';
import { startServices, type Services } from '../../../main/app/services';
import { startWebServer, type RunningWebServer } from '../../../main/web/server';
import type { Envelope } from '../../../shared/contract/envelope';
import type { JobStatus } from '../../../shared/contract/jobs';
import { makeBuurtenCsv } from '../../fixtures/make-buurten-csv';
import { buildCli, runChild } from '../../helpers/cli-bundle';
import { buildJobsWorker } from '../../helpers/worker-bundle';

/**
 * The web shell (its server and services in this process, imports in their worker thread as in
 * `npm run web`) and the CLI (a child process) write to the same store at once. SQLite lets one
 * writer in at a time: an import waits for the other (up to two minutes), a short write waits its
 * busy timeout (5 s); a writer that waited in vain answers STORE_BUSY, in plain words, and changes
 * nothing. Neither corrupts the store, and the other's work is intact.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-concurrency-'));
const db = path.join(dir, 'store.sqlite');
let bundle = '';
let services: Services;
let web: RunningWebServer;

function api(name: string, input: unknown): Promise<Envelope> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, method: 'POST', path: `/api/${name}`, headers: { host: `127.0.0.1:${web.port}`, 'x-wv-token': web.token, 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve(JSON.parse(text) as Envelope));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function webImport(file: string): Promise<JobStatus> {
  const started = await api('import.commit', { filePath: file, choices: { measures: [], areas: { newAreas: 'create', fuzzy: 'ask', choices: [], remember: true } } });
  if (!started.ok) throw new Error(JSON.stringify(started.error));
  const { jobId } = started.value as { jobId: string };
  for (;;) {
    const s = await api('jobs.status', { id: jobId });
    if (!s.ok) throw new Error(JSON.stringify(s.error));
    const status = s.value as JobStatus;
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  bundle = await buildCli('concurrency');
  const workerPath = await buildJobsWorker('concurrency');
  services = startServices(db, 'web', { workerPath });
  services.ctx.log = () => undefined;
  web = await startWebServer({ port: 0, rendererDir: path.join(dir, 'renderer'), call: services.call });
}, 120_000);
afterAll(async () => {
  await web?.close();
  services?.close();
});


type Row = { id: number; file_name: string; current: number };

function fileSources(): Row[] {
  const check = new Database(db, { readonly: true });
  try {
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    return check.prepare("SELECT id, file_name, (SELECT count(*) FROM observation o WHERE o.source_id = s.id AND o.superseded_by IS NULL) AS current FROM source s WHERE kind = 'file' ORDER BY id").all() as Row[];
  } finally {
    check.close();
  }
}

describe('the web shell and the CLI writing to one store at once', () => {
  it('an import in each: one waits for the other, both land whole, the store passes integrity_check', async () => {
    const a = makeBuurtenCsv(dir, { rows: 30_000, year: 2023, name: 'web-2023.csv' });
    const b = makeBuurtenCsv(dir, { rows: 30_000, year: 2024, name: 'cli-2024.csv' });
    const [viaWeb, viaCli] = await Promise.all([webImport(a.file), runChild(bundle, ['--db', db, 'import', b.file, '--create-areas', '--json'])]);
    expect(viaWeb.state, JSON.stringify(viaWeb.error)).toBe('done');
    expect(viaCli.code, viaCli.stderr).toBe(0);
    expect(viaCli.stderr).toBe('');
    expect(fileSources().map((r) => [r.file_name, r.current])).toEqual(expect.arrayContaining([['web-2023.csv', 60_000], ['cli-2024.csv', 60_000]]));
  }, 300_000);

  it('a write that cannot get in says STORE_BUSY in plain words (no stack), changes nothing, and the holder\'s work is intact', async () => {
    const before = fileSources();
    const scenarios = (await api('scenario.list', {})) as { ok: true; value: unknown[] };
    const templates = (await api('scenario.templates', {})) as { ok: true; value: { id: string }[] };
    const template = ((await api('scenario.template', { id: templates.value[0]?.id })) as { ok: true; value: Record<string, unknown> }).value;
    const definition = { ...template, id: 'tijdens-een-import', name: 'Opgeslagen tijdens een import' };
    // Another program holds the write lock (a raw connection: deterministic, unlike racing two imports).
    const holder = new Database(db);
    holder.pragma('busy_timeout = 0');
    beginImmediate(holder, 0);
    holder.prepare("INSERT INTO app_meta (key, value) VALUES ('held-by-test', '1')").run();
    try {
      // A short write from the web shell waits its 5 s busy timeout, then answers clearly.
      const save = await api('scenario.save', { definition, replace: true });
      expect(save).toMatchObject({ ok: false, error: { code: 'STORE_BUSY', message: expect.stringContaining('another program is writing') } });
      // The CLI's import waits longer; here it is told to give up at once through a held lock of its own kind.
      const raw = new Database(db);
      try {
        expect(() => beginImmediate(raw, 50, 'Nothing was imported.')).toThrowError(expect.objectContaining({ code: 'STORE_BUSY', message: expect.stringContaining('Nothing was imported.') }));
      } finally {
        raw.close();
      }
    } finally {
      holder.exec('COMMIT');
      holder.close();
    }
    // The holder's write is in; nothing else changed.
    const check = new Database(db, { readonly: true });
    try {
      expect(check.prepare("SELECT value FROM app_meta WHERE key = 'held-by-test'").pluck().get()).toBe('1');
    } finally {
      check.close();
    }
    expect(fileSources()).toEqual(before);
    expect(((await api('scenario.list', {})) as { ok: true; value: unknown[] }).value).toEqual(scenarios.value);
    // Once the lock is free, the same write goes through.
    const after = await api('scenario.save', { definition, replace: true });
    expect(after.ok, JSON.stringify(after)).toBe(true);
  }, 120_000);

  it('a CLI import waits for a writer that holds the store, then goes through; a backup meanwhile is not blocked (readers never are)', async () => {
    const holder = new Database(db);
    beginImmediate(holder, 0);
    try {
      const { file } = makeBuurtenCsv(dir, { rows: 50, year: 2025, name: 'busy-2025.csv' });
      // The areas exist, so this small import's only write is its own transaction — which waits.
      const run = runChild(bundle, ['--db', db, 'backup', path.join(dir, 'while-busy.sqlite')]);
      const save = runChild(bundle, ['--db', db, 'import', file, '--json']);
      // Release after 1 s: the import (which waits up to two minutes) then goes through.
      await new Promise((r) => setTimeout(r, 1000));
      holder.exec('COMMIT');
      const [backup, imported] = await Promise.all([run, save]);
      expect(backup.code, backup.stderr).toBe(0);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stderr).not.toMatch(/\n\s+at /);
    } finally {
      if (holder.inTransaction) holder.exec('ROLLBACK');
      holder.close();
    }
  }, 120_000);
});
