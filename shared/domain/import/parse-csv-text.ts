/**
 * A small RFC 4180 reader that remembers on which physical line each record starts. Cell
 * addresses in a CSV are A1 over physical lines (row 1 = the file's first line), so a quoted field
 * with a line break inside must not shift every later row — general CSV libraries report record
 * numbers, not lines, which is why this exists. It is lenient the way Excel is: a quote in the
 * middle of an unquoted field is kept as a character.
 */

export interface CsvRecord {
  /** 1-based physical line on which the record starts. */
  line: number;
  fields: string[];
}

export interface CsvParse {
  records: CsvRecord[];
  /** Total physical lines (a final line break does not start a new line). */
  lines: number;
  /** Line where a quoted field opens and is never closed; the file is then malformed. */
  unterminatedQuoteAt?: number;
  /** True when reading stopped at `maxFields`. */
  truncated: boolean;
  /**
   * Records where text follows a closing quote before the separator (`"a";"b"` read with ","):
   * legal for Excel, but a strong sign that the separator is the wrong one.
   */
  strayQuoteRecords: number;
}

export interface CsvOptions {
  separator: string;
  /** Stop after this many records (for sniffing). */
  maxRecords?: number;
  /** Stop after this many fields in total (the 10-million-cell limit). */
  maxFields?: number;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

export function parseCsvText(text: string, opts: CsvOptions): CsvParse {
  const sep = opts.separator.charCodeAt(0);
  const maxRecords = opts.maxRecords ?? Infinity;
  const maxFields = opts.maxFields ?? Infinity;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let totalFields = 0;
  let i = 0;
  const n = text.length;
  let unterminatedQuoteAt: number | undefined;
  let strayQuoteRecords = 0;
  let strayInRecord = false;

  const endRecord = (): boolean => {
    if (strayInRecord) strayQuoteRecords++;
    strayInRecord = false;
    records.push({ line: recordLine, fields });
    totalFields += fields.length;
    fields = [];
    return records.length < maxRecords && totalFields < maxFields;
  };

  while (i < n) {
    let field = '';
    const quoted = text.charCodeAt(i) === QUOTE;
    if (quoted) {
      const openedAt = line;
      i++;
      let closed = false;
      let start = i;
      while (i < n) {
        const ch = text.charCodeAt(i);
        if (ch === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) {
            field += text.slice(start, i + 1);
            i += 2;
            start = i;
            continue;
          }
          field += text.slice(start, i);
          i++;
          closed = true;
          break;
        }
        if (ch === LF || (ch === CR && text.charCodeAt(i + 1) !== LF)) line++;
        i++;
      }
      if (!closed) {
        field += text.slice(start, i);
        unterminatedQuoteAt = openedAt;
      }
    }
    // Unquoted part (or whatever follows a closing quote, kept as Excel does).
    const start = i;
    while (i < n) {
      const ch = text.charCodeAt(i);
      if (ch === sep || ch === LF || ch === CR) break;
      i++;
    }
    if (quoted && i > start) strayInRecord = true;
    field += text.slice(start, i);
    fields.push(field);
    if (i >= n) break;
    const ch = text.charCodeAt(i);
    if (ch === sep) {
      i++;
      if (i >= n) fields.push('');
      continue;
    }
    // Line break: CRLF, LF or a lone CR.
    i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    const more = endRecord();
    recordLine = line;
    if (!more) return { records, lines: line - 1, truncated: i < n, strayQuoteRecords, ...(unterminatedQuoteAt ? { unterminatedQuoteAt } : {}) };
  }
  if (fields.length > 0) endRecord();
  // `line` is one past the last line break; a file ending in a break has no content on that line.
  const lines = n === 0 ? 0 : /[\r\n]$/.test(text) ? line - 1 : line;
  return { records, lines, truncated: false, strayQuoteRecords, ...(unterminatedQuoteAt ? { unterminatedQuoteAt } : {}) };
}

export interface SeparatorGuess {
  separator: string;
  /** The most common number of fields per record with this separator. */
  fieldsPerRecord: number;
  /** Share of non-empty records that have exactly that many fields (0–1). */
  consistency: number;
}

/**
 * Picks the separator that splits the first records into the most consistent number of fields
 * (more than one); on equal consistency, the one giving more fields. Remaining ties go to the
 * order given: `;` first, as Dutch Excel writes it.
 */
export function detectSeparator(sample: string, candidates: readonly string[] = [';', ',', '\t', '|']): SeparatorGuess | null {
  let best: SeparatorGuess | null = null;
  for (const separator of candidates) {
    const { records, strayQuoteRecords } = parseCsvText(sample, { separator, maxRecords: 200 });
    // The last sampled record may be cut off mid-way; leave it out.
    const counts = records.slice(0, records.length > 1 ? -1 : undefined).map((r) => r.fields.length).filter((k, _i, all) => k > 1 || all.length === 1);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const k of counts) freq.set(k, (freq.get(k) ?? 0) + 1);
    let mode = 1;
    let modeCount = 0;
    for (const [k, v] of freq) if (v > modeCount || (v === modeCount && k > mode)) [mode, modeCount] = [k, v];
    if (mode < 2) continue;
    // Quotes that do not end at a separator mean this separator splits inside quoted fields' rows.
    const quoteFit = 1 - strayQuoteRecords / records.length;
    const guess = { separator, fieldsPerRecord: mode, consistency: (modeCount / counts.length) * quoteFit };
    const better = !best || guess.consistency > best.consistency || (guess.consistency === best.consistency && guess.fieldsPerRecord > best.fieldsPerRecord);
    if (better) best = guess;
  }
  return best;
}
