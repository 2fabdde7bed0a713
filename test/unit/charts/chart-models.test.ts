import { describe, expect, it } from 'vitest';
import { barChart } from '../../../shared/domain/charts/bar-chart';
import { scatterChart } from '../../../shared/domain/charts/scatter-chart';
import { spreadChart } from '../../../shared/domain/charts/spread-chart';
import { trendChart } from '../../../shared/domain/charts/trend-chart';
import { indicator, makeResult } from '../../fixtures/compare-result';

const huur = indicator('p_huurw', 'Huurwoningen', 'percent', 'neutral');

describe('bar chart', () => {
  const result = makeResult(
    [huur],
    [
      { role: 'municipality', code: 'GM0344', name: 'Utrecht', values: [48.2], referenceFor: ['WK034401', 'WK034402', 'WK034403', 'WK034404'] },
      { role: 'NL', code: 'NL00', name: 'Nederland', values: [42.1] },
      { code: 'WK034401', name: 'West', values: [55.5] },
      { code: 'WK034402', name: 'Noordwest', values: [61] },
      { code: 'WK034403', name: 'Overvecht', values: [72.3], aggregated: true },
      { code: 'WK034404', name: 'Noordoost', values: [null], signs: ['secret'] },
    ],
  );
  it('draws a bar per area with a figure, sorted, and lists the missing ones instead of a zero bar', () => {
    const m = barChart(result, 'p_huurw');
    expect(m.bars).toBe(3);
    const bar = m.data[0] as { y: string[]; x: number[]; text: string[] };
    // Plotly draws bottom-up: the highest is last in the arrays, so on top.
    expect(bar.y).toEqual(['West', 'Noordwest', 'Overvecht']);
    expect(bar.x).toEqual([55.5, 61, 72.3]);
    expect(bar.text).toEqual(['55,5%', '61%', '72,3%']);
    expect(m.missing).toEqual([{ areaCode: 'WK034404', areaName: 'Noordoost', why: 'x (geheim)' }]);
  });
  it('labels the reference lines in place, with Dutch numbers', () => {
    const m = barChart(result, 'p_huurw');
    expect(m.references).toEqual([{ label: 'Utrecht', value: 48.2 }, { label: 'Nederland', value: 42.1 }]);
    const texts = (m.layout.annotations as { text: string }[]).map((a) => a.text);
    expect(texts).toEqual(['Utrecht: 48,2%', 'Nederland: 42,1%']);
    expect(m.caption).toBe('Huurwoningen, 2024');
    expect(m.sourceLine).toBe('Bron: test-kwb.xlsx (2024). 1 cijfer is samengesteld uit de cijfers van de wijken of buurten van het gebied (samenstelling: voorstel, te bevestigen).');
  });
  it('names the files of a lean answer (no per-cell provenance) and says a proposed composition is te bevestigen', () => {
    const lean = {
      ...result,
      sourceTitles: ['kwb-2024.xlsx', 'kwb-2023.xlsx'],
      rows: result.rows.map((r) => ({
        ...r,
        compositionStatus: r.areaCode === 'WK034403' ? ('proposal' as const) : null,
        cells: r.cells.map((c) => ({ ...c, sourceRef: null, source: null, memberDetail: null })),
      })),
    };
    expect(barChart(lean, 'p_huurw').sourceLine).toBe(
      'Bron: kwb-2024.xlsx; kwb-2023.xlsx. Cijfers van 2024. 1 cijfer is samengesteld uit de cijfers van de wijken of buurten van het gebied (samenstelling: voorstel, te bevestigen).',
    );
    // one file behind the whole answer: every figure is from it, with its period
    expect(barChart({ ...lean, sourceTitles: ['kwb-2024.xlsx'] }, 'p_huurw').sourceLine).toMatch(/^Bron: kwb-2024\.xlsx \(2024\)\. 1 cijfer/);
    // with provenance per cell, the cell's own file (and period) is named, not the answer's list
    expect(barChart({ ...result, sourceTitles: ['other.xlsx'] }, 'p_huurw').sourceLine).toMatch(/^Bron: test-kwb\.xlsx \(2024\)\./);
  });
  it('does not draw a municipality total beside counts, but names it', () => {
    const inw = { ...indicator('a_inw', 'Inwoners', 'count'), aggregation: 'sum' as const };
    const r = makeResult([inw], [
      { role: 'municipality', code: 'GM0344', name: 'Utrecht', values: [374238], referenceFor: ['A'] },
      { role: 'NL', code: 'NL00', name: 'Nederland', values: [null] },
      { code: 'A', name: 'Overvecht', values: [35255] },
    ]);
    const m = barChart(r, 'a_inw');
    expect(m.layout.shapes).toEqual([]);
    expect(m.referenceNotes).toEqual(['Utrecht: 374.238 (totaal, niet als lijn getekend)']);
    const withRate = barChart(result, 'p_huurw');
    expect(withRate.referenceNotes).toEqual([]);
  });
  it('marks each bar’s own municipality when the areas lie in several', () => {
    const two = makeResult(
      [huur],
      [
        { role: 'municipality', code: 'GM0344', name: 'Utrecht', values: [48], referenceFor: ['A'] },
        { role: 'municipality', code: 'GM0599', name: 'Rotterdam', values: [52], referenceFor: ['B'] },
        { code: 'A', name: 'Overvecht', values: [70] },
        { code: 'B', name: 'Rotterdam-Zuid', values: [65] },
      ],
    );
    const m = barChart(two, 'p_huurw');
    const marks = m.data[1] as { y: string[]; x: number[] };
    expect(marks.y).toEqual(['Rotterdam-Zuid', 'Overvecht']);
    expect(marks.x).toEqual([52, 48]);
    expect(m.layout.shapes).toEqual([]);
  });
});

