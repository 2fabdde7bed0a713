import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './real-data';

/**
 * The app's job worker bundle (main/workers/jobs.worker.ts), built the way scripts/build.mjs
 * builds dist/main/jobs.worker.cjs, into test-results/workers/: for tests that run jobs — and the
 * import's reading thread — in a real worker thread. @returns the bundle's path
 */
export async function buildJobsWorker(name: string): Promise<string> {
  const outfile = path.join(repoRoot, 'test-results', 'workers', `${name}-${process.pid}.worker.cjs`);
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    entryPoints: [path.join(repoRoot, 'main/workers/jobs.worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
    loader: { '.sql': 'text' },
    // `import text from './x.sql?raw'`, as Vite and Vitest read it.
    plugins: [{ name: 'raw', setup: (b) => void b.onResolve({ filter: /\?raw$/ }, (a) => ({ path: path.resolve(a.resolveDir, a.path.replace(/\?raw$/, '')) })) }],
  });
  return outfile;
}
