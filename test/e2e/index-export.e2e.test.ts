import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeKwbYears } from '../fixtures/make-kwb-years';
import { readXlsx, sheetTexts } from '../helpers/briefing-files';
import { cli } from '../helpers/run-cli';
import { launchBrowser, newPage, pageProblems, screenshot, startWebShell, type WebShell } from './harness';

/** A composite index saved with a view (Grafieken → Index) travels with the view's export: its parameters in the source line. */
describe('a view’s composite index in its briefing export (generated KWB years, made-up figures)', () => {
  let shell: WebShell;
  let browser: Browser;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-index-export-e2e-'));
  beforeAll(async () => {
    const db = path.join(dir, 'store.sqlite');
    for (const { year, file } of makeKwbYears(dir)) {
      const r = await cli('--db', db, 'import', file, '--period', year, '--create-areas');
      expect(r.code, r.stderr).toBe(0);
    }
    const view = await cli('--db', db, 'views', 'save', 'Wijken Utrecht', '--areas', 'WK034401,WK034402,WK034403', '--indicators', 'a_inw,p_koopw', '--period', 'latest');
    expect(view.code, view.stderr).toBe(0);
    shell = await startWebShell(db);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
  });

  it('saves an index with the view and exports the view with the index definition', async () => {
    const page = await newPage(browser);
    await page.goto(`${shell.url}#grafieken`);
    await page.getByLabel('Gebieden', { exact: true }).selectOption('view:Wijken Utrecht');
    await page.getByRole('tab', { name: 'Index' }).click();
    await page.getByLabel('Indicator toevoegen').selectOption('p_koopw');
    await page.getByLabel('Indicator toevoegen').selectOption('a_inw');
    await page.getByLabel('Gewicht p_koopw').fill('2');
    await page.getByRole('button', { name: /^Bewaren bij weergave/ }).click();
    await page.getByRole('status').filter({ hasText: 'Bewaard bij' }).waitFor();

    await page.goto(`${shell.url}#exporteren`);
    await page.getByRole('heading', { name: 'Exporteren', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Vergelijking', exact: true }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Opgeslagen vergelijking' }).inputValue()).toBe('Wijken Utrecht');
    const index = "samengestelde index van 'Wijken Utrecht' (Koopwoningen: gewicht 2 (66,7%), Aantal inwoners: gewicht 1 (33,3%), z-scores tegen: de gebieden van de vergelijking, ontbrekend cijfer: gebied weggelaten, richting: omgedraaid waar hoger slechter is)";
    await expect.poll(() => page.locator('.briefing-source').textContent(), { timeout: 30_000 }).toContain(index);
    await screenshot(page, 'export-view-met-index');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Downloaden' }).click()]);
    const file = path.join(dir, 'view.xlsx');
    await download.saveAs(file);
    const r = await readXlsx(readFileSync(file));
    expect(sheetTexts(r.table).find((t) => t.startsWith('Bron:'))).toContain(index);
    expect(sheetTexts(r.account)).toContain('Samengestelde index');
    expect(pageProblems(page)).toEqual([]);
  });
});
