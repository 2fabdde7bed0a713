import { describe, expect, it } from 'vitest';
import { parseCell } from '../../../shared/domain/numbers/parse-cell';
import type { ColumnContext, ParsedCell } from '../../../shared/domain/numbers/parsed-cell';

const num = (value: number, extra: Record<string, unknown> = {}): ParsedCell => ({ kind: 'number', value, ...extra }) as ParsedCell;

// [cell text, column context, expected]
const cases: Array<[string, ColumnContext, ParsedCell]> = [
  // Plain Dutch and English numbers
  ['1400', {}, num(1400)],
  ['1.400', { decimalSeparator: ',' }, num(1400)],
  ['1.400', { decimalSeparator: '.' }, num(1.4)],
  ['1.400', {}, num(1400, { ambiguous: true })],
  ['1,400', {}, num(1.4, { ambiguous: true })],
  ['1,400', { decimalSeparator: '.' }, num(1400)],
  ['1,5', {}, num(1.5)],
  ['1,5', { decimalSeparator: '.' }, num(1.5)],
  ['35,7', {}, num(35.7)],
  ['1,234.5', {}, num(1234.5)],
  ['1.234,5', {}, num(1234.5)],
  ['1.234.567', {}, num(1234567)],
  ['1,234,567', {}, num(1234567)],
  ['0.400', {}, num(0.4)],
  ['0,125', {}, num(0.125)],
  ['1234,567', {}, num(1234.567)],
  ['17 000', {}, num(17000)],
  ['17\u00a0000,5', {}, num(17000.5)],
  ['  457400', {}, num(457400)],
  ['  -0.100', { decimalSeparator: '.' }, num(-0.1)],
  ['-12', {}, num(-12)],
  ['\u221212', {}, num(-12)],
  ['\u2013 12', {}, num(-12)],
  ['+3', {}, num(3)],
  [',5', {}, num(0.5)],
  // Percentages
  ['70%', {}, num(70, { unit: 'percent' })],
  ['70 %', {}, num(70, { unit: 'percent' })],
  ['70 procent', {}, num(70, { unit: 'percent' })],
  ['12,5 pct', {}, num(12.5, { unit: 'percent' })],
  ['3‰', {}, num(3, { unit: 'per_mille' })],
  // Money and magnitudes
  ['€ 256 miljoen', {}, num(256_000_000, { unit: 'euro' })],
  ['€256 mln', {}, num(256_000_000, { unit: 'euro' })],
  ['1,2 mld euro', {}, num(1_200_000_000, { unit: 'euro' })],
  ['EUR 143 miljoen', {}, num(143_000_000, { unit: 'euro' })],
  ['5 duizend', {}, num(5000)],
  ['€ 1.234,50', {}, num(1234.5, { unit: 'euro' })],
  ['€ -1.234,50', {}, num(-1234.5, { unit: 'euro' })],
  // Column scale from the header; a magnitude in the cell wins
  ['35,7', { scale: 1000 }, num(35700)],
  ['0,1', { scale: 1000 }, num(100)],
  ['€ 2 miljoen', { scale: 1000 }, num(2_000_000, { unit: 'euro' })],
  // Ranges
  ['30.000 tot 40.000', { decimalSeparator: ',' }, num(35000, { low: 30000, high: 40000 })],
  ['30.000–40.000', { decimalSeparator: ',' }, num(35000, { low: 30000, high: 40000 })],
  ['30.000 - 40.000', {}, num(35000, { low: 30000, high: 40000, ambiguous: true })],
  ['tussen 10 en 20', {}, num(15, { low: 10, high: 20 })],
  ['5 tot 10 miljoen', {}, num(7_500_000, { low: 5_000_000, high: 10_000_000 })],
  ['30%-40%', {}, num(35, { low: 30, high: 40, unit: 'percent' })],
  ['ca. 30.000 tot 40.000', { decimalSeparator: ',' }, num(35000, { low: 30000, high: 40000, qualifier: 'about' })],
  // Qualifiers
  ['ca. 15.000', {}, num(15000, { qualifier: 'about', ambiguous: true })],
  ['ca. 15.000', { decimalSeparator: ',' }, num(15000, { qualifier: 'about' })],
  ['circa 70 procent', {}, num(70, { qualifier: 'about', unit: 'percent' })],
  ['ongeveer 70%', {}, num(70, { qualifier: 'about', unit: 'percent' })],
  ['bijna 1.400', { decimalSeparator: ',' }, num(1400, { qualifier: 'nearly' })],
  ['ruim 400', {}, num(400, { qualifier: 'at_least' })],
  ['meer dan 5', {}, num(5, { qualifier: 'at_least' })],
  ['<5', {}, num(5, { qualifier: 'at_most' })],
  ['± 8', {}, num(8, { qualifier: 'about' })],
  // CBS signs
  ['.', {}, { kind: 'sign', sign: 'unknown', value: null }],
  ['       .', {}, { kind: 'sign', sign: 'unknown', value: null }],
  ['x', {}, { kind: 'sign', sign: 'secret', value: null }],
  ['X', {}, { kind: 'sign', sign: 'secret', value: null }],
  ['-', {}, { kind: 'sign', sign: 'nil', value: 0 }],
  ['–', {}, { kind: 'sign', sign: 'nil', value: 0 }],
  ['—', {}, { kind: 'sign', sign: 'nil', value: 0 }],
  ['', {}, { kind: 'sign', sign: 'cannot_occur', value: null }],
  ['   ', {}, { kind: 'sign', sign: 'cannot_occur', value: null }],
  ['', { emptyMeans: 'unknown' }, { kind: 'sign', sign: 'unknown', value: null }],
  ['123*', {}, num(123, { sign: 'provisional' })],
  ['1.234,5 *', {}, num(1234.5, { sign: 'provisional' })],
  ['123**', {}, num(123, { sign: 'revised_provisional' })],
  ['0 (0,0)', {}, num(0, { sign: 'less_than_half_unit' })],
  ['0,0', { zeroIsLessThanHalfUnit: true }, num(0, { sign: 'less_than_half_unit' })],
  ['0', { zeroIsLessThanHalfUnit: true }, num(0, { sign: 'less_than_half_unit' })],
  ['0,0', {}, num(0)],
  // Text and invalid
  ['Amsterdam', {}, { kind: 'text', text: 'Amsterdam' }],
  ['n.v.t.', {}, { kind: 'text', text: 'n.v.t.' }],
  ['12abc', {}, { kind: 'invalid', reason: '"12abc" is not a number' }],
  ['1.2.3,4,5', {}, { kind: 'invalid', reason: '"1.2.3,4,5" is not a number' }],
  ['1.23.456', {}, { kind: 'invalid', reason: '"1.23.456" is not a number' }],
  ['40 tot 30', {}, { kind: 'invalid', reason: '"40 tot 30" is not a number' }],
];

