import { describe, expect, it } from 'vitest';
import { bytes, FORMAT_NL } from '../../../renderer/features/import/labels';

/** What the import wizard says about a file: its size and its kind, in Dutch. */
describe('import wizard labels', () => {
  it('gives a file size in bytes, kB or MB, never "0 kB" for a small file', () => {
    expect(bytes(523)).toBe('523 bytes');
    expect(bytes(0)).toBe('0 bytes');
    expect(bytes(14_110_942)).toBe('13,5 MB');
    expect(bytes(2048)).toBe('2 kB');
    expect(bytes(null)).toBe('');
  });

  it('names every format the importer reads', () => {
    for (const f of ['xlsx', 'xls', 'ods', 'csv', 'html', 'xml']) expect(FORMAT_NL[f], f).toMatch(/\S/);
    expect(FORMAT_NL.html).toBe('webpagina met tabel (HTML, vaak als .xls opgeslagen)');
  });
});
