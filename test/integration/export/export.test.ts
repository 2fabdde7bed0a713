import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportWritten } from '../../../shared/contract/export';
import type { BriefingSpecInput } from '../../../shared/domain/briefing';
import { cli } from '../../helpers/run-cli';
import { dutchShown, expectHouseStyle, parseDutchCsv, readXlsx, rowByLabel, sheetTexts } from '../../helpers/briefing-files';
import { freshServices } from '../../helpers/services';

/**
 * Briefing export end to end on real store files: the CLI and the contract write .xlsx, CSV and
 * HTML; each file is read back as a colleague's Excel (or Word) would and held to the house style.
 */

type Svc = ReturnType<typeof freshServices>;

async function ok<T>(svc: Svc, name: string, input: unknown): Promise<T> {
  const env = await svc.call(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
  return env.value as T;
}

const FORMULA_AREA = '=HYPERLINK("http://example.invalid";"klik")';
const FORMULA_HEADER = '@SUM(A1:A3)';

/** A municipal-style CSV with text that a spreadsheet would run: an area named like a formula, a header like a function. */
function buurtenCsv(dir: string, year: number, inwoners: [number, number]): string {
  const file = path.join(dir, `buurten-${year}.csv`);
  const nl = (n: number): string => n.toLocaleString('nl-NL');
  writeFileSync(
    file,
    [
      `Buurt;Code;Aantal inwoners;${FORMULA_HEADER};Aandeel huurwoningen`,
      `"${FORMULA_AREA.replace(/"/g, '""')}";BU99990001;${nl(inwoners[0])};7;45,5`,
      `Testbuurt Noord;BU99990002;${nl(inwoners[1])};12;38,2`,
      '',
    ].join('\n'),
  );
  return file;
}

describe('programme facts (Kamerstuk 30 995 nr. 104)', () => {
  let svc: Svc;
  beforeAll(() => {
    svc = freshServices('cli');
  });
  afterAll(() => svc.close());

  it('export --programme writes an .xlsx whose cells read as the letter does, citing the Kamerstuk', async () => {
    const out = path.join(svc.dir, 'programma.xlsx');
    const run = await cli('--db', svc.ctx.storePath, 'export', '--programme', '--out', out, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = run.json() as Record<string, unknown>;
    expect(Object.keys(printed).sort()).toEqual(['columns', 'file', 'format', 'rows', 'sources']);
    expect(printed).toMatchObject({ file: out, format: 'xlsx', columns: 2 });
    expect(printed.rows).toBe(19); // the figures, not the 6 theme headings
    expect(printed.sources).toEqual([expect.stringMatching(/^Kamerstuk 30 995 nr\. 104/)]);

    const r = await readXlsx(readFileSync(out));
    expectHouseStyle(r, {
      caption: 'Tabel 1. Nationaal Programma Leefbaarheid en Veiligheid in cijfers',
      headers: ['Onderwerp', 'Cijfer'],
      sourceLine: 'Bron: Kamerstuk 30 995 nr. 104 (17 oktober 2024).',
      sources: ['Kamerstuk 30 995 nr. 104', 'Document'],
    });
    const shown = (label: string): string => {
      const c = rowByLabel(r.table, label).getCell(2);
      return typeof c.value === 'number' ? dutchShown(c.numFmt, c.value) : String(c.value);
    };
    expect(shown('Woningen in voorbereiding (Woningbouwimpuls, Startbouwimpuls)')).toBe('ca. 15.000');
    expect(shown('Kwetsbare woningen verbeterd (Volkshuisvestingsfonds)')).toBe('bijna 1.400');
    expect(shown('Huishoudens geholpen met energiebesparende maatregelen')).toBe('30.000–40.000');
    expect(shown('SPUK Kansrijke Wijk')).toBe('€ 256 mln (2023–2025)');
    // Numbers stay numbers with the exact stored value; the reading is in the format.
    const spuk = rowByLabel(r.table, 'SPUK Kansrijke Wijk').getCell(2);
    expect(spuk.value).toBe(256_000_000);
    expect(rowByLabel(r.table, 'Woningen in voorbereiding (Woningbouwimpuls, Startbouwimpuls)').getCell(2).value).toBe(15_000);
    expect(rowByLabel(r.table, 'Woningen in voorbereiding (Woningbouwimpuls, Startbouwimpuls)').getCell(2).alignment?.horizontal).toBe('right');
  });

  it('writes the same table as CSV for Dutch Excel and as HTML for Word', async () => {
    const csvFile = path.join(svc.dir, 'programma.csv');
    const htmlFile = path.join(svc.dir, 'programma.html');
    expect((await cli('--db', svc.ctx.storePath, 'export', '--programme', '--out', csvFile)).code).toBe(0);
    expect((await cli('--db', svc.ctx.storePath, 'export', '--programme', '--format', 'html', '--out', htmlFile)).code).toBe(0);
    const csv = parseDutchCsv(readFileSync(csvFile));
    expect(csv.bom).toBe(true);
    expect(csv.rows[0]).toEqual(['Onderwerp', 'Cijfer']);
    const cell = (label: string): string | undefined => csv.rows.find((row) => row[0] === label)?.[1];
    expect(cell('Woningen in voorbereiding (Woningbouwimpuls, Startbouwimpuls)')).toBe('ca. 15.000');
    expect(cell('Kwetsbare woningen verbeterd (Volkshuisvestingsfonds)')).toBe('bijna 1.400');
    expect(cell('Huishoudens geholpen met energiebesparende maatregelen')).toBe('30.000–40.000');
    expect(cell('SPUK Kansrijke Wijk')).toBe('€ 256 mln (2023–2025)');
    expect(csv.rows.flat()).toContain('Bron: Kamerstuk 30 995 nr. 104 (17 oktober 2024).');
    const html = readFileSync(htmlFile, 'utf8');
    expect(html).toMatch(/<table[^>]*>\s*<caption[^>]*>Tabel 1\. Nationaal Programma Leefbaarheid en Veiligheid in cijfers/);
    for (const t of ['ca. 15.000', 'bijna 1.400', '30.000–40.000', '€ 256 mln (2023–2025)', 'Bron: Kamerstuk 30 995 nr. 104 (17 oktober 2024).']) expect(html).toContain(`>${t}</td>`);
  });
});

describe('figures from an imported file', () => {
  let svc: Svc;
  let indicators: { inwoners: string; sum: string; huur: string };
  let spec: BriefingSpecInput;
  beforeAll(async () => {
    svc = freshServices('cli');
    const run = await cli('--db', svc.ctx.storePath, 'import', buurtenCsv(svc.dir, 2024, [1234, 4321]), '--create-areas', '--json');
    expect(run.code).toBe(0);
    const list = await ok<{ code: string; name: string }[]>(svc, 'indicators.list', {});
    const code = (name: string): string => list.find((i) => i.name === name)?.code ?? `missing ${name}`;
    indicators = { inwoners: code('Aantal inwoners'), sum: code(FORMULA_HEADER), huur: code('Aandeel huurwoningen') };
    spec = { origin: { kind: 'figures', areas: ['BU99990001', 'BU99990002'], indicators: [indicators.inwoners, indicators.sum, indicators.huur] }, layout: { caption: 'Buurten' } };
  });
  afterAll(() => svc.close());

  it('writes numeric cells with exact values and a format per column; formula-like text arrives as text', async () => {
    const file = path.join(svc.dir, 'buurten.xlsx');
    const w = await ok<ExportWritten>(svc, 'export.write', { spec, format: 'xlsx', path: file });
    expect(w).toMatchObject({ rows: 2, columns: 4, sources: ['buurten-2024.csv'] });
    const sources = await ok<{ file: string | null; sha256: string | null; importedAt: string }[]>(svc, 'sources.list', {});
    const src = sources.find((s) => s.file === 'buurten-2024.csv');
    const r = await readXlsx(readFileSync(file));
    const header = expectHouseStyle(r, {
      caption: 'Tabel 1. Buurten',
      headers: ['Gebied', 'Aantal inwoners', FORMULA_HEADER, 'Aandeel huurwoningen (%)'],
      sourceLine: /^Bron: buurten-2024\.csv, blad buurten-2024 \(ingelezen \d+ \w+ \d{4}\)\.$/,
      sources: ['buurten-2024.csv', src?.sha256 ?? 'no sha', src?.importedAt ?? 'no date'],
    });
    const row = r.table.getRow(header + 1);
    expect(row.getCell(1).value).toBe(FORMULA_AREA);
    expect(row.getCell(1).type).toBe(3); // ExcelJS ValueType.String: never a formula
    expect(r.table.getRow(header).getCell(3).type).toBe(3);
    expect(row.getCell(2).value).toBe(1234);
    expect(row.getCell(2).numFmt).toBe('#,##0');
    expect(row.getCell(4).value).toBe(45.5);
    expect(row.getCell(4).numFmt).toBe('#,##0');
    expect(dutchShown(row.getCell(4).numFmt, 45.5)).toBe('46');
    expect(dutchShown(row.getCell(2).numFmt, 1234)).toBe('1.234');
  });

  it('flags small counts in neighbourhoods and, when asked, writes x instead of the value', async () => {
    const preview = await ok<{ layout: { disclosure: { flags: { value: number }[] } } }>(svc, 'export.preview', spec);
    expect(preview.layout.disclosure.flags.map((f) => f.value)).toEqual([7]);
    const file = path.join(svc.dir, 'buurten-x.xlsx');
    await ok(svc, 'export.write', { spec: { ...spec, layout: { ...spec.layout, disclosure: { suppress: true } } }, format: 'xlsx', path: file });
    const r = await readXlsx(readFileSync(file));
    const row = rowByLabel(r.table, FORMULA_AREA);
    expect(row.getCell(3).value).toBe('x');
    expect(sheetTexts(r.table)).not.toContain('7');
    expect(sheetTexts(r.table).some((t) => t.startsWith('x  Geheim (CBS-teken x): aantallen kleiner dan 10 op buurtniveau'))).toBe(true);
  });

  it('writes CSV that parses back under Dutch conventions to the same values, formulas inert', async () => {
    const file = path.join(svc.dir, 'buurten.csv');
    await ok(svc, 'export.write', { spec, format: 'csv', path: file });
    const csv = parseDutchCsv(readFileSync(file));
    expect(csv.bom).toBe(true);
    expect(csv.rows[0]).toEqual(['Gebied', 'Aantal inwoners', `'${FORMULA_HEADER}`, 'Aandeel huurwoningen (%)']);
    expect(csv.rows[1]?.[0]).toBe(`'${FORMULA_AREA}`);
    expect(csv.rows.slice(1, 3).map((r) => r.slice(1).map(csv.number))).toEqual([
      [1234, 7, 45.5],
      [4321, 12, 38.2],
    ]);
  });

  it('writes HTML with caption, Dutch numbers and the source line', async () => {
    const file = path.join(svc.dir, 'buurten.html');
    await ok(svc, 'export.write', { spec, format: 'html', path: file });
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<caption');
    expect(html).toContain('>1.234</td>');
    expect(html).toContain('>4.321</td>');
    expect(html).toContain('=HYPERLINK(&quot;http://example.invalid&quot;;&quot;klik&quot;)');
    expect(html).toMatch(/Bron: buurten-2024\.csv/);
  });

  it('never changes stored data', async () => {
    const changes = (): number => svc.ctx.db.prepare('SELECT total_changes()').pluck().get() as number;
    const before = changes();
    for (const format of ['xlsx', 'csv', 'html'] as const) {
      await ok(svc, 'export.write', { spec, format, path: path.join(svc.dir, `again.${format}`) });
      await ok(svc, 'export.file', { spec, format });
    }
    await ok(svc, 'export.preview', spec);
    expect(changes()).toBe(before);
  });

  it('re-runs a saved briefing on the store of the day: next year\'s file gives the new figures and source line', async () => {
    await ok(svc, 'briefings.save', { name: 'Buurten jaarlijks', spec });
    const first = path.join(svc.dir, 'jaar1.xlsx');
    expect((await cli('--db', svc.ctx.storePath, 'export', '--briefing', 'Buurten jaarlijks', '--out', first, '--json')).code).toBe(0);
    expect((await cli('--db', svc.ctx.storePath, 'import', buurtenCsv(svc.dir, 2025, [1300, 4400]), '--create-areas')).code).toBe(0);
    const second = path.join(svc.dir, 'jaar2.xlsx');
    const run = await cli('--db', svc.ctx.storePath, 'export', '--briefing', 'Buurten jaarlijks', '--out', second, '--json');
    expect(run.code).toBe(0);
    expect((run.json() as { sources: string[] }).sources).toEqual(['buurten-2025.csv']);
    const a = await readXlsx(readFileSync(first));
    const b = await readXlsx(readFileSync(second));
    expect(rowByLabel(a.table, 'Testbuurt Noord').getCell(2).value).toBe(4321);
    expect(rowByLabel(b.table, 'Testbuurt Noord').getCell(2).value).toBe(4400);
    expect(sheetTexts(b.table).some((t) => t.startsWith('Bron: buurten-2025.csv'))).toBe(true);
    expect(sheetTexts(b.table)).toContain('Peiljaar 2025');
  });
});

describe('scenario results', () => {
  let svc: Svc;
  beforeAll(() => {
    svc = freshServices('cli');
  });
  afterAll(() => svc.close());

  it('exports amounts per focus area in EUR million with a total from exact values and the scenario as source', async () => {
    const out = path.join(svc.dir, 'scenario.xlsx');
    const run = await cli('--db', svc.ctx.storePath, 'export', '--scenario', 'kansrijke-wijk-tot-2028', '--out', out, '--json');
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ rows: 21, columns: 9, sources: ["sjabloon 'Kansrijke Wijk voortgezet tot en met 2028'"] });
    const r = await readXlsx(readFileSync(out));
    const header = expectHouseStyle(r, {
      caption: 'Tabel 1. Middelen per focusgebied — Kansrijke Wijk voortgezet tot en met 2028',
      headers: ['Focusgebied', '2023', '2024', '2025', '2026', '2027', '2028', '2029', '2030'],
      sourceLine: /^Bron: sjabloon 'Kansrijke Wijk voortgezet tot en met 2028' \(SPUK Kansrijke Wijk — totaal 2023–2025: 256\.000\.000/,
      sources: ["sjabloon 'Kansrijke Wijk voortgezet tot en met 2028'", 'SPUK Kansrijke Wijk — voortzetting na 2025 t/m 2028'],
    });
    expect(r.table.getRow(header - 1).getCell(9).value).toBe('Bedragen × € 1 mln');
    const first = r.table.getRow(header + 1);
    for (let c = 2; c <= 9; c++) expect(first.getCell(c).numFmt).toBe('#,##0.0,,');
    expect(first.getCell(2).value).toBeCloseTo(256e6 / 3 / 20, 6);
    expect(typeof first.getCell(2).value).toBe('number');
    expect(dutchShown('#,##0.0,,', first.getCell(2).value as number)).toBe('4,3');
    const total = rowByLabel(r.table, 'Totaal 1)');
    expect(total.getCell(2).value).toBeCloseTo(256e6 / 3, 4);
    expect(total.getCell(2).font?.bold).toBe(true);
    expect(sheetTexts(r.table)).toContain('1) Door afronding tellen de cijfers niet altijd op tot het totaal; het totaal is berekend uit de onafgeronde cijfers.');
  });

  it('exports Monte Carlo bands P10/P50/P90 of the programme total', async () => {
    const preview = await ok<{ layout: { columns: { header: string }[]; rows: { cells: { value: number | null }[] }[] } }>(svc, 'export.preview', {
      origin: { kind: 'scenario', scenario: 'kansrijke-wijk-tot-2028', table: 'bands', runs: 200 },
    });
    expect(preview.layout.columns.map((c) => c.header)).toEqual(['P10', 'P50 (mediaan)', 'P90']);
    for (const row of preview.layout.rows) {
      const [p10, p50, p90] = row.cells.map((c) => c.value as number);
      expect(p10).toBeLessThanOrEqual(p50 as number);
      expect(p50).toBeLessThanOrEqual(p90 as number);
    }
  });
});

describe('briefings and refusals (CLI)', () => {
  let svc: Svc;
  let dir: string;
  beforeAll(() => {
    svc = freshServices('cli');
    dir = mkdtempSync(path.join(os.tmpdir(), 'wv-export-'));
  });
  afterAll(() => svc.close());
  const run = (...args: string[]) => cli('--db', svc.ctx.storePath, ...args);

  it('saves, lists, shows and deletes a briefing', async () => {
    expect((await run('briefings', 'save', 'Programma', '--programme', '--caption', 'Het programma in cijfers', '--footnote', 'Cijfers uit de brief.')).code).toBe(0);
    const list = await run('briefings', 'list', '--json');
    expect(list.json()).toEqual([expect.objectContaining({ name: 'Programma', spec: { origin: { kind: 'programme' }, layout: { caption: 'Het programma in cijfers', footnotes: [{ marker: '1)', text: 'Cijfers uit de brief.' }] } } })]);
    expect((await run('briefings', 'show', 'Programma')).stdout).toContain('programmacijfers');
    const out = path.join(dir, 'b.csv');
    expect((await run('export', '--briefing', 'Programma', '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Tabel 1. Het programma in cijfers');
    expect(readFileSync(out, 'utf8')).toContain('1) Cijfers uit de brief.');
    expect((await run('briefings', 'delete', 'Programma')).code).toBe(0);
    expect((await run('briefings', 'list', '--json')).json()).toEqual([]);
  });

  it('exits 1 with a clear message for an unknown view, an unwritable path and an empty table', async () => {
    const view = await run('export', '--view', 'Bestaat niet', '--out', path.join(dir, 'v.xlsx'));
    expect(view.code).toBe(1);
    expect(view.stderr).toContain('No saved comparison view called "Bestaat niet"');
    writeFileSync(path.join(dir, 'a-file'), 'x');
    const unwritable = await run('export', '--programme', '--out', path.join(dir, 'a-file', 'p.xlsx'));
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/error FILE_UNWRITABLE: Cannot write .*a-file\/p\.xlsx/);
    expect((await run('briefings', 'save', 'Leeg', '--programme', '--columns', 'bestaat-niet')).code).toBe(0);
    const empty = await run('export', '--briefing', 'Leeg', '--out', path.join(dir, 'e.xlsx'));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('error EXPORT_EMPTY');
    const unknown = await run('export', '--briefing', 'Nooit opgeslagen', '--out', path.join(dir, 'n.xlsx'));
    expect(unknown.code).toBe(1);
    const usage = await run('export', '--programme', '--scenario', 'x', '--out', path.join(dir, 'u.xlsx'));
    expect(usage.code).toBe(2);
    const mismatch = await run('export', '--programme', '--format', 'csv', '--out', path.join(dir, 'u.xlsx'));
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('names a .xlsx file but --format is csv');
  });

  it('lets only the command line name a path; the web shell gets the bytes', async () => {
    const web = freshServices('web');
    try {
      const refused = await web.call('export.write', { spec: { origin: { kind: 'programme' } }, format: 'xlsx', path: path.join(dir, 'w.xlsx') });
      expect(refused.ok ? null : refused.error.code).toBe('UNAUTHORIZED');
      const file = await web.call('export.file', { spec: { origin: { kind: 'programme' } }, format: 'xlsx' });
      if (!file.ok) throw new Error(file.error.message);
      const v = file.value as { fileName: string; mime: string; base64: string };
      expect(v.fileName).toBe('Tabel 1. Nationaal Programma Leefbaarheid en Veiligheid in cijfers.xlsx');
      const r = await readXlsx(Buffer.from(v.base64, 'base64'));
      expect(r.table.getCell('A1').value).toBe('Tabel 1. Nationaal Programma Leefbaarheid en Veiligheid in cijfers');
    } finally {
      web.close();
    }
  });
});
