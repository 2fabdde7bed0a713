import { parseCsvText, detectSeparator } from '../../../shared/domain/import/parse-csv-text';
import type { GridCell } from '../../../shared/domain/import/grid';
import { AppError } from '../../../shared/errors';
import { decodeText } from './decode-text';
import { gridRows, type CsvInfo, type ReadOptions, type Sheet } from './workbook-types';

/**
 * .csv/.txt → one Sheet. Encoding and separator are detected (and reported, so the analyst can
 * override them). Row r of the grid is physical line r+1 of the file, also when a quoted field
 * spans lines, so "B7" points at line 7 in any text editor. Fields stay text: the CSV holds no
 * types, and "0344" must stay "0344"; figures are read later with the column's conventions.
 */
function lineEnding(text: string): CsvInfo['lineEnding'] {
  const i = text.search(/[\r\n]/);
  if (i < 0) return 'none';
  if (text[i] === '\n') return 'lf';
  return text[i + 1] === '\n' ? 'crlf' : 'cr';
}

/**
 * @param fileName used in messages
 * @param sheetName the one sheet's name (the file name without extension)
 */
export function readCsv(buf: Uint8Array, fileName: string, sheetName: string, opts: ReadOptions, maxCells: number): { sheet: Sheet; info: CsvInfo } {
  const name = fileName;
  const decoded = decodeText(buf, opts.encoding);
  const text = decoded.text;
  let separator = opts.separator;
  const separatorDetected = separator === undefined;
  if (separator === undefined) {
    // A one-column file has no separator to find; it is still a table (of one column).
    separator = detectSeparator(text.slice(0, 64 * 1024))?.separator ?? ';';
  }
  const parsed = parseCsvText(text, { separator, maxFields: maxCells + 1 });
  if (parsed.truncated) {
    throw new AppError('FILE_TOO_LARGE', `${name} has more than ${maxCells.toLocaleString('en')} cells; the limit is ${maxCells.toLocaleString('en')}`, { file: name });
  }
  if (parsed.unterminatedQuoteAt !== undefined) {
    throw new AppError('FILE_UNREADABLE', `${name} cannot be read: a quoted field opened on line ${parsed.unterminatedQuoteAt} is never closed`, {
      file: name,
      row: parsed.unterminatedQuoteAt,
    });
  }

  // Rows by physical line; the lines a multi-line field continues on stay empty rows.
  const rows: string[][] = [];
  for (const rec of parsed.records) rows[rec.line - 1] = rec.fields;
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  const cols = rows.reduce((m, row) => Math.max(m, row.length), 0);

  const sheet: Sheet = {
    name: sheetName,
    rows: rows.length,
    cols,
    merges: [],
    cell(r: number, c: number): GridCell {
      return { r, c, text: rows[r]?.[c] ?? '' };
    },
    rowsAsync() {
      return gridRows(this);
    },
  };
  return {
    sheet,
    info: {
      encoding: decoded.encoding,
      encodingDetected: decoded.detected,
      separator,
      separatorDetected,
      lineEnding: lineEnding(text),
      lines: parsed.lines,
    },
  };
}
