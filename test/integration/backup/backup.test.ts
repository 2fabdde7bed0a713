import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServices, type Services } from '../../../main/app/services';
import { backupStore } from '../../../main/store/backup';
import { latestVersion } from '../../../main/store/migrations/index';
import { startWebServer } from '../../../main/web/server';
import { makeBuurtenCsv } from '../../fixtures/make-buurten-csv';
import { cli } from '../../helpers/run-cli';

/**
 * Backups while the app runs: SQLite's online backup (better-sqlite3's backup()) through the
 * contract (`app.backup`), the CLI (`backup PATH`) and the web shell's download. The copy is one
 * moment's state even while another connection writes, and it opens with the same sources and
 * figures as the store, row by row.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-backup-'));
let db = '';

/** Every row of a table, in id order (whatever its columns are in this schema version). */
function rows(file: string, table: string, where = ''): unknown[] {
  const conn = new Database(file, { readonly: true });
  try {
    return conn.prepare(`SELECT * FROM ${table} ${where} ORDER BY rowid`).all();
  } finally {
    conn.close();
  }
}

function integrity(file: string): string {
  const conn = new Database(file, { readonly: true });
  try {
    return conn.pragma('integrity_check', { simple: true }) as string;
  } finally {
    conn.close();
  }
}

beforeAll(async () => {
  db = path.join(dir, 'store.sqlite');
  const { file } = makeBuurtenCsv(dir, { rows: 3000, year: 2022 });
  const run = await cli('--db', db, 'import', file, '--create-areas');
  expect(run.code, run.stderr).toBe(0);
}, 60_000);

describe('backup while another connection writes', () => {
  it('copies one moment: every source in the copy whole, the same rows as the store, the writer\'s later work absent or whole', async () => {
    const services = startServices(db, 'cli');
    services.ctx.log = () => undefined;
    const target = path.join(dir, 'during-writes.sqlite');
    let done = false;
    const imported: number[] = [];
    // The writer: whole imports on other connections (the in-process CLI), one after another,
    // interleaved with the backup's steps of one page each until the backup is done.
    const writer = (async () => {
      for (let year = 2023; !done && year < 2040; year++) {
        const { file } = makeBuurtenCsv(dir, { rows: 800, year, name: `buurten-${year}.csv` });
        const run = await cli('--db', db, 'import', file, '--json');
        expect(run.code, run.stderr).toBe(0);
        imported.push((JSON.parse(run.stdout) as { source_id: number }).source_id);
        await new Promise((r) => setImmediate(r));
      }
    })();
    // Halfway through the copy another connection writes for certain, whatever the imports'
    // timing: a scenario row large enough to add pages, so the copy starts again.
    const other = new Database(db);
    let poked = false;
    const onProgress = ({ remainingPages, totalPages }: { remainingPages: number; totalPages: number }): void => {
      if (poked || remainingPages > totalPages / 2) return;
      poked = true;
      const now = new Date().toISOString();
      other.prepare('INSERT INTO scenario (name, schema_version, definition_json, created_at, updated_at) VALUES (?, 1, ?, ?, ?)').run('tijdens de kopie', JSON.stringify({ note: 'x'.repeat(64_000) }), now, now);
    };
    let result;
    try {
      result = await backupStore(services.ctx.db, db, target, { pagesPerStep: 1, onProgress });
    } finally {
      done = true;
      await writer;
      other.close();
      services.close();
    }
    // The writer did get in while the copy was being made (SQLite restarted it), so this test is
    // about a store that changed under the backup, not a quiet one.
    expect(imported.length).toBeGreaterThan(0);
    expect(result.restarts).toBeGreaterThan(0);
    expect(integrity(target)).toBe('ok');
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);

    const storeSources = rows(db, 'source') as { id: number }[];
    const copySources = rows(target, 'source') as { id: number }[];
    // The copy's sources are the store's first k, identical: a moment in the store's history.
    expect(copySources).toEqual(storeSources.slice(0, copySources.length));
    expect(copySources.length).toBeGreaterThanOrEqual(storeSources.length - imported.length);
    const inCopy = copySources.map((s) => s.id).join(',');
    // …and each of those sources' figures, all of them, row by row; none of a source it lacks.
    expect(rows(target, 'observation')).toEqual(rows(db, 'observation', `WHERE source_id IN (${inCopy})`));
    expect(result.counts.sources).toBe(copySources.length);
    expect(result.counts.observations).toBe(rows(target, 'observation').length);
    // Tables the imports only append to; mapping rows are also updated (last used), so by id.
    for (const table of ['area', 'indicator', 'area_alias', 'scenario']) {
      const copy = rows(target, table);
      expect(copy, table).toEqual(rows(db, table).slice(0, copy.length));
    }
    const ids = (file: string): number[] => (rows(file, 'mapping') as { id: number }[]).map((m) => m.id);
    expect(ids(target)).toEqual(ids(db).slice(0, ids(target).length));
    expect(result.schemaVersion).toBe(latestVersion);
  });
});

