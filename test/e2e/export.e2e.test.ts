import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli';
import { makeKwbYears } from '../fixtures/make-kwb-years';
import { dutchShown, expectHouseStyle, readXlsx, rowByLabel, sheetTexts } from '../helpers/briefing-files';
import { launchBrowser, newPage, pageProblems, screenshot as shoot, startWebShell, type WebShell } from './harness';

async function screenshot(page: Page, name: string): Promise<string> {
  await page.evaluate(() => window.scrollTo(0, 0));
  return shoot(page, name);
}

const FORMULA_AREA = '=HYPERLINK("http://example.invalid";"klik")';

/**
 * Exporteren in Chromium through the web shell: build a table from a saved comparison view, from
 * the programme facts and from figures imported from a file; edit caption, rows and footnotes, see
 * the live preview, download the .xlsx and hold it to the same checks as the CLI's files, and copy
 * the table for Word.
 */
describe('Exporteren in Chromium through the web shell', () => {
  let shell: WebShell;
  let browser: Browser;
  let page: Page;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'wv-e2e-export-'));
    const db = path.join(dir, 'store.sqlite');
    const csv = path.join(dir, 'buurten-2024.csv');
    writeFileSync(
      csv,
      `Buurt;Code;Aantal inwoners;Aantal woningen\n"${FORMULA_AREA.replace(/"/g, '""')}";BU99990001;1.234;7\nTestbuurt Noord;BU99990002;4.321;512\n`,
    );
    const imported = await cli('--db', db, 'import', csv, '--create-areas');
    if (imported.code !== 0) throw new Error(imported.stderr);
    for (const { year, file } of makeKwbYears(dir)) {
      const r = await cli('--db', db, 'import', file, '--period', year, '--create-areas');
      if (r.code !== 0) throw new Error(r.stderr);
    }
    const view = await cli('--db', db, 'views', 'save', 'Overvecht en Utrecht', '--areas', 'NPLV15,WK034401', '--indicators', 'a_inw,p_koopw', '--period', 'latest', '--reference', 'municipality');
    if (view.code !== 0) throw new Error(view.stderr);
    shell = await startWebShell(db);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL', acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(shell.url).origin });
    await context.close();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
  });

  const preview = () => page.getByRole('table', { name: 'Voorbeeld van de tabel' });

  it('builds a table from a saved comparison view and downloads it as .xlsx that passes the checks', async () => {
    await page.goto(`${shell.url.replace(/#.*$/, '')}#exporteren`);
    await page.getByRole('heading', { name: 'Exporteren', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Vergelijking', exact: true }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Opgeslagen vergelijking' }).inputValue()).toBe('Overvecht en Utrecht');
    await expect.poll(() => preview().textContent()).toContain('Utrecht Overvecht');
    await page.getByRole('textbox', { name: 'Bijschrift' }).fill('Overvecht vergeleken');
    await expect.poll(() => page.locator('.briefing-table caption strong').textContent()).toBe('Tabel 1. Overvecht vergeleken');
    await expect(page.locator('.briefing-source').textContent()).resolves.toMatch(/^Bron: kwb-utrecht-2024\.xlsx.*Utrecht Overvecht geaggregeerd uit 1 wijk; samenstelling te bevestigen\.$/);
    await screenshot(page, 'export-builder-view');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Downloaden' }).click()]);
    expect(download.suggestedFilename()).toBe('Tabel 1. Overvecht vergeleken.xlsx');
    const file = path.join(dir, 'view.xlsx');
    await download.saveAs(file);
    const r = await readXlsx(readFileSync(file));
    expectHouseStyle(r, {
      caption: 'Tabel 1. Overvecht vergeleken',
      headers: ['Gebied', 'Aantal inwoners', 'Koopwoningen (%)'],
      sourceLine: /^Bron: kwb-utrecht-2024\.xlsx, blad kwb-2024 .*samenstelling te bevestigen\.$/,
      sources: ['kwb-utrecht-2024.xlsx', 'Utrecht Overvecht: samenstelling'],
    });
    const row = rowByLabel(r.table, 'Utrecht Overvecht');
    expect(row.getCell(2).value).toBe(35000);
    expect(dutchShown(row.getCell(2).numFmt, 35000)).toBe('35.000');
    expect(rowByLabel(r.table, 'Utrecht').getCell(2).value).toBe(374000);
  });

  it('builds a table from the programme facts with a live preview in house style', async () => {
    await page.getByRole('button', { name: 'Programmacijfers' }).click();
    await expect.poll(() => preview().textContent()).toContain('ca. 15.000');
    const text = (await preview().textContent()) ?? '';
    for (const t of ['bijna 1.400', '30.000–40.000', '€ 256 mln (2023–2025)']) expect(text).toContain(t);
    await expect(page.locator('.briefing-source').textContent()).resolves.toBe('Bron: Kamerstuk 30 995 nr. 104 (17 oktober 2024).');

    await page.getByRole('textbox', { name: 'Bijschrift' }).fill('Voortgang NPLV in cijfers');
    await expect.poll(() => page.locator('.briefing-table caption strong').textContent()).toBe('Tabel 1. Voortgang NPLV in cijfers');
    // Leave out one figure, move another up, add a footnote.
    await page.getByRole('checkbox', { name: 'Gemeenten in Preventie met Gezag' }).uncheck();
    await expect.poll(() => preview().textContent()).not.toContain('47 (2025)');
    await page.getByRole('button', { name: 'Rij Gemeenten met een focusgebied omhoog' }).click();
    await expect.poll(() => preview().locator('tbody th').nth(1).textContent()).toBe('Gemeenten met een focusgebied');
    await page.getByRole('button', { name: 'Voetnoot toevoegen' }).click();
    await page.getByRole('textbox', { name: 'Voetnoot 1)' }).fill('Cijfers uit de voortgangsbrief; de brief geeft geen cijfers per gebied.');
    await expect.poll(() => page.locator('.briefing-notes').textContent()).toContain('1) Cijfers uit de voortgangsbrief');
    await screenshot(page, 'export-builder-programme');
  });

  it('downloads the .xlsx, which passes the same checks as the command line\'s', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Downloaden' }).click()]);
    expect(download.suggestedFilename()).toBe('Tabel 1. Voortgang NPLV in cijfers.xlsx');
    const file = path.join(dir, 'download.xlsx');
    await download.saveAs(file);
    const r = await readXlsx(readFileSync(file));
    expectHouseStyle(r, {
      caption: 'Tabel 1. Voortgang NPLV in cijfers',
      headers: ['Onderwerp', 'Cijfer'],
      sourceLine: 'Bron: Kamerstuk 30 995 nr. 104 (17 oktober 2024).',
      sources: ['Kamerstuk 30 995 nr. 104'],
    });
    const cell = rowByLabel(r.table, 'Woningen in voorbereiding (Woningbouwimpuls, Startbouwimpuls)').getCell(2);
    expect(cell.value).toBe(15000);
    expect(dutchShown(cell.numFmt, 15000)).toBe('ca. 15.000');
    expect(sheetTexts(r.table)).toContain('1) Cijfers uit de voortgangsbrief; de brief geeft geen cijfers per gebied.');
    expect(sheetTexts(r.table)).not.toContain('Gemeenten in Preventie met Gezag');
    await expect(page.getByRole('status').filter({ hasText: 'Gedownload' }).textContent()).resolves.toContain('Tabel 1. Voortgang NPLV in cijfers.xlsx');
  });

  it('copies the table for Word as HTML with caption and source line', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(shell.url).origin });
    await page.getByRole('button', { name: 'Kopiëren voor Word' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'gekopieerd' }).count()).toBe(1);
    const html = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const blob = await items[0]?.getType('text/html');
      return blob ? blob.text() : '';
    });
    expect(html).toContain('<caption');
    expect(html).toContain('Tabel 1. Voortgang NPLV in cijfers');
    expect(html).toContain('>ca. 15.000</td>');
    expect(html).toContain('Bron: Kamerstuk 30 995 nr. 104 (17 oktober 2024).');
  });

  it('builds a neighbourhood table from an imported file, flags a small count and suppresses it as x', async () => {
    await page.getByRole('button', { name: 'Cijfers per gebied' }).click();
    await page.getByRole('combobox', { name: 'Gebieden' }).selectOption('neighbourhood');
    const group = page.getByRole('group', { name: 'Indicatoren' });
    for (const name of ['Aantal inwoners', 'Aantal woningen']) {
      const box = group.getByRole('checkbox', { name });
      if (!(await box.isChecked())) await box.check();
    }
    await expect.poll(() => preview().textContent()).toContain('4.321');
    await expect(preview().textContent()).resolves.toContain(FORMULA_AREA);
    await expect(page.getByText(/1 klein\(e\) aantal\(len\) onder 10/).textContent()).resolves.toContain('nog zichtbaar');
    await page.getByRole('checkbox', { name: 'Kleine aantallen onderdrukken als x' }).check();
    await expect.poll(() => page.locator('.briefing-notes').textContent()).toContain('aantallen kleiner dan 10 op buurtniveau zijn niet getoond');
    await screenshot(page, 'export-builder-buurten');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Downloaden' }).click()]);
    const file = path.join(dir, 'buurten.xlsx');
    await download.saveAs(file);
    const r = await readXlsx(readFileSync(file));
    expectHouseStyle(r, { caption: 'Tabel 1. Cijfers per gebied', headers: ['Gebied', 'Aantal inwoners', 'Aantal woningen'], sourceLine: /^Bron: buurten-2024\.csv/, sources: ['buurten-2024.csv'] });
    const row = rowByLabel(r.table, FORMULA_AREA);
    expect(row.getCell(1).type).toBe(3); // a string, never a formula
    expect(row.getCell(2).value).toBe(1234);
    expect(row.getCell(3).value).toBe('x');
    expect(rowByLabel(r.table, 'Testbuurt Noord').getCell(3).value).toBe(512);
  });

  it('starts from a scenario: amounts per focus area in EUR million with a total', async () => {
    await page.getByRole('button', { name: 'Scenario', exact: true }).click();
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('kansrijke-wijk-tot-2028');
    await expect.poll(() => page.locator('.briefing-unit').textContent()).toBe('Bedragen × € 1 mln');
    await expect.poll(() => preview().textContent()).toContain('Totaal 1)');
    await screenshot(page, 'export-builder-scenario');
    expect(pageProblems(page)).toEqual([]);
  });
});
