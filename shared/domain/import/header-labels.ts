import type { Grid } from './grid';

/**
 * One label per column from a header spread over several rows. Merged cells count for every
 * cell they cover (filled from the left and from above). Files without merge information (CSV,
 * or a workbook where someone left the group cells empty) get group labels carried to the right
 * in every header row but the last, until the next group label: "Bevolking | | " over
 * "Mannen | Vrouwen | Totaal" becomes "Bevolking | Mannen", "Bevolking | Vrouwen", ….
 */
export interface ColumnHeader {
  c: number;
  /** The parts from top to bottom, empty and repeated parts left out. */
  parts: string[];
  /** The parts joined with " | ", as shown to the analyst and matched against the catalogue. */
  label: string;
}

export function headerLabels(grid: Grid, headerRows: readonly number[], firstCol: number, lastCol: number): ColumnHeader[] {
  const width = lastCol - firstCol + 1;
  const matrix: string[][] = headerRows.map((r) => {
    const row: string[] = [];
    for (let c = firstCol; c <= lastCol; c++) row.push(grid.cell(r, c).text.trim());
    return row;
  });

  for (const m of grid.merges) {
    const top = headerRows.indexOf(m.r1);
    const source = top >= 0 ? matrix[top]?.[m.c1 - firstCol] : undefined;
    if (source === undefined) continue;
    headerRows.forEach((r, i) => {
      if (r < m.r1 || r > m.r2) return;
      for (let c = Math.max(m.c1, firstCol); c <= Math.min(m.c2, lastCol); c++) {
        const row = matrix[i];
        if (row) row[c - firstCol] = source;
      }
    });
  }

  if (grid.merges.length === 0) {
    // Without merge information, carry group labels to the right — but only over columns that
    // have a label of their own further down, so a stray title does not spread over the table.
    for (let i = 0; i < matrix.length - 1; i++) {
      const row = matrix[i];
      if (!row) continue;
      let carry = '';
      for (let j = 0; j < width; j++) {
        const below = matrix.slice(i + 1).some((lower) => (lower[j] ?? '') !== '');
        if (row[j]) carry = row[j] ?? '';
        else if (carry && below) row[j] = carry;
        else carry = '';
      }
    }
  }

  const out: ColumnHeader[] = [];
  for (let j = 0; j < width; j++) {
    const parts: string[] = [];
    for (const row of matrix) {
      const t = row[j] ?? '';
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    out.push({ c: firstCol + j, parts, label: parts.join(' | ') });
  }
  return out;
}
