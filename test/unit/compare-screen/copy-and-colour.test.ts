import { describe, expect, it } from 'vitest';
import type { CompareCell, CompareIndicator, CompareResult, CompareRow } from '../../../shared/contract/compare';
import { deltaText, figureText, headerText } from '../../../renderer/features/compare/cell-format';
import { cellColour } from '../../../renderer/features/compare/colour';
import { buildCopyTable, toHtml, toTsv, tsvNumber } from '../../../renderer/features/compare/copy';
import { buildGridModel, keepUnderAnchor, periodsSummary, type GridRow } from '../../../renderer/features/compare/grid-model';

/** The pure helpers of the Vergelijken screen: copy formatting, colour mapping, reference rows. */

function cell(p: Partial<CompareCell> & { areaCode: string; indicatorCode: string; unit: string }): CompareCell {
  return {
    areaName: p.areaCode,
    indicatorName: p.indicatorCode,
    period: '2024',
    value: null,
    sign: null,
    qualifier: null,
    delta: null,
    rank: null,
    aggregated: false,
    coverage: null,
    members: null,
    source: null,
    sourceRef: null,
    low: null,
    high: null,
    comparePeriod: null,
    compareValue: null,
    deltaNote: null,
    missingReason: null,
    coverageDetail: null,
    memberDetail: null,
    importedVsAggregate: null,
    colourClass: null,
    quintile: null,
    spread: null,
    ...p,
  };
}

const IND: CompareIndicator[] = [
  { code: 'a_inw', name: 'Aantal inwoners', theme: 'bevolking', unit: 'count', direction: 'neutral', aggregation: 'sum', weightIndicatorCode: null, period: '2024', comparePeriod: '2022' },
  { code: 'p_koopw', name: 'Koopwoningen', theme: 'wonen', unit: 'percent', direction: 'neutral', aggregation: 'weighted_mean', weightIndicatorCode: 'a_woning', period: '2024', comparePeriod: '2022' },
];

function row(role: CompareRow['role'], code: string, name: string, cells: CompareCell[], extra: Partial<CompareRow> = {}): CompareRow {
  return { role, areaCode: code, areaName: name, areaKind: role === 'municipality' ? 'municipality' : role === 'NL' ? 'country' : role === 'total' ? 'programme' : 'focus_area', referenceFor: [], compositionStatus: null, cells, ...extra };
}

describe('figure text in a cell', () => {
  it('writes Dutch numbers, keeps CBS signs and never shows a missing figure as 0', () => {
    expect(figureText(cell({ areaCode: 'x', indicatorCode: 'a_inw', unit: 'count', value: 374238 }))).toBe('374.238');
    expect(figureText(cell({ areaCode: 'x', indicatorCode: 'p_koopw', unit: 'percent', value: 31.25 }))).toBe('31,3%');
    expect(figureText(cell({ areaCode: 'x', indicatorCode: 'p_koopw', unit: 'percent', value: null, sign: 'secret' }))).toBe('x');
    expect(figureText(cell({ areaCode: 'x', indicatorCode: 'p_koopw', unit: 'percent', value: null, sign: 'unknown' }))).toBe('.');
    expect(figureText(cell({ areaCode: 'x', indicatorCode: 'p_koopw', unit: 'percent', value: null }))).toBe('n.b.');
    expect(figureText(cell({ areaCode: 'x', indicatorCode: 'a_inw', unit: 'count', value: 0, sign: 'nil' }))).toBe('-');
  });
  it('signs differences, with percentage points for percentages', () => {
    expect(deltaText(1.25, 'percent')).toBe('+1,3 %-punt');
    expect(deltaText(-340, 'count')).toBe('−340');
    expect(deltaText(0, 'count')).toBe('0');
  });
  it('puts the period each column shows in its header', () => {
    expect(headerText(IND[1] as CompareIndicator)).toBe('Koopwoningen (%) · 2024');
    expect(headerText({ name: 'Aantal inwoners', unit: 'count', period: null })).toBe('Aantal inwoners · geen cijfers');
  });
});

describe('colour of a cell', () => {
  const c = (p: Partial<CompareCell>) => cell({ areaCode: 'x', indicatorCode: 'p', unit: 'percent', value: 10, ...p });
  it('follows the direction-aware class for directed indicators', () => {
    expect(cellColour(c({ colourClass: -2 }), 'higher_worse', 'area').className).toBe('c-worse2');
    expect(cellColour(c({ colourClass: 2 }), 'higher_better', 'area').className).toBe('c-better2');
    expect(cellColour(c({ colourClass: 0 }), 'higher_better', 'area').className).toBeNull();
  });
  it('uses the neutral quintile scale for neutral indicators, never good or bad', () => {
    expect(cellColour(c({ colourClass: null, quintile: 4 }), 'neutral', 'area').className).toBe('c-q4');
    expect(cellColour(c({ colourClass: 2, quintile: 0 }), 'neutral', 'area').className).toBe('c-q0');
  });
  it('marks a missing figure as missing (also a CBS sign), and leaves reference rows uncoloured', () => {
    expect(cellColour(c({ value: null, sign: 'secret', colourClass: null }), 'higher_better', 'area').className).toBe('c-missing');
    expect(cellColour(c({ value: null }), 'neutral', 'municipality').className).toBe('c-missing');
    expect(cellColour(c({ colourClass: -2 }), 'higher_worse', 'municipality').className).toBeNull();
    expect(cellColour(c({ colourClass: -2 }), 'higher_worse', 'total').className).toBeNull();
  });
});

