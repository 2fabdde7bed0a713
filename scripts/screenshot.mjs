// Dev aid: start the built web shell, open it in headless Chromium, save a screenshot.
// node scripts/screenshot.mjs OUT.png [#screen]   (WV_SHOT_DB picks the store)
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
const child = spawn(process.execPath, ['dist/main/web-main.cjs', '--port', '0', '--db', process.env.WV_SHOT_DB ?? '/tmp/wv-shot.sqlite', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((r) => child.stdout.on('data', (d) => { const m = /WIJKVERKENNER_URL=(\S+)/.exec(d.toString()); if (m) r(m[1]); }));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const p = await b.newPage({ viewport: { width: 1440, height: 900 } });
p.on('console', (m) => console.log('console', m.type(), m.text()));
p.on('pageerror', (e) => console.log('pageerror', e.message));
await p.goto(url + (process.argv[3] ?? ''));
await p.waitForTimeout(4000);
const h = await p.evaluate(() => document.documentElement.scrollHeight);
await p.setViewportSize({ width: 1440, height: Math.max(900, Math.min(h, 8000)) });
await p.waitForTimeout(300);
await p.screenshot({ path: process.argv[2] ?? '/tmp/shot.png' });
await b.close(); child.kill();
