import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServices, type Services } from '../../main/app/services';

/** Real services on a fresh store file in a temp folder (seeded with the NPLV data). */
export function freshServices(shell: 'web' | 'cli' | 'electron' = 'cli'): Services & { dir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-svc-'));
  const services = startServices(path.join(dir, 'store.sqlite'), shell);
  services.ctx.log = () => undefined;
  return Object.assign(services, { dir });
}
