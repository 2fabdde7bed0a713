import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../main/import/read/read-workbook';
import { AppError } from '../../../shared/errors';
import { hasRealData, realFile } from '../../helpers/real-data';
import { makeNotSpreadsheets } from '../../fixtures/make-not-spreadsheets';
import { makeUglyWorkbook } from '../../fixtures/make-ugly-workbook';

/**
 * Files the importer refuses: each with the right error code and a message that names the file.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-refuse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(file: string, opts = {}): Promise<AppError> {
  try {
    await readWorkbook(file, opts);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error(`${file} was read, but should have been refused`);
}

describe('refusals', () => {
  // The same files wherever the tests run: the truncated copy is cut from a generated workbook
  // (a real one is cut too, below, when ../shared/data/real is present).
  const bad = makeNotSpreadsheets(dir, makeUglyWorkbook(dir).file);

  it.each([
    ['png', 'FILE_NOT_SPREADSHEET', /kaart\.xlsx is a PNG image, not a spreadsheet/],
    ['zip', 'FILE_NOT_SPREADSHEET', /archief\.xlsx is a ZIP archive without a workbook/],
    ['truncated', 'FILE_UNREADABLE', /afgebroken\.xlsx cannot be read: the ZIP archive is damaged/],
    ['encrypted', 'FILE_UNREADABLE', /beveiligd\.xlsx cannot be read: the workbook is password-protected/],
    ['odt', 'FILE_NOT_SPREADSHEET', /notitie\.ods is an OpenDocument file other than a spreadsheet/],
    ['damagedXls', 'FILE_UNREADABLE', /beschadigd\.xls cannot be read: the workbook has no sheets/],
    ['binary', 'FILE_NOT_SPREADSHEET', /data\.csv is a binary file/],
    ['readme', 'FILE_NOT_SPREADSHEET', /README\.md is a text file \(\.md\)/],
  ] as const)('%s → %s', async (key, code, message) => {
    const err = await refusal(bad[key]);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(err.where?.file).toBe(path.basename(bad[key]));
  });

  // A ZIP's table of contents is at its end: any cut loses it, whatever entries came before.
  it.each([
    ['generated', () => makeUglyWorkbook(dir).file],
    ...(hasRealData ? [['CBS-Utrecht-kwb-2024.xlsx', () => realFile('CBS-Utrecht-kwb-2024.xlsx')] as const] : []),
  ] as const)('refuses a %s workbook cut off anywhere as damaged, not as "not a spreadsheet"', async (_name, source) => {
    const whole = readFileSync(source());
    for (const keep of [0.1, 0.5, 0.9, 1 - 1 / whole.length]) {
      const file = path.join(dir, 'afgebroken.xlsx');
      writeFileSync(file, whole.subarray(0, Math.floor(whole.length * keep)));
      const err = await refusal(file);
      expect(err.code, `cut at ${keep}`).toBe('FILE_UNREADABLE');
      expect(err.message).toMatch(/afgebroken\.xlsx cannot be read: the ZIP archive is damaged/);
    }
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = path.join(dir, 'groot.csv');
    writeFileSync(file, 'a;b\n1;2\n'.repeat(1000));
    const err = await refusal(file, { maxBytes: 4096 });
    expect(err.code).toBe('FILE_TOO_LARGE');
    expect(err.message).toMatch(/^groot\.csv is 0\.0 MB; files over 0\.0 MB are refused$/);
  });

  it('refuses a CSV and a workbook over the cell limit', async () => {
    const csv = path.join(dir, 'breed.csv');
    writeFileSync(csv, 'a;b;c\n1;2;3\n4;5;6\n');
    expect((await refusal(csv, { maxCells: 5 })).message).toMatch(/breed\.csv has more than 5 cells/);
    const xlsx = makeUglyWorkbook(dir).file;
    const err = await refusal(xlsx, { maxCells: 20 });
    expect(err.code).toBe('FILE_TOO_LARGE');
    // Its declared range decides nothing: the XML's size does (before parsing), with the figure measured.
    expect(err.message).toMatch(/^focusgebieden-2023\.xlsx: sheet1\.xml is [\d.]+ kB of XML uncompressed, room for up to [\d,]+ cells; the limit is 20 cells$/);
    // Within that bound, the cells really there are counted.
    const counted = await refusal(xlsx, { maxCells: 40 });
    expect(counted.message).toMatch(/^focusgebieden-2023\.xlsx: sheet "Focusgebieden" has \d\d cells; the limit is 40$/);
  });

  it('refuses a CSV whose quoted field is never closed, naming the line', async () => {
    const file = path.join(dir, 'kapot.csv');
    writeFileSync(file, 'naam;waarde\n"Overvecht;12\nZuilen;13\n');
    const err = await refusal(file);
    expect(err.code).toBe('FILE_UNREADABLE');
    expect(err.message).toMatch(/kapot\.csv cannot be read: a quoted field opened on line 2 is never closed/);
    expect(err.where?.row).toBe(2);
  });

  it('refuses a missing file', async () => {
    const err = await refusal(path.join(dir, 'bestaat-niet.xlsx'));
    expect(err.code).toBe('FILE_UNREADABLE');
    expect(err.message).toMatch(/^bestaat-niet\.xlsx cannot be read: ENOENT/);
  });
});
