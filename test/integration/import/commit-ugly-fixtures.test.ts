import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import type { CommitRequest } from '../../../shared/contract/import';
import { freshServices } from '../../helpers/services';
import { makeNotSpreadsheets } from '../../fixtures/make-not-spreadsheets';
import { makeUglyWorkbook } from '../../fixtures/make-ugly-workbook';
import { makeLongTsv, makeTransposedCsv, makeWebPageXls, makeWindows1252Csv, makeXml2003Xls } from '../../fixtures/make-ugly-text-files';
import { commit, commitFails, figureAtCell, fingerprint, preview, storedFigures } from './commit-helpers';

/**
 * The generated ugly files, committed into a real store: each imports exactly the figures it
 * should, leaves out exactly the cells and rows it should, and reports every issue with its cell.
 * Files that cannot be imported leave the store exactly as it was.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-commit-'));
let s: Services;
beforeAll(() => {
  s = freshServices();
});
afterAll(() => {
  s.close();
  rmSync(dir, { recursive: true, force: true });
});

const issueList = (issues: ReadonlyArray<{ kind: string; severity: string; cell?: string | undefined }>) => issues.map((i) => `${i.severity} ${i.kind} ${i.cell ?? '-'}`);

const CREATE_AREAS: CommitRequest['choices'] = { measures: [], areas: { newAreas: 'create', fuzzy: 'ask', choices: [], remember: true } };

/** A file committed into a store of its own (where it is nobody's revision): the report, the figures stored, and the names of the areas. */
async function importAlone(file: string, choices?: CommitRequest['choices']) {
  const own = freshServices();
  try {
    const r = await commit(own, { filePath: file, ...(choices ? { choices } : {}) });
    const stored = storedFigures(own, r.sourceId as number);
    const areaNames = new Map((own.ctx.db.prepare('SELECT code, name FROM area').all() as { code: string; name: string }[]).map((a) => [a.code, a.name]));
    return { r, stored, areaNames };
  } finally {
    own.close();
  }
}

