import { describe, expect, it } from 'vitest';
import { detectBlocks, maskGrid, parseRange } from '../../../shared/domain/import/detect-blocks';
import { gridFromRows } from '../../../shared/domain/import/grid';

describe('detectBlocks (issue 15, class 6)', () => {
  it('finds tables stacked with blank rows between them, each with its title and range', () => {
    const g = gridFromRows('Blad1', [
      ['Wijkmonitor'],
      [],
      [null, 'Tabel 1. Inwoners'],
      [null, 'Code', 'Wijk', 'Inwoners'],
      [null, 'WK034403', 'Overvecht', 35255],
      [null, 'WK034402', 'Noordwest', 41020],
      [],
      [],
      [null, 'Tabel 2. Woningen'],
      [],
      [null, 'Code', 'Wijk', 'Koop', 'Huur'],
      [null, 'WK034403', 'Overvecht', 22.4, '.'],
      [],
      ['Bron: gemeente'],
    ]);
    expect(detectBlocks(g).map((b) => [b.index, b.range, b.title, b.dataRows])).toEqual([
      [1, 'B4:D6', 'Tabel 1. Inwoners', 2],
      [2, 'B11:E12', 'Tabel 2. Woningen', 1],
    ]);
  });

  it('one table with a blank row inside its data, or with footnotes, is one table: no blocks', () => {
    const g = gridFromRows('Blad1', [
      ['Titel 2024'],
      ['Code', 'Naam', 'Inwoners'],
      ['WK034403', 'Overvecht', 35255],
      [],
      ['WK034402', 'Noordwest', 41020],
      [],
      ['Bron: CBS'],
    ]);
    expect(detectBlocks(g)).toEqual([]);
  });

  it('a range reads as bounds, and a masked grid keeps every cell at its own address', () => {
    expect(parseRange('b6:ab19')).toEqual({ r1: 5, c1: 1, r2: 18, c2: 27 });
    expect(parseRange('B6')).toBeNull();
    const g = gridFromRows('Blad1', [['a', 'b'], ['c', 'd'], ['e', 'f']]);
    const m = maskGrid(g, { r1: 1, c1: 1, r2: 1, c2: 1 });
    expect(m.rows).toBe(2);
    expect(m.cell(1, 1)).toMatchObject({ r: 1, c: 1, text: 'd' });
    expect(m.cell(0, 0).text).toBe('');
  });
});
