import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { KWB_YEARS, makeKwbYears } from '../fixtures/make-kwb-years';
import { hasRealData, realDataSkipReason, realFile, repoRoot } from '../helpers/real-data';
import { launchBrowser, newPage, pageProblems, screenshot, startWebShell, type WebShell } from './harness';

/**
 * Vergelijken and the composition editor in Chromium through the web shell, on CBS's own KWB table
 * of Utrecht imported through the wizard. Expected figures are read from the same file here (no
 * hard-coded results): Utrecht Overvecht (NPLV15) is proposed as district WK034403, so its figures
 * are computed from that district's cells.
 */
const real = hasRealData;
if (!real) console.warn(`compare e2e skipped: ${realDataSkipReason}`);
const fileName = 'CBS-Utrecht-kwb-2024.xlsx';

interface KwbRow {
  code: string;
  name: string;
  values: Record<string, unknown>;
}

function readKwb(): Map<string, KwbRow> {
  const wb = XLSX.read(readFileSync(realFile(fileName)));
  const ws = wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 });
  const header = (rows[0] ?? []).map(String);
  const out = new Map<string, KwbRow>();
  for (const r of rows.slice(1)) {
    const values: Record<string, unknown> = {};
    header.forEach((h, i) => (values[h] = r[i]));
    out.set(String(values.gwb_code_10), { code: String(values.gwb_code_10), name: String(values.regio), values });
  }
  return out;
}

const nl = (n: number, digits = 0): string => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: digits }).format(n);

function nav(page: Page, screen: string): Locator {
  return page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('button', { name: screen, exact: true });
}

