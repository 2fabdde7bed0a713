import { describe, expect, it } from 'vitest';
import {
  levelFromHeader,
  levelOfCode,
  municipalityOf,
  normaliseAreaCode,
  parentCode,
  type NormaliseOptions,
} from '../../../shared/domain/areas/normalise-code';

describe('normaliseAreaCode', () => {
  const cases: Array<[string | number, NormaliseOptions, string | null]> = [
    ['GM0363', {}, 'GM0363'],
    ['GM0363    ', {}, 'GM0363'], // StatLine pads codes to 10 characters
    ['WK036300  ', {}, 'WK036300'],
    ['BU03630000', {}, 'BU03630000'],
    ['gm363', {}, 'GM0363'],
    ['GM 344', {}, 'GM0344'],
    ['NL00', {}, 'NL00'],
    ['NL01', {}, 'NL00'],
    ['nl', {}, 'NL00'],
    // KWB gwb_code_8: digits with their leading zeros, the length gives the level
    ['0344', {}, 'GM0344'],
    ['034401', {}, 'WK034401'],
    ['03440111', {}, 'BU03440111'],
    ['1680', { padded: true }, 'GM1680'],
    ['168000', { padded: true }, 'WK168000'],
    // CBS maatwerk integers without leading zeros: the column says the level
    [3, { level: 'municipality' }, 'GM0003'],
    [300, { level: 'district' }, 'WK000300'],
    [30000, { level: 'neighbourhood' }, 'BU00030000'],
    [917, { level: 'municipality' }, 'GM0917'],
    ['80', { level: 'municipality' }, 'GM0080'],
    [9999, { level: 'municipality' }, 'GM9999'],
    [16800000, {}, null], // a number without a level is never guessed
    ['16800000', {}, 'BU16800000'], // eight digits can only be a buurt
    // Not CBS codes
    ['1680', {}, null],
    [300, {}, null],
    ['T', {}, null],
    ['STAD', {}, null],
    ['Amsterdam', {}, null],
    ['', {}, null],
    ['GM12345', {}, null],
    [3.5, { level: 'municipality' }, null],
    [123456789, { level: 'neighbourhood' }, null],
  ];
  it.each(cases)('%j %j → %s', (raw, opts, expected) => {
    expect(normaliseAreaCode(raw, opts)?.code ?? null).toBe(expected);
  });
});

describe('hierarchy from codes', () => {
  it('derives parents BU → WK → GM → NL00', () => {
    expect(parentCode('BU03440311')).toBe('WK034403');
    expect(parentCode('WK034403')).toBe('GM0344');
    expect(parentCode('GM0344')).toBe('NL00');
    expect(parentCode('NL00')).toBeNull();
    expect(parentCode('T')).toBeNull();
  });
  it('knows a code level and municipality', () => {
    expect(levelOfCode('WK036393')).toBe('district');
    expect(levelOfCode('WK0363')).toBeNull();
    expect(municipalityOf('BU07724210')).toBe('GM0772');
    expect(municipalityOf('NL00')).toBeNull();
  });
  it('reads the level from a header', () => {
    expect(levelFromHeader('Gemeentecode')).toBe('municipality');
    expect(levelFromHeader('gemnr')).toBe('municipality');
    expect(levelFromHeader('Wijkcode')).toBe('district');
    expect(levelFromHeader('Buurtcode')).toBe('neighbourhood');
    expect(levelFromHeader('PC5')).toBeUndefined();
  });
});
