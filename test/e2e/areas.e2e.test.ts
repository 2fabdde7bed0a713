import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, pageProblems, screenshot, startWebShell, type WebShell } from './harness';

describe('Gebieden screen in Chromium through the web shell', () => {
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

  it('shows the 20 focus areas in the grid and the programme chart with the range as a range', async () => {
    const page = await newPage(browser);
    await page.goto(shell.url);
    await page.getByRole('heading', { name: 'Gebieden', level: 1 }).waitFor();
    // The token leaves the address bar once it is stored for the tab.
    expect(page.url()).not.toContain('token=');

    const grid = page.locator('.grid-box');
    await grid.locator('[role="row"][row-id]').first().waitFor();
    await expect.poll(() => grid.locator('[role="row"][row-id]').count()).toBe(20);
    await expect.poll(() => page.locator('.count').first().textContent()).toBe(' (20)');
    for (const name of ['Rotterdam-Zuid', 'Den Haag Zuidwest', 'Amsterdam Zuidoost', 'Amsterdam Nieuw-West', 'Roosendaal-stad']) {
      await expect(page.locator('.ag-cell', { hasText: name }).count()).resolves.toBeGreaterThan(0);
    }
    // The municipality column shows the parent: Den Haag Zuidwest lies in 's-Gravenhage.
    const denHaag = page.locator('[role="row"]', { has: page.locator('.ag-cell', { hasText: 'Den Haag Zuidwest' }) });
    await expect(denHaag.locator('[col-id="code"]').textContent()).resolves.toBe('NPLV10');

    // The chart is drawn (Plotly SVG), with the range bar labelled as a range.
    await page.locator('.plot .main-svg').first().waitFor();
    const chartText = await page.locator('.plot').first().textContent();
    expect(chartText).toContain('30.000–40.000');
    expect(chartText).toContain('ca. 15.000');
    expect(chartText).toContain('bijna 1.400');

    // Figures are Dutch-formatted and say where they came from.
    await page.getByRole('button', { name: '€ 256 mln' }).click();
    const dialog = page.getByRole('dialog', { name: 'Herkomst van het cijfer' });
    await expect(dialog.textContent()).resolves.toContain('Kamerstuk 30 995 nr. 104');
    await screenshot(page, 'gebieden-herkomst');
    await page.keyboard.press('Escape');
    await expect(dialog.count()).resolves.toBe(0);

    await screenshot(page, 'gebieden');
    expect(pageProblems(page)).toEqual([]);
  });
});
