import { existsSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM, launchBrowser, newPage, startWebShell } from '../test/e2e/harness';
import { repoRoot } from '../test/helpers/real-data';

/**
 * Vergelijken on all neighbourhoods, in Chromium through the web shell (issue 12's "time to first
 * rendered rows"): from choosing *Alle buurten* to the first neighbourhood row drawn in the grid,
 * with `indicators` indicators ticked and the given period. Needs the built web shell and renderer
 * (`npm run bench` builds them) and Debian's Chromium; says why when it cannot run.
 */
export async function vergelijkenAllNeighbourhoods(file: string, indicators: number, period: string): Promise<{ firstRowsMs: number; answerMB: number; rows: number } | { skipped: string }> {
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM} (apt-get install chromium)` };
  if (!existsSync(path.join(repoRoot, 'dist/renderer/index.html'))) return { skipped: 'the renderer is not built (npm run build)' };
  const shell = await startWebShell(file);
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser);
    page.setDefaultTimeout(300_000);
    await page.goto(shell.url);
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('button', { name: 'Vergelijken', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Vergelijken' }).waitFor();
    await page.getByRole('button', { name: 'Wissen' }).click();
    const boxes = page.getByRole('list', { name: 'Indicatoren' }).getByRole('checkbox');
    for (let i = 0; i < indicators; i++) await boxes.nth(i).check();
    await page.getByLabel('Periode').selectOption(period);
    await page.locator('.compare-grid [role="row"]').first().waitFor();
    const sizes: Promise<number>[] = [];
    page.on('requestfinished', (req) => {
      if (req.url().includes('compare.run')) sizes.push(req.sizes().then((s) => s.responseBodySize));
    });
    const t = performance.now();
    await page.getByLabel('Welke gebieden').selectOption('all_neighbourhoods');
    await page.locator('.compare-grid [col-id="code"]', { hasText: /^BU/ }).first().waitFor();
    const firstRowsMs = performance.now() - t;
    const rows = await page.locator('.compare-grid [role="row"]', { has: page.locator('[col-id="code"]', { hasText: /^BU/ }) }).count();
    const answer = Math.max(0, ...(await Promise.all(sizes)));
    return { firstRowsMs, answerMB: Math.round(answer / 1e5) / 10, rows };
  } finally {
    await browser.close();
    await shell.stop();
  }
}
