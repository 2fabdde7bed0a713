// `npm start`: the desktop app (Electron) where it can run; otherwise the web shell, with one line
// saying why. `npm start -- --web` (or `npm run web`) goes straight to the web shell.
// Extra arguments after `--` are passed to the web shell (e.g. --port 5173 --db project.sqlite).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const forceWeb = argv.includes('--web');
const passThrough = argv.filter((a) => a !== '--web');

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { cwd: root, encoding: 'utf8', ...opts });
}

function startWeb(reason) {
  if (reason) console.log(`Electron kan hier niet starten (${reason}); Wijkverkenner start daarom in de browser.`);
  const native = run(process.execPath, ['scripts/ensure-native.mjs', 'node'], { stdio: 'inherit' });
  if (native.status !== 0) process.exit(1);
  const child = spawn(process.execPath, ['dist/main/web-main.cjs', ...passThrough], { cwd: root, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** Where the Electron binary is, or why there is none (no download possible, unsupported OS...). */
function electronBinary() {
  // require('electron') downloads the binary on first use; run it in a child so a failure stays quiet.
  const r = run(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { timeout: 180_000 });
  if (r.status === 0 && r.stdout) return { ok: true, path: r.stdout.trim() };
  const text = `${r.stderr}${r.stdout}`;
  const reason = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|network|socket/i.test(text)
    ? 'het Electron-programma kon niet worden gedownload: geen netwerk'
    : r.error?.code === 'ETIMEDOUT' ? 'het downloaden van Electron duurde te lang'
    : 'het Electron-programma ontbreekt en kon niet worden geïnstalleerd';
  return { ok: false, reason };
}

const build = run(process.execPath, ['scripts/build.mjs', '--quiet'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('De build is mislukt; zie de meldingen hierboven.');
  process.exit(1);
}

if (forceWeb) {
  startWeb();
} else {
  const electron = electronBinary();
  if (!electron.ok) {
    startWeb(electron.reason);
  } else {
    const native = run(process.execPath, ['scripts/ensure-native.mjs', 'electron']);
    if (native.status !== 0) {
      startWeb('de databasemodule kon niet voor Electron worden gebouwd');
    } else {
      const startedAt = Date.now();
      const child = spawn(electron.path, ['.'], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += d; process.stderr.write(d); });
      child.on('exit', (code) => {
        // A crash in the first seconds means Electron cannot run here (no display, missing libraries).
        if (code !== 0 && Date.now() - startedAt < 10_000) {
          const why = /DISPLAY|display|Xvfb|ozone/i.test(stderr) ? 'geen beeldscherm beschikbaar' : `Electron stopte met code ${code}`;
          startWeb(why);
        } else process.exit(code ?? 0);
      });
    }
  }
}
