import { describe, expect, it } from 'vitest';
import { buildAreaIndex, matchArea, type KnownArea } from '../../../shared/domain/areas/match-area';
import { namedAreaCode } from '../../../shared/domain/areas/named-areas';
import { formKey } from '../../../shared/domain/areas/normalise-name';

// Issue 15, class 9: the forms a municipality writes CBS's names in. Names as in CBS-Utrecht-kwb-2024.xlsx.
const areas: KnownArea[] = [
  { code: 'GM0344', name: 'Utrecht', kind: 'municipality' },
  { code: 'WK034402', name: 'Wijk 02 Noordwest', kind: 'district', parentCode: 'GM0344' },
  { code: 'BU03440231', name: 'Julianapark en omgeving', kind: 'neighbourhood', parentCode: 'WK034402' },
  { code: 'BU03440232', name: 'Elinkwijk en omgeving', kind: 'neighbourhood', parentCode: 'WK034402' },
  { code: 'BU03440233', name: 'Prins Bernhardplein en omgeving', kind: 'neighbourhood', parentCode: 'WK034402' },
  { code: 'BU03440241', name: 'Geuzenwijk', kind: 'neighbourhood', parentCode: 'WK034402' },
  { code: 'BU03440311', name: 'Taag- en Rubicondreef en omgeving', kind: 'neighbourhood', parentCode: 'WK034403' },
  { code: 'GM0344-eigen-lombok-west', name: 'Lombok-West', kind: 'other', parentCode: 'GM0344' },
  { code: 'GM0599', name: 'Rotterdam', kind: 'municipality' },
  { code: 'BU05990110', name: 'Elinkwijk en omgeving', kind: 'neighbourhood', parentCode: 'WK059901' },
];
const index = buildAreaIndex(areas);

describe('formKey: the common forms folded to one', () => {
  it.each([
    ['Buurt Elinkwijk e.o.', 'elinkwijk en omgeving'],
    ['Elinkwijk en omgeving', 'elinkwijk en omgeving'],
    ['Buurt Julianapark e.o', 'julianapark en omgeving'],
    ['Pr. Bernhardplein e.o.', 'prins bernhardplein en omgeving'],
    ['Taag & Rubicondreef e.o.', 'taag en rubicondreef en omgeving'],
    ['Taag- en Rubicondreef en omgeving', 'taag en rubicondreef en omgeving'],
    ['Stadsdeel Zuidoost', 'zuidoost'],
    ['Wijk 03 Overvecht', 'overvecht'],
    ['Wijk Overvecht', 'overvecht'],
    ['Buurt', 'buurt'],
    // Not a form: "eo" inside a word and "pr" without a dot stay as written.
    ['Leo Smitplein', 'leo smitplein'],
    ['Prinsenhof', 'prinsenhof'],
  ])('%s → %s', (name, key) => {
    expect(formKey(name)).toBe(key);
  });
});

describe('matchArea with the common forms (within Utrecht)', () => {
  const m = (name: string) => matchArea({ name, within: 'GM0344' }, index);
  it('matches the same name in another form, and says so (to remember it as an alias)', () => {
    expect(m('Buurt Elinkwijk e.o.')).toEqual({ status: 'name', code: 'BU03440232', confidence: 1, form: true });
    expect(m('Buurt Julianapark e.o.')).toMatchObject({ status: 'name', code: 'BU03440231', form: true });
    expect(m('Pr. Bernhardplein e.o.')).toMatchObject({ status: 'name', code: 'BU03440233', form: true });
    expect(m('Taag & Rubicondreef e.o.')).toMatchObject({ status: 'name', code: 'BU03440311', form: true });
    // The name as CBS writes it is an exact match, not a form.
    expect(m('Elinkwijk en omgeving')).toEqual({ status: 'name', code: 'BU03440232', confidence: 1 });
  });
  it('offers close names for confirmation, never as certain', () => {
    const geuzen = m('Geuzenwijk, De Driehoek');
    expect(geuzen).toMatchObject({ status: 'fuzzy', code: 'BU03440241', needsConfirmation: true });
    expect(m('Buurt Elinkwyk e.o.')).toMatchObject({ status: 'fuzzy', code: 'BU03440232', needsConfirmation: true });
    // An area created from a name under its gemeente is in that gemeente's scope.
    expect(m('Lombok West')).toMatchObject({ status: 'name', code: 'GM0344-eigen-lombok-west' });
    expect(m('Lombok Wets')).toMatchObject({ status: 'fuzzy', code: 'GM0344-eigen-lombok-west' });
    expect(m('Zuilen-Noord')).toEqual({ status: 'none', candidates: [] });
  });
  it('without a gemeente, the same name in two gemeenten is ambiguous, not guessed', () => {
    expect(matchArea({ name: 'Buurt Elinkwijk e.o.' }, index)).toMatchObject({ status: 'ambiguous' });
  });
});

describe('namedAreaCode: stable, never a CBS code', () => {
  it('folds the name and keeps long ones apart with a hash', () => {
    expect(namedAreaCode('GM0344', 'buurt', 'Buurt Zuilen-noord')).toBe('GM0344-buurt-zuilen-noord');
    expect(namedAreaCode('GM0344', 'eigen', 'Zuilen Noord')).toBe('GM0344-eigen-zuilen-noord');
    const long = namedAreaCode('GM0344', 'wijk', 'Lange Elisabethstraat, Mariaplaats, Drift en Janskerkhof en omgeving');
    expect(long).toMatch(/^GM0344-wijk-lange-elisabethstraat-mariaplaats-drift-[a-z0-9]+$/);
    expect(long).toBe(namedAreaCode('GM0344', 'wijk', 'Lange Elisabethstraat, Mariaplaats, Drift en Janskerkhof en omgeving'));
    expect(namedAreaCode('GM0344', 'buurt', '---')).toBeNull();
  });
});
