import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { countCellTags } from '../../../main/import/read/count-cell-tags';

function book(rows: number, cols: number): Buffer {
  const aoa = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (c === 0 ? `GM${r}` : r * c)));
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!cols'] = Array.from({ length: cols }, () => ({ wch: 12 })); // <cols><col …/></cols>: not cells
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Blad1');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('countCellTags (the zip bomb pre-count)', () => {
  it('counts every cell of a sheet inflated in many chunks, and no <col>', async () => {
    const buf = book(10_000, 5);
    expect(await countCellTags(buf, 'xl/worksheets/sheet1.xml', 1_000_000)).toBe(50_000);
  });

  it('stops just past the limit', async () => {
    expect(await countCellTags(book(1_000, 5), 'xl/worksheets/sheet1.xml', 100)).toBe(101);
  });

  it('answers null for a part the archive lacks', async () => {
    expect(await countCellTags(book(2, 2), 'xl/worksheets/sheet9.xml', 100)).toBeNull();
  });
});
