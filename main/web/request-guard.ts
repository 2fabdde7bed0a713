import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

export const TOKEN_HEADER = 'x-wv-token';
export const TOKEN_COOKIE = 'wv_token';

export type GuardResult = { ok: true } | { ok: false; status: number; reason: string };

/**
 * The web shell serves one analyst on this machine. A request is accepted only when it is
 * addressed to our loopback host and port (defeats DNS rebinding), comes from our own origin
 * if it names one (defeats other web pages), and carries this launch's random token.
 */
export function checkRequest(req: IncomingMessage, port: number, token: string): GuardResult {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const host = req.headers.host ?? '';
  if (!allowedHosts.has(host)) return { ok: false, status: 403, reason: `foreign Host header "${host}"` };
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
    return { ok: false, status: 403, reason: `foreign Origin "${origin}"` };
  }
  const presented = tokenFrom(req);
  if (presented === undefined || !sameSecret(presented, token)) return { ok: false, status: 401, reason: 'missing or wrong token' };
  return { ok: true };
}

export function tokenFrom(req: IncomingMessage): string | undefined {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string') return header;
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const query = url.searchParams.get('token');
  if (query) return query;
  const cookie = req.headers.cookie ?? '';
  const match = new RegExp(`(?:^|;\\s*)${TOKEN_COOKIE}=([^;]+)`).exec(cookie);
  return match?.[1];
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
