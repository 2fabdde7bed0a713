import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeKwbYears } from '../fixtures/make-kwb-years';
import { cli } from '../helpers/run-cli';
import { hasRealData, realDataSkipReason, realFile } from '../helpers/real-data';
import { launchBrowser, newPage, pageProblems, screenshot, startWebShell, type WebShell } from './harness';

/** Vergelijken with the Utrecht districts and the given indicators only, at a laptop's 1366×768. */
async function compareDistricts(page: Page, url: string, codes: string[], compareTo?: string): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${url}#vergelijken`);
  await page.getByRole('heading', { name: 'Vergelijken', level: 1 }).waitFor();
  await page.getByLabel('Welke gebieden').selectOption('districts');
  await page.getByLabel('Gemeente van de wijken of buurten').selectOption('GM0344');
  await page.getByRole('button', { name: 'Wissen' }).click();
  const search = page.getByLabel('Zoek indicatoren op naam of code');
  for (const code of codes) {
    await search.fill(code);
    await page.getByRole('list', { name: 'Indicatoren' }).locator('label', { hasText: code }).getByRole('checkbox').check();
  }
  await search.fill('');
  if (compareTo) await page.getByLabel('Verschil ten opzichte van').selectOption(compareTo);
  await page.locator('.ag-row[row-id]').first().waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Grafiek', exact: true }).click();
}

/** Nothing sticks out sideways: the page does not scroll horizontally and the chart ends inside the window. */
async function noOverflow(page: Page): Promise<void> {
  const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, chartRight: document.querySelector('.compare-charts')?.getBoundingClientRect().right ?? 0 }));
  expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
  expect(sizes.chartRight).toBeLessThanOrEqual(sizes.client);
}

describe.skipIf(!hasRealData)('a chart beside the Vergelijken grid (real KWB Utrecht 2024)', () => {
  let shell: WebShell;
  let browser: Browser;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-compare-charts-e2e-'));
  beforeAll(async () => {
    const db = path.join(dir, 'store.sqlite');
    const imported = await cli('--db', db, 'import', realFile('CBS-Utrecht-kwb-2024.xlsx'), '--create-areas', '--json');
    expect(imported.code, imported.stderr).toBe(0);
    shell = await startWebShell(db);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
  });

  it('draws the grid’s figures as bars beside it, follows the ticked rows, and saves SVG and PNG with caption and source', async () => {
    const page = await newPage(browser);
    await compareDistricts(page, shell.url, ['ste_oad', 'g_hhgro']);
    const panel = page.locator('.compare-charts');
    await panel.getByLabel('Indicator van de grafiek').selectOption('ste_oad');
    const plot = panel.locator('.chart-plot');
    await expect.poll(() => plot.locator('.barlayer .point').count(), { timeout: 30_000 }).toBe(10);
    const texts = await plot.locator('text').allTextContents();
    expect(texts).toContain('3.501'); // Overvecht: the same figure as the grid's cell
    expect(texts).toContain('Utrecht: 3.614');
    const gridOvervecht = page.locator('.ag-row[row-id] .ag-cell[col-id="ste_oad"]', { hasText: '3.501' });
    expect(await gridOvervecht.count()).toBeGreaterThan(0);
    expect(await panel.locator('.source-line').textContent()).toContain('CBS-Utrecht-kwb-2024.xlsx (2024)');
    await expect.poll(() => panel.locator('h2').first().textContent()).toContain('alle 10 gebieden');
    await noOverflow(page);
    await screenshot(page, 'vergelijken-grafiek-1366');

    // Tick two rows in the grid: the chart narrows to them, without asking for other figures.
    const calls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('compare.run')) calls.push(r.url());
    });
    for (const code of ['WK034403', 'WK034401']) {
      await page.locator(`.compare-grid .ag-row[row-id="${code}"] input.ag-checkbox-input`).first().check();
    }
    await expect.poll(() => plot.locator('.barlayer .point').count()).toBe(2);
    await expect.poll(() => panel.locator('h2').first().textContent()).toContain('2 gekozen van 10 gebieden');
    expect(calls).toEqual([]);
    await screenshot(page, 'vergelijken-grafiek-gekozen-1366');

    const [svg] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Opslaan als SVG' }).click()]);
    const svgText = readFileSync(await saved(svg, dir), 'utf8');
    expect(svgText).toContain('Omgevingsadressendichtheid, 2024');
    expect(svgText).toContain('Bron: CBS-Utrecht-kwb-2024.xlsx (2024).');
    expect(svgText.match(/class="point"/g)?.length).toBe(2);
    const [png] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Opslaan als PNG' }).click()]);
    const pngBytes = readFileSync(await saved(png, dir));
    expect(pngBytes.readUInt32BE(16)).toBe(3600);

    // The spread of the shown areas around their total.
    await panel.getByRole('tab', { name: 'Spreiding' }).click();
    await expect.poll(() => panel.locator('.chart-figure').textContent()).toMatch(/Spreiding|Totaal en spreiding/);
    expect(pageProblems(page)).toEqual([]);
  });
});

if (!hasRealData) console.warn(`[skip] compare charts e2e: ${realDataSkipReason}`);

async function saved(download: { suggestedFilename(): string; saveAs(p: string): Promise<void> }, dir: string): Promise<string> {
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

describe('the trend beside the grid from a comparison with “Verschil t.o.v.” (generated KWB years, made-up figures)', () => {
  let shell: WebShell;
  let browser: Browser;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-compare-trend-e2e-'));
    const db = path.join(dir, 'store.sqlite');
    for (const { year, file } of makeKwbYears(dir)) {
      const run = await cli('--db', db, 'import', file, '--period', year, '--create-areas', '--json');
      expect(run.code, run.stderr).toBe(0);
    }
    shell = await startWebShell(db);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
  });

  it('draws 2022 and 2024 of the districts from the same table, broken where Noordwest changed', async () => {
    const page = await newPage(browser);
    await compareDistricts(page, shell.url, ['p_koopw'], '2022');
    const panel = page.locator('.compare-charts');
    await panel.getByRole('tab', { name: 'Verloop' }).click();
    const plot = panel.locator('.chart-plot');
    await plot.locator('.scatterlayer .trace').first().waitFor();
    expect(await plot.locator('.xtick').allTextContents()).toEqual(['2022', '2024']);
    await expect.poll(() => plot.locator('.legendtext').allTextContents()).toEqual(expect.arrayContaining(['Wijk 01 West', 'Utrecht']));
    expect(await panel.locator('.chart-figure').textContent()).toContain('Lijn onderbroken: Wijk 02 Noordwest');
    await noOverflow(page);
    await screenshot(page, 'vergelijken-verloop-1366');
    expect(pageProblems(page)).toEqual([]);
  });
});
