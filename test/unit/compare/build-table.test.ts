import { describe, expect, it } from 'vitest';
import { buildCompareTable, type TableIndicator, type TableRowSpec } from '../../../shared/domain/compare/build-table';
import { MemoryCompareData } from '../../../shared/domain/compare/memory-data';

/**
 * A small world, every expectation computed by hand:
 *   F1 (focus area) = WK1 + WK2 (proposals); F2 = WK3 (confirmed); F3 has no composition.
 *   WK3 has no figures of its own: it is its neighbourhoods BU31 + BU32.
 *   GM1 is the municipality with imported figures; P is the programme (F1, F2, F3).
 */
const fig = (value: number | null, cell: string, sign: 'unknown' | 'nil' | null = null) => ({ value, low: null, high: null, sign, qualifier: null, sourceId: 1, cell, raw: null });

function world() {
  const d = new MemoryCompareData();
  d.addSource(1, { kind: 'file', title: 'kwb.xlsx', file: 'kwb.xlsx', sheet: 'Blad1' });
  for (const [code, kind] of [['P', 'programme'], ['F1', 'focus_area'], ['F2', 'focus_area'], ['F3', 'focus_area'], ['GM1', 'municipality'], ['WK1', 'district'], ['WK2', 'district'], ['WK3', 'district'], ['BU31', 'neighbourhood'], ['BU32', 'neighbourhood']] as const) {
    d.addArea({ code, name: `naam ${code}`, kind });
  }
  d.addIndicator({ code: 'a_woning', name: 'Woningvoorraad', unit: 'count', aggregation: 'sum', weightIndicatorCode: null, direction: 'neutral' });
  d.addIndicator({ code: 'p_koopw', name: 'Koopwoningen', unit: 'percent', aggregation: 'weighted_mean', weightIndicatorCode: 'a_woning', direction: 'higher_better' });
  d.addIndicator({ code: 'ind_wbi', name: 'Indelingswijziging', unit: 'code', aggregation: 'none', weightIndicatorCode: null, direction: 'neutral' });
  d.setMembers('P', [{ code: 'F1', status: 'confirmed' }, { code: 'F2', status: 'confirmed' }, { code: 'F3', status: 'confirmed' }]);
  d.setMembers('F1', [{ code: 'WK1', status: 'proposal' }, { code: 'WK2', status: 'proposal' }]);
  d.setMembers('F2', [{ code: 'WK3', status: 'confirmed' }]);
  d.setMembers('F3', []);
  d.setMembers('WK3', [{ code: 'BU31', status: 'confirmed' }, { code: 'BU32', status: 'confirmed' }]);
  d.setMembers('GM1', [{ code: 'WK1', status: 'confirmed' }, { code: 'WK2', status: 'confirmed' }, { code: 'WK3', status: 'confirmed' }]);
  // 2024
  d.addFigure('WK1', 'a_woning', '2024', fig(1000, 'C2')).addFigure('WK1', 'p_koopw', '2024', fig(80, 'D2'));
  d.addFigure('WK2', 'a_woning', '2024', fig(3000, 'C3')).addFigure('WK2', 'p_koopw', '2024', fig(20, 'D3'));
  d.addFigure('BU31', 'a_woning', '2024', fig(500, 'C4')).addFigure('BU31', 'p_koopw', '2024', fig(60, 'D4'));
  d.addFigure('BU32', 'a_woning', '2024', fig(1500, 'C5')).addFigure('BU32', 'p_koopw', '2024', fig(0, 'D5', 'nil'));
  d.addFigure('GM1', 'a_woning', '2024', fig(6100, 'C6')).addFigure('GM1', 'p_koopw', '2024', fig(30, 'D6'));
  // 2022
  d.addFigure('WK1', 'a_woning', '2022', fig(1000, 'C2')).addFigure('WK1', 'p_koopw', '2022', fig(70, 'D2'));
  d.addFigure('WK2', 'a_woning', '2022', fig(3000, 'C3')).addFigure('WK2', 'p_koopw', '2022', fig(10, 'D3'));
  d.addFigure('BU31', 'a_woning', '2022', fig(500, 'C4')).addFigure('BU31', 'p_koopw', '2022', fig(null, 'D4', 'unknown'));
  d.addFigure('BU32', 'a_woning', '2022', fig(1500, 'C5')).addFigure('BU32', 'p_koopw', '2022', fig(5, 'D5'));
  d.addFigure('GM1', 'a_woning', '2022', fig(6000, 'C6')).addFigure('GM1', 'p_koopw', '2022', fig(28, 'D6'));
  // editions: all codes in 2022, 2023 and 2024; WK2's boundary changed in 2023
  for (const code of ['WK1', 'WK2', 'WK3', 'BU31', 'BU32']) {
    for (const y of ['2022', '2023', '2024']) d.addFigure(code, 'ind_wbi', y, fig(code === 'WK2' && y === '2023' ? 3 : 1, 'G1'));
  }
  return d;
}

