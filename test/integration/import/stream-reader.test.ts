import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { GridCell } from '../../../shared/domain/import/grid';
import { AppError } from '../../../shared/errors';
import { streamXlsxRows, type SheetPick, type StreamedRow } from '../../../main/import/read/stream-xlsx-rows';
import { buildJobsWorker } from '../../helpers/worker-bundle';
import { streamXlsxRowsInWorker } from '../../../main/import/thread/reader-thread';
import { hasRealData, realDataDir, realDataSkipReason, realFile } from '../../helpers/real-data';

/**
 * The streamed .xlsx reader (zlib + htmlparser2) reads every cell as ExcelJS's WorkbookReader did
 * before it — on the real files, on workbooks ExcelJS writes, and on hand-written parts for what
 * ExcelJS never writes (cells and rows without r, inline and phonetic strings, prefixed tags) —
 * and refuses a damaged sheet with FILE_UNREADABLE naming the file.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-stream-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// ---------------------------------------------------------------- the reference: ExcelJS's streaming reader, as the importer used it

type CellValue = ExcelJS.CellValue;

function cellOf(r: number, c: number, v: CellValue): GridCell | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return { r, c, text: String(v), value: v };
  if (typeof v === 'string') return { r, c, text: v };
  if (typeof v === 'boolean') return { r, c, text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { r, c, text: v.toISOString().slice(0, 10) };
  if ('richText' in v) return { r, c, text: v.richText.map((t) => t.text).join('') };
  if ('error' in v) return { r, c, text: String(v.error) };
  if ('result' in v) return cellOf(r, c, (v.result ?? null) as CellValue);
  if ('text' in v) return { r, c, text: String(v.text) };
  return { r, c, text: String(v) };
}

/** Each sheet's rows as ExcelJS's WorkbookReader streams them (in the ZIP's order of sheets, so by name). */
async function excelJsRows(file: string): Promise<Map<string, StreamedRow[]>> {
  const out = new Map<string, StreamedRow[]>();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  for await (const ws of reader) {
    const name = (ws as unknown as { name?: string }).name ?? '';
    const rows: StreamedRow[] = [];
    out.set(name, rows);
    for await (const row of ws) {
      const r = row.number - 1;
      const cells: GridCell[] = [];
      const values = row.values as CellValue[];
      for (let i = 1; i < values.length; i++) {
        const cell = cellOf(r, i - 1, values[i]);
        if (cell && (cell.value !== undefined || cell.text !== '')) cells.push(cell);
      }
      rows.push({ sheet: name, r, cells });
    }
  }
  return out;
}

async function collect(gen: AsyncIterable<StreamedRow>): Promise<StreamedRow[]> {
  const rows: StreamedRow[] = [];
  for await (const row of gen) rows.push(row);
  return rows;
}

async function ourRows(file: string, sheets?: readonly string[] | SheetPick): Promise<Map<string, StreamedRow[]>> {
  const out = new Map<string, StreamedRow[]>();
  for (const row of await collect(streamXlsxRows(file, sheets))) {
    const rows = out.get(row.sheet) ?? [];
    out.set(row.sheet, rows);
    rows.push(row);
  }
  return out;
}

/** Rows as comparable lines, so a difference shows the row it is in and 50,000 rows compare quickly. */
function lines(rows: readonly StreamedRow[]): string[] {
  return rows.map((row) => `${row.sheet} r${row.r}: ${JSON.stringify(row.cells)}`);
}

function expectSameRows(ours: readonly StreamedRow[], theirs: readonly StreamedRow[], what: string): void {
  const a = lines(ours);
  const b = lines(theirs);
  const first = a.findIndex((line, i) => line !== b[i]);
  if (first >= 0) expect(a[first], `${what}: first difference, at row ${first}`).toBe(b[first]);
  expect(a.length, `${what}: rows`).toBe(b.length);
}

async function expectParity(file: string): Promise<number> {
  const theirs = await excelJsRows(file);
  const ours = await ourRows(file);
  // A sheet without rows is a worksheet ExcelJS emits, and no rows here.
  expect([...ours.keys()].sort()).toEqual([...theirs].filter(([, rows]) => rows.length > 0).map(([name]) => name).sort());
  let cells = 0;
  for (const [sheet, rows] of theirs) {
    expectSameRows(ours.get(sheet) ?? [], rows, `${path.basename(file)} / ${sheet}`);
    for (const row of rows) cells += row.cells.length;
  }
  return cells;
}

