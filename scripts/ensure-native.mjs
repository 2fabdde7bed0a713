// better-sqlite3 must match the runtime that loads it. Node's build lives in node_modules (used by
// tests, the CLI and the web shell); Electron's is built into .native/electron-<version>/ so the two
// never overwrite each other and `npm test` and `npm start` work in either order.
//   node scripts/ensure-native.mjs node      -> check Node's build, rebuild from source if it is stale
//   node scripts/ensure-native.mjs electron  -> build Electron's copy if it is missing (needs Electron's headers)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = process.argv[2] ?? 'node';

function nodeBuildLoads() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: root, encoding: 'utf8' });
  return { ok: probe.status === 0, message: (probe.stderr || '').split('\n').find((l) => l.includes('Error')) ?? '' };
}

function nodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(path.dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
    '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  ].filter(Boolean);
  return candidates.find((c) => existsSync(c));
}

if (target === 'node') {
  const first = nodeBuildLoads();
  if (first.ok) process.exit(0);
  console.log(`better-sqlite3 is not built for this Node (${first.message.trim()}); rebuilding from source (about a minute)...`);
  const r = spawnSync('npm', ['rebuild', 'better-sqlite3'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0 || !nodeBuildLoads().ok) {
    console.error('better-sqlite3 could not be built for Node. Check that python3, make and a C++ compiler are installed.');
    process.exit(1);
  }
  process.exit(0);
}

if (target === 'electron') {
  const version = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const outDir = path.join(root, '.native', `electron-${version}`);
  const out = path.join(outDir, 'better_sqlite3.node');
  if (existsSync(out)) process.exit(0);
  const gyp = nodeGyp();
  if (!gyp) {
    console.error('node-gyp not found: cannot build better-sqlite3 for Electron.');
    process.exit(1);
  }
  // Build in a scratch copy so Node's build in node_modules stays untouched.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'wv-native-'));
  try {
    cpSync(path.join(root, 'node_modules/better-sqlite3'), scratch, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
    const r = spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], {
      cwd: scratch,
      encoding: 'utf8',
    });
    const built = path.join(scratch, 'build/Release/better_sqlite3.node');
    if (r.status !== 0 || !existsSync(built)) {
      const reason = `${r.stderr ?? ''}`.split('\n').filter((l) => /ERR!|error/i.test(l)).slice(0, 3).join(' | ');
      console.error(`better-sqlite3 could not be built for Electron ${version}: ${reason || 'node-gyp failed'}`);
      process.exit(1);
    }
    mkdirSync(outDir, { recursive: true });
    copyFileSync(built, out);
    console.log(`better-sqlite3 built for Electron ${version} in ${path.relative(root, out)}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  process.exit(0);
}

console.error(`usage: ensure-native.mjs node|electron (got ${target})`);
process.exit(2);
