import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPreview } from '../../../shared/domain/import/build-preview';
import { fallbackPeriod, periodFromHeader, singleYearIn } from '../../../shared/domain/import/detect-period';
import { gridFromRows } from '../../../shared/domain/import/grid';
import { IndicatorCatalogueFile, loadCatalogue, statlineStem } from '../../../shared/domain/import/indicator-catalogue';
import { shapeKey, shapeSimilarity } from '../../../shared/domain/import/shape-signature';
import { cleanLabel, suggestIndicator } from '../../../shared/domain/import/suggest-indicator';
import { repoRoot } from '../../helpers/real-data';

const raw = JSON.parse(readFileSync(path.join(repoRoot, 'resources/indicators/kwb-catalogue.json'), 'utf8')) as unknown;
const catalogue = loadCatalogue(raw);

describe('KWB catalogue', () => {
  it('validates, with weights that exist and units the store knows', () => {
    const file = IndicatorCatalogueFile.parse(raw);
    expect(file.indicators.length).toBe(115);
    expect(catalogue.byCode.get('p_koopw')).toMatchObject({ unit: 'percent', aggregation: 'weighted_mean', weight: 'a_woning', theme: 'wonen' });
    expect(catalogue.byCode.get('g_wozbag')).toMatchObject({ unit: 'euro_x1000', weight: 'a_woning' });
    expect(catalogue.byCode.get('a_inw')).toMatchObject({ aggregation: 'sum', statline: 'AantalInwoners' });
    expect(catalogue.byCode.get('m_hh_ver')?.aggregation).toBe('none');
  });
  it('refuses a weighted mean without a weight, and an unknown weight', () => {
    const bad = (patch: object) => ({ catalogue: 't', title: 't', source: 's', indicators: [{ code: 'x', name: 'X', statline: null, unit: 'percent', theme: 'wonen', aggregation: 'weighted_mean', weight: null, direction: 'neutral', definition: null, ...patch }] });
    expect(IndicatorCatalogueFile.safeParse(bad({})).success).toBe(false);
    expect(IndicatorCatalogueFile.safeParse(bad({ weight: 'nope' })).success).toBe(false);
    expect(IndicatorCatalogueFile.safeParse(bad({ aggregation: 'sum' })).success).toBe(true);
  });
});

describe('suggestIndicator', () => {
  it.each([
    ['a_inw', 'a_inw', 'code'],
    ['AantalInwoners_5', 'a_inw', 'statline'],
    ['Koopwoningen_47', 'p_koopw', 'statline'],
    ['Gemiddelde WOZ-waarde van woningen', 'g_wozbag', 'name'],
    ['Gezondheid en welzijn|Huisartsenpraktijk|Afstand tot huisartsenpraktijk', 'g_afs_hp', 'name'],
    ['Gemiddelde huishoudensgrote', 'g_hhgro', 'fuzzy'],
    ['Aantal honden', 'aantal_honden', 'new'],
  ])('%j → %s via %s', (label, code, via) => {
    expect(suggestIndicator(label, catalogue)).toMatchObject({ code, via });
  });
  it('keeps new codes unique and marks percentages', () => {
    const taken = new Set<string>();
    expect(suggestIndicator('% eenzaam*', catalogue, taken, true).code).toBe('pct_eenzaam');
    expect(suggestIndicator('Eenzaam', catalogue, taken).code).toBe('eenzaam');
    expect(suggestIndicator('Eenzaam!', catalogue, taken).code).toBe('eenzaam_2');
  });
  it('cleans labels of periods and unit brackets', () => {
    expect(cleanLabel('Inwoners|2020')).toBe('Inwoners');
    expect(cleanLabel('Gemiddeld inkomen (x1000 euro)|2020')).toBe('Gemiddeld inkomen');
    expect(statlineStem('AantalInwoners_5')).toBe('aantalinwoners');
  });
});

