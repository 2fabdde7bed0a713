import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Envelope } from '../../shared/contract/envelope';
import { SHELL_ONLY_CALLS } from '../../shared/contract/app';
import { AppError, toFailure } from '../../shared/errors';
import { packTables } from '../../shared/wire/pack-tables';
import { backupFileName } from '../store/backup';
import { CONTENT_SECURITY_POLICY } from '../app/csp';
import { checkRequest, TOKEN_COOKIE } from './request-guard';
import { serveStatic } from './static-files';

export interface WebServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Folder with the built renderer (index.html). */
  rendererDir: string;
  call: (name: string, input: unknown) => Promise<Envelope>;
  token?: string;
  log?: (line: string) => void;
}

export interface RunningWebServer {
  server: Server;
  port: number;
  token: string;
  url: string;
  close: () => Promise<void>;
}

const MAX_JSON_BYTES = 2 * 1024 * 1024;
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * The web shell: the built renderer and the contract over HTTP, on 127.0.0.1 only.
 * POST /api/<call> with a JSON body answers an envelope; POST /upload stores a dropped file in a
 * private temp folder and answers its path (a browser cannot hand us a path the way Electron can).
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const uploadDir = path.join(os.tmpdir(), `wijkverkenner-uploads-${process.pid}`);
  let port = options.port;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      options.log?.(`request ${req.method} ${req.url} failed: ${String(err)}`);
      if (!res.headersSent) sendJson(res, 500, toFailure(new AppError('INTERNAL', 'The request failed.')));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const guard = checkRequest(req, port, token);
    if (!guard.ok) {
      options.log?.(`refused ${req.method} ${req.url}: ${guard.reason}`);
      sendJson(res, guard.status, toFailure(new AppError('UNAUTHORIZED', `Request refused: ${guard.reason}.`)));
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      const name = decodeURIComponent(url.pathname.slice('/api/'.length));
      if (SHELL_ONLY_CALLS.has(name)) {
        sendJson(res, 403, toFailure(new AppError('UNAUTHORIZED', `${name} is not a call the page may make (use GET /backup).`)));
        return;
      }
      let input: unknown;
      try {
        input = JSON.parse((await readBody(req, MAX_JSON_BYTES)) || '{}');
      } catch (err) {
        sendJson(res, 400, toFailure(err instanceof AppError ? err : new AppError('INPUT_INVALID', 'The request body is not valid JSON.')));
        return;
      }
      // long arrays of like objects go as a key list and rows (shared/wire/pack-tables)
      sendJson(res, 200, packTables(await options.call(name, input)));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/upload') {
      sendJson(res, 200, await receiveUpload(req, uploadDir));
      return;
    }
    if (req.method === 'GET' && url.pathname === '/backup') {
      await sendBackup(res, options.call, uploadDir);
      return;
    }
    if (req.method === 'GET') {
      // The token arrives once in the URL; a cookie carries it for the page's own requests.
      const cookie = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      if (serveStatic(options.rendererDir, url.pathname, res, { ...SECURITY_HEADERS, 'set-cookie': cookie })) return;
    }
    sendJson(res, 404, toFailure(new AppError('NOT_FOUND', `Nothing at ${req.method} ${url.pathname}.`)));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('web shell: no TCP address');
  port = address.port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AppError('INPUT_INVALID', `The request is larger than ${limit} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * GET /backup: the web shell's *Reservekopie downloaden*. A browser cannot name a path on disk, so
 * the copy (`app.backup`, the same online backup as the desktop menu and the CLI) is written to a
 * private temp folder, sent as a download, and removed.
 */
async function sendBackup(res: ServerResponse, call: WebServerOptions['call'], uploadDir: string): Promise<void> {
  const dir = path.join(uploadDir, `backup-${randomBytes(8).toString('hex')}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = backupFileName(new Date());
  const file = path.join(dir, name);
  try {
    const env = await call('app.backup', { path: file });
    if (!env.ok) {
      sendJson(res, 500, env);
      return;
    }
    const { bytes } = env.value as { bytes: number };
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'application/vnd.sqlite3', 'content-length': String(bytes), 'content-disposition': `attachment; filename="${name}"` });
    await pipeline(createReadStream(file), res);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function receiveUpload(req: IncomingMessage, uploadDir: string): Promise<Envelope> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  const rawName = decodeURIComponent(String(req.headers['x-file-name'] ?? 'upload'));
  const name = path.basename(rawName).replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || 'upload';
  if (!Number.isFinite(declared)) return toFailure(new AppError('INPUT_INVALID', 'An upload needs a Content-Length.'));
  if (declared > MAX_UPLOAD_BYTES) {
    req.resume();
    return toFailure(new AppError('FILE_TOO_LARGE', `${name} is ${Math.round(declared / 1e6)} MB; the limit is 200 MB.`, { file: name }));
  }
  const dir = path.join(uploadDir, randomBytes(8).toString('hex'));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, name);
  await pipeline(req, createWriteStream(target, { mode: 0o600 }));
  return { ok: true, value: { path: target, name, size: declared } };
}
