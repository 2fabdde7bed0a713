import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../../../shared/contract/compare';
import { barChart } from '../../../shared/domain/charts/bar-chart';
import { limitToAreas, periodPairOf, shownAreas } from '../../../shared/domain/charts/compare-charts';
import { trendChart } from '../../../shared/domain/charts/trend-chart';
import { exportFigure, fileNameFor, wrapLine } from '../../../renderer/ui/chart-file';
import { indicator, makeResult } from '../../fixtures/compare-result';

const huur = indicator('p_huurw', 'Huurwoningen', 'percent', 'neutral');
const base = makeResult(
  [huur],
  [
    { role: 'municipality', code: 'GM0344', name: 'Utrecht', values: [48.2], referenceFor: ['WK034401', 'WK034403'] },
    { role: 'municipality', code: 'GM0599', name: 'Rotterdam', values: [51], referenceFor: ['WK059901'] },
    { role: 'NL', code: 'NL00', name: 'Nederland', values: [42.1] },
    { code: 'WK034401', name: 'West', values: [55.5] },
    { code: 'WK034403', name: 'Overvecht', values: [72.3], deltaNotes: ['indeling gewijzigd tussen 2022 en 2024 (ind_wbi 3)'] },
    { code: 'WK059901', name: 'Feijenoord', values: [66] },
  ],
);

/** As compare.run answers with compareTo 2022: each cell carries its 2022 figure. */
function withCompareTo(r: CompareResult, earlier: (number | null)[]): CompareResult {
  let k = 0;
  return {
    ...r,
    compareTo: '2022',
    indicators: r.indicators.map((i) => ({ ...i, comparePeriod: '2022' })),
    rows: r.rows.map((row) => ({ ...row, cells: row.cells.map((c) => ({ ...c, comparePeriod: '2022', compareValue: earlier[k++] ?? null })) })),
  };
}

describe('charts beside the compare grid', () => {
  it('narrows the answer to the ticked areas, keeping Nederland and only their own municipality', () => {
    const r = limitToAreas(base, ['WK059901']);
    expect(r.rows.map((x) => x.areaCode)).toEqual(['GM0599', 'NL00', 'WK059901']);
    expect(shownAreas(r)).toBe(1);
    // Nothing ticked: the whole answer, the same object (no copy, no new figures).
    expect(limitToAreas(base, [])).toBe(base);
    const bars = barChart(limitToAreas(base, ['WK034401', 'WK034403']), 'p_huurw', 'desc', ['municipality', 'NL']);
    expect((bars.data[0] as { y: string[] }).y).toEqual(['West', 'Overvecht']);
    expect(bars.references).toEqual([{ label: 'Utrecht', value: 48.2 }, { label: 'Nederland', value: 42.1 }]);
  });

  it('splits a comparison with compareTo into its two periods, and the line breaks at a boundary change', () => {
    expect(periodPairOf(base, 'p_huurw')).toBeNull();
    const r = withCompareTo(base, [47, 50, 41.5, 53, null, 60]);
    const pair = periodPairOf(r, 'p_huurw')!;
    expect(pair.map((p) => p.period)).toEqual(['2022', '2024']);
    const before = pair[0]!.result;
    expect(before.rows.map((row) => row.cells[0]!.value)).toEqual([47, 50, 41.5, 53, null, 60]);
    expect(before.rows[4]!.cells[0]!.missingReason).toBe('indeling gewijzigd tussen 2022 en 2024 (ind_wbi 3)');
    expect(pair[1]!.result).toBe(r);
    const t = trendChart(pair, 'p_huurw');
    const west = t.data.find((d) => d.name === 'West') as { x: number[]; y: number[] };
    expect(west.x).toEqual([2022, 2024]);
    expect(west.y).toEqual([53, 55.5]);
    expect(t.breaks.map((b) => b.areaName)).toEqual(['Overvecht']);
  });
});

describe('chart files', () => {
  it('puts the caption as title and the wrapped source line under the chart, at print width', () => {
    const source = `Bron: ${'CBS-Utrecht-kwb-2024.xlsx (2024); '.repeat(8)}einde.`;
    const fig = exportFigure({ data: [], layout: { margin: { b: 40 } }, caption: 'Huurwoningen, 2024', sourceLine: source, height: 300 });
    expect(fig.layout.width).toBe(1200);
    expect((fig.layout.title as { text: string }).text).toBe('<b>Huurwoningen, 2024</b>');
    const note = (fig.layout.annotations as { text: string }[]).at(-1)!;
    expect(note.text.split('<br>').length).toBe(2);
    expect(note.text.replace(/<br>/g, ' ')).toBe(source);
    expect(wrapLine('a b c', 3)).toBe('a b<br>c');
    expect(fileNameFor('Woningtekort, scenario “Basis” (2024–2030)', 'svg')).toBe('woningtekort-scenario-basis-2024-2030.svg');
  });
});