function sample(): CompareResult {
  const overvecht = row('area', 'NPLV15', 'Utrecht Overvecht', [
    cell({ areaCode: 'NPLV15', indicatorCode: 'a_inw', unit: 'count', value: 35255, delta: 410, rank: 1, aggregated: true, members: ['WK034403'] }),
    cell({ areaCode: 'NPLV15', indicatorCode: 'p_koopw', unit: 'percent', value: 24.36, delta: -1.2, rank: 2, aggregated: true, members: ['WK034403'] }),
  ], { compositionStatus: 'proposal' });
  const tilburg = row('area', 'NPLV07', 'Tilburg Noordwest', [
    cell({ areaCode: 'NPLV07', indicatorCode: 'a_inw', unit: 'count', missingReason: 'samenstelling onbekend' }),
    cell({ areaCode: 'NPLV07', indicatorCode: 'p_koopw', unit: 'percent', sign: 'secret' }),
  ], { compositionStatus: 'unknown' });
  const utrecht = row('municipality', 'GM0344', 'Utrecht', [cell({ areaCode: 'GM0344', indicatorCode: 'a_inw', unit: 'count', value: 374238 }), cell({ areaCode: 'GM0344', indicatorCode: 'p_koopw', unit: 'percent', value: 42 })], { referenceFor: ['NPLV15'] });
  const tilburgGm = row('municipality', 'GM0855', 'Tilburg', [cell({ areaCode: 'GM0855', indicatorCode: 'a_inw', unit: 'count' }), cell({ areaCode: 'GM0855', indicatorCode: 'p_koopw', unit: 'percent' })], { referenceFor: ['NPLV07'] });
  const total = row('total', 'NPLV', 'NPLV', [
    cell({ areaCode: 'NPLV', indicatorCode: 'a_inw', unit: 'count', value: 35255, spread: { n: 1, min: 35255, max: 35255, p10: 35255, p90: 35255, minAreaCode: 'NPLV15', maxAreaCode: 'NPLV15' } }),
    cell({ areaCode: 'NPLV', indicatorCode: 'p_koopw', unit: 'percent', value: 24.36, spread: { n: 1, min: 24.36, max: 24.36, p10: 24.36, p90: 24.36, minAreaCode: 'NPLV15', maxAreaCode: 'NPLV15' } }),
  ]);
  return { period: 'latest', compareTo: '2022', minCoverage: 1, indicators: IND, rows: [utrecht, tilburgGm, total, overvecht, tilburg], sourceTitles: ['test-kwb.xlsx'] };
}