describe('committing the generated ugly files', () => {
  it('workbook: title rows, a two-row merged header, footnotes, a duplicate, an unknown area, text, a sign', async () => {
    const fx = makeUglyWorkbook(dir);
    const r = await commit(s, { filePath: fx.file });
    expect(r).toMatchObject({ committed: true, layout: 'wide', headerRows: [4, 5], rowsRead: 7, observations: 15, areasWithFigures: 4, areasMatched: 1, areasCreated: 3, areasUnmatched: 1, indicatorsNew: 3 });
    // Overvecht (WK034403) is in the default store already, as a proposed member of a focus area.
    expect(issueList(r.issues)).toEqual([
      'info new_indicator C5',
      'info new_indicator D5',
      'info new_indicator E5',
      'info new_area B7',
      'warning percent_over_100 F7',
      'error duplicate_key B8',
      'warning unknown_area A9',
      'info new_area B10',
      'error non_numeric C10',
      'info new_area B11',
      'warning ambiguous_number C11',
      'info skipped_row A12',
    ]);
    const id = r.sourceId as number;
    const figures = storedFigures(s, id);
    // The duplicate row, the unknown area, the text cell and the totals row are not imported.
    expect(figures.map((f) => f.cell)).toEqual(['C6', 'D6', 'E6', 'F6', 'C7', 'D7', 'E7', 'F7', 'D10', 'E10', 'F10', 'C11', 'D11', 'E11', 'F11']);
    expect(figureAtCell(s, id, fx.facts.overvechtInwoners.cell)).toMatchObject({ area: 'WK034403', period: '2023', value: 35255, raw: '35255', sign: null });
    expect(figureAtCell(s, id, fx.facts.provisional.cell)).toMatchObject({ area: 'WK034408', value: 12480, sign: 'provisional', raw: '12.480*' });
    expect(figureAtCell(s, id, fx.facts.unknownSign)).toMatchObject({ value: null, sign: 'unknown', raw: '.' });
    // 104.5 % is imported as written (a warning, not a correction); the analyst sees it flagged.
    expect(figureAtCell(s, id, fx.facts.percentOver100)).toMatchObject({ indicator: 'p_koopw', value: 104.5 });
    // The areas are created with their CBS parent and the name the file gives them.
    const areaOf = (code: string) => s.ctx.db.prepare('SELECT a.name, a.kind, p.code AS parent FROM area a JOIN area p ON p.id = a.parent_id WHERE a.code = ?').get(code);
    expect(areaOf('WK034406')).toEqual({ name: 'Kanaleneiland', kind: 'district', parent: 'GM0344' });
    // A seeded area keeps its CBS name; the file's shorter name does not replace it.
    expect(areaOf('WK034403')).toEqual({ name: 'Wijk 03 Overvecht', kind: 'district', parent: 'GM0344' });
    // New indicators are flagged for review; the catalogue's p_koopw is not.
    const review = s.ctx.db.prepare("SELECT code, needs_review FROM indicator WHERE code IN ('bevolking_inwoners', 'p_koopw') ORDER BY code").all();
    expect(review).toEqual([{ code: 'bevolking_inwoners', needs_review: 1 }, { code: 'p_koopw', needs_review: 0 }]);
  });

  it('Windows-1252 CSV with a decimal comma: accents kept, Dutch numbers read, new municipalities created', async () => {
    const fx = makeWindows1252Csv(dir);
    const r = await commit(s, { filePath: fx.file });
    expect(r).toMatchObject({ committed: true, layout: 'wide', headerRows: [3], observations: 9, areasCreated: 2, areasMatched: 1 });
    expect(issueList(r.issues)).toEqual(['info new_indicator C3', 'info new_indicator D3', 'info new_indicator E3', 'info new_area B4', 'info new_area B5', 'info skipped_row A7', 'info total_checked A7']);
    const id = r.sourceId as number;
    expect(figureAtCell(s, id, 'C4')).toMatchObject({ area: 'GM1900', period: '2022', value: 91315, raw: '91.315' });
    expect(figureAtCell(s, id, 'D6')).toMatchObject({ area: 'GM0080', value: 63, raw: '63,0' });
    // "(x € 1.000)": the indicator is in thousands of euros, the figure as written.
    expect(figureAtCell(s, id, 'E4')).toMatchObject({ indicator: 'gemiddeld_inkomen', value: 29.8 });
    expect(s.ctx.db.prepare("SELECT unit FROM indicator WHERE code = 'gemiddeld_inkomen'").pluck().get()).toBe('euro_x1000');
    expect(s.ctx.db.prepare("SELECT name FROM area WHERE code = 'GM1900'").pluck().get()).toBe('Súdwest-Fryslân');
  });

  it('transposed CSV: areas across the top (matched by name once the store knows them), a unit column and a sign', async () => {
    // The store learns Eindhoven's buurten from a small code list first, as it would from CBS's table.
    const list = path.join(dir, 'buurten-eindhoven-2021.csv');
    writeFileSync(list, 'Buurtcode;Buurtnaam;Inwoners\nBU07724210;Woensel-West;7480\nBU07725160;Vlokhoven;3985\nBU07721110;Binnenstad;2615\n');
    // Three buurten, and their three wijken from the codes (named by code until a file names them).
    expect(await commit(s, { filePath: list })).toMatchObject({ committed: true, observations: 3, areasCreated: 6, areasWithFigures: 3, areasMatched: 0 });

    const r = await commit(s, { filePath: makeTransposedCsv(dir).file });
    expect(r).toMatchObject({ committed: true, layout: 'transposed', headerRows: [2], rowsRead: 3, observations: 9, areasMatched: 3, areasUnmatched: 0 });
    // Row 3 is CBS's own "Afstand tot huisartsenpraktijk" (g_afs_hp); the other two rows are new.
    expect(issueList(r.issues)).toEqual(['info new_indicator A4', 'info new_indicator A5', 'warning percent_over_100 D5']);
    const id = r.sourceId as number;
    expect(figureAtCell(s, id, 'C3')).toMatchObject({ area: 'BU07724210', indicator: 'g_afs_hp', period: '2021', value: 0.6, raw: '0,6' });
    expect(figureAtCell(s, id, 'D4')).toMatchObject({ area: 'BU07725160', value: null, sign: 'unknown', raw: '.' });
    expect(figureAtCell(s, id, 'E5')).toMatchObject({ area: 'BU07721110', value: 8.5 });
  });

  it('tab-separated long table: one figure per row, the duplicate and the unknown area left out, an empty value kept as unknown', async () => {
    const r = await commit(s, { filePath: makeLongTsv(dir).file });
    expect(r).toMatchObject({ committed: true, layout: 'long', observations: 5, areasMatched: 2, areasUnmatched: 1 });
    expect(issueList(r.issues)).toEqual(['info new_indicator -', 'info new_indicator -', 'error duplicate_key D7', 'warning unknown_area B8']);
    const figures = storedFigures(s, r.sourceId as number);
    expect(figures.map((f) => `${f.cell} ${f.area} ${f.indicator} ${f.period} ${f.value ?? f.sign}`)).toEqual([
      'D2 GM0518 bevtotaal 2022 552995',
      'D3 GM0518 bevtotaal 2023 556000',
      'D4 GM0599 bevtotaal 2022 655468',
      'D5 GM0518 woningen 2022 unknown',
      'D6 GM0518 woningen 2023 271000',
    ]);
    // The periods the source holds are listed once each (the status line reads them).
    expect(s.ctx.db.prepare('SELECT period, year_start, year_end FROM source_period WHERE source_id = ? ORDER BY period').all(r.sourceId)).toEqual([
      { period: '2022', year_start: 2022, year_end: 2022 },
      { period: '2023', year_start: 2023, year_end: 2023 },
    ]);
  });

  it('a file with nothing importable (only an unknown area) is not committed, and the store is unchanged', async () => {
    const file = path.join(dir, 'atlantis-2022.csv');
    writeFileSync(file, 'gebied;inwoners\nAtlantis;12\n');
    const before = fingerprint(s);
    const r = await commit(s, { filePath: file });
    expect(r).toMatchObject({ committed: false, sourceId: null, observations: 0 });
    // "inwoners" is known by now (the Friesland file brought it); only the area is not.
    expect(issueList(r.issues)).toEqual(['error nothing_imported -', 'warning unknown_area A2']);
    expect(fingerprint(s)).toEqual(before);
  });

  it('a file that states no period is not committed until one is given', async () => {
    const file = path.join(dir, 'zonder-periode.csv');
    writeFileSync(file, 'Gemeentecode;Inwoners\nGM0344;374238\n');
    const before = fingerprint(s);
    const r = await commit(s, { filePath: file });
    expect(r.committed).toBe(false);
    expect(issueList(r.issues)).toContain('error no_period -');
    expect(fingerprint(s)).toEqual(before);
    const given = await commit(s, { filePath: file, period: '2024' });
    expect(given).toMatchObject({ committed: true, observations: 1 });
    expect(figureAtCell(s, given.sourceId as number, 'B2')).toMatchObject({ area: 'GM0344', indicator: 'inwoners', period: '2024', value: 374238 });
  });

  it.each(['png', 'zip', 'truncated', 'encrypted', 'odt', 'damagedXls', 'binary', 'readme'] as const)('refuses %s with nothing written', async (key) => {
    const bad = makeNotSpreadsheets(dir, makeUglyWorkbook(dir).file);
    const before = fingerprint(s);
    const err = await commitFails(s, { filePath: bad[key] });
    expect(err.state).toBe('failed');
    expect(['FILE_NOT_SPREADSHEET', 'FILE_UNREADABLE']).toContain(err.code);
    expect(err.where?.file).toBe(path.basename(bad[key]));
    expect(fingerprint(s)).toEqual(before);
  });
});

