import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, pageProblems, screenshotFromTop as screenshot, startWebShell, type WebShell } from './harness';

/**
 * Results belong to the scenario they were computed for: after a Monte Carlo run on one scenario,
 * opening and running another shows no bands until that one's own run, and each fan chart and its
 * line name their own draws, seed and ranged parameters — back and forth.
 */
describe('Monte Carlo results stay with their scenario', () => {
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
  const fan = () => page.locator('figure', { hasText: 'Waaier:' });
  const panel = () => page.locator('.uncertainty');
  const discardIfAsked = async () => {
    const dialog = page.getByRole('alertdialog', { name: 'Wijzigingen niet opgeslagen' });
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Wijzigingen weggooien' }).click();
  };
  const uncertainty = async (runs: string, seed: string) => {
    await field('Aantal trekkingen').fill(runs);
    await field('Seed').fill(seed);
  };
  const runAndExpectNoBands = async () => {
    await page.getByRole('button', { name: 'Doorrekenen' }).click();
    await page.getByLabel('Resultaten', { exact: true }).waitFor();
    await panel().waitFor();
    await expect(panel().textContent()).resolves.toContain('Nog geen banden');
    await expect(fan().count()).resolves.toBe(0);
    await expect(page.getByText('Deze banden horen bij een eerdere versie van het scenario').count()).resolves.toBe(0);
  };
  const monteCarlo = async (runs: string, seed: string, parameter: string) => {
    await page.getByRole('button', { name: 'Onzekerheid doorrekenen' }).click();
    await fan().locator('.main-svg').first().waitFor({ timeout: 30_000 });
    await expect(fan().locator('.source-line').textContent()).resolves.toContain(`Monte Carlo: ${runs} trekkingen, seed ${seed}`);
    await expect(panel().locator('.form-inline').textContent()).resolves.toMatch(new RegExp(`${runs} trekkingen, seed ${seed}, \\d+ parameters? met een bandbreedte: .*${parameter}`));
    await expect(page.getByText('Deze banden horen bij een eerdere versie van het scenario').count()).resolves.toBe(0);
  };

  it('runs a continuation with a range (1.000 draws, seed 7) and saves it', async () => {
    await page.goto(`${shell.url.replace(/#.*$/, '')}#scenarios`);
    await page.getByRole('button', { name: 'Nieuw scenario uit sjabloon Kansrijke Wijk stopt na 2025' }).click();
    await expect.poll(() => field('Naam van het scenario').inputValue()).toBe('Kansrijke Wijk stopt na 2025');
    await field('Naam van het scenario').fill('Doorloop met bandbreedte');
    await field('Id van het scenario').fill('doorloop-band');
    await select('Regel na afloop').selectOption('continue');
    await field('Doorlopen tot en met').fill('2028');
    await page.locator('[data-path="streams[0].afterEnd.pct"]').getByRole('button', { name: 'bandbreedte' }).click();
    await field('Voortzetting: ondergrens').fill('50');
    await field('Voortzetting: bovengrens').fill('100');
    await uncertainty('1000', '7');
    await runAndExpectNoBands();
    await monteCarlo('1.000', '7', 'oortzetting');
    await screenshot(page, 'scenario-switch-first');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect.poll(() => page.locator('.saved-list').textContent()).toContain('Doorloop met bandbreedte');
  });

  it('opens and runs the housing template: no bands of the first, then its own (500 draws, seed 3)', async () => {
    await page.getByRole('button', { name: 'Nieuw scenario uit sjabloon Woningverbetering en nieuwbouw' }).click();
    await discardIfAsked();
    await expect.poll(() => field('Naam van het scenario').inputValue()).toBe('Woningverbetering en nieuwbouw');
    await uncertainty('500', '3');
    await runAndExpectNoBands();
    await screenshot(page, 'scenario-switch-second-before');
    await monteCarlo('500', '3', 'doorlooptijd');
    await screenshot(page, 'scenario-switch-second');
  });

  it('opens the first again: no bands of the second, then its own again', async () => {
    await page.locator('.saved-list .list-button', { hasText: 'Doorloop met bandbreedte' }).click();
    await discardIfAsked();
    await expect.poll(() => field('Naam van het scenario').inputValue()).toBe('Doorloop met bandbreedte');
    await runAndExpectNoBands();
    await monteCarlo('1.000', '7', 'oortzetting');
    await screenshot(page, 'scenario-switch-first-again');
    expect(pageProblems(page)).toEqual([]);
  });
});
