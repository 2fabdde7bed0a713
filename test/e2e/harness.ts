import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from '../helpers/real-data';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

export interface WebShell {
  url: string;
  dbPath: string;
  stop: () => Promise<void>;
}

/** Start the built web shell on a fresh store; resolves with the URL it prints (token included). */
export async function startWebShell(dbPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'wv-e2e-')), 'store.sqlite')): Promise<WebShell> {
  const entry = path.join(repoRoot, 'dist/main/web-main.cjs');
  if (!existsSync(entry)) throw new Error('dist/main/web-main.cjs is missing: run `npm run build` first (npm run test:e2e does)');
  const child: ChildProcess = spawn(process.execPath, [entry, '--port', '0', '--db', dbPath, '--quiet'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web shell did not start in time: ${stderr}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      const m = /WIJKVERKENNER_URL=(\S+)/.exec(d.toString());
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`web shell exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    dbPath,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (the CI script does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL' });
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

export function pageProblems(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  // Grow the viewport to the whole page instead of fullPage stitching, so fixed elements (the
  // status line) sit where an analyst sees them: at the bottom, not frozen mid-page.
  const before = page.viewportSize() ?? { width: 1440, height: 1000 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: before.width, height: Math.max(before.height, Math.min(height, 8000)) });
  await page.screenshot({ path: file });
  await page.setViewportSize(before);
  return file;
}

/** A full-page screenshot from the top, so the sticky navigation sits where a reader expects it. */
export async function screenshotFromTop(page: Page, name: string): Promise<string> {
  await page.evaluate(() => window.scrollTo(0, 0));
  return screenshot(page, name);
}
