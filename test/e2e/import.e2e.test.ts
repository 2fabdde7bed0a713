import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { hasRealData, realFile } from '../helpers/real-data';
import { makeUglyWorkbook } from '../fixtures/make-ugly-workbook';
import { launchBrowser, newPage, pageProblems, screenshot, screenshotDir, startWebShell, type WebShell } from './harness';

/**
 * Importeren and Bronnen in Chromium through the web shell: a real CBS file (CBS's own KWB table of
 * Utrecht) chosen with the file chooser, walked through every step of the wizard, imported with the
 * progress bar, and one of its figures found in the grid with the cell it came from. Where the real
 * files are absent the generated workbook stands in, so the screens are still exercised.
 */
const real = hasRealData;
const file = real ? realFile('CBS-Utrecht-kwb-2024.xlsx') : makeUglyWorkbook(mkdtempSync(path.join(os.tmpdir(), 'wv-e2e-imp-'))).file;
const fileName = path.basename(file);
// A figure and its cell: Utrecht's inhabitants (CBS a_inw, H2 = 374238), or Overvecht's in the generated file.
const expected = real ? { cell: 'H2', shown: '374.238', raw: '374238', area: 'Utrecht' } : { cell: 'C6', shown: '35.255', raw: '35255', area: 'Overvecht' };

async function step(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 2, name }).waitFor();
}

async function next(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: `${label} →` }).click();
  await step(page, label);
  // Wait for any preview the step asked for.
  await page.getByText('Voorbeeld wordt bijgewerkt…').waitFor({ state: 'detached' });
}

