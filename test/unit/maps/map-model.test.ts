import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../shared/contract/model';
import { buildMapModel, figureFromObservation, figuresFromCompare } from '../../../shared/domain/maps/map-model';
import { indicator, makeResult } from '../../fixtures/compare-result';

function fig(areaCode: string, value: number | null, sign: Observation['sign'] = null) {
  return figureFromObservation({
    id: 1, areaCode, areaName: areaCode, indicatorCode: 'p_huurw', indicatorName: 'Huurwoningen', unit: 'percent', period: '2024',
    value, low: null, high: null, qualifier: null, sign, superseded: false,
    source: { id: 1, kind: 'file', title: 'kwb.xlsx', file: 'kwb.xlsx', sheet: 'Blad1', cell: 'B2', raw: String(value), importedAt: '2026-01-01T00:00:00Z' },
  });
}

describe('map model', () => {
  const areas = ['A', 'B', 'C', 'D', 'E', 'F'].map((c) => ({ code: c, name: `Wijk ${c}` }));
  it('classes areas with a figure, lists the rest with why, and labels the legend in Dutch', () => {
    const figures = [fig('A', 10), fig('B', 20.5), fig('C', 30), fig('D', 40), fig('E', null, 'secret')];
    const m = buildMapModel(areas, figures, { direction: 'higher_worse', unit: 'percent' }, { method: 'quantile', classes: 2 });
    expect(m.classed.map((c) => [c.code, c.klass])).toEqual([['A', 0], ['B', 0], ['C', 1], ['D', 1]]);
    expect(m.missing.map((x) => [x.code, x.why])).toEqual([['E', 'x geheim'], ['F', 'geen cijfer']]);
    expect(m.legend.map((l) => [l.label, l.count])).toEqual([['10% – 25,3%', 2], ['25,3% – 40%', 2]]);
    // Higher is worse: the top class is the orange end.
    expect(m.legend[1]!.colour).toBe(m.colours[1]);
  });
  it('uses the analyst’s fixed breaks', () => {
    const m = buildMapModel(areas, [fig('A', 5), fig('B', 15), fig('C', 25)], { direction: 'neutral', unit: 'percent' }, { method: 'fixed', thresholds: [10, 20] });
    expect(m.classed.map((c) => c.klass)).toEqual([0, 1, 2]);
    expect(m.legend.map((l) => l.label)).toEqual(['5% – 10%', '10% – 20%', '20% – 25%']);
  });
  it('colours focus areas by compare’s aggregate, keeping their members and the proposal status', () => {
    const r = makeResult(
      [indicator('p_huurw', 'Huurwoningen')],
      [
        { role: 'NL', code: 'NL00', name: 'Nederland', values: [42] },
        { code: 'NPLV15', name: 'Utrecht Overvecht', values: [72.3], aggregated: true },
        { code: 'NPLV01', name: 'Amsterdam Noord', values: [null] },
      ],
    );
    r.rows[1]!.compositionStatus = 'proposal';
    const figures = figuresFromCompare(r, 'p_huurw');
    // Reference rows are text beside the map, not areas on it.
    expect(figures.map((f) => f.areaCode)).toEqual(['NPLV15', 'NPLV01']);
    expect(figures[0]).toMatchObject({ value: 72.3, text: '72,3%', aggregated: true, members: ['NPLV15-a', 'NPLV15-b'], proposal: true, files: ['test-kwb.xlsx'], period: '2024' });
    const m = buildMapModel([{ code: 'NPLV15', name: 'Utrecht Overvecht' }, { code: 'NPLV01', name: 'Amsterdam Noord' }], figures, { direction: 'neutral', unit: 'percent' }, { method: 'quantile', classes: 3 });
    expect(m.classed.map((c) => [c.code, c.figure.aggregated])).toEqual([['NPLV15', true]]);
    // compare's own reason for a missing aggregate, never a zero.
    expect(m.missing).toMatchObject([{ code: 'NPLV01', why: 'geen cijfer' }]);
    expect(figuresFromCompare(r, 'nope')).toEqual([]);
  });
});