// ---------------------------------------------------------------- a tiny ZIP writer for hand-written parts

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Part {
  path: string;
  xml: string;
  /** Stored instead of deflated. */
  stored?: boolean;
  /** Replaces the entry's (compressed) data as written. */
  data?: (compressed: Buffer) => Buffer;
}

function zip(parts: readonly Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = Buffer.from(part.xml, 'utf8');
    let data: Buffer = part.stored ? raw : zlib.deflateRawSync(raw);
    if (part.data) data = part.data(data);
    const name = Buffer.from(part.path, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const dirSize = centrals.reduce((n, b) => n + b.length, 0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(dirSize, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, eocd]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface HandSheet {
  name: string;
  part: string;
  xml: string;
  stored?: boolean;
  data?: (compressed: Buffer) => Buffer;
}

/** An .xlsx of hand-written parts: the sheets in workbook order (their parts named as given), shared strings when given. */
function handXlsx(file: string, sheets: readonly HandSheet[], sharedStrings?: string, sharedStringsPath = 'sharedStrings.xml'): string {
  const rels = sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/${s.part}"/>`);
  if (sharedStrings !== undefined) rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="${sharedStringsPath}"/>`);
  const parts: Part[] = [
    { path: '[Content_Types].xml', xml: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { path: 'xl/workbook.xml', xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${NS}><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>` },
    { path: 'xl/_rels/workbook.xml.rels', xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>` },
    ...sheets.map((s): Part => ({ path: `xl/worksheets/${s.part}`, xml: s.xml, ...(s.stored ? { stored: true } : {}), ...(s.data ? { data: s.data } : {}) })),
  ];
  if (sharedStrings !== undefined) parts.push({ path: `xl/${sharedStringsPath}`, xml: sharedStrings });
  writeFileSync(file, zip(parts));
  return file;
}

function sheetXml(sheetData: string, prefix = ''): string {
  const p = prefix ? `${prefix}:` : '';
  const ns = prefix ? NS.replace('xmlns=', `xmlns:${prefix}=`) : NS;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns}><${p}dimension ref="A1"/><${p}sheetData>${sheetData}</${p}sheetData><${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>`;
}

const cell = (r: number, c: number, text: string, value?: number): GridCell => (value === undefined ? { r, c, text } : { r, c, text, value });

async function unreadable(file: string, pick?: SheetPick): Promise<AppError> {
  const err: unknown = await collect(streamXlsxRows(file, pick)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const e = err as AppError;
  expect(e.code).toBe('FILE_UNREADABLE');
  expect(e.message.startsWith(`${path.basename(file)} cannot be read: `)).toBe(true);
  expect(e.where).toEqual({ file: path.basename(file) });
  return e;
}

// ---------------------------------------------------------------- the tests

describe.skipIf(!hasRealData)(`the streamed reader on the real files (${hasRealData ? 'real files present' : realDataSkipReason})`, () => {
  const files = hasRealData ? readdirSync(realDataDir).filter((f) => f.toLowerCase().endsWith('.xlsx')) : [];

  it('finds the real .xlsx files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const name of files) {
    it(`reads ${name} cell for cell as ExcelJS's streaming reader did`, async () => {
      expect(await expectParity(realFile(name))).toBeGreaterThan(0);
    }, 120_000);
  }
});

describe('the streamed reader on workbooks ExcelJS writes', () => {
  it('shared and rich strings, entities, white space, numbers, formulas, errors, dates, hyperlinks, empty rows and sparse columns, on three sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('Buurten & wijken');
    a.addRow(['Buurtcode', ' Naam met spaties ', 'A & B <c> "d" \'e\'', 'Tab\tand\nnewline', 'café ĳ € 😀 日本']);
    a.addRow(['BU03440000', 'Binnenstad', 0, -12.5, 1e-7]);
    a.addRow([]);
    a.addRow(['0344', '.', '-', 1234567890123, 0.1 + 0.2]);
    a.getCell('F2').value = { richText: [{ text: 'Rijk ', font: { bold: true } }, { text: 'gemaakt', font: { italic: true } }, { text: ' & vet' }] };
    // (A formula whose result is 0 ExcelJS read as "[object Object]"; the hand-written parts cover it.)
    a.getCell('G2').value = { formula: 'C2*2+4', result: 4 };
    a.getCell('M2').value = { sharedFormula: 'G2', result: 8 };
    a.getCell('H2').value = { formula: 'A2&"x"', result: 'BU03440000x' };
    a.getCell('I2').value = { error: '#N/A' };
    a.getCell('J2').value = { error: '#DIV/0!' };
    a.getCell('K2').value = new Date(Date.UTC(2024, 0, 31));
    a.getCell('L2').value = { text: 'CBS', hyperlink: 'https://www.cbs.nl/' };
    a.getCell('AB7').value = 'ver weg';
    a.getCell('ZZ9').value = 99;
    a.getCell('A12').value = '   ';
    const b = wb.addWorksheet('Leeg');
    void b;
    const c = wb.addWorksheet('Getallen');
    // ASCII text only here: ExcelJS decodes each chunk of a part on its own, so a character split
    // across two (past its first 16 KB) comes back as U+FFFD; the next test reads such text.
    for (let r = 0; r < 300; r++) c.addRow(Array.from({ length: 20 }, (_, i) => (i % 7 === 0 ? `t${r}-${i} & <tekst>` : (r * 20 + i) / 8)));
    const file = path.join(dir, 'exceljs-written.xlsx');
    await wb.xlsx.writeFile(file);
    expect(await expectParity(file)).toBeGreaterThan(6000);
    // And what it reads, spelled out for the first sheet.
    const rows = (await ourRows(file, ['Buurten & wijken'])).get('Buurten & wijken') ?? [];
    expect(rows[0]?.cells).toEqual([
      cell(0, 0, 'Buurtcode'),
      cell(0, 1, ' Naam met spaties '),
      cell(0, 2, 'A & B <c> "d" \'e\''),
      cell(0, 3, 'Tab\tand\nnewline'),
      cell(0, 4, 'café ĳ € 😀 日本'),
    ]);
    expect(rows[1]?.cells.slice(2)).toEqual([
      cell(1, 2, '0', 0),
      cell(1, 3, '-12.5', -12.5),
      cell(1, 4, '1e-7', 1e-7),
      cell(1, 5, 'Rijk gemaakt & vet'),
      cell(1, 6, '4', 4),
      cell(1, 7, 'BU03440000x'),
      cell(1, 8, '#N/A'),
      cell(1, 9, '#DIV/0!'),
      cell(1, 10, '45322', 45322),
      cell(1, 11, 'CBS'),
      cell(1, 12, '8', 8),
    ]);
    expect(rows.find((r) => r.r === 3)?.cells.slice(3)).toEqual([cell(3, 3, '1234567890123', 1234567890123), cell(3, 4, String(0.1 + 0.2), 0.1 + 0.2)]);
    expect(rows.find((r) => r.r === 6)?.cells).toEqual([cell(6, 27, 'ver weg')]);
    expect(rows.find((r) => r.r === 8)?.cells).toEqual([cell(8, 701, '99', 99)]);
    expect(rows.find((r) => r.r === 11)?.cells).toEqual([cell(11, 0, '   ')]);
  });

  it('a sheet larger than the reader chunks, with text in many scripts, read in this thread and in a reader thread', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Groot');
    const words = ['Ĳsselmonde', 'Zoë', 'naïef', '€ 12,50', 'Ελλάδα', 'Россия', 'עברית', '中文', '日本語', '한국어', '😀🎉', 'a&b', '<x>', ' spatie '];
    const written: StreamedRow[] = [];
    for (let r = 0; r < 4000; r++) {
      const values = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? `${words[(r + i) % words.length]}${r % 50 === 0 ? '' : r}` : r * 12 + i + (i % 2 ? 0.25 : 0)));
      ws.addRow(values);
      written.push({ sheet: 'Groot', r, cells: values.map((v, c) => (typeof v === 'number' ? cell(r, c, String(v), v) : cell(r, c, v))) });
    }
    const file = path.join(dir, 'groot.xlsx');
    await wb.xlsx.writeFile(file);
    // Compared with what was written, not with ExcelJS: its reader decodes each chunk of a part on
    // its own, so a character split across two chunks comes back as U+FFFD.
    const here = await collect(streamXlsxRows(file, { name: 'Groot', partNo: 1 }));
    expectSameRows(here, written, 'read back');
    const threaded = await collect(streamXlsxRowsInWorker(await readerWorker(), file, { name: 'Groot', partNo: 1 }));
    expectSameRows(threaded, here, 'reader thread');
  }, 60_000);
});

