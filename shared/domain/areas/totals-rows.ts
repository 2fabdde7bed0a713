import { nameKey } from './normalise-name';

/**
 * Rows that name no real area: totals ("Totaal", "Buurten totaal", "Gemeente totaal") and
 * catch-alls ("Onbekend", "Niet toe te wijzen", CBS maatwerk's 9999 / 999999 / 99999999 with
 * "-----"). They are recognised and left out of the import instead of becoming areas — their
 * figures are sums or leftovers, and storing them as an area would double-count.
 */

/** 'excluded': an area the analyst chose to leave out. */
export type NonAreaRole = 'total' | 'catch_all' | 'excluded';

export interface NonAreaRow {
  role: NonAreaRole;
  reason: string;
}

const TOTAL_WORDS = /\b(totaal|total|totalen|eindtotaal|subtotaal|generaal totaal|alle (wijken|buurten|gebieden))\b/;
const CATCH_ALL = /^(onbekend|overig onbekend|onbekend overig|niet toe te (wijzen|delen)|niet toegewezen|niet ingedeeld|geen (wijk|buurt)|unknown|not assigned|n ?b|n ?v ?t|buiten (de )?gemeente)$/;
// Codes made only of nines, with or without a CBS prefix: 9999, GM9999, WK999999, BU99999999.
const NINES_CODE = /^(GM|WK|BU)?9{4,8}$/i;
const DASHES = /^-{3,}$/;

/**
 * @param label the area name cell of the row (may be empty)
 * @param code the area code cell of the row, if the file has one
 */
export function classifyNonAreaRow(label: string | null | undefined, code?: string | number | null): NonAreaRow | null {
  const codeText = code === null || code === undefined ? '' : String(code).trim();
  if (codeText && NINES_CODE.test(codeText)) return { role: 'catch_all', reason: `catch-all code ${codeText}` };
  const key = nameKey(label ?? '');
  if (key && CATCH_ALL.test(key)) return { role: 'catch_all', reason: `"${(label ?? '').trim()}" is a catch-all, not an area` };
  if (key && TOTAL_WORDS.test(key)) return { role: 'total', reason: `"${(label ?? '').trim()}" is a totals row` };
  if (label && DASHES.test(label.trim())) return { role: 'catch_all', reason: `"${label.trim()}" is a placeholder` };
  return null;
}