describe('trend chart', () => {
  const at = (period: string, a: number | null, b: number | null, note: string | null = null) => ({
    period,
    result: makeResult([indicator('a_inw', 'Inwoners', 'count', 'neutral', period)], [
      { role: 'NL', code: 'NL00', name: 'Nederland', values: [null] },
      { code: 'A', name: 'Overvecht', values: [a], deltaNotes: [note] },
      { code: 'B', name: 'Kanaleneiland', values: [b] },
    ]),
  });
  it('draws one line per area over the periods, gaps for missing figures', () => {
    const m = trendChart([at('2022', 33000, 15000), at('2021', 32000, null), at('2023', 34000, 16000)], 'a_inw');
    expect(m.data.map((d) => d.name)).toEqual(['Overvecht', 'Kanaleneiland']);
    expect(m.data[0]!.x).toEqual([2021, 2022, 2023]);
    expect(m.data[1]!.y).toEqual([null, 15000, 16000]);
    expect(m.caption).toBe('Inwoners, 2021–2023');
  });
  it('breaks the line at a boundary change and says so', () => {
    const m = trendChart([at('2021', 32000, 14000), at('2022', 33000, 15000, 'indeling gewijzigd tussen 2021 en 2022 (ind_wbi 3)'), at('2023', 34000, 16000)], 'a_inw');
    expect(m.data[0]!.x).toEqual([2021, 2021.5, 2022, 2023]);
    expect(m.data[0]!.y).toEqual([32000, null, 33000, 34000]);
    expect(m.breaks).toEqual([{ areaName: 'Overvecht', period: '2022', note: 'indeling gewijzigd tussen 2021 en 2022 (ind_wbi 3)' }]);
    expect((m.layout.annotations as { text: string }[])[0]!.text).toBe('indeling gewijzigd (Overvecht)');
    expect(m.sourceLine).toContain('onderbroken');
  });
});

describe('scatter chart', () => {
  it('puts one labelled point per area with both figures, sized by population', () => {
    const r = makeResult(
      [indicator('p_huurw', 'Huurwoningen'), indicator('p_ink_li', 'Lage inkomens'), indicator('a_inw', 'Inwoners', 'count')],
      [
        { role: 'NL', code: 'NL00', name: 'Nederland', values: [42, 40, null] },
        { code: 'A', name: 'Overvecht', values: [72, 60, 35000] },
        { code: 'B', name: 'West', values: [55, 45, 8750] },
        { code: 'C', name: 'Zuid', values: [null, 30, 20000] },
      ],
    );
    const m = scatterChart(r, 'p_huurw', 'p_ink_li', 'a_inw');
    const pts = m.data[0] as { x: number[]; y: number[]; text: string[]; mode: string; type: string; marker: { size: number[] } };
    expect([pts.x, pts.y, pts.text]).toEqual([[72, 55], [60, 45], ['Overvecht', 'West']]);
    expect(pts.mode).toBe('markers+text');
    expect(pts.type).toBe('scatter');
    // Marker area ∝ population: a quarter of the population, half the added diameter.
    expect(pts.marker.size[0]! - 6).toBeCloseTo(2 * (pts.marker.size[1]! - 6), 10);
    expect(m.missing).toEqual([{ areaCode: 'C', areaName: 'Zuid' }]);
    expect(m.layout.shapes).toHaveLength(2);
  });
  it('switches to WebGL without labels for thousands of points', () => {
    const rows = Array.from({ length: 1500 }, (_, k) => ({ code: `BU${k}`, name: `Buurt ${k}`, values: [k % 97, k % 89] }));
    const m = scatterChart(makeResult([indicator('x', 'X'), indicator('y', 'Y')], rows), 'x', 'y');
    expect(m.data[0]!.type).toBe('scattergl');
    expect(m.data[0]!.mode).toBe('markers');
    expect(m.points).toBe(1500);
    expect(scatterChart(makeResult([indicator('x', 'X'), indicator('y', 'Y')], rows), 'x', 'y', undefined, { webgl: false }).data[0]!.type).toBe('scatter');
  });
});