const ind = (d: MemoryCompareData, code: string, period: string | null, comparePeriod: string | null = null): TableIndicator => ({
  ...(d.indicator(code) as NonNullable<ReturnType<MemoryCompareData['indicator']>>), theme: 'wonen', period, comparePeriod,
});
const row = (role: TableRowSpec['role'], areaCode: string, compositionStatus: TableRowSpec['compositionStatus'] = null): TableRowSpec => ({ role, areaCode, referenceFor: [], compositionStatus });

describe('the comparison table (hand-computed)', () => {
  const d = world();
  const table = buildCompareTable({
    period: '2024', compareTo: '2022', minCoverage: 1,
    indicators: [ind(d, 'p_koopw', '2024', '2022'), ind(d, 'a_woning', '2024', '2022')],
    rows: [row('municipality', 'GM1'), row('total', 'P'), row('area', 'F1', 'proposal'), row('area', 'F2', 'confirmed'), row('area', 'F3', 'unknown'), row('area', 'WK1')],
    spreadAreas: ['F1', 'F2', 'F3'],
  }, d);
  const cell = (area: string, indicator: string) => {
    const r = table.rows.find((x) => x.areaCode === area);
    const c = r?.cells.find((x) => x.indicatorCode === indicator);
    if (!c) throw new Error(`${area}/${indicator}`);
    return c;
  };

  it('aggregates a focus area with a weighted mean and lists its members with their source cells', () => {
    const c = cell('F1', 'p_koopw');
    expect(c.value).toBe(35); // (80·1000 + 20·3000) / 4000
    expect(c.aggregated).toBe(true);
    expect(c.coverage).toBe(1);
    expect(c.members).toEqual(['WK1', 'WK2']);
    expect(c.memberDetail?.map((m) => [m.code, m.value, m.weight, m.status, m.source?.cell])).toEqual([['WK1', 80, 1000, 'proposal', 'D2'], ['WK2', 20, 3000, 'proposal', 'D3']]);
    expect(c.source).toBe('gewogen gemiddelde (gewicht a_woning) van 2 leden: WK1 (kwb.xlsx, blad Blad1, cel D2); WK2 (kwb.xlsx, blad Blad1, cel D3)');
  });

  it('aggregates upward through a district that is its neighbourhoods (a "-" neighbourhood is zero)', () => {
    // WK3 = (60·500 + 0·1500) / 2000 = 15; F2 = WK3
    expect(cell('F2', 'p_koopw').value).toBe(15);
    expect(cell('F2', 'a_woning').value).toBe(2000);
    expect(cell('F2', 'p_koopw').memberDetail?.[0]?.aggregated).toBe(true);
  });

  it("says 'samenstelling onbekend' for a focus area without members, never zero", () => {
    const c = cell('F3', 'a_woning');
    expect(c.value).toBeNull();
    expect(c.missingReason).toBe('samenstelling onbekend');
    expect(c.rank).toBeNull();
  });

  it('takes deltas, and refuses one across a boundary change', () => {
    // WK1: 80 − 70
    expect(cell('WK1', 'p_koopw').delta).toBe(10);
    // F1 has WK2, whose boundary changed in 2023
    const f1 = cell('F1', 'p_koopw');
    expect(f1.delta).toBeNull();
    expect(f1.compareValue).toBe(25); // (70·1000 + 10·3000) / 4000 — computed but not compared
    expect(f1.deltaNote).toMatch(/afbakening van WK2 gewijzigd in 2023/);
    // F2 in 2022: BU31 has '.', so WK3 has no figure at full coverage, so neither has F2, and no delta
    expect(cell('F2', 'p_koopw').compareValue).toBeNull();
    expect(cell('F2', 'p_koopw').deltaNote).toBe('geen cijfer in 2022 (dekking 0 van 1 lid (0%), 0% van het gewicht, onder de drempel van 100%)');
    // the municipality's own figures: 30 − 28
    expect(cell('GM1', 'p_koopw').delta).toBe(2);
  });

  it('an imported figure wins over the aggregate, and the difference is shown', () => {
    const c = cell('GM1', 'a_woning');
    expect(c.value).toBe(6100);
    expect(c.aggregated).toBe(false);
    expect(c.source).toBe('kwb.xlsx, blad Blad1, cel C6');
    expect(c.importedVsAggregate).toEqual({ imported: 6100, aggregate: 6000, difference: 100 }); // 1000 + 3000 + 2000
  });

  it('ranks and colours only the shown areas, direction-aware', () => {
    // p_koopw (higher_better) among F1 35, F2 15, F3 –, WK1 80
    expect([cell('F1', 'p_koopw').rank, cell('F2', 'p_koopw').rank, cell('F3', 'p_koopw').rank, cell('WK1', 'p_koopw').rank]).toEqual([2, 3, null, 1]);
    expect([cell('F1', 'p_koopw').colourClass, cell('F2', 'p_koopw').colourClass, cell('WK1', 'p_koopw').colourClass]).toEqual([0, -2, 2]);
    expect(cell('GM1', 'p_koopw').rank).toBeNull();
    expect(cell('F1', 'a_woning').colourClass).toBeNull(); // neutral
  });

  it('the programme total: needs every focus area at full coverage; the spread is across the focus areas', () => {
    const total = cell('P', 'a_woning');
    expect(total.value).toBeNull(); // F3 has no composition
    expect(total.missingReason).toBe('dekking 2 van 3 leden (66,7%), onder de drempel van 100%');
    expect(total.spread).toEqual({ n: 2, min: 2000, max: 4000, p10: 2200, p90: 3800, minAreaCode: 'F2', maxAreaCode: 'F1' });
    const lowered = buildCompareTable({
      period: '2024', compareTo: null, minCoverage: 0.5, indicators: [ind(d, 'a_woning', '2024')], rows: [row('total', 'P')], spreadAreas: ['F1', 'F2', 'F3'],
    }, d);
    expect(lowered.rows[0]?.cells[0]?.value).toBe(6000);
    expect(lowered.rows[0]?.cells[0]?.coverage).toBeCloseTo(2 / 3, 12);
  });

  it('a column without any period says so', () => {
    const t = buildCompareTable({ period: 'latest', compareTo: null, minCoverage: 1, indicators: [ind(d, 'a_woning', null)], rows: [row('area', 'WK1')], spreadAreas: [] }, d);
    expect(t.rows[0]?.cells[0]?.value).toBeNull();
    expect(t.rows[0]?.cells[0]?.missingReason).toMatch(/geen cijfer in enige periode/);
  });
});

