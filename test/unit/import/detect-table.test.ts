import { describe, expect, it } from 'vitest';
import { buildAreaIndex } from '../../../shared/domain/areas/match-area';
import { detectPlan } from '../../../shared/domain/import/detect-plan';
import { detectTable } from '../../../shared/domain/import/detect-table';
import { gridFromRows } from '../../../shared/domain/import/grid';
import { headerLabels } from '../../../shared/domain/import/header-labels';
import { emptyCatalogue } from '../../../shared/domain/import/indicator-catalogue';

describe('detectTable', () => {
  it('separates title, two header rows, data and footnotes, and finds empty columns', () => {
    const grid = gridFromRows('s', [
      ['Kerncijfers 2022'],
      [],
      ['Gebied', null, 'Bevolking', null, null],
      [null, null, 'Inwoners', '65+ (%)', null],
      ['Overvecht', null, 35255, 13.9, null],
      ['Zuilen', null, 23000, '.', null],
      [],
      ['Bron: CBS'],
    ]);
    const t = detectTable(grid);
    expect(t).toMatchObject({ titleRows: [0], headerRows: [2, 3], firstDataRow: 4, lastDataRow: 5, footnoteRows: [7], emptyCols: [1], titles: ['Kerncijfers 2022'], footnotes: ['Bron: CBS'] });
  });
  it('does not take a row of years for data', () => {
    const grid = gridFromRows('s', [
      ['Gebied', '2021', '2022', '2023*'],
      ['Overvecht', 35000, 35255, 35400],
    ]);
    expect(detectTable(grid)).toMatchObject({ headerRows: [0], firstDataRow: 1 });
  });
  it('finds the body of a text-heavy table by its figure columns', () => {
    const grid = gridFromRows('s', [
      ['SORT', 'Variabele', 'Label', 'Definitie', 'Rekeneenheid'],
      [1, 'BEVTOTAAL', 'Bevolking totaal', 'Personen op 1 januari', 2],
      [11, 'BEV_PROG2015', 'Bevolkingsprognose 2015', 'Prognose uit 2015', 2],
    ]);
    expect(detectTable(grid)).toMatchObject({ headerRows: [0], firstDataRow: 1, lastDataRow: 2 });
  });
});

describe('headerLabels', () => {
  it('fills merged cells from the left and from above', () => {
    const grid = gridFromRows(
      's',
      [
        ['Gebied', 'Bevolking', null],
        [null, 'Mannen', 'Vrouwen'],
      ],
      [
        { r1: 0, c1: 0, r2: 1, c2: 0 },
        { r1: 0, c1: 1, r2: 0, c2: 2 },
      ],
    );
    expect(headerLabels(grid, [0, 1], 0, 2).map((h) => h.label)).toEqual(['Gebied', 'Bevolking | Mannen', 'Bevolking | Vrouwen']);
  });
  it('carries group labels right without merge information, but not past the group', () => {
    const grid = gridFromRows('s', [
      ['Gebied', 'Bevolking', null, 'Wonen', null],
      [null, 'Mannen', 'Vrouwen', 'Woningen', null],
    ]);
    expect(headerLabels(grid, [0, 1], 0, 4).map((h) => h.label)).toEqual(['Gebied', 'Bevolking | Mannen', 'Bevolking | Vrouwen', 'Wonen | Woningen', '']);
  });
});

describe('detectPlan', () => {
  const index = buildAreaIndex([{ code: 'GM0344', name: 'Utrecht', kind: 'municipality' }]);
  it('reads a wide table with integer codes whose level the header names', () => {
    const grid = gridFromRows('s', [
      ['Jaar', 'Gemeentecode', 'Gemeentenaam', 'Inwoners'],
      [2023, 344, 'Utrecht', 374238],
      [2023, 80, 'Leeuwarden', 125000],
    ]);
    const { plan } = detectPlan(grid, 'x.xlsx', index, emptyCatalogue());
    expect(plan.layout).toBe('wide');
    expect(plan.area).toMatchObject({ codeColumn: 1, nameColumn: 2, level: 'municipality' });
    expect(plan.period).toEqual({ source: 'column', column: 0 });
    expect(plan.measures.map((m) => [m.key, m.unit])).toEqual([['Inwoners', 'count']]);
  });
  it('reads a transposed table from a row of area codes', () => {
    const grid = gridFromRows('s', [
      ['Onderwerp', 'Nederland', 'Utrecht'],
      ['Codering', 'NL00', 'GM0344'],
      ['Afstand tot school (km)', '0,7', '0,6'],
    ]);
    const { plan } = detectPlan(grid, 'nabijheid_2021.csv', index, emptyCatalogue());
    expect(plan.layout).toBe('transposed');
    expect(plan.area).toMatchObject({ codeRow: 1, nameRow: 0 });
    expect(plan.period).toMatchObject({ source: 'fixed', period: '2021', from: 'file_name' });
    expect(plan.measures[0]).toMatchObject({ row: 2, unit: 'km' });
  });
  it('reads columns headed by years as one indicator over several periods', () => {
    const grid = gridFromRows('Blad1', [
      ['Aantal woningen naar wijk'],
      ['Wijk', '2021', '2022', '2023*'],
      ['WK034403', 15000, 15120, 15200],
    ]);
    const { plan } = detectPlan(grid, 'woningen.xlsx', index, emptyCatalogue());
    expect(plan.period).toEqual({ source: 'header' });
    expect(plan.measures.map((m) => [m.period, m.provisional, m.indicator.code])).toEqual([
      ['2021', false, 'aantal_woningen_naar_wijk'],
      ['2022', false, 'aantal_woningen_naar_wijk'],
      ['2023', true, 'aantal_woningen_naar_wijk'],
    ]);
  });

  it('honours the analyst: layout, header rows and period', () => {
    const grid = gridFromRows('s', [
      ['notitie', 'x'],
      ['Gebied', 'Inwoners'],
      ['GM0344', 374238],
    ]);
    const { plan, layoutReason } = detectPlan(grid, 'x.csv', index, emptyCatalogue(), { headerRows: [1], period: '2024', within: 'GM0344' });
    expect(plan.region).toMatchObject({ headerRows: [1], firstDataRow: 2 });
    expect(plan.period).toEqual({ source: 'fixed', period: '2024', from: 'user' });
    expect(plan.area.within).toBe('GM0344');
    expect(layoutReason).toMatch(/areas down the side/);
  });
});
