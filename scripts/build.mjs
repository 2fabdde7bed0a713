// Builds the app: main-side entry points with esbuild (CommonJS bundles for Node and Electron,
// node_modules left external so native better-sqlite3 loads from its own folder) and the renderer
// with Vite. `--main-only` skips the renderer; the renderer is skipped anyway when it is up to date.
import { build as esbuild } from 'esbuild';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');
const log = (s) => { if (!quiet) console.log(s); };

/** `import text from './x.sql?raw'`, as Vite and Vitest understand it. */
const rawPlugin = {
  name: 'raw',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (a) => ({ path: path.resolve(a.resolveDir, a.path.replace(/\?raw$/, '')), namespace: 'raw' }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, (a) => ({ contents: readFileSync(a.path, 'utf8'), loader: 'text' }));
  },
};

const entries = {
  'main/cli': 'main/cli/cli-main.ts',
  'main/web-main': 'main/web/web-main.ts',
  'main/electron-main': 'main/electron/main.ts',
  'main/preload': 'main/electron/preload.ts',
};
for (const f of listFiles(path.join(root, 'main/workers'))) {
  if (f.endsWith('.worker.ts')) entries[`main/${path.basename(f, '.ts')}`] = path.relative(root, f);
}
if (existsSync(path.join(root, 'bench/index.ts'))) entries['bench/bench'] = 'bench/index.ts';

const started = Date.now();
await esbuild({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(entries).filter(([, src]) => existsSync(path.join(root, src)))),
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  // test/helpers/real-data.ts (bundled into the bench for its browser step) reads import.meta only
  // where there is no __dirname (under Vitest's ESM); bundled as CommonJS it never gets there
  logOverride: { 'empty-import-meta': 'silent' },
  plugins: [rawPlugin],
});
log(`main built in ${Date.now() - started} ms`);

if (!args.has('--main-only')) {
  const out = path.join(root, 'dist/renderer/index.html');
  const newest = Math.max(...['renderer', 'shared'].flatMap((d) => listFiles(path.join(root, d))).map((f) => statSync(f).mtimeMs));
  if (!args.has('--force') && existsSync(out) && statSync(out).mtimeMs > newest) {
    log('renderer up to date');
  } else {
    const { build: viteBuild } = await import('vite');
    const t = Date.now();
    await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
    log(`renderer built in ${Date.now() - t} ms`);
  }
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