describe('the same workbook in the other formats SheetJS reads', () => {
  // Each in a store of its own: in one store the second file would be a revision of the first.
  const imported = async (format: 'xlsx' | 'xls' | 'xls-biff2' | 'ods') => {
    const { r, stored } = await importAlone(makeUglyWorkbook(mkdtempSync(path.join(dir, `${format}-`)), format).file);
    const figures = stored.map((f) => `${f.cell} ${f.area} ${f.indicator} ${f.period} ${f.value ?? '-'} ${f.sign ?? '-'} ${f.raw}`);
    return { r, figures, issues: issueList(r.issues) };
  };

  it.each(['xls', 'xls-biff2', 'ods'] as const)('%s (title rows, two-row header, footnotes, planted problems) imports the figures and issues the .xlsx does', async (format) => {
    const xlsx = await imported('xlsx');
    const other = await imported(format);
    expect(other.r).toMatchObject({ committed: true, layout: 'wide', headerRows: [4, 5], rowsRead: 7, observations: 15, file: `focusgebieden-2023.${format === 'ods' ? 'ods' : 'xls'}` });
    expect(other.issues).toEqual(xlsx.issues);
    expect(other.figures).toEqual(xlsx.figures);
    expect(other.figures).toHaveLength(15);
    expect(other.figures).toContain('C11 WK034408 bevolking_inwoners 2023 12480 provisional 12.480*');
    expect(other.figures).toContain('D11 WK034408 pct_bevolking_65_jaar_of_ouder 2023 - unknown .');
    expect(other.figures).toContain('F7 WK034406 p_koopw 2023 104.5 - 104.5');
  });
});