describe('periods', () => {
  it.each([
    ['2021', '2021', false],
    ['2022*', '2022', true],
    ['Inwoners|2020', '2020', false],
    ['2019JJ00', '2019', false],
    ['Bevolking (2023)', '2023', false],
    ['Bevolkingsprognose 2015', null, false],
    ['Bouwjaar voor 2000', null, false],
    // Issue 15, class 4: the period ending a label, in the ways files write it.
    ['inwoners 2024', '2024', false],
    ['bevolking naar leeftijd|2024', '2024', false],
    ['Aantal woningen (2023)', '2023', false],
    ['1 januari 2024', '2024', false],
    ['Inwoners 1 januari 2024', '2024', false],
    ['Huishoudens per 1 jan 2023*', '2023', true],
    ['peildatum 31-12-2023', '2023', false],
    ['Woningen gebouwd na 2000', null, false],
    ['Woningen 1945 tot 2000', null, false],
  ])('%j → %s', (label, period, provisional) => {
    const p = periodFromHeader(label);
    expect(p?.period ?? null).toBe(period);
    if (p && /[a-z]/i.test(label.replace(/januari|jan|peildatum/gi, ''))) expect(p.stem).not.toMatch(/(19|20)\d{2}/);
    if (p) expect(p.provisional).toBe(provisional);
  });
  it('reads a year from titles and file names, never from a date stamp', () => {
    expect(singleYearIn('kwb-2024')).toBe('2024');
    expect(singleYearIn('WijkEenzaamheid2016')).toBe('2016');
    expect(singleYearIn('SES_WOA_scores_per_wijk_en_buurt_25042023_160857')).toBeNull();
    expect(singleYearIn('Prognose 2020-2040')).toBeNull();
    expect(fallbackPeriod(['Kerncijfers 2022'], 'Blad1', 'x_2021.xlsx')).toEqual({ period: '2022', from: 'title', text: 'Kerncijfers 2022' });
    expect(fallbackPeriod([], 'Blad1', 'Nabijheid_2021_17012023_183355.csv')).toMatchObject({ period: '2021', from: 'file_name' });
  });
});

describe('recipes and shape signatures', () => {
  const year = (y: number, swap = false) => {
    const header = ['gwb_code_10', 'regio', `Inwoners|${y}`, `Koopwoningen (%)|${y}`];
    const row = ['GM0344', 'Utrecht', 374238, 44.1];
    const order = swap ? [0, 1, 3, 2] : [0, 1, 2, 3];
    return gridFromRows(`kwb ${y}`, [order.map((i) => header[i] ?? null), order.map((i) => row[i] ?? null)]);
  };
  const areas = [{ code: 'GM0344', name: 'Utrecht', kind: 'municipality' as const }];

  it('ignores periods and case in shape keys', () => {
    expect(shapeKey('Inwoners|2020')).toBe(shapeKey('INWONERS | 2021'));
    expect(shapeSimilarity(['a', 'b', 'c'], ['a', 'b', 'd'])).toBe(0.5);
  });

  it("applies last year's confirmed mapping to next year's file, also with columns moved", () => {
    const first = buildPreview({ grid: year(2023), file: { name: 'kwb-2023.xlsx', format: 'xlsx' }, areas, catalogue }).preview;
    // The analyst maps the new column to the catalogue's p_koopw and saves the recipe.
    const recipe = { ...first.recipe, measures: first.recipe.measures.map((m) => (m.key === 'koopwoningen' ? { ...m, indicator: 'p_koopw', indicatorName: 'Koopwoningen', isNew: false } : m)) };
    const saved = [{ name: 'kwb', signature: first.signature, recipe }];

    const same = buildPreview({ grid: year(2024), file: { name: 'kwb-2024.xlsx', format: 'xlsx' }, areas, catalogue, recipes: saved }).preview;
    expect(same.signature).toBe(first.signature);
    expect(same.recipeMatch).toEqual({ name: 'kwb', how: 'signature', similarity: 1 });
    expect(same.measures.find((m) => m.label.startsWith('Koopwoningen'))?.indicator).toMatchObject({ code: 'p_koopw', via: 'recipe' });
    expect(same.period).toMatchObject({ source: 'header' });
    expect(same.measures.map((m) => m.period)).toEqual(['2024', '2024']);

    const moved = buildPreview({ grid: year(2025, true), file: { name: 'kwb-2025.xlsx', format: 'xlsx' }, areas, catalogue, recipes: saved }).preview;
    expect(moved.signature).not.toBe(first.signature);
    expect(moved.recipeMatch).toMatchObject({ name: 'kwb', how: 'similar', similarity: 1 });
    expect(moved.measures.find((m) => m.column === 'C')?.indicator.code).toBe('p_koopw');
  });
});
