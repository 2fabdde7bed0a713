import { standaloneSign } from '../numbers/cbs-signs';
import { detectDecimalSeparator, type DecimalSeparatorVerdict } from '../numbers/detect-decimal-separator';
import type { Grid } from './grid';
import type { CbsConventions } from './import-plan';

/**
 * Sheet-wide reading conventions, decided from the cells themselves:
 *  - the decimal separator, from every cell that settles it (a column with only "1.400" borrows
 *    the sheet's verdict);
 *  - whether the table follows the CBS sign legend. A sheet that writes a real zero as "-" means
 *    something else by a written "0": less than half the unit. A sheet with CBS signs ("." or "x")
 *    or a CBS source line means "cannot occur" by an empty cell; elsewhere empty is just missing.
 */
export interface SheetConventions extends CbsConventions {
  decimal: DecimalSeparatorVerdict;
  /** What was seen, for the preview to explain the choice. */
  evidence: string[];
}

export function detectConventions(
  grid: Grid,
  rows: readonly number[],
  cols: readonly number[],
  notes: readonly string[],
): SheetConventions {
  const texts: string[] = [];
  let nil = 0;
  let cbsSigns = 0;
  for (const r of rows) {
    for (const c of cols) {
      const cell = grid.cell(r, c);
      if (cell.value !== undefined) continue;
      const t = cell.text.trim();
      if (!t) continue;
      texts.push(t);
      const sign = standaloneSign(t);
      if (sign === 'nil') nil++;
      else if (sign === 'unknown' || sign === 'secret') cbsSigns++;
    }
  }
  const cbsSource = notes.some((n) => /\bCBS\b|Centraal Bureau voor de Statistiek/i.test(n));
  const evidence: string[] = [];
  if (nil > 0) evidence.push(`${nil} cells hold "-" (nil), so a written 0 means less than half the unit`);
  if (cbsSigns > 0) evidence.push(`${cbsSigns} cells hold the CBS signs "." or "x"`);
  if (cbsSource) evidence.push('the notes name CBS as the source');
  return {
    decimal: detectDecimalSeparator(texts),
    zeroIsLessThanHalfUnit: nil > 0,
    emptyMeans: cbsSigns > 0 || cbsSource ? 'cannot_occur' : 'unknown',
    evidence,
  };
}