describe('tables saved as .xls that are not Excel binaries', () => {
  const figuresOf = async (file: string) => {
    const { r, stored } = await importAlone(file, CREATE_AREAS);
    return { r, figures: stored.map((f) => `${f.cell} ${f.area} ${f.indicator} ${f.value ?? '-'} ${f.sign ?? '-'} ${f.raw}`) };
  };

  it('a web page with a table ("export to Excel"): Dutch numbers read as Dutch, signs kept, cells counted from the table', async () => {
    const { file } = makeWebPageXls(dir);
    const pv = await preview(s, { filePath: file });
    expect(pv.file.format).toBe('html');
    const { r, figures } = await figuresOf(file);
    expect(r).toMatchObject({ committed: true, layout: 'wide', headerRows: [1], observations: 6 });
    expect(figures).toEqual([
      'C2 WK034403 inwoners 35255 - 35.255',
      'D2 WK034403 p_koopw 22.4 - 22,4',
      'C3 WK034406 inwoners 16870 - 16.870',
      'D3 WK034406 p_koopw - unknown .',
      'C4 WK034402 inwoners 1234567 - 1.234.567',
      'D4 WK034402 p_koopw 0 nil -',
    ]);
  });

  it('a web page in Windows-1252: accents kept, as in a Dutch CSV', async () => {
    const { file } = makeWebPageXls(dir, 'windows-1252');
    const { r, stored, areaNames } = await importAlone(file, CREATE_AREAS);
    expect(r).toMatchObject({ committed: true, observations: 2 });
    expect(areaNames.get('GM1900')).toBe('Súdwest-Fryslân');
    expect(stored.map((f) => `${f.cell} ${f.value} ${f.raw}`)).toEqual(['C2 90842 90.842', 'D2 67.1 67,1']);
  });

  it('an Excel 2003 XML workbook: typed cells, the sheet by its name', async () => {
    const { file } = makeXml2003Xls(dir);
    const pv = await preview(s, { filePath: file });
    expect(pv.file.format).toBe('xml');
    expect(pv.sheet).toBe('Wijken');
    const { r, figures } = await figuresOf(file);
    expect(r).toMatchObject({ committed: true, layout: 'wide', observations: 4 });
    expect(figures).toEqual(['B2 WK034403 inwoners 35255 - 35255', 'C2 WK034403 p_koopw 22.4 - 22.4', 'B3 WK034406 inwoners 16870 - 16870', 'C3 WK034406 p_koopw - unknown .']);
  });

  it.each([
    ['pagina.xls', '<!DOCTYPE html><html><body><p>Geen tabel hier.</p></body></html>', /pagina\.xls is an HTML document without a table/],
    ['gegevens.xml', '<?xml version="1.0"?><root><item>1</item></root>', /gegevens\.xml is an XML document other than an Excel 2003 workbook/],
  ])('refuses %s with nothing written', async (name, text, message) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    const before = fingerprint(s);
    const err = await commitFails(s, { filePath: file });
    expect(err.code).toBe('FILE_NOT_SPREADSHEET');
    expect(err.message).toMatch(message);
    expect(fingerprint(s)).toEqual(before);
  });
});

