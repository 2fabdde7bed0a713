/**
 * Decides a column's (or a whole file's) decimal separator from the cells that settle it, so that
 * the ambiguous ones ("1.400", "1,400") are read the way the publisher meant. "35,7" and
 * "1.234.567" vote for a decimal comma; "20.8", "-0.100" and "1,234,567" vote for a decimal point.
 * Cells with a single separator before exactly three digits do not vote.
 */

export interface DecimalSeparatorVerdict {
  /** null when nothing settled it or the votes conflict too much to pick one. */
  separator: ',' | '.' | null;
  commaVotes: number;
  pointVotes: number;
  /** Both kinds of evidence were seen: worth telling the analyst. */
  mixed: boolean;
}

const STRIP = /^[^\d\-−+.,]+|[^\d.,]+$/g;

/** One cell's vote: ',' or '.' when it settles the question, else null. */
export function decimalVote(text: string): ',' | '.' | null {
  const s = text.trim().replace(STRIP, '').replace(/^[-−+]/, '').replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d[\d.,]*\d$|^\d$/.test(s)) return null;
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  if (dots === 0 && commas === 0) return null;
  if (dots > 0 && commas > 0) return s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
  if (dots > 1) return ',';
  if (commas > 1) return '.';
  const sep = dots === 1 ? '.' : ',';
  const [intPart = '', frac = ''] = s.split(sep);
  const couldGroup = frac.length === 3 && intPart.length <= 3 && intPart !== '0';
  return couldGroup ? null : sep;
}

/**
 * @param texts the cells' texts (only cells without a workbook number need voting)
 * @param dominance share of votes the winner needs when both kinds appear (default 0.9)
 */
export function detectDecimalSeparator(texts: Iterable<string>, dominance = 0.9): DecimalSeparatorVerdict {
  let commaVotes = 0;
  let pointVotes = 0;
  for (const t of texts) {
    const v = decimalVote(t);
    if (v === ',') commaVotes++;
    else if (v === '.') pointVotes++;
  }
  const total = commaVotes + pointVotes;
  const mixed = commaVotes > 0 && pointVotes > 0;
  let separator: ',' | '.' | null = null;
  if (total > 0) {
    if (commaVotes / total >= dominance) separator = ',';
    else if (pointVotes / total >= dominance) separator = '.';
  }
  return { separator, commaVotes, pointVotes, mixed };
}
