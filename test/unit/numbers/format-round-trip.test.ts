import { describe, expect, it } from 'vitest';
import { detectDecimalSeparator } from '../../../shared/domain/numbers/detect-decimal-separator';
import { formatNl } from '../../../shared/domain/format/number';
import { parseCell } from '../../../shared/domain/numbers/parse-cell';

function valueOf(text: string, decimalSeparator?: ',' | '.'): number | null {
  const r = parseCell({ text }, decimalSeparator ? { decimalSeparator } : {});
  return r.kind === 'number' ? r.value : null;
}

describe('formatNl', () => {
  it.each([
    [1234.5, {}, '1.234,5'],
    [-1234.5, {}, '-1.234,5'],
    [1400, {}, '1.400'],
    [0.001, {}, '0,001'],
    [16, { minDecimals: 1 }, '16,0'],
    [70, { style: 'percent' as const }, '70%'],
    [256_000_000, { style: 'euro' as const, decimals: 0 }, '€\u00a0256.000.000'],
    [1234567, { grouping: false }, '1234567'],
  ])('%d %j → %s', (x, opts, expected) => {
    expect(formatNl(x, opts)).toBe(expected);
  });
});

describe('formatNl → parseCell round trip', () => {
  const table = [0, 1, -1, 12, 999, 1000, 1400, 4590, 15000, 97500, 256_000_000, 1.5, 0.5, 35.7, -0.1, 1.234, 12.345, 1234.567, 1e15];
  it.each(table)('%d survives as decimal, percent and euro', (x) => {
    expect(valueOf(formatNl(x))).toBe(x);
    expect(valueOf(formatNl(x), ',')).toBe(x);
    expect(valueOf(formatNl(x, { style: 'percent' }))).toBe(x);
    expect(valueOf(formatNl(x, { style: 'euro', decimals: 3 }))).toBe(x);
  });

  it('holds for a generated sweep of integers and decimals, with and without a column hint', () => {
    // A fixed linear congruential sequence: the same numbers every run, no flaky seeds.
    let seed = 20241017;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let checked = 0;
    for (let i = 0; i < 5000; i++) {
      const magnitude = 10 ** Math.floor(next() * 12);
      const decimals = Math.floor(next() * 4);
      const sign = next() < 0.2 ? -1 : 1;
      // `|| 0` folds -0 into 0: a written "-0" is zero, and parseCell returns +0 for it.
      const x = sign * Number((next() * magnitude).toFixed(decimals)) || 0;
      const text = formatNl(x, { decimals: 3 });
      expect(valueOf(text), text).toBe(x);
      expect(valueOf(text, ','), text).toBe(x);
      checked++;
    }
    expect(checked).toBe(5000);
  });

  it('a column of formatted figures is detected as decimal comma', () => {
    const texts = [1.5, 1400, 35.7, 1234567.25].map((x) => formatNl(x));
    expect(detectDecimalSeparator(texts).separator).toBe(',');
  });
});