describe('Importeren and Bronnen in Chromium through the web shell', () => {
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

  it(`imports ${fileName} through the wizard and shows its figures with the cell each came from`, async () => {
    const page = await newPage(browser);
    await page.goto(shell.url);
    await page.getByRole('button', { name: 'Bronnen' }).click();
    // Before any import the shipped documents are listed: the screen says so, not "no sources".
    await page.getByTestId('no-files-yet').waitFor();
    await expect(page.getByTestId('no-files-yet').textContent()).resolves.toMatch(/^U hebt nog geen bestanden geïmporteerd\. Hieronder staan de \d+ bronnen die met Wijkverkenner zijn meegeleverd/);
    await expect(page.getByText('Nog geen geïmporteerde bestanden').count()).resolves.toBe(0);
    await screenshot(page, 'bronnen-leeg');

    await page.getByRole('button', { name: 'Importeren' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Importeren' }).waitFor();
    await page.getByText('Sleep een spreadsheet hierheen').waitFor();
    await screenshot(page, 'import-1-bestand');

    // The file chooser (the web shell uploads the file and works on its own copy).
    await page.getByLabel('Bestand om te importeren').setInputFiles(file);
    await step(page, 'Blad');
    await page.getByText(`Bestand: ${fileName}`).waitFor();
    await page.locator('dl.facts').getByText('Excel-werkmap (.xlsx)').waitFor();
    await screenshot(page, 'import-2-blad');

    await next(page, 'Indeling');
    await expect(page.locator('#imp-layout option').first().textContent()).resolves.toMatch(/^Herkend: Breed/);
    await expect(page.getByText(real ? '2024 (uit de bestandsnaam)' : '2023 (uit de titel)').count()).resolves.toBe(1);
    await screenshot(page, 'import-3-indeling');

    await next(page, 'Koppeling');
    const firstIndicator = page.getByLabel(real ? 'Indicator voor a_inw' : 'Indicator voor Bevolking | Inwoners (aantal)');
    await expect(firstIndicator.inputValue()).resolves.toBe(real ? 'a_inw' : 'bevolking_inwoners');
    await screenshot(page, 'import-4-koppeling');

    await next(page, 'Gebieden');
    await page.getByText(/nieuw \(CBS-code\), worden aangemaakt/).waitFor();
    await screenshot(page, 'import-5-gebieden');

    await next(page, 'Voorbeeld');
    await page.locator('.preview-grid [role="row"][row-index]').first().waitFor();
    await expect(page.locator('.summary-card').first().textContent()).resolves.toContain(real ? '14.030 cijfers worden opgeslagen' : '15 cijfers worden opgeslagen');
    if (!real) await page.locator('.problem-table').getByText('"n.v.t." is geen getal of CBS-teken').waitFor();
    await screenshot(page, 'import-6-voorbeeld');

    await page.getByRole('button', { name: 'Importeren', exact: true }).last().click();
    await page.getByRole('heading', { level: 2, name: 'Geïmporteerd' }).waitFor({ timeout: 60_000 });
    await page.getByText(`${fileName} (blad`).first().waitFor();

    // The figure in the grid, with its cell and its text as it stood in the file.
    const grid = page.locator('.source-figures');
    const row = grid.locator('[role="row"][row-index]', { has: page.locator('[col-id="cell"]', { hasText: new RegExp(`^${expected.cell}$`) }) });
    await row.first().waitFor();
    await screenshot(page, 'import-7-rapport');
    await expect(row.first().locator('[col-id="figure"]').textContent()).resolves.toBe(expected.shown);
    await expect(row.first().locator('[col-id="raw"]').textContent()).resolves.toBe(expected.raw);
    await row.first().locator('[col-id="figure"]').click();
    const dialog = page.getByRole('dialog', { name: 'Herkomst van het cijfer' });
    await dialog.waitFor();
    const text = await dialog.textContent();
    expect(text).toContain(fileName);
    expect(text).toContain(`Cel${expected.cell}`);
    expect(text).toContain(`Tekst in de cel${expected.raw}`);
    await screenshot(page, 'import-8-herkomst');
    await page.keyboard.press('Escape');

    // Bronnen lists the file (sha256, counts) and shows the same figure.
    await page.getByRole('button', { name: 'Bronnen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bronnen' }).waitFor();
    const source = page.locator('.grid-box').first().locator('[role="row"]', { hasText: fileName });
    await source.first().waitFor();
    await expect(source.first().textContent()).resolves.toMatch(/[0-9a-f]{12}/);
    const figureRow = page.locator('.source-figures [role="row"][row-index]', { has: page.locator('[col-id="cell"]', { hasText: new RegExp(`^${expected.cell}$`) }) });
    await figureRow.first().waitFor();
    await expect(figureRow.first().textContent()).resolves.toContain(expected.area);
    await screenshot(page, 'bronnen');

    // Bronnen → Verwijderen, with a confirmation that says what goes; then the import is gone.
    await page.getByRole('button', { name: 'Verwijderen', exact: true }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.waitFor();
    await expect(confirm.textContent()).resolves.toContain(`${fileName} (blad`);
    await expect(confirm.textContent()).resolves.toContain('Dit kan niet ongedaan worden gemaakt');
    await screenshot(page, 'bronnen-verwijderen');
    await confirm.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.getByRole('status').filter({ hasText: 'is verwijderd' }).waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'is verwijderd' }).textContent()).resolves.toContain(real ? '14.030 cijfers verwijderd' : '15 cijfers verwijderd');
    await expect(page.locator('.grid-box').first().locator('[role="row"]', { hasText: fileName }).count()).resolves.toBe(0);
    await screenshot(page, 'bronnen-verwijderd');
    expect(pageProblems(page)).toEqual([]);
  });

  it('links an area the store does not know and marks the problem cells in the preview (generated workbook)', async () => {
    const ugly = makeUglyWorkbook(mkdtempSync(path.join(os.tmpdir(), 'wv-e2e-ugly-')));
    const page = await newPage(browser);
    await page.goto(shell.url);
    await page.getByRole('button', { name: 'Importeren' }).first().click();
    await page.getByLabel('Bestand om te importeren').setInputFiles(ugly.file);
    await step(page, 'Blad');
    await page.getByRole('navigation', { name: 'Stappen van het importeren' }).getByRole('button', { name: /Gebieden$/ }).click();
    await step(page, 'Gebieden');
    const review = page.locator('.review-table');
    await review.getByText('Nergenshuizen').waitFor();
    await expect(page.locator('ul.counts').textContent()).resolves.toContain('1 niet herkend');
    await screenshot(page, 'import-gebieden-onbekend');
    // Link the unknown name to a wijk by its CBS code; the preview follows.
    await page.getByLabel('Gebied voor Nergenshuizen').fill('WK034401');
    await page.getByRole('button', { name: 'Koppelen' }).click();
    await page.getByText('Voorbeeld wordt bijgewerkt…').waitFor({ state: 'detached' });
    await expect(page.locator('ul.counts').textContent()).resolves.toContain('0 niet herkend');
    await review.getByText('door u gekozen').waitFor();
    await screenshot(page, 'import-gebieden-gekoppeld');

    await next(page, 'Voorbeeld');
    await expect(page.locator('.summary-card').first().textContent()).resolves.toContain('19 cijfers worden opgeslagen');
    await page.locator('.preview-grid .cell-error').first().waitFor();
    await page.locator('.problem-table').getByText('"n.v.t." is geen getal of CBS-teken').waitFor();
    await screenshot(page, 'import-voorbeeld-meldingen');
    expect(pageProblems(page)).toEqual([]);
  });

  it('makes names without codes into buurten of the gemeente chosen on the areas step (issue 15, class 2)', async () => {
    // Names no Utrecht area has, not even closely (the first test imports CBS's Utrecht buurten into the same store).
    const monitor = path.join(mkdtempSync(path.join(os.tmpdir(), 'wv-e2e-names-')), 'utrecht-monitor-2024.xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Gebied', 'Aantal inwoners'], ['Buurt Vinkenveld-Noord', 5_210], ['Wolfsdonk, De Gaarde', 3_105], ['Meerzicht-Haverland', 4_020]]), 'Blad1');
    writeFileSync(monitor, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const page = await newPage(browser);
    await page.goto(shell.url);
    await page.getByRole('button', { name: 'Importeren' }).first().click();
    await page.getByLabel('Bestand om te importeren').setInputFiles(monitor);
    await step(page, 'Blad');
    await page.getByRole('navigation', { name: 'Stappen van het importeren' }).getByRole('button', { name: /Gebieden$/ }).click();
    await step(page, 'Gebieden');
    await page.getByText('Voorbeeld wordt bijgewerkt…').waitFor({ state: 'detached' });
    await expect(page.locator('ul.counts').textContent()).resolves.toContain('3 niet herkend');
    await page.getByLabel('Gemeente van de namen').selectOption('GM0344');
    await page.getByLabel('Niveau van de nieuwe gebieden').selectOption('buurt');
    await page.getByText('Voorbeeld wordt bijgewerkt…').waitFor({ state: 'detached' });
    await expect(page.locator('ul.counts').textContent()).resolves.toContain('3 nieuw (CBS-code of naam), worden aangemaakt');
    await expect(page.locator('ul.counts').textContent()).resolves.toContain('0 niet herkend');
    await page.locator('.review-table').getByText('GM0344-buurt-wolfsdonk-de-gaarde').waitFor();
    await expect(page.locator('.review-table').getByText('nieuw, wordt aangemaakt').count()).resolves.toBe(3);
    await screenshot(page, 'import-gebieden-namen');
    await next(page, 'Voorbeeld');
    await expect(page.locator('.summary-card').first().textContent()).resolves.toContain('3 cijfers worden opgeslagen');
    await page.getByRole('button', { name: 'Importeren', exact: true }).last().click();
    await page.getByRole('heading', { level: 2, name: 'Geïmporteerd' }).waitFor({ timeout: 60_000 });
    const row = page.locator('.source-figures [role="row"][row-index]', { has: page.locator('[col-id="cell"]', { hasText: /^B4$/ }) });
    await row.first().waitFor();
    await expect(row.first().locator('[col-id="figure"]').textContent()).resolves.toBe('4.020');
    await screenshot(page, 'import-namen-rapport');
    expect(pageProblems(page)).toEqual([]);
  });

  it.skipIf(!real)('shows rows done and time left while a large file imports, and a cancel saves nothing', async () => {
    const page = await newPage(browser);
    await page.goto(shell.url);
    await page.getByRole('button', { name: 'Bronnen' }).click();
    await page.locator('.grid-box [role="row"][row-index]').first().waitFor();
    const sourcesBefore = await page.locator('.grid-box').first().locator('[role="row"][row-index]').count();
    await page.getByRole('button', { name: 'Importeren' }).first().click();
    await page.getByLabel('Bestand om te importeren').setInputFiles(realFile('Tabel C1 woningvoorraad 2019.xlsx'));
    await step(page, 'Blad');
    await page.getByRole('navigation', { name: 'Stappen van het importeren' }).getByRole('button', { name: /Voorbeeld$/ }).click();
    await step(page, 'Voorbeeld');
    await page.getByText('Voorbeeld wordt bijgewerkt…').waitFor({ state: 'detached', timeout: 60_000 });
    await page.getByRole('button', { name: 'Importeren', exact: true }).last().click();
    const bar = page.getByRole('progressbar', { name: 'Rijen lezen en opslaan' });
    await bar.waitFor({ timeout: 30_000 });
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
    // The import is fast: what the bar says is read and Annuleren clicked in one step in the page,
    // so the cancel lands while the import runs (a separate click could come after the last row).
    // The screenshot is taken beside that step (the viewport, without resizing the page).
    mkdirSync(screenshotDir, { recursive: true });
    const [, running] = await Promise.all([
      page.screenshot({ path: path.join(screenshotDir, 'import-voortgang.png') }),
      page.evaluate(() => {
        const progress = document.querySelector('[role="progressbar"][aria-label="Rijen lezen en opslaan"]');
        const text = document.querySelector('.progress-text')?.textContent ?? null;
        const cancel = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Annuleren');
        cancel?.click();
        return { max: progress?.getAttribute('aria-valuemax') ?? null, text, clicked: cancel !== undefined };
      }),
    ]);
    expect(running.clicked).toBe(true);
    expect(running.max).toBe('56479');
    expect(running.text).toMatch(/van 56\.479 rijen · \d+% · (nog \d+|tijd over)/);
    await page.getByRole('heading', { level: 2, name: 'Geannuleerd' }).waitFor({ timeout: 30_000 });
    await expect(page.locator('.notice').textContent()).resolves.toMatch(/er is niets opgeslagen/);
    await screenshot(page, 'import-geannuleerd');
    await page.getByRole('button', { name: 'Bronnen' }).click();
    await page.locator('.grid-box [role="row"][row-index]').first().waitFor();
    await expect(page.locator('.grid-box').first().locator('[role="row"][row-index]').count()).resolves.toBe(sourcesBefore);
    expect(pageProblems(page)).toEqual([]);
  });

  it('says what went wrong, in Dutch, for a file that is not a spreadsheet', async () => {
    const page = await newPage(browser);
    await page.goto(shell.url);
    await page.getByRole('button', { name: 'Importeren' }).first().click();
    await page.getByLabel('Bestand om te importeren').setInputFiles({ name: 'notities.txt', mimeType: 'text/plain', buffer: Buffer.from([0x00, 0x01, 0x02, 0xff]) });
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Dit is geen spreadsheet.');
    await screenshot(page, 'import-fout');
  });
});
