import { describe, expect, it } from 'vitest';
import {
  ERROR_TEXT,
  formatBytes,
  formatCount,
  formatDecimal,
  formatFigure,
  formatFixed,
  formatInteger,
  formatMillions,
  formatParam,
  formatParamValue,
  formatPercent,
  formatPlain,
  formatValue,
  SEVERITY_TEXT,
  whereText,
  type FigureLike,
} from '../../../shared/domain/format';
import { ErrorCode } from '../../../shared/errors';

const fig = (over: Partial<FigureLike>): FigureLike => ({ value: null, low: null, high: null, qualifier: null, sign: null, unit: 'count', ...over });

describe('the one Dutch formatter: the programme letter’s figures', () => {
  it.each([
    ['ca. 15.000', fig({ value: 15000, qualifier: 'about' })],
    ['bijna 1.400', fig({ value: 1400, qualifier: 'nearly' })],
    ['30.000–40.000', fig({ low: 30000, high: 40000 })],
    ['€ 256 mln', fig({ value: 256_000_000, unit: 'euro' })],
    ['€ 143 mln', fig({ value: 143_000_000, unit: 'euro_per_year' })],
    ['ca. 70%', fig({ value: 70, unit: 'percent', qualifier: 'about' })],
    ['0,9%', fig({ value: 0.9, unit: 'percent' })],
    ['.', fig({ sign: 'unknown' })],
    ['x', fig({ sign: 'secret' })],
    ['-', fig({ value: 0, sign: 'nil' })],
    ['12,5%*', fig({ value: 12.5, unit: 'percent', sign: 'provisional' })],
  ])('%s', (expected, f) => {
    expect(formatFigure(f)).toBe(expected);
  });
});

describe('rounding rules and decimals', () => {
  it('rounds to tens, hundreds and thousands, half away from zero', () => {
    expect(formatFigure(fig({ value: 4594 }), { round: 'tens' })).toBe('4.590');
    expect(formatFigure(fig({ value: 4595 }), { round: 'tens' })).toBe('4.600');
    expect(formatFigure(fig({ value: -4595 }), { round: 'tens' })).toBe('-4.600');
    expect(formatFigure(fig({ value: 1449.9 }), { round: 'hundreds' })).toBe('1.400');
    expect(formatFigure(fig({ value: 14_987, qualifier: 'about' }), { round: 'thousands' })).toBe('ca. 15.000');
    expect(formatFigure(fig({ low: 29_640, high: 39_960 }), { round: 'thousands' })).toBe('30.000–40.000');
    expect(formatFigure(fig({ value: 4 }), { round: 'tens' })).toBe('0');
  });
  it('shows euro millions with one decimal when asked, and plain euro', () => {
    expect(formatFigure(fig({ value: 256_000_000, unit: 'euro' }), { euro: 'million', decimals: 1, fixed: true })).toBe('€ 256,0 mln');
    expect(formatFigure(fig({ value: 85_333_000, unit: 'euro' }), { euro: 'million', decimals: 1 })).toBe('€ 85,3 mln');
    expect(formatFigure(fig({ value: 250_000, unit: 'euro' }), { euro: 'million', decimals: 1 })).toBe('€ 0,3 mln');
    expect(formatFigure(fig({ value: 256_000_000, unit: 'euro' }), { euro: 'plain' })).toBe('€ 256.000.000');
    expect(formatValue(1_250_000_000, 'euro')).toBe('€ 1,25 mld');
    expect(formatValue(950, 'euro')).toBe('€ 950');
  });
  it('keeps the older digits argument and fixes decimals on request', () => {
    expect(formatFigure(fig({ value: 12.345, unit: 'percent' }), 2)).toBe('12,35%');
    expect(formatFigure(fig({ value: 16 }), { decimals: 1, fixed: true })).toBe('16,0');
    expect(formatFigure(fig({ value: -12.25 }))).toBe('-12,3');
  });
});

describe('number helpers', () => {
  it.each([
    [formatCount(1234567), '1.234.567'],
    [formatCount(0.0015), '0,002'],
    [formatInteger(12345.6), '12.346'],
    [formatFixed(85.333, 2), '85,33'],
    [formatFixed(16, 1), '16,0'],
    [formatDecimal(2.5, 2), '2,5'],
    [formatPlain(2028), '2028'],
    [formatMillions(85_333_000), '85,33'],
    [formatMillions(256_000_000, 1), '256,0'],
    [formatPercent(0.9), '0,9%'],
    [formatPercent(70, 0), '70%'],
    [formatBytes(512), '512 bytes'],
    [formatBytes(24_500), '24 kB'],
    [formatBytes(3.5 * 1024 * 1024), '3,5 MB'],
  ])('%s = %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('scenario parameters', () => {
  it('formats values and ranges as the assumptions list shows them', () => {
    expect(formatParamValue(256_000_000, 'euro')).toBe('€ 256 mln');
    expect(formatParamValue(12_500, 'euro')).toBe('€ 12.500');
    expect(formatParamValue(2.5, 'pct')).toBe('2,5%');
    expect(formatParamValue(1.5, 'years')).toBe('1,5 jaar');
    expect(formatParam({ low: 1, high: 3, dist: 'triangular', mode: 2 }, 'pct')).toBe('1% tot 3% (driehoekig, modus 2%)');
    expect(formatParam({ value: 4590 }, 'count')).toBe('4.590');
  });
});

describe('severities and error codes in Dutch', () => {
  it('uses one word per severity, in the wizard and the CLI alike', () => {
    expect(SEVERITY_TEXT).toEqual({ error: 'fout', warning: 'waarschuwing', info: 'ter info' });
  });
  it('has a Dutch text for every error code', () => {
    for (const code of ErrorCode.options) expect(ERROR_TEXT[code], code).toMatch(/\.$/);
  });
  it('says where a problem sits', () => {
    expect(whereText({ file: 'kwb.xlsx', sheet: 'Data', cell: 'B7', row: 7 })).toBe('bestand kwb.xlsx, blad Data, cel B7');
    expect(whereText({ sheet: 'Data', row: 7, column: 'C' })).toBe('blad Data, rij 7, kolom C');
    expect(whereText(undefined)).toBe('');
  });
});
