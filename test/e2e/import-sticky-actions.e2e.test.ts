import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, pageProblems, screenshotDir, startWebShell, type WebShell } from './harness';

/**
 * Issue 15, class 12: on the mapping step of a wide file (80 figure columns, a table far longer than
 * the window) the wizard's next button stays in reach at 1440×900 and 1366×768 — inside the window,
 * above the status line, not covered by anything — and clicking it moves on.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-e2e-sticky-'));
const file = path.join(dir, 'breed-2024.csv');
const header = ['gwb_code', 'regio', ...Array.from({ length: 80 }, (_, i) => `kenmerk ${i + 1} (aantal)`)];
const rows = [header, ...['WK034403', 'WK034402', 'WK034401'].map((code, r) => [code, `Wijk ${r}`, ...Array.from({ length: 80 }, (_, i) => String(100 + r * 7 + i))])];
writeFileSync(file, rows.map((r) => r.join(';')).join('\r\n') + '\r\n');

async function inReach(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name });
  const box = await button.boundingBox();
  const viewport = page.viewportSize() as { width: number; height: number };
  const statusTop = await page.locator('.status-line').evaluate((el) => el.getBoundingClientRect().top);
  expect(box).not.toBeNull();
  if (!box) return;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(statusTop);
  expect(statusTop).toBeLessThanOrEqual(viewport.height);
  // Nothing on top of it: the element at its centre is the button (or inside it).
  const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x as number, y as number)?.closest('button')?.textContent ?? null, [box.x + box.width / 2, box.y + box.height / 2]);
  expect(hit).toBe(name);
}

describe('the wizard\'s next step is always in reach (class 12)', () => {
  let shell: WebShell;
  let browser: Browser;
  beforeAll(async () => {
    shell = await startWebShell();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
  });

  for (const [width, height] of [[1440, 900], [1366, 768]] as const) {
    it(`mapping step of an 80-column file at ${width}×${height}: "Gebieden →" inside the window, above the status line, clickable`, async () => {
      const page = await newPage(browser);
      await page.setViewportSize({ width, height });
      await page.goto(shell.url);
      await page.getByRole('button', { name: 'Importeren' }).first().click();
      await page.getByLabel('Bestand om te importeren').setInputFiles(file);
      await page.getByRole('heading', { level: 2, name: 'Blad' }).waitFor();
      await page.getByRole('button', { name: 'Indeling →' }).click();
      await page.getByRole('heading', { level: 2, name: 'Indeling' }).waitFor();
      await page.getByRole('button', { name: 'Koppeling →' }).click();
      await page.getByRole('heading', { level: 2, name: 'Koppeling' }).waitFor();
      await page.getByText('Voorbeeld wordt bijgewerkt…').waitFor({ state: 'detached' });
      await page.getByLabel('Indicator voor kenmerk 80 (aantal)').waitFor();
      // The page is far longer than the window: the button would be below the fold if it were not stuck.
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(height);
      await page.evaluate(() => window.scrollTo(0, 0));
      await inReach(page, 'Gebieden →');
      await page.evaluate(() => window.scrollTo(0, 400));
      await inReach(page, 'Gebieden →');
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: path.join(screenshotDir, `import-koppeling-${width}x${height}.png`) });
      await page.getByRole('button', { name: 'Gebieden →' }).click();
      await page.getByRole('heading', { level: 2, name: 'Gebieden' }).waitFor();
      expect(pageProblems(page)).toEqual([]);
    }, 60_000);
  }
});