// The app's job worker bundle, as scripts/build.mjs makes it: the reader thread runs in it.
let workerPath: string | null = null;
async function readerWorker(): Promise<string> {
  if (workerPath) return workerPath;
  const out = await buildJobsWorker('stream-reader');
  workerPath = out;
  return out;
}
afterAll(() => {
  if (workerPath) rmSync(workerPath, { force: true });
});

describe('the streamed reader on hand-written parts', () => {
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ${NS} count="5" uniqueCount="5">
  <si><t>Gewoon</t></si>
  <si><r><rPr><b/><sz val="11"/></rPr><t>Wijk</t></r><r><rPr><i/></rPr><t xml:space="preserve"> A </t></r></si>
  <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>
  <si><t xml:space="preserve">  A &amp; B &lt;1&gt; &quot;x&quot; &apos;y&apos; &#233;&#x20AC;  </t></si>
  <si><t/></si>
</sst>`;

  it('cells and rows without r, inline and phonetic strings, errors, booleans, formulas, dates, empty rows and cells', async () => {
    const file = handXlsx(
      path.join(dir, 'hand.xlsx'),
      [
        {
          name: 'Blad1',
          part: 'sheet1.xml',
          xml: sheetXml(
            [
              // A cell without r follows the one before; one without r or predecessor is in column A.
              '<row r="1" spans="1:5"><c r="B1" t="s"><v>0</v></c><c t="s"><v>1</v></c><c><v>7</v></c><c r="F1" s="3" t="s"><v>2</v></c></row>',
              '<row><c><v>1.5</v></c><c t="s"><v>3</v></c><c t="s"><v>4</v></c><c t="s"><v>99</v></c></row>',
              // Inline strings: runs concatenated, phonetic text left out, white space kept.
              '<row r="4"><c r="A4" t="inlineStr"><is><t>Plain inline</t></is></c><c r="B4" t="inlineStr"><is><r><rPr><b/></rPr><t>Gro</t></r><r><t xml:space="preserve">ot </t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></is></c><c r="C4" t="inlineStr"><is><t>x &amp;amp; y</t></is></c></row>',
              // Errors, with and without a formula; booleans; a string formula; a formula without a cached value;
              // formulas with a number (ExcelJS read an error or boolean result as NaN or 1/0, and a result of 0 as "[object Object]").
              '<row r="5"><c r="A5" t="e"><v>#N/A</v></c><c r="B5" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C5" t="b"><v>1</v></c><c r="D5" t="b"><f>FALSE()</f><v>0</v></c><c r="E5" t="str"><f>A1&amp;"!"</f><v>Gewoon!</v></c><c r="F5"><f>SUM(A1:A2)</f></c><c r="G5"><f>2*3</f><v>6</v></c><c r="H5"><f>2-2</f><v>0</v></c></row>',
              // A date cell; a styled cell with no value; an empty <v/>; a number with an exponent.
              '<row r="6"><c r="A6" t="d"><v>2024-01-31T00:00:00Z</v></c><c r="B6" s="2"/><c r="C6"><v></v></c><c r="D6"><v>1.5E-3</v></c><c r="E6" t="n"><v>-0</v></c></row>',
              // Empty rows are rows too; a row without r follows one with.
              '<row r="8"/><row r="9" spans="1:1"></row><row><c r="C10"><v>10</v></c></row>',
              // Cells out of column order: sorted, the last of a column kept.
              '<row r="12"><c r="C12"><v>3</v></c><c r="A12"><v>1</v></c><c r="C12"><v>33</v></c></row>',
              '<row r="13"><c r="XFD13"><v>16384</v></c></row>',
            ].join('\n'),
          ),
        },
      ],
      sst,
    );
    const rows = await collect(streamXlsxRows(file));
    expect(rows.map((r) => r.sheet)).toEqual(Array(rows.length).fill('Blad1'));
    expect(rows.map((r) => [r.r, r.cells])).toEqual([
      [0, [cell(0, 1, 'Gewoon'), cell(0, 2, 'Wijk A '), cell(0, 3, '7', 7), cell(0, 5, '東京')]],
      [1, [cell(1, 0, '1.5', 1.5), cell(1, 1, '  A & B <1> "x" \'y\' é€  ')]],
      [3, [cell(3, 0, 'Plain inline'), cell(3, 1, 'Groot '), cell(3, 2, 'x &amp; y')]],
      [4, [cell(4, 0, '#N/A'), cell(4, 1, '#DIV/0!'), cell(4, 2, 'TRUE'), cell(4, 3, 'FALSE'), cell(4, 4, 'Gewoon!'), cell(4, 6, '6', 6), cell(4, 7, '0', 0)]],
      [5, [cell(5, 0, '2024-01-31'), cell(5, 3, '0.0015', 0.0015), cell(5, 4, '0', -0)]],
      [7, []],
      [8, []],
      [9, [cell(9, 2, '10', 10)]],
      [11, [cell(11, 0, '1', 1), cell(11, 2, '33', 33)]],
      [12, [cell(12, 16383, '16384', 16384)]],
    ]);
  });

  it('prefixed tags, a stored (uncompressed) sheet, shared strings where the relationships put them', async () => {
    const file = handXlsx(
      path.join(dir, 'prefixed.xlsx'),
      [{ name: 'x', part: 'sheet1.xml', stored: true, xml: sheetXml('<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2"><x:v>2</x:v></x:c></x:row>', 'x') }],
      `<sst ${NS}><si><t>elders</t></si></sst>`,
      'strings/gedeeld.xml',
    );
    expect((await collect(streamXlsxRows(file))).map((r) => [r.r, r.cells])).toEqual([[1, [cell(1, 0, 'elders'), cell(1, 1, '2', 2)]]]);
  });

  it('text split across chunks and UTF-8 sequences split across them reads whole, deflated or stored', async () => {
    const words = ['é', '€', '😀', 'ĳ', '日本', 'a&amp;b', '&#x1F600;', 'x'];
    const expected: StreamedRow[] = [];
    const xml: string[] = [];
    for (let r = 0; r < 3000; r++) {
      let text = '';
      for (let i = 0; i < 40 + (r % 13); i++) text += words[(r * 7 + i) % words.length];
      xml.push(`<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>${text}</t></is></c><c r="B${r + 1}"><v>${r}.5</v></c></row>`);
      const plain = text.replaceAll('&amp;', '&').replaceAll('&#x1F600;', '😀');
      expected.push({ sheet: 'Tekst', r, cells: [cell(r, 0, plain), cell(r, 1, `${r}.5`, r + 0.5)] });
    }
    for (const stored of [false, true]) {
      const file = handXlsx(path.join(dir, `utf8-${stored ? 'stored' : 'deflated'}.xlsx`), [{ name: 'Tekst', part: 'sheet1.xml', stored, xml: sheetXml(xml.join('')) }]);
      expectSameRows(await collect(streamXlsxRows(file)), expected, stored ? 'stored' : 'deflated');
    }
  });

  it('CDATA, comments and attribute values with a ">" of their own, across a chunk border', async () => {
    // The reader cuts its input after a '>'; what holds a '>' of its own can still span two pieces.
    const long = 'a > b '.repeat(5000);
    const rows: string[] = [];
    for (let r = 0; r < 2500; r++) rows.push(`<row r="${r + 1}" x14ac:note="${r % 2 ? '1 > 0' : 'none'}"><c r="A${r + 1}"><v>${r}</v></c><!-- ${r % 100 ? 'c' : long} --></row>`);
    rows.push(`<row r="2501"><c r="B2501" t="inlineStr"><is><t><![CDATA[${long}<&>]]></t></is></c></row>`);
    for (let r = 2501; r < 5000; r++) rows.push(`<row r="${r + 1}"><c r="A${r + 1}" t="str"><v><![CDATA[${r} > ${long.slice(0, 100)}]]></v></c></row>`);
    for (const stored of [false, true]) {
      const file = handXlsx(path.join(dir, `cdata-${stored ? 'stored' : 'deflated'}.xlsx`), [{ name: 'C', part: 'sheet1.xml', stored, xml: sheetXml(rows.join('\n')) }]);
      const read = await collect(streamXlsxRows(file));
      expect(read).toHaveLength(5000);
      expect(read[1234]?.cells).toEqual([cell(1234, 0, '1234', 1234)]);
      expect(read[2500]?.cells).toEqual([cell(2500, 1, `${long}<&>`)]);
      expect(read[4999]?.cells).toEqual([cell(4999, 0, `4999 > ${long.slice(0, 100)}`)]);
    }
  });

  it('picks sheets by name, by part number, or all in workbook order', async () => {
    const file = handXlsx(path.join(dir, 'drie.xlsx'), [
      { name: 'Tweede part', part: 'sheet2.xml', xml: sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>') },
      { name: 'Eerste part', part: 'sheet1.xml', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
      { name: 'Eigen naam', part: 'blad.xml', xml: sheetXml('<row r="1"><c r="A1"><v>3</v></c></row>') },
    ]);
    const values = (rows: StreamedRow[]): [string, number | undefined][] => rows.map((r) => [r.sheet, r.cells[0]?.value]);
    expect(values(await collect(streamXlsxRows(file)))).toEqual([
      ['Tweede part', 2],
      ['Eerste part', 1],
      ['Eigen naam', 3],
    ]);
    expect(values(await collect(streamXlsxRows(file, ['Eigen naam', 'Eerste part'])))).toEqual([
      ['Eerste part', 1],
      ['Eigen naam', 3],
    ]);
    expect(values(await collect(streamXlsxRows(file, { name: 'Eerste part', partNo: 1 })))).toEqual([['Eerste part', 1]]);
    expect(values(await collect(streamXlsxRows(file, { name: 'Sheet2', partNo: 2 })))).toEqual([['Sheet2', 2]]);
    expect(values(await collect(streamXlsxRows(file, { name: 'Geen', partNo: null })))).toEqual([]);
  });
});

describe('a damaged sheet is FILE_UNREADABLE, naming the file', () => {
  const xml = sheetXml(Array.from({ length: 2000 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c><c r="B${r + 1}" t="inlineStr"><is><t>rij ${r}</t></is></c></row>`).join(''));

  it('deflated data cut short', async () => {
    const file = handXlsx(path.join(dir, 'afgekapt.xlsx'), [{ name: 'Blad1', part: 'sheet1.xml', xml, data: (d) => d.subarray(0, d.length >> 1) }]);
    await unreadable(file);
  });

  it('deflated data that is not deflate data', async () => {
    const file = handXlsx(path.join(dir, 'rommel.xlsx'), [{ name: 'Blad1', part: 'sheet1.xml', xml, data: (d) => Buffer.alloc(d.length, 0xff) }]);
    await unreadable(file);
  });

  it('XML cut short in a stored sheet, and in a deflated one', async () => {
    for (const stored of [true, false]) {
      const file = handXlsx(path.join(dir, `half-xml-${stored ? 'stored' : 'deflated'}.xlsx`), [{ name: 'Blad1', part: 'sheet1.xml', stored, xml: xml.slice(0, xml.length >> 1) }]);
      const err = await unreadable(file);
      expect(err.message).toMatch(/cut short/);
    }
  });

  it('through the reader thread too', async () => {
    const file = handXlsx(path.join(dir, 'afgekapt-thread.xlsx'), [{ name: 'Blad1', part: 'sheet1.xml', xml, data: (d) => d.subarray(0, d.length >> 1) }]);
    const err: unknown = await collect(streamXlsxRowsInWorker(await readerWorker(), file, { name: 'Blad1', partNo: 1 })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'FILE_UNREADABLE', where: { file: 'afgekapt-thread.xlsx' } });
    expect((err as AppError).message).toMatch(/^afgekapt-thread\.xlsx cannot be read: /);
  }, 60_000);

  it('a sheet part the workbook names but the archive lacks; shared strings cut short; not a ZIP at all', async () => {
    const missing = handXlsx(path.join(dir, 'zonder-part.xlsx'), [{ name: 'Blad1', part: 'sheet1.xml', xml }]);
    // The part renamed in both ZIP directory records: the workbook's relationship points nowhere.
    writeFileSync(missing, Buffer.from(readFileSync(missing).toString('latin1').replaceAll('xl/worksheets/sheet1.xml', 'xl/worksheets/sheetX.xml'), 'latin1'));
    expect((await unreadable(missing)).message).toMatch(/sheet1\.xml/);

    const sst = handXlsx(path.join(dir, 'sst-kapot.xlsx'), [{ name: 'Blad1', part: 'sheet1.xml', xml }], `<sst ${NS}><si><t>half`);
    await unreadable(sst);

    const notZip = path.join(dir, 'geen-zip.xlsx');
    writeFileSync(notZip, 'Buurtcode;Inwoners\nBU03440000;12\n');
    await unreadable(notZip);
  });
});
