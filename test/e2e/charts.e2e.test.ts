import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { squareGrid, writeGeoJson } from '../fixtures/make-boundaries';
import { makeKwbYears } from '../fixtures/make-kwb-years';
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

  it('ranks the Utrecht districts on a composite index with each indicator’s contribution', async () => {
    const page = await newPage(browser);
    await page.goto(`${shell.url}#grafieken`);
    await page.getByLabel('Gebieden', { exact: true }).selectOption('district:GM0344');
    await page.getByRole('tab', { name: 'Index' }).click();
    await page.getByLabel('Indicator toevoegen').selectOption('ste_oad');
    await page.getByLabel('Indicator toevoegen').selectOption('g_hhgro');
    await page.getByLabel('Gewicht ste_oad').fill('2');
    await page.getByRole('button', { name: 'Index berekenen' }).click();
    const table = page.getByRole('table', { name: 'Indexscores' });
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(10);
    // Contributions add up to the score in every row (two decimals on screen).
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const num = (t: string) => Number(t.replace(/\./g, '').replace(',', '.').replace('−', '-'));
    for (const r of rows) expect(Math.abs(num(r[3]!) + num(r[4]!) - num(r[2]!))).toBeLessThanOrEqual(0.011);
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    // The stacked bar: a segment per indicator per area, and the score diamonds.
    const plot = page.locator('.chart-plot');
    await expect.poll(() => plot.locator('.barlayer .point').count()).toBe(20);
    expect(await plot.locator('.legendtext').allTextContents()).toEqual(['Omgevingsadressendichtheid (67%)', 'Gemiddelde huishoudensgrootte (33%)', 'Score']);
    await screenshot(page, 'grafiek-index-utrecht');
    expect(pageProblems(page)).toEqual([]);
  });

  it('profiles Utrecht Overvecht: indicators by theme, its municipality beside it, composition and sources', async () => {
    const page = await newPage(browser);
    await page.goto(`${shell.url}#gebieden`);
    const grid = page.locator('.grid-box');
    await grid.locator('.ag-cell', { hasText: 'Utrecht Overvecht' }).first().click();
    await page.getByRole('heading', { name: 'Utrecht Overvecht', level: 1 }).waitFor();
    // Composition: the shipped proposal, to be confirmed.
    await expect.poll(() => page.locator('.composition-list').first().textContent()).toContain('WK034403');
    expect(await page.locator('.composition-list').first().textContent()).toContain('te bevestigen');
    const bevolking = page.locator('section', { has: page.getByRole('heading', { name: /^Bevolking/ }) });
    await bevolking.waitFor();
    const inwoners = bevolking.locator('tr', { hasText: 'Aantal inwoners' });
    // 35.255 residents: aggregated from Wijk 03 Overvecht (the workbook's cell), Utrecht 374.238 beside it.
    expect(await inwoners.locator('td').nth(1).textContent()).toContain('35.255');
    expect(await inwoners.locator('td').nth(3).textContent()).toBe('374.238');
    await inwoners.getByRole('button', { name: '35.255' }).click();
    const dialog = page.getByRole('dialog', { name: 'Herkomst van het cijfer' });
    await expect.poll(() => dialog.textContent()).toContain('CBS-Utrecht-kwb-2024.xlsx');
    await screenshot(page, 'profiel-overvecht-herkomst');
    await page.keyboard.press('Escape');
    expect(await page.locator('#profile-programme').count()).toBe(1);
    await screenshot(page, 'profiel-overvecht');
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

  it('colours the focus areas on the map with compare’s aggregates, marked Σ with their members', async () => {
    // The boundaries of the test above are in the store: Overvecht's outline is its district's.
    const page = await newPage(browser);
    await page.goto(`${shell.url}#kaart`);
    await page.getByRole('group', { name: 'Soort gebied' }).getByRole('button', { name: 'Focusgebieden' }).click();
    await page.getByLabel('Indicator').selectOption('a_inw');
    const list = page.getByRole('list', { name: 'Samengestelde cijfers' });
    await list.waitFor({ timeout: 30_000 });
    // The same aggregate Vergelijken and the profile show: 35.255 residents from WK034403.
    expect(await list.textContent()).toMatch(/Utrecht Overvecht.*1 lid: WK034403/);
    await expect.poll(() => page.locator('.map-plot .choroplethlocation').count()).toBeGreaterThan(0);
    expect(await page.locator('.map-figure .source-line').textContent()).toMatch(/samengesteld \(Σ\) uit de wijken en buurten/);
    const legend = await page.getByRole('list', { name: 'Legenda' }).textContent();
    expect(legend).toContain('35.255');
    // The map keeps its height when the figures arrive after the outlines (it once collapsed to a strip).
    await expect.poll(() => page.locator('.map-plot .main-svg').first().evaluate((svg) => svg.getBoundingClientRect().height)).toBeGreaterThan(500);
    await screenshot(page, 'kaart-focusgebieden');
    expect(pageProblems(page)).toEqual([]);
  });
});

if (!hasRealData) console.warn(`[skip] charts e2e: ${realDataSkipReason}`);

describe('a trend over three KWB years (generated test workbooks, made-up figures)', () => {
  let shell: WebShell;
  let browser: Browser;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-trend-e2e-'));
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

  it('draws two districts and Utrecht over 2022–2024, the line broken where Noordwest’s boundaries changed', async () => {
    const page = await newPage(browser);
    await page.goto(`${shell.url}#grafieken`);
    await page.getByLabel('Gebieden', { exact: true }).selectOption('district:GM0344');
    await page.getByLabel('Indicator', { exact: true }).selectOption('p_koopw');
    await page.getByRole('tab', { name: 'Trend' }).click();
    const plot = page.locator('.chart-plot');
    await plot.locator('.scatterlayer .trace').first().waitFor();
    // West and Noordwest (the first two, chosen by default) and their municipality.
    await expect.poll(() => plot.locator('.legendtext').allTextContents()).toEqual(['Utrecht', 'Wijk 01 West', 'Wijk 02 Noordwest']);
    expect(await plot.locator('.xtick').allTextContents()).toEqual(['2022', '2023', '2024']);
    // West: 38, 39, 40 % (KWB_YEARS); three points on its line.
    expect(await plot.locator('.scatterlayer .trace').nth(1).locator('.point').count()).toBe(3);
    expect(await page.locator('.chart-figure').textContent()).toContain('Lijn onderbroken: Wijk 02 Noordwest in 2023');
    expect(await plot.locator('.annotation-text').allTextContents()).toContain('indeling gewijzigd (Wijk 02 Noordwest)');
    expect(await page.locator('.chart-figure .source-line').textContent()).toContain('kwb-utrecht-2022.xlsx (2022)');
    await screenshot(page, 'grafiek-trend-utrecht');
    expect(pageProblems(page)).toEqual([]);
  });
});
