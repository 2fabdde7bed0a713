import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, pageProblems, screenshot, startWebShell, type WebShell } from './harness';

/** A scenario's charts saved as files for a note: the same save as Grafieken and Vergelijken. */
describe('scenario charts as PNG and SVG with caption, source line and parameters', () => {
  let shell: WebShell;
  let browser: Browser;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-scenario-charts-e2e-'));
  beforeAll(async () => {
    shell = await startWebShell();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
  });

  it('saves the programme’s stacked bars of a template scenario', async () => {
    const page = await newPage(browser);
    await page.goto(`${shell.url.replace(/#.*$/, '')}#scenarios`);
    await page.getByRole('heading', { name: "Scenario's", level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Nieuw scenario uit sjabloon Kansrijke Wijk stopt na 2025' }).click();
    await page.getByRole('button', { name: 'Doorrekenen' }).click();
    const results = page.getByLabel('Resultaten', { exact: true });
    const card = results.locator('figure.chart-card', { hasText: 'Programma: bedrag per jaar per regeling' });
    await card.locator('.main-svg').first().waitFor();
    await screenshot(page, 'scenario-grafiek-opslaan');

    const [svg] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Opslaan als SVG' }).click()]);
    expect(svg.suggestedFilename()).toBe('programma-bedrag-per-jaar-per-regeling-mln-scenario-kansrijke-wijk-stopt-na-2025.svg');
    const svgPath = path.join(dir, svg.suggestedFilename());
    await svg.saveAs(svgPath);
    const text = readFileSync(svgPath, 'utf8');
    expect(text).toContain('Programma: bedrag per jaar per regeling (€ mln) — scenario «Kansrijke Wijk stopt na 2025»');
    expect(text).toContain('Bron: scenarioberekening Wijkverkenner, «Kansrijke Wijk stopt na 2025» (2023–');
    expect(text).toContain('Kamerstuk 30 995 nr. 104');
    expect(text).toContain('Parameters: ');
    // Three yearly bars of 85,33 mln (256 mln over 2023–2025).
    expect(text.match(/class="point"/g)?.length).toBeGreaterThanOrEqual(3);

    const [png] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Opslaan als PNG' }).click()]);
    const pngPath = path.join(dir, png.suggestedFilename());
    await png.saveAs(pngPath);
    // The file itself beside the screenshots, to be looked at.
    await png.saveAs(path.join('test-results', 'screenshots', 'scenario-grafiek-bestand.png'));
    const bytes = readFileSync(pngPath);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(3600);
    expect(pageProblems(page)).toEqual([]);
  });
});
