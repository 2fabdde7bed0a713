import { describe, expect, it } from 'vitest';
import { formatFigure } from '../../../shared/domain/format/figure';
import { parsePeriod, periodLabel } from '../../../shared/domain/period';

const f = (over: Partial<Parameters<typeof formatFigure>[0]>) => formatFigure({ value: null, low: null, high: null, qualifier: null, sign: null, unit: 'count', ...over });

describe('formatting a figure for screen and export', () => {
  it.each([
    [{ value: 15000, qualifier: 'about' as const }, 'ca. 15.000'],
    [{ value: 1400, qualifier: 'nearly' as const }, 'bijna 1.400'],
    [{ low: 30000, high: 40000 }, '30.000–40.000'],
    [{ value: 256_000_000, unit: 'euro' }, '€ 256 mln'],
    [{ value: 70, unit: 'percent', qualifier: 'about' as const }, 'ca. 70%'],
    [{ value: 12.5, unit: 'percent', sign: 'provisional' as const }, '12,5%*'],
    [{ value: 0, sign: 'nil' as const }, '-'],
    [{ sign: 'unknown' as const }, '.'],
    [{ sign: 'secret' as const }, 'x'],
    [{ value: -12.25, unit: 'count' }, '-12,3'],
  ])('%o → %s', (input, expected) => {
    expect(f(input)).toBe(expected);
  });
  it('never shows an unknown as zero', () => {
    expect(f({ sign: 'unknown' })).not.toMatch(/0/);
  });
});

describe('periods', () => {
  it('parses years, spans and reference dates', () => {
    expect(parsePeriod('2024')).toEqual({ period: '2024', yearStart: 2024, yearEnd: 2024 });
    expect(parsePeriod('2023–2025')).toEqual({ period: '2023-2025', yearStart: 2023, yearEnd: 2025 });
    expect(parsePeriod('2019-01-01')).toEqual({ period: '2019-01-01', yearStart: 2019, yearEnd: 2019 });
    expect(parsePeriod('2025-2023')).toBeNull();
    expect(parsePeriod('volgend jaar')).toBeNull();
    expect(periodLabel('2023-2025')).toBe('2023–2025');
    expect(periodLabel('2019-01-01')).toBe('1-1-2019');
  });
});
