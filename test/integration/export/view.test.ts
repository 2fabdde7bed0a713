import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeKwbYears } from '../../fixtures/make-kwb-years';
import { dutchShown, expectHouseStyle, readXlsx, rowByLabel, sheetTexts } from '../../helpers/briefing-files';
import { cli } from '../../helpers/run-cli';
import { freshServices } from '../../helpers/services';

/**
 * A saved comparison view (branch compare) as a briefing: the comparison service's own cells, a
 * focus area aggregated from its proposed composition cited as such, and — the yearly monitor —
 * a briefing on a view on 'latest' that gives next year's figures and source line after the import.
 */
describe('export --view and a yearly briefing on a view', () => {
  const svc = freshServices('cli');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-export-view-'));
  const years = makeKwbYears(dir);
  const run = (...args: string[]) => cli('--db', svc.ctx.storePath, ...args);
  beforeAll(async () => {
    for (const { year, file } of years.filter((y) => y.year !== '2024')) {
      const r = await run('import', file, '--period', year, '--create-areas');
      expect(r.code, r.stderr).toBe(0);
    }
    const saved = await svc.call('views.save', {
      name: 'Overvecht',
      state: { areas: ['NPLV15', 'WK034401'], indicators: ['a_inw', 'p_koopw'], period: 'latest', references: ['municipality'] },
    });
    expect(saved.ok).toBe(true);
  }, 120_000);
  afterAll(() => svc.close());

  it('writes the view\'s rows with exact values, the aggregate\'s composition and every file in the source line', async () => {
    const out = path.join(dir, 'overvecht.xlsx');
    const r1 = await run('export', '--view', 'Overvecht', '--out', out, '--json');
    expect(r1.code, r1.stderr).toBe(0);
    expect(r1.json()).toMatchObject({ format: 'xlsx', columns: 3, sources: ['kwb-utrecht-2023.xlsx', 'Utrecht Overvecht geaggregeerd uit 1 wijk; samenstelling te bevestigen'] });
    const r = await readXlsx(readFileSync(out));
    expectHouseStyle(r, {
      caption: 'Tabel 1. Overvecht',
      headers: ['Gebied', 'Aantal inwoners', 'Koopwoningen (%)'],
      sourceLine: /^Bron: kwb-utrecht-2023\.xlsx, blad kwb-2023 \(ingelezen .+\); Utrecht Overvecht geaggregeerd uit 1 wijk; samenstelling te bevestigen\.$/,
      sources: ['kwb-utrecht-2023.xlsx', 'Utrecht Overvecht: samenstelling', 'voorstel, te bevestigen', 'Utrecht Overvecht: samenstelling is een voorstel, te bevestigen.'],
    });
    const overvecht = rowByLabel(r.table, 'Utrecht Overvecht');
    expect(overvecht.getCell(2).value).toBe(34500);
    expect(dutchShown(overvecht.getCell(2).numFmt, 34500)).toBe('34.500');
    expect(overvecht.getCell(3).value).toBe(29);
    expect(rowByLabel(r.table, 'Wijk 01 West').getCell(2).value).toBe(29500);
    expect(sheetTexts(r.table)).toContain('Ter vergelijking');
    expect(rowByLabel(r.table, 'Utrecht').getCell(2).value).toBe(368000);
  });

  it('exports a view\'s composite index definition with its parameters: source line and Verantwoording', async () => {
    const saved = await svc.call('views.save', {
      name: 'Overvecht met index',
      state: { areas: ['NPLV15', 'WK034401', 'WK034402', 'WK034403'], indicators: ['a_inw', 'p_koopw'], period: 'latest', references: [] },
    });
    expect(saved.ok).toBe(true);
    const definition = { components: [{ indicatorCode: 'p_koopw', weight: 2 }, { indicatorCode: 'a_woning', weight: 1 }], reference: 'focus', missing: 'reweight' };
    expect((await svc.call('index.save', { view: 'Overvecht met index', definition })).ok).toBe(true);
    const out = path.join(dir, 'index.xlsx');
    const r1 = await run('export', '--view', 'Overvecht met index', '--out', out, '--json');
    expect(r1.code, r1.stderr).toBe(0);
    expect((r1.json() as { sources: string[] }).sources).toContain("samengestelde index van 'Overvecht met index'");
    const r = await readXlsx(readFileSync(out));
    const line = sheetTexts(r.table).find((t) => t.startsWith('Bron:'));
    // a_woning is not a column of the view: named from the catalogue all the same.
    expect(line).toContain("samengestelde index van 'Overvecht met index' (Koopwoningen: gewicht 2 (66,7%), Woningvoorraad: gewicht 1 (33,3%), z-scores tegen: de 20 focusgebieden, ontbrekend cijfer: herwogen over de indicatoren met een cijfer, richting: omgedraaid waar hoger slechter is)");
    const account = sheetTexts(r.account);
    expect(account).toContain('Samengestelde index');
    expect(account).toContain('gewicht 2 (66,7%)');
    // Without an index, nothing about one.
    const plain = path.join(dir, 'plain.xlsx');
    expect((await run('export', '--view', 'Overvecht', '--out', plain)).code).toBe(0);
    expect(sheetTexts((await readXlsx(readFileSync(plain))).table).join(' ')).not.toContain('samengestelde index');
  });

  it('re-runs a briefing on the view after next year\'s import: new figures, new source line', async () => {
    expect((await run('briefings', 'save', 'Monitor Overvecht', '--view', 'Overvecht', '--caption', 'Overvecht in cijfers')).code).toBe(0);
    const y2024 = years.find((y) => y.year === '2024');
    expect((await run('import', y2024?.file ?? '', '--period', '2024', '--create-areas')).code).toBe(0);
    const out = path.join(dir, 'monitor.xlsx');
    const r2 = await run('export', '--briefing', 'Monitor Overvecht', '--out', out, '--json');
    expect(r2.code, r2.stderr).toBe(0);
    expect((r2.json() as { sources: string[] }).sources).toContain('kwb-utrecht-2024.xlsx');
    const r = await readXlsx(readFileSync(out));
    expect(r.table.getCell('A1').value).toBe('Tabel 1. Overvecht in cijfers');
    expect(rowByLabel(r.table, 'Utrecht Overvecht').getCell(2).value).toBe(35000);
    expect(sheetTexts(r.table)).toContain('Peiljaar 2024; vergelijking \'Overvecht\'');
    expect(sheetTexts(r.table).find((t) => t.startsWith('Bron:'))).toMatch(/^Bron: kwb-utrecht-2024\.xlsx/);
  });
});
