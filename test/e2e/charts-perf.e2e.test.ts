import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServices } from '../../main/app/services';
import { makeBuurtenCsv } from '../fixtures/make-buurten-csv';
import { cli } from '../helpers/run-cli';
import { repoRoot } from '../helpers/real-data';
import { launchBrowser, newPage, pageProblems, screenshot, startWebShell, type WebShell } from './harness';

/**
 * Time to first paint of the heaviest pictures (issue 13): a scatter of 17,000 buurten and a map
 * of 3,000 districts; and (issue 12) the first rows of Vergelijken on all 17,000 buurten. Measured, printed and written to test-results/perf-charts.json, never asserted
 * (speed is reported, not gated); the assertions are that everything was drawn. Figures and outlines
 * are generated test data.
 */
const results: Record<string, number> = {};

async function paintTimes(page: Page, selector: string, t0: number): Promise<{ total: number; render: number }> {
  await page.locator(`${selector}[data-painted]`).waitFor({ timeout: 120_000 });
  const [start, painted] = await page.locator(selector).evaluate((el) => [Number(el.getAttribute('data-render-start')), Number(el.getAttribute('data-painted'))]);
  return { total: painted! - t0, render: painted! - start! };
}

describe('time to first paint: 17,000-point scatter and 3,000-district map', () => {
  let shell: WebShell;
  let browser: Browser;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-perf-e2e-'));
  beforeAll(async () => {
    const db = path.join(dir, 'store.sqlite');
    const { file } = makeBuurtenCsv(dir, { rows: 17_000, name: 'buurten-17000-2024.csv' });
    const run = await cli('--db', db, 'import', file, '--create-areas', '--period', '2024', '--json');
    expect(run.code, run.stderr).toBe(0);
    const s = startServices(db, 'cli');
    s.ctx.log = () => undefined;
    const codes = s.ctx.db
      .prepare("SELECT DISTINCT a.code FROM observation o JOIN area a ON a.id = o.area_id JOIN indicator i ON i.id = o.indicator_id WHERE i.code = 'inwoners' ORDER BY a.code")
      .pluck()
      .all() as string[];
    expect(codes).toHaveLength(17_000);
    const saved = await s.call('views.save', { name: '17.000 buurten', state: { areas: codes, indicators: ['inwoners', 'woningen'], period: '2024' } });
    expect(saved.ok).toBe(true);
    // 3,000 districts: 24-sided polygons on a 60 × 50 grid, about a kilometre across, in WGS84.
    const features = Array.from({ length: 3000 }, (_, k) => {
      const cx = 4.0 + (k % 60) * 0.012;
      const cy = 51.5 + Math.floor(k / 60) * 0.009;
      const ring = Array.from({ length: 25 }, (_, i) => {
        const a = ((i % 24) / 24) * 2 * Math.PI;
        return [cx + 0.0055 * Math.cos(a) * (1 + 0.08 * Math.sin(5 * a)), cy + 0.004 * Math.sin(a)];
      });
      return { type: 'Feature', properties: { wijkcode: `WK${String(1000 + Math.floor(k / 10)).padStart(4, '0')}${String(k % 10).padStart(2, '0')}`, wijknaam: `Wijk ${k}` }, geometry: { type: 'Polygon', coordinates: [ring] } };
    });
    const geo = path.join(dir, 'wijken_3000_2024.geojson');
    writeFileSync(geo, JSON.stringify({ type: 'FeatureCollection', features }));
    const t = performance.now();
    const imported = await s.call('maps.importBoundaries', { filePath: geo });
    results.mapImportMs = Math.round(performance.now() - t);
    expect(imported.ok).toBe(true);
    s.close();
    shell = await startWebShell(db);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
    mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
    writeFileSync(path.join(repoRoot, 'test-results', 'perf-charts.json'), JSON.stringify(results, null, 2));
    console.log('[perf] charts', JSON.stringify(results));
  });

  it('draws a scatter of 17,000 buurten', async () => {
    const page = await newPage(browser);
    await page.goto(`${shell.url}#grafieken`);
    // The scatter tab first, so no bar chart asks for the 17,000 figures on the way.
    await page.getByRole('tab', { name: 'Puntenwolk' }).click();
    await page.getByLabel('Gebieden', { exact: true }).selectOption('view:17.000 buurten');
    await page.getByLabel('Indicator', { exact: true }).selectOption('inwoners');
    await page.getByLabel('Grootte naar').selectOption('');
    const t0 = await page.evaluate(() => performance.now());
    await page.getByLabel('Tweede indicator').selectOption('woningen');
    const { total, render } = await paintTimes(page, '.chart-plot', t0);
    results.scatter17000TotalMs = Math.round(total);
    results.scatter17000PlotlyMs = Math.round(render);
    // Headless Chromium here has no WebGL, so the app falls back to SVG: 17,000 marker paths.
    const svgPoints = await page.locator('.chart-plot .scatterlayer .point').count();
    results.scatterWebGL = svgPoints === 0 ? 1 : 0;
    if (svgPoints === 0) expect(await page.locator('.chart-plot .gl-canvas-context').count()).toBeGreaterThan(0);
    else expect(svgPoints).toBe(17_000);
    expect(await page.locator('.chart-plot').textContent()).not.toContain('WebGL is not supported');
    await screenshot(page, 'perf-scatter-17000');
    expect(pageProblems(page).filter((p) => !/WebGL|GPU|GL_/i.test(p))).toEqual([]);
  }, 300_000);

  it('opens Vergelijken on all 17,000 buurten: a lean answer, and a cell still says its file and cell', async () => {
    const page = await newPage(browser);
    await page.goto(`${shell.url}#vergelijken`);
    await page.getByRole('heading', { level: 1, name: 'Vergelijken' }).waitFor();
    await page.getByLabel('Zoek indicatoren op naam of code').fill('inwoners');
    await page.getByRole('list', { name: 'Indicatoren' }).getByRole('checkbox').first().check();
    await page.getByLabel('Periode').selectOption('2024');
    // (the 20 focus areas have no figures in this store: the screen says so, no grid yet)
    const answers: Promise<number>[] = [];
    page.on('requestfinished', (r) => {
      if (r.url().endsWith('/api/compare.run')) answers.push(r.sizes().then((x) => x.responseBodySize));
    });
    const t0 = Date.now();
    await page.getByLabel('Welke gebieden').selectOption('all_neighbourhoods');
    // the first buurt row with its figure (BU03440000: Buurt 0, 1,000 inwoners)
    const first = page.locator('.compare-grid [role="row"]', { has: page.locator('[col-id="code"]', { hasText: /^BU03440000$/ }) }).first();
    await first.locator('[col-id="inwoners"] .val').waitFor({ timeout: 120_000 });
    results.compareAllBuurtenFirstRowsMs = Date.now() - t0;
    results.compareAllBuurtenAnswerMB = Math.round(Math.max(...(await Promise.all(answers))) / 1e5) / 10;
    await expect(first.locator('[col-id="inwoners"] .val').textContent()).resolves.toBe('1.000');
    await expect(page.locator('.compare-grid [col-id="code"]', { hasText: /^BU03440000$/ }).first().evaluate((el) => el.scrollWidth <= el.clientWidth)).resolves.toBe(true);
    // 17,000 generated buurten and the few the store's seed holds
    await expect(page.locator('#grid-title').textContent()).resolves.toMatch(/17\.0\d\d buurten · 2024/);
    // the lean answer carries no source per cell: the panel fetches this one cell whole
    await first.locator('[col-id="inwoners"]').click();
    const panel = page.getByRole('dialog', { name: 'Uitleg bij het cijfer' });
    await panel.getByText('buurten-17000-2024.csv').waitFor();
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('Cel');
    expect(text).toMatch(/CelC2(?!\d)/);
    expect(text).toMatch(/Rang\s*\d/);
    await screenshot(page, 'vergelijken-17000-buurten');
    expect(pageProblems(page)).toEqual([]);
  }, 300_000);

  it('draws a map of 3,000 districts', async () => {
    const page = await newPage(browser);
    await page.goto(`${shell.url}#kaart`);
    await page.getByRole('heading', { name: 'Kaart', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Gemeenten' }).click();
    await page.locator('.empty-state').first().waitFor();
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Wijken', exact: true }).click();
    const { total, render } = await paintTimes(page, '.map-plot', t0);
    results.map3000TotalMs = Math.round(total);
    results.map3000PlotlyMs = Math.round(render);
    expect(await page.locator('.map-plot .choroplethlocation').count()).toBe(3000);
    await screenshot(page, 'perf-map-3000');
    expect(pageProblems(page)).toEqual([]);
  });
});
