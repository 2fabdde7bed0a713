import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, pageProblems, screenshotFromTop as screenshot, startWebShell, type WebShell } from './harness';

/**
 * Scenario's in Chromium through the web shell: build a continuation scenario from the template,
 * check the validated form, run it, see the charts and grid, run Monte Carlo (and cancel one), save
 * it, compare it with the baseline side by side, and rename, duplicate and delete saved scenarios.
 */
describe("Scenario's screen in Chromium through the web shell", () => {
  let shell: WebShell;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    shell = await startWebShell();
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
  });

  const field = (label: string) => page.getByRole('textbox', { name: label, exact: true });
  const select = (label: string) => page.getByRole('combobox', { name: label, exact: true });

  it('builds a continuation scenario from the template with a validated form', async () => {
    await page.goto(`${shell.url.replace(/#.*$/, '')}#scenarios`);
    await page.getByRole('heading', { name: "Scenario's", level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Nieuw scenario uit sjabloon Kansrijke Wijk stopt na 2025' }).click();
    await expect.poll(() => field('Naam van het scenario').inputValue()).toBe('Kansrijke Wijk stopt na 2025');
    await expect(field('Id van het scenario').inputValue()).resolves.toBe('kansrijke-wijk-stop-1');
    // The letter's figure with its source; the per-area split is flagged "te bevestigen".
    await expect(field('Totaalbedrag').inputValue()).resolves.toBe('256');
    const form = page.locator('.editor');
    await expect(form.textContent()).resolves.toContain('Bron: Kamerstuk 30 995 nr. 104');
    await expect(form.locator('.confirm-badge').count()).resolves.toBeGreaterThan(0);

    await field('Naam van het scenario').fill('Kansrijke Wijk door tot en met 2028');
    await field('Id van het scenario').fill('kw-door-2028');
    await select('Basisscenario').selectOption('kansrijke-wijk-stop');
    await select('Regel na afloop').selectOption('continue');
    await expect(field('Voortzetting').inputValue()).resolves.toBe('100');

    // A wrong year is named in Dutch at the field and in the summary; nothing can run until it is fixed.
    await field('Doorlopen tot en met').fill('2024');
    const summary = page.getByRole('alert', { name: 'Problemen in het scenario' });
    await expect.poll(() => summary.textContent()).toContain('2024 moet na het laatste jaar van de regeling (2025) liggen');
    await expect(summary.textContent()).resolves.toContain('Regeling 1 (SPUK Kansrijke Wijk) › na afloop › t/m jaar');
    await expect(page.getByRole('button', { name: 'Doorrekenen' }).isDisabled()).resolves.toBe(true);
    await field('Totaalbedrag').fill('veel');
    await expect.poll(() => summary.textContent()).toContain('vul een getal of een bandbreedte in');
    await screenshot(page, 'scenarios-form-errors');
    await field('Totaalbedrag').fill('256');
    await field('Doorlopen tot en met').fill('2028');
    await expect.poll(() => summary.count()).toBe(0);
    await screenshot(page, 'scenarios-form');
  });

  it('runs it: stacked bars per stream, lines per area, the grid and the assumptions', async () => {
    await page.getByRole('button', { name: 'Doorrekenen' }).click();
    const results = page.getByLabel('Resultaten', { exact: true });
    await results.waitFor();
    await results.locator('.plot .main-svg').first().waitFor();
    // 256 mln over 2023–2025 is 85,33 mln a year; continued at 100% through 2028, then nothing.
    const programme = results.locator('.ag-row', { has: page.locator('.ag-cell', { hasText: 'Programma (NPLV)' }) }).first();
    await programme.waitFor();
    const cell = (year: number) => results.locator(`.ag-row[row-id="NPLV|spuk-kansrijke-wijk"] [col-id="${year}"]`).first().textContent();
    await expect.poll(() => cell(2026)).toBe('85,33');
    await expect(cell(2029)).resolves.toBe('0,00');
    await expect(results.locator('.ag-row[row-id="NPLV|spuk-kansrijke-wijk"] [col-id="total"]').first().textContent()).resolves.toBe('512,00');
    // Per resident is unknown (no population in the store): a "." with the reason, never a zero.
    await select('Maatstaf in de tabel').selectOption('perResident');
    await expect.poll(() => cell(2026)).toBe('.');
    await expect(results.locator('.ag-row[row-id="NPLV09|spuk-kansrijke-wijk"] [col-id="2026"] [title]').first().getAttribute('title')).resolves.toBe('Inwonertal van Rotterdam-Zuid ontbreekt');
    await select('Maatstaf in de tabel').selectOption('delta');
    await expect.poll(() => cell(2026)).toBe('+85,33');
    const assumptions = page.getByLabel('Aannames en te bevestigen parameters');
    await expect(assumptions.textContent()).resolves.toContain('verdeling over gebieden: gelijk (te bevestigen)');
    await expect(results.locator('.source-line').first().textContent()).resolves.toContain('Bron: scenarioberekening Wijkverkenner, «Kansrijke Wijk door tot en met 2028» (2023–2030)');
    await expect(results.locator('.chart-card figcaption').first().textContent()).resolves.toBe('Programma: bedrag per jaar per regeling (€ mln)');
    await expect(results.textContent()).resolves.toContain('Geen parameters met een bandbreedte');
    await screenshot(page, 'scenarios-results');
  });

  it('gives the continuation a range: Monte Carlo bands with progress, a tornado, and a cancel that stops', async () => {
    await page.getByRole('tab', { name: 'Parameters' }).click();
    await page.locator('[data-path="streams[0].afterEnd.pct"]').getByRole('button', { name: 'bandbreedte' }).click();
    await expect(field('Voortzetting: ondergrens').inputValue()).resolves.toBe('80');
    await field('Voortzetting: ondergrens').fill('50');
    await field('Voortzetting: bovengrens').fill('100');
    await field('Voortzetting: modus').fill('80');
    await page.getByRole('button', { name: 'Doorrekenen' }).click();
    await page.getByRole('button', { name: 'Onzekerheid doorrekenen' }).click();
    const fan = page.locator('figure', { hasText: 'Waaier:' });
    await fan.locator('.main-svg').first().waitFor();
    await expect(fan.locator('.source-line').textContent()).resolves.toContain('Monte Carlo: 2.000 trekkingen, seed 1');
    const tornado = page.locator('figure', { hasText: 'Tornado:' });
    await tornado.locator('.main-svg').first().waitFor();
    await expect(tornado.textContent()).resolves.toContain('voortzetting na 2025 t/m 2028');
    await screenshot(page, 'scenarios-uncertainty');

    // A long run shows a determinate progress bar; cancel really stops it.
    await page.getByRole('tab', { name: 'Parameters' }).click();
    await field('Aantal trekkingen').fill('100000');
    await page.getByRole('button', { name: 'Doorrekenen' }).click();
    await page.getByRole('button', { name: 'Onzekerheid doorrekenen' }).click();
    const bar = page.getByRole('progressbar', { name: 'Monte Carlo' });
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 20_000, interval: 20 }).toBeGreaterThan(0);
    await expect(bar.getAttribute('aria-valuemax')).resolves.toBe('100000');
    // Cancel at once (a run of 100,000 takes a couple of seconds): the screen says where it stopped.
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Geannuleerd na' }).count()).toBe(1);
    // Again, for the picture of a run in progress; this one may finish.
    await page.getByRole('button', { name: 'Onzekerheid doorrekenen' }).click();
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 20_000, interval: 20 }).toBeGreaterThan(0);
    await screenshot(page, 'scenarios-progress');
    await expect.poll(() => fan.locator('.source-line').textContent(), { timeout: 30_000 }).toContain('Monte Carlo: 100.000 trekkingen');
    await page.getByRole('tab', { name: 'Parameters' }).click();
    await field('Aantal trekkingen').fill('2000');
  });

  it('saves it and compares it with the baseline side by side, with the chart', async () => {
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Opgeslagen als «Kansrijke Wijk door tot en met 2028»' }).count()).toBe(1);
    await expect.poll(() => page.locator('.saved-list').textContent()).toContain('Kansrijke Wijk door tot en met 2028');

    await page.getByRole('tab', { name: 'Vergelijken' }).click();
    const table = page.getByRole('table', { name: "Scenario's naast elkaar" });
    await table.waitFor();
    const head = await table.locator('thead').textContent();
    expect(head).toContain('Kansrijke Wijk stopt na 2025');
    expect(head).toContain('Kansrijke Wijk door tot en met 2028');
    const row2026 = table.locator('tbody tr', { has: page.locator('td', { hasText: /^2026$/ }) });
    await expect(row2026.locator('td').allTextContents()).resolves.toEqual(['2026', '0,00', '68,27', '+68,27']);
    // With the range the central continuation is its mode, 80%: 3 × 68,27 = 204,80 mln more than the baseline.
    const total = table.locator('tr.total-row td');
    await expect(total.allTextContents()).resolves.toEqual(['Totaal', '256,00', '460,80', '+204,80']);
    await page.locator('.comparison .plot .main-svg').first().waitFor();
    await expect(page.locator('.comparison figcaption').first().textContent()).resolves.toBe('Programma: bedrag per jaar, alle regelingen (€ mln)');
    // A third scenario joins the table.
    await page.getByLabel('Preventie met Gezag (sjabloon)').check();
    await expect.poll(() => table.locator('thead').textContent()).toContain('Preventie met Gezag');
    await screenshot(page, 'scenarios-compare');
  });

  it('duplicates, renames and deletes saved scenarios (delete asks first)', async () => {
    const list = page.locator('.saved-list');
    await page.getByRole('button', { name: 'Kansrijke Wijk door tot en met 2028 dupliceren' }).click();
    await expect.poll(() => list.textContent()).toContain('Kansrijke Wijk door tot en met 2028 (kopie)');
    await page.getByRole('button', { name: 'Kansrijke Wijk door tot en met 2028 (kopie) hernoemen' }).click();
    await page.getByLabel('Nieuwe naam voor Kansrijke Wijk door tot en met 2028 (kopie)').fill('Variant 90%');
    await page.keyboard.press('Enter');
    await expect.poll(() => list.textContent()).toContain('Variant 90%');

    await page.getByRole('button', { name: 'Variant 90% verwijderen' }).click();
    const dialog = page.getByRole('alertdialog', { name: '«Variant 90%» verwijderen?' });
    await dialog.waitFor();
    await screenshot(page, 'scenarios-delete-confirm');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await expect(list.textContent()).resolves.toContain('Variant 90%');
    await page.getByRole('button', { name: 'Variant 90% verwijderen' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Verwijderen' }).click();
    await expect.poll(() => list.textContent()).not.toContain('Variant 90%');
    await expect(list.textContent()).resolves.toContain('Kansrijke Wijk door tot en met 2028');
    expect(pageProblems(page)).toEqual([]);
  });

  it('asks before discarding changes, and runs the housing template from the letter\'s figures', async () => {
    await page.getByRole('tab', { name: 'Parameters' }).click();
    await field('Naam van het scenario').fill('Kansrijke Wijk door tot en met 2028, gewijzigd');
    await page.getByRole('button', { name: 'Nieuw scenario uit sjabloon Woningverbetering en nieuwbouw' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Wijzigingen niet opgeslagen' });
    await dialog.getByRole('button', { name: 'Wijzigingen weggooien' }).click();
    await expect.poll(() => field('Naam van het scenario').inputValue()).toBe('Woningverbetering en nieuwbouw');
    await expect(field('Slechte woningen bij de start').inputValue()).resolves.toBe('3.190');
    await expect(field('Doorlooptijd: ondergrens').inputValue()).resolves.toBe('1');
    await expect(field('Doorlooptijd: bovengrens').inputValue()).resolves.toBe('3');
    await expect(page.locator('[data-path="housing.areas[0].poorQuality"]').textContent()).resolves.toContain('te bevestigen');
    await page.getByRole('button', { name: 'Doorrekenen' }).click();
    const housing = page.locator('section', { has: page.getByRole('heading', { name: 'Woningverbetering' }) });
    await housing.locator('.plot .main-svg').first().waitFor();
    await expect(housing.locator('.targets').textContent()).resolves.toMatch(/Programma \(NPLV\): Doel bereikt in 2026/);
    await expect(housing.getByRole('table').locator('tbody tr').first().locator('td').allTextContents()).resolves.toEqual(['2025', '1.595', '0', '1.595', '1.595', '2.995', '2.500', '0']);
    await page.getByRole('button', { name: 'Onzekerheid doorrekenen' }).click();
    const targets = page.getByRole('table', { name: 'Doeljaar met onzekerheid' });
    await targets.waitFor();
    await expect(targets.locator('tbody td').allTextContents()).resolves.toEqual(['Programma', '2025', '2026', '2027', '100%']);
    await page.locator('figure', { hasText: 'Tornado:' }).locator('.main-svg').first().waitFor();
    await screenshot(page, 'scenarios-housing');
    expect(pageProblems(page)).toEqual([]);
  });
});
