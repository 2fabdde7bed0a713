import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { squareGrid, writeGeoJson } from '../fixtures/make-boundaries';
import { cli } from '../helpers/run-cli';
import { hasRealData, realDataSkipReason, realFile } from '../helpers/real-data';
import { launchBrowser, newPage, pageProblems, screenshot, startWebShell, type WebShell } from './harness';

const UTRECHT_DISTRICTS = Array.from({ length: 10 }, (_, i) => `WK0344${String(i + 1).padStart(2, '0')}`);

describe.skipIf(!hasRealData)('charts, profile, index and map in Chromium (real KWB Utrecht 2024)', () => {
  let shell: WebShell;
  let browser: Browser;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-charts-e2e-'));
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

  it('draws bars across the Utrecht districts with the municipality line, and saves PNG and SVG with caption and source', async () => {
    const page = await newPage(browser);
    await page.goto(`${shell.url}#grafieken`);
    await page.getByRole('heading', { name: 'Grafieken', level: 1 }).waitFor();
    await page.getByLabel('Gebieden', { exact: true }).selectOption('district:GM0344');
    await page.getByLabel('Indicator', { exact: true }).selectOption('ste_oad');
    const plot = page.locator('.chart-plot');
    await plot.locator('.barlayer .point').first().waitFor();
    await expect.poll(() => plot.locator('.barlayer .point').count()).toBe(10);
    // Bar labels are Dutch numbers; the reference line is labelled in place.
    const texts = await plot.locator('text').allTextContents();
    expect(texts).toContain('3.501'); // Overvecht, cell of the real workbook
    expect(texts).toContain('Utrecht: 3.614');
    // References without a figure are named, not drawn at zero.
    expect(await page.locator('.chart-figure').textContent()).toContain('Referenties zonder lijn: Nederland');
    expect(await page.locator('.chart-figure .source-line').textContent()).toContain('CBS-Utrecht-kwb-2024.xlsx (2024)');
    await screenshot(page, 'grafiek-staven-utrecht');

    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Opslaan als PNG' }).click()]);
    const pngPath = path.join(dir, png.suggestedFilename());
    await png.saveAs(pngPath);
    const pngBytes = readFileSync(pngPath);
    expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(pngBytes.readUInt32BE(16)).toBe(3600); // 1200 px at scale 3: print resolution
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Opslaan als SVG' }).click()]);
    const svgPath = path.join(dir, svg.suggestedFilename());
    await svg.saveAs(svgPath);
    const svgText = readFileSync(svgPath, 'utf8');
    expect(svg.suggestedFilename()).toBe('omgevingsadressendichtheid-2024.svg');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('Omgevingsadressendichtheid, 2024');
    expect(svgText).toContain('Bron: CBS-Utrecht-kwb-2024.xlsx (2024).');
    expect(svgText).toContain('Utrecht: 3.614');
    expect(svgText.match(/class="point"/g)?.length).toBe(10);
    expect(pageProblems(page)).toEqual([]);
  });

  it('draws a map of the Utrecht districts after importing a generated boundary file (RD New)', async () => {
    const page = await newPage(browser);
    await page.goto(`${shell.url}#kaart`);
    await page.getByRole('heading', { name: 'Kaart', level: 1 }).waitFor();
    // Without boundaries the screen says where to get them.
    await expect.poll(() => page.locator('.map-empty').textContent()).toContain('Wijk- en buurtkaart');
    await screenshot(page, 'kaart-leeg');

    // Ten squares of 1 km in RD New, 5 × 2, with the store's district codes (a made-up layout).
    const file = writeGeoJson(
      path.join(dir, 'wijken_2024.geojson'),
      squareGrid({ codes: UTRECHT_DISTRICTS, columns: 5, origin: [132000, 454000], side: 1000, codeKey: 'wijkcode', nameKey: 'wijknaam' }),
      'urn:ogc:def:crs:EPSG::28992',
    );
    await page.getByLabel('Bestand met gebiedsgrenzen').setInputFiles(file);
    await page.locator('.boundary-import .notice, .boundary-import .error-panel').first().waitFor();
    const said = await page.locator('.boundary-import').textContent();
    expect(said).toContain('10 grenzen van 2024 opgenomen');
    expect(await page.locator('.notice').textContent()).toContain('omgerekend van RD New');

    await page.getByLabel('Indicator').selectOption('ste_oad');
    await page.locator('.map-plot .choroplethlocation').first().waitFor();
    await expect.poll(() => page.locator('.map-plot .choroplethlocation').count()).toBe(10);
    await expect.poll(() => page.getByRole('list', { name: 'Legenda' }).textContent()).toMatch(/\d\.\d{3} – \d\.\d{3}/);
    const legend = await page.getByRole('list', { name: 'Legenda' }).textContent();
    expect(legend).toContain('geen cijfer (0)');
    // Five quantile classes over ten districts: two each.
    expect(legend?.match(/\(2\)/g)).toHaveLength(5);
    await expect.poll(() => page.locator('.references').textContent()).toContain('Utrecht: 3.614');
    expect(await page.locator('.references').textContent()).toContain('Nederland');
    await screenshot(page, 'kaart-wijken-utrecht');
    expect(pageProblems(page)).toEqual([]);
  });
});

if (!hasRealData) console.warn(`[skip] charts e2e: ${realDataSkipReason}`);