describe('large aggregates', () => {
  it('name ten members in the one-line source and count the rest; member detail can be left out', () => {
    const d = new MemoryCompareData();
    d.addSource(1, { kind: 'file', title: 'kwb.xlsx', file: 'kwb.xlsx', sheet: 'Blad1' });
    d.addIndicator({ code: 'a_inw', name: 'Inwoners', unit: 'count', aggregation: 'sum', weightIndicatorCode: null, direction: 'neutral' });
    d.addArea({ code: 'F', name: 'F', kind: 'focus_area' });
    const links = Array.from({ length: 12 }, (_, i) => ({ code: `BU${String(i).padStart(2, '0')}`, status: 'confirmed' as const }));
    links.forEach((l, i) => {
      d.addArea({ code: l.code, name: l.code, kind: 'neighbourhood' });
      d.addFigure(l.code, 'a_inw', '2024', { value: 100 + i, low: null, high: null, sign: null, qualifier: null, sourceId: 1, cell: `H${i + 2}`, raw: String(100 + i) });
    });
    d.setMembers('F', links);
    const spec = (memberDetail: boolean) => ({
      period: '2024' as const, compareTo: null, minCoverage: 1, memberDetail, spreadAreas: [],
      indicators: [{ ...(d.indicator('a_inw') as NonNullable<ReturnType<MemoryCompareData['indicator']>>), theme: 'bevolking' as const, period: '2024', comparePeriod: null }],
      rows: [{ role: 'area' as const, areaCode: 'F', referenceFor: [], compositionStatus: 'confirmed' as const }],
    });
    const full = buildCompareTable(spec(true), d).rows[0]?.cells[0];
    expect(full?.value).toBe(12 * 100 + (11 * 12) / 2); // 1266
    expect(full?.source).toMatch(/^som van 12 leden: BU00 \(kwb\.xlsx, blad Blad1, cel H2\); .*BU09 \(kwb\.xlsx, blad Blad1, cel H11\); … en 2 andere leden$/);
    expect(full?.memberDetail).toHaveLength(12);
    const lean = buildCompareTable(spec(false), d).rows[0]?.cells[0];
    expect(lean?.value).toBe(1266);
    expect(lean?.memberDetail).toBeNull();
    expect(lean?.members).toHaveLength(12);
  });
});
