import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveStorePath } from '../app/store-path';
import { startServices } from '../app/services';
import { startWebServer } from './server';
import { isAppError } from '../../shared/errors';

/** `npm run web` / the fallback of `npm start`: serve the app on 127.0.0.1 and print its URL. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, db: { type: 'string' }, quiet: { type: 'boolean', default: false } },
    allowPositionals: false,
    strict: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`wijkverkenner web: --port must be a number from 0 to 65535, not "${String(values.port)}"\n`);
    process.exit(2);
  }
  const storePath = resolveStorePath(typeof values.db === 'string' ? values.db : undefined);
  const services = startServices(storePath, 'web', { workerPath: path.join(__dirname, 'jobs.worker.cjs') });
  const web = await startWebServer({
    port,
    rendererDir: path.join(__dirname, '..', 'renderer'),
    call: services.call,
    log: (line) => process.stderr.write(`[web] ${line}\n`),
  });
  // One machine-readable line first (tests and scripts read it), then the human one.
  process.stdout.write(`WIJKVERKENNER_URL=${web.url}\n`);
  if (!values.quiet) process.stdout.write(`Wijkverkenner draait op ${web.url}\nOpslag: ${storePath}\nStoppen: Ctrl+C\n`);
  const stop = (): void => {
    void web.close().then(() => {
      services.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`wijkverkenner web: ${isAppError(err) ? err.message : err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