describe('parseCell: text cells', () => {
  it.each(cases)('%j with %j', (text, ctx, expected) => {
    expect(parseCell({ text }, ctx)).toEqual(expected);
  });

  it('says why a bracketed figure needs a decision instead of guessing its sign', () => {
    const r = parseCell({ text: '(12)' });
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' && r.reason).toMatch(/brackets/);
  });

  // The signs are looked up in an object: its inherited names are text, not signs (hostile corpus).
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('reads %s as text, not as a CBS sign', (text) => {
    expect(parseCell({ text })).toEqual({ kind: 'text', text });
  });
});

describe('parseCell: workbook numbers', () => {
  it('takes the stored number, not the shown text', () => {
    expect(parseCell({ text: '1.9', value: 1.85 })).toEqual(num(1.85));
  });
  it('turns a percent-formatted fraction back into a percentage', () => {
    expect(parseCell({ text: '70%', value: 0.7 })).toEqual(num(70, { unit: 'percent' }));
    expect(parseCell({ text: '12.3%', value: 0.123 })).toEqual(num(12.3, { unit: 'percent' }));
  });
  it('applies the header scale exactly', () => {
    expect(parseCell({ text: '35.7', value: 35.7 }, { scale: 1000 })).toEqual(num(35700));
  });
  it('marks a CBS zero as less than half the unit only when asked', () => {
    expect(parseCell({ text: '0', value: 0 }, { zeroIsLessThanHalfUnit: true })).toEqual(num(0, { sign: 'less_than_half_unit' }));
    expect(parseCell({ text: '0', value: 0 })).toEqual(num(0));
  });
  it('ignores a NaN value and reads the text', () => {
    expect(parseCell({ text: '.', value: Number.NaN })).toEqual({ kind: 'sign', sign: 'unknown', value: null });
  });
});

describe('cells too long to be figures (the 60 MB cell)', () => {
  it('refuses a long run of digits in constant time, quoting only its start; reads long prose as text', () => {
    const digits = '1'.repeat(5_000_000);
    const started = performance.now();
    const cell = parseCell({ text: digits });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(cell).toEqual({ kind: 'invalid', reason: `"${'1'.repeat(40)}…" is too long to be a figure (5000000 characters; at most 200)` });
    expect(parseCell({ text: `Toelichting: ${'lange tekst '.repeat(100)}` }).kind).toBe('text');
    expect(parseCell({ text: '1'.repeat(400) })).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('too long to be a figure') });
  });

  it('quotes a long bad cell shortened, with its length', () => {
    const bad = parseCell({ text: `12 ${'x'.repeat(150)}` });
    expect(bad).toMatchObject({ kind: 'invalid' });
    expect((bad as { reason: string }).reason.length).toBeLessThan(120);
  });
});