describe('spread chart', () => {
  it('puts the focus areas beside the total per indicator, with the P10–P90 band', () => {
    const spread = { n: 3, min: 50, max: 70, p10: 52, p90: 68, minAreaCode: 'A', maxAreaCode: 'C' };
    const r = makeResult(
      [indicator('p_huurw', 'Huurwoningen'), indicator('a_inw', 'Inwoners', 'count')],
      [
        { role: 'total', code: 'NPLV', name: 'NPLV', values: [58, 90000], spread: [spread, null] },
        { code: 'A', name: 'Overvecht', values: [50, 35000] },
        { code: 'B', name: 'Zuidoost', values: [60, 40000] },
        { code: 'C', name: 'Nieuw-West', values: [70, null] },
      ],
    );
    const m = spreadChart(r);
    expect(m.data.filter((d) => d.name === 'Focusgebied').map((d) => d.x)).toEqual([[50, 60, 70], [35000, 40000]]);
    expect(m.data.filter((d) => d.name === 'NPLV (samen)').map((d) => d.x)).toEqual([[58], [90000]]);
    expect(m.layout.shapes).toEqual([expect.objectContaining({ x0: 52, x1: 68, xref: 'x' })]);
    expect(m.layout.xaxis2).toBeDefined();
  });
});

describe('index chart', () => {
  it('stacks each indicator’s contribution per area with the score as a diamond, best on top', async () => {
    const { indexChart } = await import('../../../shared/domain/charts/index-chart');
    const m = indexChart({
      viewName: 'Utrecht',
      definition: { components: [{ indicatorCode: 'a', weight: 1 }, { indicatorCode: 'b', weight: 1 }], reference: 'shown', missing: 'exclude' },
      period: '2024',
      referenceCount: 2,
      excluded: [],
      stats: [
        { indicatorCode: 'a', indicatorName: 'A', unit: 'percent', direction: 'higher_worse', period: '2024', weight: 1, share: 0.5, mean: 1, sd: 1, n: 2, unusable: null },
        { indicatorCode: 'b', indicatorName: 'B', unit: 'percent', direction: 'higher_better', period: '2024', weight: 1, share: 0.5, mean: 1, sd: 1, n: 2, unusable: null },
      ],
      rows: [
        { areaCode: 'X', areaName: 'Wijk X', score: 1, rank: 1, contributions: { a: 0.5, b: 0.5 }, zScores: { a: 1, b: 1 }, missing: [] },
        { areaCode: 'Y', areaName: 'Wijk Y', score: -1, rank: 2, contributions: { a: -0.5, b: -0.5 }, zScores: { a: -1, b: -1 }, missing: [] },
      ],
    });
    expect(m.data.map((d) => d.name)).toEqual(['A (50%, hoger is slechter)', 'B (50%)', 'Score']);
    expect(m.data[0]!.y).toEqual(['2. Wijk Y', '1. Wijk X']);
    expect(m.data[2]!.x).toEqual([-1, 1]);
    expect(m.data[2]!.text).toEqual(['-1,00', '1,00']);
    expect(m.layout.barmode).toBe('relative');
    expect(m.caption).toBe('Samengestelde index "Utrecht", 2024');
  });
});

describe('area profile', () => {
  it('gives each indicator its value, course, municipality, Nederland and a turned z-score against the peers', async () => {
    const { buildProfile } = await import('../../../shared/domain/charts/profile');
    const ink = indicator('p_ink_li', 'Lage inkomens', 'percent', 'higher_worse');
    const inw = { ...indicator('a_inw', 'Inwoners', 'count'), theme: 'bevolking' as const };
    const latest = makeResult([ink, inw], [
      { role: 'municipality', code: 'GM0344', name: 'Utrecht', values: [12, 374000], referenceFor: ['WK034403'] },
      { role: 'NL', code: 'NL00', name: 'Nederland', values: [8, null] },
      { code: 'WK034403', name: 'Overvecht', values: [20, 35000] },
    ]);
    const years = ['2022', '2023', '2024'].map((p, k) => ({ period: p, result: makeResult([ink, inw], [{ code: 'WK034403', name: 'Overvecht', values: [18 + k, 34000 + 500 * k] }]) }));
    const peers = makeResult([ink, inw], [
      { code: 'WK034401', name: 'West', values: [10, 30000] },
      { code: 'WK034402', name: 'Noordwest', values: [15, 45000] },
      { code: 'WK034403', name: 'Overvecht', values: [20, 35000] },
    ]);
    const themes = buildProfile('WK034403', latest, years, peers);
    expect(themes.map((t) => t.theme)).toEqual(['bevolking', 'wonen']);
    const line = themes[1]!.lines[0]!;
    expect(line.series).toEqual([{ year: 2022, value: 18 }, { year: 2023, value: 19 }, { year: 2024, value: 20 }]);
    expect([line.municipality?.value, line.nl?.value]).toEqual([12, 8]);
    // Peers 10, 15, 20: mean 15, sd √(50/3); 20 is 1.22 sd above — worse, so −1.22.
    expect(line.z).toBeCloseTo(-5 / Math.sqrt(50 / 3), 12);
    expect(line.peers).toBe(3);
  });
});
