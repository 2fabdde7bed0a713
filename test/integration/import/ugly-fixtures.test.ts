import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { KnownArea } from '../../../shared/domain/areas/match-area';
import { makeUglyWorkbook } from '../../fixtures/make-ugly-workbook';
import { makeLongTsv, makeTransposedCsv, makeWindows1252Csv } from '../../fixtures/make-ugly-text-files';
import { figureAt, previewFile } from './preview-helpers';

/**
 * Generated ugly files, written at run time: each is previewed and its problem list asserted —
 * kind, severity and the cell the analyst has to look at.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Real CBS codes and names; "Binnenstad" exists in more than one gemeente, as in reality.
const areas: KnownArea[] = [
  { code: 'GM0344', name: 'Utrecht', kind: 'municipality' },
  { code: 'WK034402', name: 'Wijk 02 Noordwest', kind: 'district', parentCode: 'GM0344' },
  { code: 'WK034403', name: 'Wijk 03 Overvecht', kind: 'district', parentCode: 'GM0344' },
  { code: 'WK034406', name: 'Wijk 06 Zuidwest', kind: 'district', parentCode: 'GM0344' },
  { code: 'WK034408', name: 'Wijk 08 Zuid', kind: 'district', parentCode: 'GM0344' },
  { code: 'GM0080', name: 'Leeuwarden', kind: 'municipality' },
  { code: 'GM1900', name: 'Súdwest-Fryslân', kind: 'municipality' },
  { code: 'GM0772', name: 'Eindhoven', kind: 'municipality' },
  { code: 'BU07724210', name: 'Woensel-West', kind: 'neighbourhood' },
  { code: 'BU07725160', name: 'Vlokhoven', kind: 'neighbourhood' },
  { code: 'BU07721110', name: 'Binnenstad', kind: 'neighbourhood' },
  { code: 'BU09350000', name: 'Binnenstad', kind: 'neighbourhood' },
  { code: 'GM0518', name: "'s-Gravenhage", kind: 'municipality' },
  { code: 'GM0599', name: 'Rotterdam', kind: 'municipality' },
];

const kinds = (problems: Array<{ kind: string; cell?: string | undefined }>, kind: string) => problems.filter((p) => p.kind === kind).map((p) => p.cell);

describe('generated ugly files', () => {
  it('workbook with title rows, a two-row merged header, footnotes and planted problems', async () => {
    const fx = makeUglyWorkbook(dir);
    const p = await previewFile(fx.file, { areas });
    const v = p.preview;
    expect(v.layout).toBe('wide');
    expect(v.table).toMatchObject({
      titleRows: [fx.facts.titleRow, 2],
      headerRows: fx.facts.headerRows,
      firstDataRow: fx.facts.firstDataRow,
      lastDataRow: fx.facts.lastDataRow,
      footnoteRows: fx.facts.footnoteRows,
    });
    // Merged group cells are combined into one label per column.
    expect(v.columns.map((c) => c.header)).toEqual([
      'Gebied',
      'Code',
      'Bevolking | Inwoners (aantal)',
      'Bevolking | 65 jaar of ouder (%)',
      'Wonen | Woningen (aantal)',
      'Wonen | Koopwoningen (%)',
    ]);
    expect(v.period).toMatchObject({ source: 'fixed', value: '2023', from: 'title' });
    expect(v.measures.map((m) => m.unit)).toEqual(['count', 'percent', 'count', 'percent']);
    expect(figureAt(p, fx.facts.overvechtInwoners.cell).parsed).toEqual({ kind: 'number', value: fx.facts.overvechtInwoners.value });
    expect(figureAt(p, fx.facts.provisional.cell).parsed).toMatchObject({ value: fx.facts.provisional.value, sign: 'provisional' });
    expect(figureAt(p, fx.facts.unknownSign).parsed).toEqual({ kind: 'sign', sign: 'unknown', value: null });

    expect(kinds(v.problems, 'duplicate_key')).toEqual([fx.facts.duplicate.cell]);
    expect(v.problems.find((x) => x.kind === 'duplicate_key')?.message).toContain(fx.facts.duplicate.first);
    expect(kinds(v.problems, 'percent_over_100')).toEqual([fx.facts.percentOver100]);
    expect(kinds(v.problems, 'unknown_area')).toEqual([fx.facts.unknownArea.cell]);
    expect(kinds(v.problems, 'non_numeric')).toEqual([fx.facts.textInFigures]);
    expect(kinds(v.problems, 'skipped_row')).toEqual([`A${fx.facts.totalsRow}`]);
    // "12.480*" is a text cell and nothing else in its column settles the separator.
    expect(kinds(v.problems, 'ambiguous_number')).toEqual([fx.facts.provisional.cell]);
    const severity = Object.fromEntries(v.problems.map((x) => [x.kind, x.severity]));
    expect(severity).toMatchObject({ duplicate_key: 'error', non_numeric: 'error', percent_over_100: 'warning', unknown_area: 'warning', skipped_row: 'info' });
    for (const x of v.problems) expect(x).toMatchObject({ file: 'focusgebieden-2023.xlsx', sheet: fx.sheet });
  });

  it('Windows-1252 CSV with a decimal comma, a title, a totals row and a footnote', async () => {
    const fx = makeWindows1252Csv(dir);
    const p = await previewFile(fx.file, { areas });
    const v = p.preview;
    expect(v.file).toMatchObject({ encoding: 'windows-1252', separator: ';' });
    expect(v.decimalSeparator).toBe(',');
    expect(v.table).toMatchObject({ titleRows: [1], headerRows: [3], firstDataRow: 4, lastDataRow: 7, footnoteRows: [8] });
    expect(v.areas).toMatchObject({ codeColumn: 'B', nameColumn: 'A', skippedRows: 1 });
    expect(figureAt(p, 'C4')).toMatchObject({ raw: '91.315', parsed: { kind: 'number', value: 91315 }, area: { code: 'GM1900' } });
    expect(figureAt(p, 'C6')).toMatchObject({ parsed: { value: 124058 }, area: { code: 'GM0080' } });
    expect(figureAt(p, 'D4').parsed).toEqual({ kind: 'number', value: 71.5 });
    expect(v.measures.find((m) => m.column === 'E')).toMatchObject({ unit: 'euro_x1000', unitEvidence: ['(x € 1.000)'] });
    // The accents survived the decoding: the name column holds "Súdwest-Fryslân".
    expect(p.workbook.sheets[0]?.cell(3, 0).text).toBe('Súdwest-Fryslân');
    // GM1970 is a valid code the store does not know yet: offered for creation, not an error.
    expect(kinds(v.problems, 'new_area')).toEqual(['B5']);
    expect(v.problemCounts.ambiguous_number).toBeUndefined();
  });

  it('transposed CSV with areas named across the top, a unit column and a CBS sign', async () => {
    const fx = makeTransposedCsv(dir);
    const p = await previewFile(fx.file, { areas });
    const v = p.preview;
    expect(v.layout).toBe('transposed');
    expect(v.table).toMatchObject({ titleRows: [1], headerRows: [2], firstDataRow: 3, lastDataRow: 5, footnoteRows: [6] });
    expect(v.areas).toMatchObject({ nameRow: 2, within: 'GM0772' });
    expect(figureAt(p, 'C3')).toMatchObject({ parsed: { value: 0.6 }, area: { code: 'BU07724210' } });
    expect(figureAt(p, 'E3').area).toMatchObject({ code: 'BU07721110' });
    expect(figureAt(p, 'D4').parsed).toEqual({ kind: 'sign', sign: 'unknown', value: null });
    expect(v.measures.map((m) => m.unit)).toEqual(['km', 'count', 'percent']);
    expect(kinds(v.problems, 'percent_over_100')).toEqual(['D5']);
  });

  it('tab-separated long table with a duplicate, an empty value and an unknown area', async () => {
    const fx = makeLongTsv(dir);
    const p = await previewFile(fx.file, { areas });
    const v = p.preview;
    expect(v.file.separator).toBe('\t');
    expect(v.layout).toBe('long');
    expect(v.columns.map((c) => c.role)).toEqual(['period', 'area code', 'variable', 'value']);
    expect(figureAt(p, 'D2')).toMatchObject({ parsed: { value: 552995 }, period: '2022', area: { code: 'GM0518' } });
    expect(figureAt(p, 'D3')).toMatchObject({ period: '2023' });
    expect(figureAt(p, 'D5').parsed).toEqual({ kind: 'sign', sign: 'unknown', value: null });
    expect(kinds(v.problems, 'duplicate_key')).toEqual(['D7']);
    expect(v.problems.find((x) => x.kind === 'duplicate_key')?.message).toMatch(/at D2; only the first is imported$/);
    expect(kinds(v.problems, 'unknown_area')).toEqual(['B8']);
  });
});
