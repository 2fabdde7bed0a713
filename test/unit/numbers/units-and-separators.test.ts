import { describe, expect, it } from 'vitest';
import { shiftDecimal } from '../../../shared/domain/numbers/decimal-string';
import { decimalVote, detectDecimalSeparator } from '../../../shared/domain/numbers/detect-decimal-separator';
import { unitFromHeader } from '../../../shared/domain/numbers/unit-from-header';
import { conversionFactor } from '../../../shared/domain/numbers/units';

describe('decimalVote', () => {
  it.each([
    ['35,7', ','],
    ['1.234,5', ','],
    ['1.234.567', ','],
    ['20.8', '.'],
    ['  -0.100', '.'],
    ['1,234.5', '.'],
    ['1,234,567', '.'],
    ['0,125', ','],
    ['1.400', null],
    ['1,400', null],
    ['457400', null],
    ['.', null],
    ['€ 12,50', ','],
    ['70%', null],
  ])('%j → %s', (text, vote) => expect(decimalVote(text)).toBe(vote));
});

describe('detectDecimalSeparator', () => {
  it('lets unambiguous cells decide the ambiguous ones', () => {
    expect(detectDecimalSeparator(['1.400', '2.500', '3,5']).separator).toBe(',');
    expect(detectDecimalSeparator(['1.400', '2.500', '3.25']).separator).toBe('.');
  });
  it('stays undecided when nothing settles it or votes conflict', () => {
    expect(detectDecimalSeparator(['1.400', '12', '.']).separator).toBeNull();
    const mixed = detectDecimalSeparator(['1,5', '2,5', '3.25', '4.75']);
    expect(mixed).toEqual({ separator: null, commaVotes: 2, pointVotes: 2, mixed: true });
  });
});

describe('unitFromHeader', () => {
  it.each([
    ['Opleidingsniveau/Laag/Waarde (%)', 'percent', 1],
    ['% eenzaam*', 'percent', 1],
    ['Voelt zich niet zo gelukkig of ongelukkig %|2020', 'percent', 1],
    ['Particuliere huishoudens (Aantal)', 'count', 1],
    ['SES-WOA/Totaalscore/Gemiddelde score (Getal)', 'number', 1],
    ['Gemiddeld persoonlijk inkomen per inkomensontvanger (x1000 euro)|2020', 'euro', 1000],
    ['Uitgaven (x € 1.000)', 'euro', 1000],
    ['Subsidie (mln euro)', 'euro', 1e6],
    ['Budget miljoen euro', 'euro', 1e6],
    ['Inwoners x 1 000', undefined, 1000],
    ['Wmo-cliënten per 1 000 inwoners', 'per_1000_residents', 1],
    ['Afstand tot huisartsenpraktijk (km)', 'km', 1],
    ['Oppervlakte land (ha)', 'ha', 1],
    ['Woningvoorraadsom', undefined, 1],
    // A unit in parentheses at the end wins over words earlier in the label (issue 15, class 10).
    ['Nabijheid/Aantal huisartsenpraktijken/Binnen 1 km (aantal)', 'count', 1],
    ['Afstand tot school binnen 3 km (%)|2023', 'percent', 1],
    ['Oppervlakte in km2 per wijk (Getal) 2024', 'number', 1],
    ['Aandeel huurwoningen (aantal) (2023)', 'count', 1],
    ['Inkomen x 1 000 (euro)', 'euro', 1000],
    ['Binnen 1 km (2023)', 'km', 1],
  ])('%j → %s × %d', (header, base, factor) => {
    const u = unitFromHeader(header);
    expect(u.base).toBe(base);
    expect(u.factor).toBe(factor);
  });
});

describe('units', () => {
  it('converts between scaled euro units and refuses different bases', () => {
    expect(conversionFactor({ base: 'euro', factor: 1000 }, 'euro_x1000')).toBe(1);
    expect(conversionFactor({ base: 'euro', factor: 1000 }, 'euro')).toBe(1000);
    expect(conversionFactor({ base: 'euro', factor: 1 }, 'euro_x1000')).toBe(0.001);
    expect(conversionFactor({ base: 'percent', factor: 1 }, 'count')).toBeNull();
  });
  it('shifts decimal strings exactly', () => {
    expect(shiftDecimal('35.7', 3)).toBe('35700');
    expect(shiftDecimal('-0.1', 2)).toBe('-10');
    expect(shiftDecimal('12', -3)).toBe('0.012');
    expect(shiftDecimal('0.5', -1)).toBe('0.05');
  });
});