async function importKwb(page: Page): Promise<void> {
  await nav(page, 'Importeren').click();
  await page.getByLabel('Bestand om te importeren').setInputFiles(realFile(fileName));
  await page.getByRole('heading', { level: 2, name: 'Blad' }).waitFor();
  await page.getByRole('navigation', { name: 'Stappen van het importeren' }).getByRole('button', { name: /Voorbeeld$/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Voorbeeld' }).waitFor();
  await page.getByText('Voorbeeld wordt bijgewerkt…').waitFor({ state: 'detached', timeout: 60_000 });
  await page.getByRole('button', { name: 'Importeren', exact: true }).last().click();
  await page.getByRole('heading', { level: 2, name: 'Geïmporteerd' }).waitFor({ timeout: 90_000 });
}

/** The grid row of an area (body or pinned at the top), by its code in the Code column. AG Grid 36 keeps a row's cells in one row element. */
function gridRow(page: Page, code: string): Locator {
  return page.locator('.compare-grid [role="row"]', { has: page.locator('[col-id="code"]', { hasText: new RegExp(`^${code}$`) }) });
}

/** A figure cell: the area's row, the indicator's column. */
async function figureCell(page: Page, code: string, indicator: string): Promise<Locator> {
  const row = gridRow(page, code).first();
  await row.waitFor();
  return row.locator(`[col-id="${indicator}"]`);
}

describe.skipIf(!real)('Vergelijken and Samenstelling in Chromium (real KWB Utrecht 2024)', () => {
  let shell: WebShell;
  let browser: Browser;
  let kwb: Map<string, KwbRow>;
  beforeAll(async () => {
    kwb = readKwb();
    shell = await startWebShell();
    browser = await launchBrowser();
    const page = await newPage(browser);
    await page.goto(shell.url);
    await importKwb(page);
    await page.close();
  });
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
  });

  it('compares the focus areas with reference rows, explains an aggregate, copies, saves and reopens a view', async () => {
    const overvecht = kwb.get('WK034403') as KwbRow;
    const utrecht = kwb.get('GM0344') as KwbRow;
    const page = await newPage(browser);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(shell.url);
    await nav(page, 'Vergelijken').click();
    await page.getByRole('heading', { level: 1, name: 'Vergelijken' }).waitFor();

    // Indicators: search by code, tick; the period: 2024 explicitly.
    const search = page.getByLabel('Zoek indicatoren op naam of code');
    await search.fill('a_hh_m_k');
    await page.getByRole('list', { name: 'Indicatoren' }).getByRole('checkbox').first().check();
    await search.fill('');
    await page.getByLabel('Periode').selectOption('2024');
    await gridRow(page, 'NPLV15').first().waitFor({ timeout: 30_000 });

    // Overvecht's inhabitants: the sum of its one (proposed) member, WK034403, as in the file.
    const inw = await figureCell(page, 'NPLV15', 'a_inw');
    await expect.poll(() => inw.locator('.val').textContent()).toBe(`Σ${nl(Number(overvecht.values.a_inw))}`);
    const hhm = await figureCell(page, 'NPLV15', 'a_hh_m_k');
    await expect(hhm.locator('.val').textContent()).resolves.toBe(`Σ${nl(Number(overvecht.values.a_hh_m_k))}`);
    // Average household size: weighted by households, from the file's own figure.
    const size = await figureCell(page, 'NPLV15', 'g_hhgro');
    await expect(size.locator('.val').textContent()).resolves.toBe(`Σ${nl(Number(overvecht.values.g_hhgro), 1)}`);
    // A figure CBS did not publish (.) stays a dot, never 0.
    const koop = await figureCell(page, 'NPLV15', 'p_koopw');
    await expect(koop.locator('.val').textContent()).resolves.toMatch(/^(Σ)?\.$|^n\.b\.$/);
    // The proposal is marked; Tilburg Noordwest says its composition is unknown.
    await expect(gridRow(page, 'NPLV15').first().textContent()).resolves.toContain('te bevestigen');
    await expect(gridRow(page, 'NPLV07').first().textContent()).resolves.toContain('samenstelling onbekend');

    // Reference rows at the top: the total with its spread, and Utrecht (the municipality).
    const top = page.locator('.compare-grid .ag-grid-pinned-top-rows');
    await expect(top.textContent()).resolves.toContain('focusgebieden samen');
    await expect(top.textContent()).resolves.toContain('Spreiding tussen de 20 focusgebieden');
    const gm = await figureCell(page, 'GM0344', 'a_inw');
    await expect(gm.locator('.val').textContent()).resolves.toBe(nl(Number(utrecht.values.a_inw)));
    // The header says which period the column shows.
    await expect(page.locator('.compare-grid [col-id="a_inw"].ag-header-cell').textContent()).resolves.toContain('2024');
    await screenshot(page, 'vergelijken-1440');

    // The aggregate's explanation: members, coverage, the member's figure and source cell.
    await inw.click();
    const panel = page.getByRole('dialog', { name: 'Uitleg bij het cijfer' });
    await panel.waitFor();
    // the grid's answer is lean: the members and their source cells arrive when the panel opens
    await panel.getByRole('table').waitFor();
    await expect.poll(() => panel.getByRole('status').count()).toBe(0);
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('Berekend uit 1 lid');
    expect(text).toContain('WK034403');
    expect(text).toContain('te bevestigen');
    expect(text).toContain(fileName);
    expect(text).toContain(nl(Number(overvecht.values.a_inw)));
    await screenshot(page, 'vergelijken-uitleg');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    // Keyboard: Enter on a focused figure opens the same explanation.
    await inw.click();
    await panel.waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await inw.focus();
    await page.keyboard.press('Enter');
    await panel.waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    // Copy: the whole table as Dutch TSV (and HTML) on the clipboard.
    await page.evaluate(() => {
      window.addEventListener('copy', (e) => {
        (window as unknown as { copied: { text: string; html: string } }).copied = { text: e.clipboardData?.getData('text/plain') ?? '', html: e.clipboardData?.getData('text/html') ?? '' };
      });
    });
    await page.getByRole('button', { name: 'Kopiëren' }).click();
    await page.getByText(/Gekopieerd: de hele tabel/).waitFor();
    const copied = await page.evaluate(() => (window as unknown as { copied: { text: string; html: string } }).copied);
    const lines = copied.text.split('\r\n');
    expect(lines[0]?.split('\t').slice(0, 3)).toEqual(['Code', 'Gebied', 'Soort']);
    expect(lines.find((l) => l.startsWith('NPLV15\t'))).toContain(`\t${String(overvecht.values.a_inw)}\t`);
    expect(lines.find((l) => l.startsWith('GM0344\t'))).toContain(`\t${String(utrecht.values.a_inw)}\t`);
    expect(lines.find((l) => l.startsWith('NPLV15\t'))).toContain('te bevestigen');
    expect(lines.filter((l) => /^NPLV\d\d\t/.test(l))).toHaveLength(20);
    expect(copied.html).toContain(`x:num="${String(overvecht.values.a_inw)}"`);

    // Ctrl+C in the grid with one row chosen copies that row only.
    const check = gridRow(page, 'NPLV15').first().locator('input[type="checkbox"]');
    await check.check();
    await inw.click();
    await panel.waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await inw.focus();
    await page.keyboard.press('Control+c');
    await page.getByText(/Gekopieerd: 1 gekozen rij/).waitFor();
    const one = await page.evaluate(() => (window as unknown as { copied: { text: string } }).copied.text);
    expect(one.split('\r\n').filter((l) => l !== '')).toHaveLength(2);
    await check.uncheck();

    // Save the view, change the choice, reopen the view.
    await page.getByLabel('Naam van de weergave').fill('Focusgebieden huishoudens');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Weergave “Focusgebieden huishoudens” opgeslagen.').waitFor();
    await search.fill('a_hh_m_k');
    await page.getByRole('list', { name: 'Indicatoren' }).getByRole('checkbox').first().uncheck();
    await search.fill('');
    await page.locator('.compare-grid [col-id="a_hh_m_k"]').first().waitFor({ state: 'detached' });
    await page.getByRole('list', { name: 'Opgeslagen weergaven' }).locator('.list-button', { hasText: 'Focusgebieden huishoudens' }).click();
    await page.locator('.compare-grid [col-id="a_hh_m_k"]').first().waitFor();
    await expect(page.getByLabel('Periode').inputValue()).resolves.toBe('2024');
    await expect(page.locator('#grid-title').textContent()).resolves.toContain('Focusgebieden huishoudens');

    // The 1366×768 laptop.
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'vergelijken-1366');
    expect(pageProblems(page)).toEqual([]);
  });

  it('edits a composition end to end: confirm a proposal, add and remove a member, see the aggregate change', async () => {
    const overvecht = kwb.get('WK034403') as KwbRow;
    const noordoost = kwb.get('WK034404') as KwbRow;
    const page = await newPage(browser);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(shell.url);
    await page.getByRole('heading', { name: 'Gebieden', level: 1 }).waitFor();
    await page.getByRole('button', { name: /^Samenstelling van Utrecht Overvecht/ }).click();
    const editor = page.locator('.composition-section');
    await editor.getByRole('heading', { name: 'Samenstelling van Utrecht Overvecht' }).waitFor();
    const table = editor.getByRole('table', { name: 'Leden van Utrecht Overvecht' });
    await table.getByText('WK034403').waitFor();
    await expect(table.textContent()).resolves.toContain('te bevestigen');
    await expect(table.textContent()).resolves.toContain(nl(Number(overvecht.values.a_inw)));
    const now = editor.locator('.probe tbody tr').first().locator('.probe-now');
    await expect.poll(() => now.textContent()).toBe(nl(Number(overvecht.values.a_inw)));
    await screenshot(page, 'samenstelling-1');

    // Confirm the proposal.
    await table.getByRole('button', { name: /bevestigen$/ }).first().click();
    await editor.getByText(/Gewijzigd: .* bevestigd/).waitFor();
    await expect(table.textContent()).resolves.not.toContain('te bevestigen');

    // Add Noordoost by its code: the inhabitants become the sum of both districts.
    await editor.getByLabel('Wijk of buurt zoeken op code of naam').fill('WK034404');
    await editor.getByRole('button', { name: /toevoegen$/ }).first().click();
    await table.getByText('WK034404').waitFor();
    const both = Number(overvecht.values.a_inw) + Number(noordoost.values.a_inw);
    await expect.poll(() => now.textContent()).toBe(nl(both));
    await expect(editor.locator('.probe tbody tr').first().locator('.probe-before').textContent()).resolves.toBe(nl(Number(overvecht.values.a_inw)));
    // The weighted mean (household size, weighted by households) moves too, computed by hand here.
    const hh = (r: KwbRow) => Number(r.values.a_hh);
    const g = (r: KwbRow) => Number(r.values.g_hhgro);
    const weighted = (g(overvecht) * hh(overvecht) + g(noordoost) * hh(noordoost)) / (hh(overvecht) + hh(noordoost));
    await expect(editor.locator('.probe tbody tr').nth(2).locator('.probe-now').textContent()).resolves.toBe(nl(weighted, 1));
    await screenshot(page, 'samenstelling-2-toegevoegd');

    // Remove it again: back to Overvecht alone.
    await table.getByRole('button', { name: /Noordoost verwijderen$/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Verwijderen' }).click();
    await editor.getByText(/Gewijzigd: .* verwijderd/).waitFor();
    await expect.poll(() => now.textContent()).toBe(nl(Number(overvecht.values.a_inw)));
    await expect(table.textContent()).resolves.not.toContain('WK034404');

    // Vergelijken follows the confirmed composition: no "te bevestigen" on Overvecht any more.
    await nav(page, 'Vergelijken').click();
    await page.getByRole('heading', { level: 1, name: 'Vergelijken' }).waitFor();
    await gridRow(page, 'NPLV15').first().waitFor({ timeout: 30_000 });
    await expect(gridRow(page, 'NPLV15').first().textContent()).resolves.not.toContain('te bevestigen');
    await page.setViewportSize({ width: 1366, height: 768 });
    await nav(page, 'Gebieden').click();
    await page.getByRole('button', { name: /^Samenstelling van Tilburg Noordwest/ }).click();
    await page.locator('.composition-section').getByText('Samenstelling onbekend.').waitFor();
    await screenshot(page, 'samenstelling-onbekend-1366');
    expect(pageProblems(page)).toEqual([]);
  });
});

/**
 * Over the years, on generated KWB-shaped workbooks (test/fixtures/make-kwb-years.ts: Utrecht and
 * three of its districts, 2022–2024, WK034402 redrawn in 2023): the districts of a municipality,
 * a difference against 2022 (refused across the boundary change, with the reason), a view saved
 * with "latest" that shows 2024 after the 2024 file is imported, the grid turned on its side, and
 * the keyboard (Space chooses a row, Ctrl+C copies it).
 */
describe('Vergelijken over the years (generated KWB workbooks)', () => {
  let shell: WebShell;
  let browser: Browser;
  let files: { year: string; file: string }[];
  const cli = (db: string, file: string): void => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/wijkverkenner.cjs'), '--db', db, 'import', file, '--create-areas'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`import of ${file} failed: ${r.stderr}`);
  };
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-e2e-years-'));
    files = makeKwbYears(dir);
    const db = path.join(dir, 'store.sqlite');
    for (const f of files.filter((x) => x.year !== '2024')) cli(db, f.file);
    shell = await startWebShell(db);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
  });

  it('shows differences, refuses one across a boundary change, and a "latest" view follows the next import', async () => {
    const y = KWB_YEARS;
    const page = await newPage(browser);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(shell.url);
    await nav(page, 'Vergelijken').click();
    await page.getByLabel('Welke gebieden').selectOption('districts');
    await page.getByLabel('Gemeente van de wijken of buurten').selectOption('GM0344');
    await page.getByRole('button', { name: 'Wissen' }).click();
    const search = page.getByLabel('Zoek indicatoren op naam of code');
    for (const code of ['a_inw', 'a_woning', 'p_koopw']) {
      await search.fill(code);
      await page.getByRole('list', { name: 'Indicatoren' }).locator('label', { hasText: code }).getByRole('checkbox').check();
    }
    await search.fill('');
    await page.getByLabel('Verschil ten opzichte van').selectOption('2022');
    const west = await figureCell(page, 'WK034401', 'a_inw');
    await expect.poll(() => west.locator('.val').textContent(), { timeout: 30_000 }).toBe(nl(Number(y['2023']?.WK034401?.a_inw)));
    await expect.poll(() => west.locator('.delta').textContent()).toBe(`+${nl(Number(y['2023']?.WK034401?.a_inw) - Number(y['2022']?.WK034401?.a_inw))}`);
    // WK034402 was redrawn in 2023: no difference, and the cell says why.
    const nw = await figureCell(page, 'WK034402', 'a_inw');
    await expect(nw.locator('.delta').textContent()).resolves.toBe('Δ ?');
    await nw.click();
    const panel = page.getByRole('dialog', { name: 'Uitleg bij het cijfer' });
    await expect(panel.textContent()).resolves.toMatch(/gewijzigd in 2023/);
    await page.keyboard.press('Escape');
    // The municipality is the reference row at the top.
    await expect((await figureCell(page, 'GM0344', 'a_inw')).locator('.val').textContent()).resolves.toBe(nl(Number(y['2023']?.GM0344?.a_inw)));
    await screenshot(page, 'vergelijken-jaren-1440');

    // Keyboard: Space chooses the focused row, Ctrl+C copies only that row.
    await page.evaluate(() => {
      window.addEventListener('copy', (e) => {
        (window as unknown as { copied: string }).copied = e.clipboardData?.getData('text/plain') ?? '';
      });
    });
    // Each step waits for what the analyst would see before the next key (a slower machine must not race the keys).
    await west.click();
    await panel.waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    await west.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => gridRow(page, 'WK034401').first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Control+c');
    await page.getByText(/Gekopieerd: 1 gekozen rij/).waitFor();
    const copied = await page.evaluate(() => (window as unknown as { copied: string }).copied);
    const lines = copied.split('\r\n').filter((l) => l !== '');
    expect(lines).toHaveLength(2);
    expect(lines[1]?.split('\t').slice(0, 2)).toEqual(['WK034401', 'Wijk 01 West']);
    expect(lines[1]).toContain(`\t${String(y['2023']?.WK034401?.a_inw)}\t`);

    // Save with "latest"; import 2024; reopen: the view shows 2024 and says so.
    await page.getByLabel('Naam van de weergave').fill('Wijken Utrecht');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Weergave “Wijken Utrecht” opgeslagen.').waitFor();
    cli(shell.dbPath, files.find((f) => f.year === '2024')?.file as string);
    await page.reload();
    await nav(page, 'Vergelijken').click();
    await page.locator('.list-button', { hasText: 'Wijken Utrecht' }).click();
    await page.getByText(/Opgeslagen met “laatste periode”; toont nu 2024/).waitFor({ timeout: 30_000 });
    const west24 = await figureCell(page, 'WK034401', 'a_inw');
    await expect.poll(() => west24.locator('.val').textContent()).toBe(nl(Number(y['2024']?.WK034401?.a_inw)));
    await expect(page.locator('.compare-grid [col-id="a_inw"].ag-header-cell').textContent()).resolves.toContain('2024');
    await screenshot(page, 'vergelijken-jaren-weergave');

    // On its side: indicators as rows, areas as columns.
    await page.getByRole('button', { name: 'Kantelen' }).click();
    await page.locator('.compare-grid [role="row"] [col-id="indicator"]', { hasText: 'Koopwoningen' }).waitFor();
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'vergelijken-gekanteld-1366');
    expect(pageProblems(page)).toEqual([]);
  });
});
