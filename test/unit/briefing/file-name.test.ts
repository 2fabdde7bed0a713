import { describe, expect, it } from 'vitest';
import { formatOfPath, safeFileName } from '../../../main/export/files';

describe('export file names', () => {
  it('are safe on Windows, macOS and Linux', () => {
    expect(safeFileName('Tabel 1. Wonen: 2024/2025', 'xlsx')).toBe('Tabel 1. Wonen 2024 2025.xlsx');
    expect(safeFileName('..\\..\\etc/passwd', 'csv')).toBe('etc passwd.csv');
    expect(safeFileName('a<b>c|d?e*f"g\u0000h\u001fi', 'html')).toBe('a b c d e f g h i.html');
    expect(safeFileName('  eind met punten...  ', 'xlsx')).toBe('eind met punten.xlsx');
    expect(safeFileName('CON', 'csv')).toBe('tabel-CON.csv');
    expect(safeFileName('', 'xlsx')).toBe('tabel.xlsx');
    expect(safeFileName('x'.repeat(300), 'xlsx')).toBe(`${'x'.repeat(100)}.xlsx`);
  });

  it('take the format from the extension', () => {
    expect(formatOfPath('/tmp/a.XLSX')).toBe('xlsx');
    expect(formatOfPath('b.htm')).toBe('html');
    expect(formatOfPath('c.csv')).toBe('csv');
    expect(formatOfPath('d.txt')).toBeNull();
  });
});