describe('app.backup, the CLI and the web shell', () => {
  let services: Services;
  beforeAll(() => {
    services = startServices(db, 'cli');
    services.ctx.log = () => undefined;
  });
  afterAll(() => services.close());

  it('through dispatch: a checked copy, opened by the app with the same sources and figures', async () => {
    const target = path.join(dir, 'by-contract.sqlite');
    const env = await services.call('app.backup', { path: target });
    expect(env).toMatchObject({ ok: true, value: { path: target, schemaVersion: latestVersion, restarts: 0 } });
    const copy = startServices(target, 'cli');
    try {
      expect(copy.opened.migration).toMatchObject({ from: latestVersion, to: latestVersion });
      expect(await copy.call('sources.list', {})).toEqual(await services.call('sources.list', {}));
      expect(await copy.call('observations.list', { areaCode: 'NPLV' })).toEqual(await services.call('observations.list', { areaCode: 'NPLV' }));
      const sources = (await services.call('sources.list', {})) as { ok: true; value: { id: number; kind: string }[] };
      for (const s of sources.value.filter((x) => x.kind === 'file')) {
        expect(await copy.call('observations.list', { sourceId: s.id })).toEqual(await services.call('observations.list', { sourceId: s.id }));
      }
    } finally {
      copy.close();
    }
  });

  it('refuses an existing file (unless overwrite), the open store itself, a missing folder — and writes nothing', async () => {
    const existing = path.join(dir, 'existing.sqlite');
    writeFileSync(existing, 'keep me');
    const refused = await services.call('app.backup', { path: existing });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BACKUP_FAILED', message: expect.stringContaining('already exists') } });
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
    expect(await services.call('app.backup', { path: db, overwrite: true })).toMatchObject({ ok: false, error: { code: 'BACKUP_FAILED', message: expect.stringContaining('the open store itself') } });
    expect(await services.call('app.backup', { path: path.join(dir, 'no', 'such', 'x.sqlite') })).toMatchObject({ ok: false, error: { code: 'BACKUP_FAILED', message: expect.stringContaining('does not exist') } });
    expect(await services.call('app.backup', { path: existing, overwrite: true })).toMatchObject({ ok: true });
    expect(integrity(existing)).toBe('ok');
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('the CLI: backup PATH prints what the copy holds; exit 1 with the reason when refused', async () => {
    const target = path.join(dir, 'by-cli.sqlite');
    const run = await cli('--db', db, 'backup', target, '--json');
    expect(run.code, run.stderr).toBe(0);
    const out = run.json() as { path: string; counts: { sources: number; observations: number } };
    expect(out.path).toBe(target);
    expect(out.counts.observations).toBe(rows(db, 'observation').length);
    const again = await cli('--db', db, 'backup', target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error BACKUP_FAILED: .*already exists/);
    expect((await cli('--db', db, 'backup')).code).toBe(2);
  });

  it('the web shell: GET /backup downloads the copy (token required) and leaves no file behind', async () => {
    const rendererDir = path.join(dir, 'renderer');
    const web = await startWebServer({ port: 0, rendererDir, call: services.call });
    const get = (headers: Record<string, string>): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> =>
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: web.port, path: '/backup', headers: { host: `127.0.0.1:${web.port}`, ...headers } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      // The page itself cannot ask for a copy at a path of its choosing: only GET /backup.
      const viaApi = await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: web.port, method: 'POST', path: '/api/app.backup', headers: { host: `127.0.0.1:${web.port}`, 'x-wv-token': web.token, 'content-type': 'application/json' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end(JSON.stringify({ path: path.join(dir, 'via-api.sqlite') }));
      });
      expect(viaApi).toBe(403);
      expect(existsSync(path.join(dir, 'via-api.sqlite'))).toBe(false);
      expect((await get({})).status).toBe(401);
      const res = await get({ cookie: `wv_token=${web.token}` });
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="wijkverkenner-reservekopie-\d{4}-\d{2}-\d{2}\.sqlite"$/);
      const downloaded = path.join(dir, 'downloaded.sqlite');
      writeFileSync(downloaded, res.body);
      expect(integrity(downloaded)).toBe('ok');
      expect(rows(downloaded, 'source')).toEqual(rows(db, 'source'));
      expect(rows(downloaded, 'observation').length).toBe(rows(db, 'observation').length);
      const uploads = path.join(os.tmpdir(), `wijkverkenner-uploads-${process.pid}`);
      // The temp copy is removed once the download has been sent (just after the last byte).
      await vi.waitFor(() => expect(readdirSync(uploads).filter((f) => f.startsWith('backup-'))).toEqual([]));
    } finally {
      await web.close();
    }
  });
});
