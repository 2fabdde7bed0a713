import { describe, expect, it } from 'vitest';
import { cellAddress, columnIndex, columnLetter, parseCellAddress } from '../../../shared/domain/import/cell-address';
import { detectSeparator, parseCsvText } from '../../../shared/domain/import/parse-csv-text';

describe('cell addresses', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [120, 'DQ'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('column %d ↔ %s', (c, letters) => {
    expect(columnLetter(c)).toBe(letters);
    expect(columnIndex(letters)).toBe(c);
  });
  it('formats and parses A1 addresses, 1-based rows', () => {
    expect(cellAddress(0, 0)).toBe('A1');
    expect(cellAddress(22, 5)).toBe('F23');
    expect(parseCellAddress('F23')).toEqual({ r: 22, c: 5 });
    expect(parseCellAddress('$AJ$96')).toEqual({ r: 95, c: 35 });
    expect(parseCellAddress('A0')).toBeNull();
    expect(parseCellAddress('12')).toBeNull();
    expect(() => columnLetter(-1)).toThrow(RangeError);
  });
});

describe('parseCsvText', () => {
  it('keeps physical line numbers when a quoted field spans lines', () => {
    const text = 'naam;toelichting\n"Overvecht";"regel een\nregel twee"\n"Zuilen";"kort"\n';
    const { records, lines } = parseCsvText(text, { separator: ';' });
    expect(records).toEqual([
      { line: 1, fields: ['naam', 'toelichting'] },
      { line: 2, fields: ['Overvecht', 'regel een\nregel twee'] },
      { line: 4, fields: ['Zuilen', 'kort'] },
    ]);
    expect(lines).toBe(4);
  });
  it('handles CRLF, doubled quotes, empty fields, a trailing separator and no final newline', () => {
    const { records } = parseCsvText('a;"Wijk 69 ""De Zuidlanden""";\r\n;;x', { separator: ';' });
    expect(records).toEqual([
      { line: 1, fields: ['a', 'Wijk 69 "De Zuidlanden"', ''] },
      { line: 2, fields: ['', '', 'x'] },
    ]);
  });
  it('keeps empty lines as empty records, so rows stay lines', () => {
    const { records } = parseCsvText('titel\n\nkop;kop2\n', { separator: ';' });
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['titel']],
      [2, ['']],
      [3, ['kop', 'kop2']],
    ]);
  });
  it('reports an unterminated quote with its line', () => {
    expect(parseCsvText('a;b\n"open;1\n2;3\n', { separator: ';' }).unterminatedQuoteAt).toBe(2);
  });
  it('stops at a field limit', () => {
    expect(parseCsvText('1;2;3\n4;5;6\n7;8;9\n', { separator: ';', maxFields: 4 }).truncated).toBe(true);
  });
});

describe('detectSeparator', () => {
  it.each([
    ['"a";"b";"c"\n"1,0";"2,5";"3,5"\n"4,0";"5,0";"6,5"\n', ';'], // decimal commas inside quotes
    ['gemeente;inwoners;aandeel\nUtrecht;374.238;12,5\nZeist;65.000;9,1\n', ';'],
    ['wijkcode,wijknaam,inwoners\nWK000300,Wijk 00,12000\nWK000500,Wijk 00,10430\n', ','],
    ['jaar\tgebied\twaarde\n2022\tGM0518\t1,5\n2023\tGM0518\t2,5\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
  ])('%j → %j', (sample, sep) => {
    expect(detectSeparator(sample)?.separator).toBe(sep);
  });
  it('finds nothing in a one-column file', () => {
    expect(detectSeparator('alleen\neen\nkolom\n')).toBeNull();
  });
});
