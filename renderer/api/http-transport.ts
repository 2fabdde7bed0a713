import { unpackTables } from '../../shared/wire/pack-tables';
import { Failure } from '../../shared/errors';
import type { Envelope } from '../../shared/contract/envelope';
import type { Transport } from './transport';

const TOKEN_KEY = 'wv-token';

/**
 * The web shell's transport. The token arrives once in the URL (?token=...); we keep it for this
 * tab and remove it from the address bar so it is not bookmarked or shared by accident.
 */
export function httpTransport(): Transport {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const headers = { 'x-wv-token': token };

  async function parse(res: Response): Promise<Envelope> {
    const body: unknown = unpackTables(await res.json().catch(() => null));
    if (body && typeof body === 'object' && 'ok' in body) return body as Envelope;
    return Failure.parse({ ok: false, error: { code: 'INTERNAL', message: `HTTP ${res.status}` } });
  }

  return {
    kind: 'web',
    invoke: async (name, input) => {
      const res = await fetch(`./api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      return parse(res);
    },
    fileToPath: async (file) => {
      const res = await fetch('./upload', { method: 'POST', headers: { ...headers, 'x-file-name': encodeURIComponent(file.name) }, body: file });
      const env = await parse(res);
      if (!env.ok) throw new Error(env.error.message);
      return (env.value as { path: string }).path;
    },
    onMenu: () => undefined,
  };
}
