import { request } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from '../../../main/web/server';
import { PACKED, unpackTables } from '../../../shared/wire/pack-tables';
import { freshServices } from '../../helpers/services';

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function send(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

describe('web shell: loopback only, per-launch token, same contract', () => {
  const services = freshServices('web');
  let web: RunningWebServer;
  beforeAll(async () => {
    const rendererDir = path.join(services.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Wijkverkenner</title>');
    web = await startWebServer({ port: 0, rendererDir, call: services.call });
  });
  afterAll(async () => {
    await web.close();
    services.close();
  });
  const api = (headers: Record<string, string>, body = '{}') =>
    send(web.port, { method: 'POST', path: '/api/areas.list', headers: { host: `127.0.0.1:${web.port}`, 'content-type': 'application/json', ...headers }, body });

  it('listens on 127.0.0.1 and prints a URL with a long random token', () => {
    expect(web.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(web.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${web.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    const none = await api({});
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await api({ 'x-wv-token': 'guess' })).status).toBe(401);
    expect((await api({ 'x-wv-token': `${web.token}x` })).status).toBe(401);
  });

  it('refuses a foreign Origin or Host even with the token', async () => {
    const fromElsewhere = await api({ 'x-wv-token': web.token, origin: 'http://evil.example' });
    expect(fromElsewhere.status).toBe(403);
    expect(JSON.parse(fromElsewhere.body).error.message).toContain('foreign Origin');
    const rebinding = await send(web.port, { method: 'POST', path: '/api/areas.list', headers: { host: 'evil.example:80', 'x-wv-token': web.token }, body: '{}' });
    expect(rebinding.status).toBe(403);
  });

  it('answers the contract with the token, from its own origin', async () => {
    const ok = await api({ 'x-wv-token': web.token, origin: `http://127.0.0.1:${web.port}` }, JSON.stringify({ kind: 'municipality' }));
    expect(ok.status).toBe(200);
    // a long list of like objects travels packed (a key list and rows); the page unpacks it
    const wire = JSON.parse(ok.body);
    expect(wire.value[PACKED][0]).toContain('code');
    expect(wire.value[PACKED][1]).toHaveLength(19);
    const env = unpackTables(wire) as { ok: boolean; value: { code: string }[] };
    expect(env.ok).toBe(true);
    expect(env.value).toHaveLength(19);
    expect(env.value.every((a) => /^GM\d{4}$/.test(a.code))).toBe(true);
  });

  it('passes invalid input to dispatch, which answers INPUT_INVALID; bad JSON is refused too', async () => {
    expect(JSON.parse((await api({ 'x-wv-token': web.token }, '{"kind": 12}')).body)).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    const bad = await api({ 'x-wv-token': web.token }, '{kind:');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toBe('The request body is not valid JSON.');
  });

  it('serves the app with the token in the URL, sets a strict CSP and a same-site cookie', async () => {
    expect((await send(web.port, { path: '/', headers: { host: `127.0.0.1:${web.port}` } })).status).toBe(401);
    const page = await send(web.port, { path: `/?token=${web.token}`, headers: { host: `127.0.0.1:${web.port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Wijkverkenner</title>');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(page.headers['set-cookie'])).toMatch(/wv_token=.*HttpOnly; SameSite=Strict/);
    expect((await send(web.port, { path: '/../../etc/passwd', headers: { host: `127.0.0.1:${web.port}`, 'x-wv-token': web.token } })).status).toBe(404);
  });

  it('stores an upload in a private temp folder and answers its path', async () => {
    const content = 'gebied;waarde\nGM0363;1\n';
    const res = await send(web.port, { method: 'POST', path: '/upload', headers: { host: `127.0.0.1:${web.port}`, 'x-wv-token': web.token, 'x-file-name': encodeURIComponent('../cijfers 2024.csv'), 'content-length': String(Buffer.byteLength(content)) }, body: content });
    const env = JSON.parse(res.body);
    expect(env.ok).toBe(true);
    expect(path.basename(env.value.path)).toBe('cijfers 2024.csv');
    expect(readFileSync(env.value.path, 'utf8')).toBe(content);
  });

  it('refuses a JSON body over 2 MB and an upload declared over 200 MB, or without a length', async () => {
    const big = await api({ 'x-wv-token': web.token }, JSON.stringify({ kind: 'x'.repeat(2 * 1024 * 1024 + 10) }));
    expect(big.status).toBe(400);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID', message: expect.stringContaining('larger than') } });
    const huge = await send(web.port, { method: 'POST', path: '/upload', headers: { host: `127.0.0.1:${web.port}`, 'x-wv-token': web.token, 'x-file-name': 'groot.xlsx', 'content-length': String(201 * 1024 * 1024) }, body: '' }).catch(() => null);
    if (huge) expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } });
  });
});
