import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, pageProblems, screenshot, screenshotDir, startWebShell, type WebShell } from './harness';

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

  it('a sheet with two stacked tables: Blad lists them, Importeren waits for a choice, table 2 is imported (class 6)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Monitor');
    ws.getCell('B2').value = 'Tabel 1. Inwoners';
    ws.getRow(3).values = [null, 'Code', 'Wijk', 'Inwoners (aantal)'];
    ws.getRow(4).values = [null, 'WK034403', 'Wijk 03 Overvecht', 35_255];
    ws.getRow(5).values = [null, 'WK034402', 'Wijk 02 Noordwest', 41_020];
    ws.getCell('B8').value = 'Tabel 2. Woningen';
    ws.getRow(9).values = [null, 'Code', 'Wijk', 'Koopwoningen'];
    ws.getRow(10).values = [null, 'WK034403', 'Wijk 03 Overvecht', 0.2243];
    ws.getRow(11).values = [null, 'WK034402', 'Wijk 02 Noordwest', 0.0092];
    ws.getCell('D10').numFmt = '0.0%';
    ws.getCell('D11').numFmt = '0.0%';
    const stacked = path.join(dir, 'gestapeld-2024.xlsx');
    await wb.xlsx.writeFile(stacked);

    const page = await newPage(browser);
    await page.goto(shell.url);
    await page.getByRole('button', { name: 'Importeren' }).first().click();
    await page.getByLabel('Bestand om te importeren').setInputFiles(stacked);
    await page.getByRole('heading', { level: 2, name: 'Blad' }).waitFor();
    const blocks = page.getByTestId('blocks');
    await blocks.waitFor();
    await expect(blocks.textContent()).resolves.toContain('Dit blad bevat 2 tabellen onder elkaar');
    await expect(blocks.textContent()).resolves.toContain('Tabel 1: B3:D5 — Tabel 1. Inwoners');
    await expect(blocks.textContent()).resolves.toContain('Tabel 2: B9:D11 — Tabel 2. Woningen');
    await expect(blocks.textContent()).resolves.toContain('Kies een tabel');
    await screenshot(page, 'import-blokken');
    // The radio follows the preview: it is checked once the preview of table 2 is back.
    await blocks.getByRole('radio').nth(1).click();
    await expect.poll(() => blocks.getByRole('radio').nth(1).isChecked(), { timeout: 30_000 }).toBe(true);
    await expect(blocks.textContent()).resolves.not.toContain('Kies een tabel');
    await page.getByText('Voorbeeld wordt bijgewerkt…').waitFor({ state: 'detached' });
    for (const label of ['Indeling', 'Koppeling', 'Gebieden', 'Voorbeeld']) {
      await page.getByRole('button', { name: `${label} →` }).click();
      await page.getByRole('heading', { level: 2, name: label }).waitFor();
      await page.getByText('Voorbeeld wordt bijgewerkt…').waitFor({ state: 'detached' });
    }
    await expect(page.locator('.summary-card').first().textContent()).resolves.toContain('2 cijfers worden opgeslagen');
    await page.getByRole('button', { name: 'Importeren', exact: true }).last().click();
    await page.getByRole('heading', { level: 2, name: 'Geïmporteerd' }).waitFor({ timeout: 60_000 });
    const row = page.locator('.source-figures [role="row"][row-index]', { has: page.locator('[col-id="cell"]', { hasText: /^D11$/ }) });
    await row.first().waitFor();
    await expect(row.first().locator('[col-id="raw"]').textContent()).resolves.toBe('0.9% = 0.0092');
    await screenshot(page, 'import-blok-2-geimporteerd');
    expect(pageProblems(page)).toEqual([]);
  }, 90_000);
});
