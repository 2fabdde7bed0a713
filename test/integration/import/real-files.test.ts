import { beforeAll, describe, expect, it } from 'vitest';
import { hasRealData, realDataSkipReason, realFile } from '../../helpers/real-data';
import { areasFromC1, figureAt, previewFile, type KnownArea } from './preview-helpers';

/**
 * Every real file in ../shared/data/real, read and previewed as the analyst would: its layout,
 * header rows, encoding and separator, and figures checked against the cells they came from
 * (values read off the files themselves), including CBS signs with their state.
 */
const C1 = 'Tabel C1 woningvoorraad 2019.xlsx';
let areas: KnownArea[] = [];

describe.skipIf(!hasRealData)(`real files (${hasRealData ? 'present' : realDataSkipReason})`, () => {
  beforeAll(async () => {
    // The store's areas in these tests: the whole country from CBS's own 2019 table.
    areas = await areasFromC1(realFile(C1));
  });

  it('CBS-Utrecht-kwb-2024.xlsx: wide KWB table, short codes matched, "." kept as unknown', async () => {
    const p = await previewFile(realFile('CBS-Utrecht-kwb-2024.xlsx'), { areas });
    const v = p.preview;
    expect(v.file.format).toBe('xlsx');
    expect(v.layout).toBe('wide');
    expect(v.table).toMatchObject({ titleRows: [], headerRows: [1], firstDataRow: 2, lastDataRow: 123, footnoteRows: [] });
    expect(v.areas).toMatchObject({ codeColumn: 'A', nameColumn: 'C' });
    expect(v.period).toMatchObject({ source: 'fixed', value: '2024', from: 'file_name' });
    // All 115 data columns are catalogue indicators, matched by their CBS short code.
    expect(v.measures).toHaveLength(115);
    expect(v.measures.every((m) => m.indicator.via === 'code' && !m.indicator.isNew)).toBe(true);
    expect(figureAt(p, 'H2')).toMatchObject({ raw: '374238', parsed: { kind: 'number', value: 374238 }, period: '2024' });
    expect(figureAt(p, 'H2').area).toMatchObject({ kind: 'area', code: 'GM0344' });
    expect(figureAt(p, 'H29')).toMatchObject({ parsed: { value: 35255 }, area: { code: 'WK034403' } });
    expect(figureAt(p, 'AJ2').parsed).toEqual({ kind: 'number', value: 1.9 });
    expect(figureAt(p, 'AR29')).toMatchObject({ raw: '.', parsed: { kind: 'sign', sign: 'unknown', value: null } });
    expect(figureAt(p, 'AJ96')).toMatchObject({ raw: '.', parsed: { kind: 'sign', sign: 'unknown' }, area: { code: 'BU03440911' } });
    expect(v.figures.signs).toEqual({ unknown: 10393 });
    // gwb_code_8 ('0344') is read as text, the same area in another form, and not imported.
    expect(v.columns.find((c) => c.header === 'gwb_code_8')?.role).toMatch(/not imported/);
    expect(v.problemCounts).toEqual({});
  });

  it('Tabel C1 woningvoorraad 2019.xlsx: integer codes padded, PC5 as a breakdown, catch-all skipped', async () => {
    const p = await previewFile(realFile(C1), { areas });
    const v = p.preview;
    expect(v.layout).toBe('wide');
    expect(v.table).toMatchObject({ headerRows: [1], firstDataRow: 2, lastDataRow: 56480 });
    expect(v.areas).toMatchObject({ codeColumn: 'F', nameColumn: 'G', skippedRows: 1 });
    expect(v.period).toMatchObject({ source: 'column', column: 'A' });
    expect(v.columns.find((c) => c.header === 'PC5')?.role).toMatch(/breakdown/);
    expect(figureAt(p, 'I2')).toMatchObject({ raw: '214', parsed: { value: 214 }, period: '2019', dimension: '9901A', area: { code: 'BU00030000' } });
    expect(figureAt(p, 'I3')).toMatchObject({ parsed: { value: 296 }, dimension: '9901B' });
    // The catch-all row 9999 / 99999999 "-----" is recognised and its 8 dwellings not imported.
    expect(p.figures.has('I56480')).toBe(false);
    expect(v.problems.find((x) => x.kind === 'skipped_row')).toMatchObject({ row: 56480, cell: 'F56480' });
    // Heerlen (gemeentecode 917): 293 rows summing to 45,834 dwellings.
    const heerlen = [...p.figures.values()].filter((f) => f.area.kind === 'area' && f.area.code.startsWith('BU0917'));
    expect(heerlen).toHaveLength(293);
    expect(heerlen.reduce((s, f) => s + (f.parsed.kind === 'number' ? f.parsed.value : 0), 0)).toBe(45834);
    // This table has no CBS signs at all: every figure is a number.
    expect(v.figures).toMatchObject({ total: 56478, numbers: 56478, signs: {}, invalid: 0 });
  });

  it('SES-WOA StatLine CSV: BOM, ";", padded numbers and codes, decimal point', async () => {
    const p = await previewFile(realFile('SES_WOA_scores_per_wijk_en_buurt_25042023_160857.csv'), { areas });
    const v = p.preview;
    expect(v.file).toMatchObject({ format: 'csv', encoding: 'utf-8-bom', separator: ';' });
    expect(v.layout).toBe('wide');
    expect(v.table).toMatchObject({ headerRows: [1], firstDataRow: 2, lastDataRow: 580 });
    expect(v.decimalSeparator).toBe('.');
    expect(v.areas).toMatchObject({ codeColumn: 'C', nameColumn: 'B' });
    expect(v.period).toMatchObject({ source: 'column', column: 'A' });
    expect(figureAt(p, 'D2')).toMatchObject({ raw: '  457400', parsed: { value: 457400 }, period: '2019', area: { code: 'GM0363' } });
    expect(figureAt(p, 'E2').parsed).toEqual({ kind: 'number', value: 20.8 });
    expect(figureAt(p, 'H2').parsed).toEqual({ kind: 'number', value: -0.1 });
    expect(figureAt(p, 'E10')).toMatchObject({ raw: '       .', parsed: { kind: 'sign', sign: 'unknown' }, area: { code: 'BU03630100' } });
    expect(v.measures.find((m) => m.column === 'E')?.unit).toBe('percent');
  });

  it('Nabijheid StatLine CSV: transposed, title, two-level header, attribute rows, footer, decimal comma', async () => {
    const p = await previewFile(realFile('Nabijheid_voorzieningen__afstand_locatie__wijk__en_buurtcijfers_2021_17012023_183355.csv'), { areas });
    const v = p.preview;
    expect(v.file).toMatchObject({ encoding: 'utf-8-bom', separator: ';' });
    expect(v.layout).toBe('transposed');
    expect(v.table).toMatchObject({ titleRows: [1], headerRows: [3, 4, 5, 6, 7, 8], firstDataRow: 9, lastDataRow: 118, footnoteRows: [119], footnotes: ['Bron: CBS'] });
    expect(v.areas).toMatchObject({ codeRow: 7, nameRow: 4 });
    expect(v.period).toMatchObject({ source: 'fixed', value: '2021', from: 'title' });
    expect(v.decimalSeparator).toBe(',');
    expect(figureAt(p, 'C9')).toMatchObject({ raw: '1,0', parsed: { value: 1 }, area: { code: 'NL00' } });
    expect(figureAt(p, 'D9')).toMatchObject({ raw: '2,5', parsed: { value: 2.5 }, area: { code: 'GM1680' } });
    expect(figureAt(p, 'E9')).toMatchObject({ raw: '0,9', parsed: { value: 0.9 }, area: { code: 'WK168000' } });
    expect(figureAt(p, 'C13')).toMatchObject({ raw: '.', parsed: { kind: 'sign', sign: 'unknown' } });
    // Row 9 is CBS's own "Afstand tot huisartsenpraktijk" (KWB g_afs_hp), with its unit from column B.
    expect(v.measures.find((m) => m.row === 9)).toMatchObject({ indicator: { code: 'g_afs_hp' }, unit: 'km' });
  });

  it('Eindhoven data.csv: names only, matched within the inferred gemeente; ".", "x" and "-" are different', async () => {
    const p = await previewFile(realFile('data.csv'), { areas });
    const v = p.preview;
    expect(v.file).toMatchObject({ encoding: 'utf-8', separator: ';' });
    expect(p.workbook.csv?.lineEnding).toBe('crlf');
    expect(v.layout).toBe('wide');
    expect(v.table).toMatchObject({ headerRows: [1], firstDataRow: 2, lastDataRow: 118 });
    expect(v.areas).toMatchObject({ codeColumn: null, nameColumn: 'A', within: 'GM0772', skippedRows: 1 });
    expect(v.period.source).toBe('header');
    expect(figureAt(p, 'B2')).toMatchObject({ raw: '35,7', parsed: { value: 35.7 }, period: '2020' });
    expect(figureAt(p, 'F6')).toMatchObject({ raw: '-', parsed: { kind: 'sign', sign: 'nil', value: 0 } });
    expect(figureAt(p, 'C7')).toMatchObject({ raw: 'x', parsed: { kind: 'sign', sign: 'secret', value: null } });
    expect(figureAt(p, 'B6')).toMatchObject({ raw: '.', parsed: { kind: 'sign', sign: 'unknown' } });
    expect(figureAt(p, 'C115')).toMatchObject({ raw: '3878', area: { code: 'BU07724210' } });
    expect(v.measures[0]).toMatchObject({ unit: 'euro_x1000', scale: 1, period: '2020' });
    expect(p.figures.has('C118')).toBe(false); // "Onbekend"
  });

  it('WijkEenzaamheid2016.csv: comma-separated, empty means missing, an empty column, real duplicate rows', async () => {
    const p = await previewFile(realFile('WijkEenzaamheid2016.csv'), { areas });
    const v = p.preview;
    expect(v.file).toMatchObject({ encoding: 'utf-8', separator: ',' });
    expect(v.layout).toBe('wide');
    expect(v.table).toMatchObject({ headerRows: [1], firstDataRow: 2, lastDataRow: 2984 });
    expect(v.areas).toMatchObject({ codeColumn: 'A', nameColumn: 'B' });
    expect(v.period).toMatchObject({ source: 'fixed', value: '2016', from: 'file_name' });
    expect(figureAt(p, 'E2')).toMatchObject({ raw: '12000', parsed: { value: 12000 }, area: { code: 'WK000300' } });
    expect(figureAt(p, 'H2')).toMatchObject({ raw: '46', parsed: { value: 46 } });
    expect(figureAt(p, 'F130')).toMatchObject({ raw: '', parsed: { kind: 'sign', sign: 'unknown', value: null }, area: { code: 'WK008024' } });
    expect(v.measures.find((m) => m.column === 'L')).toMatchObject({ include: false, excludedBecause: 'the column is empty throughout' });
    const dups = v.problems.filter((x) => x.kind === 'duplicate_key');
    expect(dups.map((d) => d.cell)).toEqual(['A2826', 'A2827']);
    expect(dups[0]?.message).toMatch(/WK191104.*A2825/);
  });

  it('BBGA long CSV: variable and value columns, Amsterdam codes through confirmed aliases', async () => {
    const aliases = [
      { alias: 'STAD', code: 'GM0363', context: 'gebiedcode15' },
      { alias: 'T', code: 'NPLV11', context: 'gebiedcode15' },
      { alias: 'F', code: 'NPLV12', context: 'gebiedcode15' },
    ];
    const p = await previewFile(realFile('bbga_latest_and_greatest-stadsdelen.csv'), { areas, aliases });
    const v = p.preview;
    expect(v.file).toMatchObject({ encoding: 'utf-8', separator: ',' });
    expect(v.layout).toBe('long');
    expect(v.columns.map((c) => c.role)).toEqual(['period', 'area code', 'variable', 'value']);
    expect(v.measures).toHaveLength(742);
    expect(figureAt(p, 'D2')).toMatchObject({ raw: '20', parsed: { value: 20 }, period: '2015', area: { code: 'GM0363' } });
    expect(figureAt(p, 'D3')).toMatchObject({ raw: '140615', parsed: { value: 140615 }, period: '2005' });
    expect(figureAt(p, 'D5747')).toMatchObject({ raw: '', parsed: { kind: 'sign', sign: 'unknown' } });
    const zuidoost = [...p.figures.values()].find((f) => f.area.kind === 'area' && f.area.code === 'NPLV11');
    expect(zuidoost).toBeDefined();
    // Stadsdelen without a confirmed alias are listed once each, not once per row.
    expect(v.areas.unmatched).toBe(7);
    expect(v.problemCounts.unknown_area).toBe(7);
  });

  it('BBGA metadata .ods: a variable dictionary, imported as definitions', async () => {
    const p = await previewFile(realFile('metadata_latest_and_greatest.ods'));
    const v = p.preview;
    expect(v.file.format).toBe('ods');
    expect(v.layout).toBe('dictionary');
    expect(v.table).toMatchObject({ headerRows: [1], firstDataRow: 2, lastDataRow: 758 });
    expect(v.definitions?.total).toBe(757);
    expect(v.definitions?.sample[0]).toMatchObject({ code: 'BEVTOTAAL', cell: 'D2', name: 'Bevolking totaal', source: 'Afd. Basisinformatie / OIS' });
    expect(v.definitions?.sample[0]?.definition).toMatch(/^Personen die op 1 januari zijn opgenomen/);
    expect(v.columns.find((c) => c.header === 'Symbool')?.role).toBe('definition: unit');
    expect(v.problemCounts.duplicate_definition).toBeUndefined();
  });
});