describe('reference rows', () => {
  it('pins the total, its spread and the municipalities with figures; names those without', () => {
    const m = buildGridModel(sample());
    expect(m.pinned.map((r) => r.id)).toEqual(['total', 'spread', 'ref|GM0344']);
    expect(m.pinned[0]?.areaName).toBe('20 focusgebieden samen');
    expect(m.pinned[1]?.areaName).toBe('Spreiding tussen de 20 focusgebieden');
    expect(m.body.map((r) => r.areaCode)).toEqual(['NPLV15', 'NPLV07']);
    expect(m.withoutFigures).toEqual(['Tilburg']);
    expect(m.shownCount).toBe(2);
  });
  it('puts municipality rows under their area when there are too many to pin, and keeps them there after a sort', () => {
    const m = buildGridModel(sample(), { maxPinnedMunicipalities: 0 });
    expect(m.interleaved).toBe(true);
    expect(m.body.map((r) => r.id)).toEqual(['NPLV15', 'ref|GM0344|NPLV15', 'NPLV07']);
    // A sort that moved the municipality row away: it goes back under its area.
    const sorted: GridRow[] = [m.body[2], m.body[1], m.body[0]].filter((r): r is GridRow => r !== undefined);
    keepUnderAnchor(sorted, (r) => r);
    expect(sorted.map((r) => r.id)).toEqual(['NPLV07', 'NPLV15', 'ref|GM0344|NPLV15']);
  });
  it('leaves municipality rows out (and counts them) when each is the reference of many shown areas and they are too many to pin', () => {
    const nbh = (code: string) => row('area', code, code, [cell({ areaCode: code, indicatorCode: 'a_inw', unit: 'count', value: 100 }), cell({ areaCode: code, indicatorCode: 'p_koopw', unit: 'percent', value: 50 })]);
    const gmRow = (code: string, areas: string[]) => row('municipality', code, code, [cell({ areaCode: code, indicatorCode: 'a_inw', unit: 'count', value: 1000 }), cell({ areaCode: code, indicatorCode: 'p_koopw', unit: 'percent', value: 40 })], { referenceFor: areas });
    const areas = ['GM0001', 'GM0002', 'GM0003', 'GM0004'].flatMap((_gm, g) => [0, 1, 2].map((k) => nbh(`BU000${g + 1}0${k}`)));
    const gms = ['GM0001', 'GM0002', 'GM0003', 'GM0004'].map((gm, g) => gmRow(gm, [0, 1, 2].map((k) => `BU000${g + 1}0${k}`)));
    const many = { ...sample(), rows: [...gms, ...areas] };
    const m = buildGridModel(many);
    expect(m.interleaved).toBe(false);
    expect(m.municipalitiesLeftOut).toBe(4);
    expect(m.pinned).toEqual([]);
    expect(m.body.map((r) => r.areaCode)).toEqual(areas.map((a) => a.areaCode));
    // three municipalities: pinned as before
    const few = buildGridModel({ ...many, rows: [...gms.slice(0, 3), ...areas.slice(0, 9)] });
    expect(few.municipalitiesLeftOut).toBe(0);
    expect(few.pinned.map((r) => r.areaCode)).toEqual(['GM0001', 'GM0002', 'GM0003']);
  });
  it('says which period the columns show', () => {
    expect(periodsSummary(sample())).toBe('2024');
    const mixed = { ...sample(), indicators: [IND[0] as CompareIndicator, { ...(IND[1] as CompareIndicator), period: '2022' }] };
    expect(periodsSummary(mixed)).toBe('2022–2024 (per indicator de laatste)');
  });
});

describe('copy to Excel and Word', () => {
  const m = buildGridModel(sample());
  const table = buildCopyTable([...m.pinned, ...m.body], IND, { caption: 'Vergelijking', delta: true, rank: true, spread: 'minmax', shownCount: 2 });
  const tsv = toTsv(table);
  const lines = tsv.split('\r\n');

  it('writes stored numbers with a decimal comma and no grouping in the text (Dutch Excel reads them as numbers)', () => {
    expect(tsvNumber(374238)).toBe('374238');
    expect(tsvNumber(24.36)).toBe('24,36');
    expect(tsvNumber(-1.2)).toBe('-1,2');
    expect(lines[0]).toBe(['Code', 'Gebied', 'Soort', 'Samenstelling', 'Aantal inwoners 2024', 'Aantal inwoners: verschil t.o.v. 2022', 'Aantal inwoners: rang (van 2)', 'Koopwoningen (%) 2024', 'Koopwoningen: verschil t.o.v. 2022 (%-punt)', 'Koopwoningen: rang (van 2)'].join('\t'));
    const overvecht = lines.find((l) => l.startsWith('NPLV15\t'));
    expect(overvecht).toBe(['NPLV15', 'Utrecht Overvecht', 'gebied', 'te bevestigen', '35255', '410', '1', '24,36', '-1,2', '2'].join('\t'));
  });
  it('keeps CBS signs and says why a figure is missing, never 0', () => {
    const tilburg = lines.find((l) => l.startsWith('NPLV07\t'));
    expect(tilburg).toBe(['NPLV07', 'Tilburg Noordwest', 'gebied', 'samenstelling onbekend', 'n.b.', '', '', 'x', '', ''].join('\t'));
  });
  it('writes the spread as a range and the municipality as a reference row', () => {
    expect(lines.find((l) => l.includes('spreiding'))).toContain('35.255 – 35.255');
    expect(lines.find((l) => l.startsWith('GM0344\t'))).toContain('\tgemeente\t');
  });
  it('notes aggregates and proposals under the table', () => {
    expect(table.notes.join(' ')).toContain('berekend uit hun wijken en buurten');
    expect(table.notes.join(' ')).toContain('te bevestigen');
  });
  it('gives Word a table with Dutch text and Excel the exact number (x:num)', () => {
    const html = toHtml(table);
    expect(html).toContain('<caption');
    expect(html).toContain('x:num="35255"');
    expect(html).toContain('>35.255</td>');
    expect(html).toContain('x:num="24.36"');
    expect(html).toContain('>24,4</td>');
    expect(html).not.toMatch(/<script/i);
  });
  it('keeps text that looks like a formula from becoming one', () => {
    const t = buildCopyTable([{ id: 'a', role: 'area', areaCode: '=HYPERLINK("x")', areaName: '+evil', areaKind: 'other', tag: null, compositionStatus: null, cells: [], anchor: null }], [], { caption: '', delta: false, rank: false, spread: 'minmax', shownCount: 1 });
    expect(toTsv(t).split('\r\n')[1]).toBe(`'=HYPERLINK("x")\t'+evil\tgebied`);
  });
});
