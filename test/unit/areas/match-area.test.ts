import { describe, expect, it } from 'vitest';
import { buildAreaIndex, matchArea, type KnownArea } from '../../../shared/domain/areas/match-area';
import { compactNameKey, nameKeys, strippedNameKey } from '../../../shared/domain/areas/normalise-name';
import { classifyNonAreaRow } from '../../../shared/domain/areas/totals-rows';

// Codes and names as CBS spells them (taken from the real files in ../shared/data/real).
const areas: KnownArea[] = [
  { code: 'NL00', name: 'Nederland', kind: 'country' },
  { code: 'GM0518', name: "'s-Gravenhage", kind: 'municipality' },
  { code: 'WK051830', name: 'Wijk 30 Transvaalkwartier', kind: 'district', parentCode: 'GM0518' },
  { code: 'GM0599', name: 'Rotterdam', kind: 'municipality' },
  { code: 'GM0344', name: 'Utrecht', kind: 'municipality' },
  { code: 'WK034403', name: 'Wijk 03 Overvecht', kind: 'district', parentCode: 'GM0344' },
  { code: 'GM0363', name: 'Amsterdam', kind: 'municipality' },
  { code: 'GM0772', name: 'Eindhoven', kind: 'municipality' },
  { code: 'WK077211', name: 'Centrum', kind: 'district', parentCode: 'GM0772' },
  { code: 'BU07721110', name: 'Binnenstad', kind: 'neighbourhood', parentCode: 'WK077211' },
  { code: 'BU07724210', name: 'Woensel-West', kind: 'neighbourhood', parentCode: 'WK077242' },
  { code: 'BU07725160', name: 'Vlokhoven', kind: 'neighbourhood', parentCode: 'WK077251' },
  { code: 'WK051828', name: 'Wijk 28 Centrum', kind: 'district', parentCode: 'GM0518' },
  { code: 'GM1680', name: 'Aa en Hunze', kind: 'municipality' },
  { code: 'NPLV15', name: 'Utrecht Overvecht', kind: 'focus_area' },
  { code: 'NPLV09', name: 'Rotterdam-Zuid', kind: 'focus_area' },
];
const index = buildAreaIndex(areas, [
  { alias: 'T', code: 'NPLV13', context: 'bbga' },
  { alias: 'Zuidoost', code: 'NPLV13', context: 'bbga' },
  { alias: 'Den Haag Zuidwest', code: 'NPLV10' },
]);

describe('name keys', () => {
  it('fold case, hyphens, diacritics and CBS prefixes', () => {
    expect(nameKeys("'s-Gravenhage")).toEqual(['s gravenhage', 'den haag']);
    expect(nameKeys('Den Haag')).toEqual(['den haag', 's gravenhage']);
    expect(strippedNameKey('Wijk 00 Annen')).toBe('annen');
    expect(strippedNameKey('Wijk20-Wijngaarden')).toBe('wijngaarden');
    expect(strippedNameKey('Wijk 00')).toBe('wijk 00');
    expect(strippedNameKey('Gemeente Utrecht')).toBe('utrecht');
    expect(compactNameKey('AaenHunze')).toBe(compactNameKey('Aa en Hunze'));
    expect(nameKeys('Skarsterlân')).toEqual(['skarsterlan']);
  });
});

describe('matchArea', () => {
  it('takes codes first, known or not, in every CBS form', () => {
    expect(matchArea({ code: 'WK034403', name: 'something else' }, index)).toMatchObject({ status: 'code', code: 'WK034403', known: true });
    expect(matchArea({ code: 'GM0363    ' }, index)).toMatchObject({ status: 'code', code: 'GM0363', known: true });
    expect(matchArea({ code: 917, codeOptions: { level: 'municipality' } }, index)).toMatchObject({ status: 'code', code: 'GM0917', known: false });
  });

  it('matches names exactly through keys and well-known variants', () => {
    expect(matchArea({ name: 'Den Haag' }, index)).toEqual({ status: 'name', code: 'GM0518', confidence: 1 });
    expect(matchArea({ name: 'rotterdam zuid' }, index)).toEqual({ status: 'name', code: 'NPLV09', confidence: 1 });
    expect(matchArea({ name: 'Overvecht' }, index)).toEqual({ status: 'name', code: 'WK034403', confidence: 1 });
    expect(matchArea({ name: 'AaenHunze' }, index)).toEqual({ status: 'name', code: 'GM1680', confidence: 1 });
    expect(matchArea({ name: 'WOENSEL WEST' }, index)).toEqual({ status: 'name', code: 'BU07724210', confidence: 1 });
  });

  it('uses aliases, with a publisher context for non-CBS codes', () => {
    expect(matchArea({ code: 'T', context: 'bbga' }, index)).toEqual({ status: 'alias', code: 'NPLV13', confidence: 1 });
    expect(matchArea({ code: 'T' }, index).status).toBe('none');
    expect(matchArea({ name: 'den haag zuid-west' }, index)).toEqual({ status: 'alias', code: 'NPLV10', confidence: 1 });
  });

  it('reports a name shared by several areas as ambiguous, and resolves it within a municipality', () => {
    const both = matchArea({ name: 'Centrum' }, index);
    expect(both.status).toBe('ambiguous');
    expect(both.status === 'ambiguous' && both.candidates.map((c) => c.code).sort()).toEqual(['WK051828', 'WK077211']);
    expect(matchArea({ name: 'Centrum', within: 'GM0772' }, index)).toEqual({ status: 'name', code: 'WK077211', confidence: 1 });
  });

  it('offers a fuzzy match only with a confidence and a request to confirm', () => {
    const m = matchArea({ name: 'Vlokhove' }, index);
    expect(m.status).toBe('fuzzy');
    if (m.status !== 'fuzzy') return;
    expect(m.code).toBe('BU07725160');
    expect(m.needsConfirmation).toBe(true);
    expect(m.confidence).toBeGreaterThan(0.8);
    expect(m.confidence).toBeLessThan(1);
  });

  it('gives up honestly', () => {
    expect(matchArea({ name: 'Atlantis' }, index)).toEqual({ status: 'none', candidates: [] });
    expect(matchArea({ name: '' }, index)).toEqual({ status: 'none', candidates: [] });
  });
});

describe('classifyNonAreaRow', () => {
  it.each([
    ['Totaal', null, 'total'],
    ['Buurten totaal', null, 'total'],
    ['Gemeente totaal', null, 'total'],
    ['Onbekend', null, 'catch_all'],
    ['Overig/onbekend', null, 'catch_all'],
    ['Niet toe te wijzen', null, 'catch_all'],
    ['Onbekend', 9999, 'catch_all'],
    ['x', 'BU99999999', 'catch_all'],
    ['-----', null, 'catch_all'],
  ])('%j (code %j) → %s', (label, code, role) => {
    expect(classifyNonAreaRow(label, code)?.role).toBe(role);
  });
  it.each([['Woensel-West'], ['Totaalscore-buurt'], ['Wijk 00'], ['Onbekende Hoek']])('%j is an area', (label) => {
    expect(classifyNonAreaRow(label, 'BU07724210')).toBeNull();
  });
});
