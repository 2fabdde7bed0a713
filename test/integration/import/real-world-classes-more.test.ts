import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/run-cli';
import { freshServices } from '../../helpers/services';
import { commit, commitFails, fingerprint, preview, storedFigures } from './commit-helpers';

/**
 * Issue 15, the classes after 1, 4, 7 and 11 (see real-world-classes.test.ts): each with a file the
 * test writes itself, imported through the CLI with --mapping auto and through the wizard's calls;
 * figures checked against the cells they came from, refusals for their message and an unchanged store.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-classes-more-'));
const scratch = (): string => path.join(mkdtempSync(path.join(dir, 'db-')), 'store.sqlite');

interface CliFigure { area_code: string; indicator_code: string; period: string; value: number | null; sign: string | null; source: { cell: string; raw: string } }
async function cliFigures(db: string, sourceId: number): Promise<CliFigure[]> {
  return (await cli('--db', db, 'observations', '--source', String(sourceId), '--json')).json() as CliFigure[];
}

// ---- class 13: Excel's "Unicode text" and UTF-16 CSV
describe('class 13: UTF-16 text files import like any other text file', () => {
  const rows = [
    ['Code', 'Wijk', 'Inwoners 2024', 'Koopwoningen (%) 2024'],
    ['WK034403', 'Wijk 03 Overvecht', '35255', '22,4'],
    ['WK034402', 'Wijk 02 Noordwest', '41020', '38,1'],
    ['WK034401', 'Wijk 01 West', '27840', '.'],
  ];
  // Excel's "Unicode text" (Tekst in Unicode): UTF-16 LE with a BOM, tab separated, CRLF.
  const unicodeText = (): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rows.map((r) => r.join('\t')).join('\r\n') + '\r\n', 'utf16le')]);
  const utf16Csv = (enc: 'utf16le' | 'utf-16be'): Buffer => {
    const text = rows.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(';')).join('\r\n') + '\r\n';
    return enc === 'utf16le'
      ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
      : Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
  };
  const files: [string, () => Buffer][] = [
    ['wijken-unicode-tekst.txt', unicodeText],
    ['wijken-utf16le.csv', () => utf16Csv('utf16le')],
    ['wijken-utf16be.csv', () => utf16Csv('utf-16be')],
  ];

  for (const [name, make] of files) {
    it(`CLI --mapping auto: ${name} — every figure from its cell, the sign kept`, async () => {
      const file = path.join(dir, name);
      writeFileSync(file, make());
      const db = scratch();
      const run = await cli('--db', db, 'import', file, '--mapping', 'auto', '--json');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const r = run.json() as { source_id: number };
      expect(r).toMatchObject({ committed: true, observations: 6, figures_skipped: 0 });
      const figures = await cliFigures(db, r.source_id);
      const at = (cell: string) => figures.find((f) => f.source.cell === cell);
      expect(at('C2')).toMatchObject({ area_code: 'WK034403', period: '2024', value: 35_255 });
      expect(at('D3')).toMatchObject({ area_code: 'WK034402', period: '2024', value: 38.1, source: { raw: '38,1' } });
      expect(at('C4')).toMatchObject({ area_code: 'WK034401', value: 27_840 });
      expect(at('D4')).toMatchObject({ value: null, sign: 'unknown', source: { raw: '.' } });
    });
  }

  it('wizard: the preview names the encoding and the separator, and the commit stores the figures', async () => {
    const file = path.join(dir, 'wijken-unicode-tekst-b.txt');
    writeFileSync(file, unicodeText());
    const s = freshServices();
    try {
      const p = await preview(s, { filePath: file });
      expect(p.file).toMatchObject({ encoding: 'utf-16le', separator: '\t' });
      expect(p.measures.map((m) => m.label)).toEqual(['Inwoners 2024', 'Koopwoningen (%) 2024']);
      const report = await commit(s, { filePath: file });
      expect(report).toMatchObject({ committed: true, observations: 6 });
      const figs = storedFigures(s, report.sourceId as number);
      expect(figs.find((f) => f.cell === 'C3')).toMatchObject({ area: 'WK034402', value: 41_020 });
      expect(figs.find((f) => f.cell === 'D2')).toMatchObject({ value: 22.4, raw: '22,4' });
    } finally {
      s.close();
    }
  });
});

// ---- class 10: the unit from the label's end
describe('class 10: a unit in parentheses at the end of a label wins over words earlier in it', () => {
  const header = [
    'Codering',
    'Wijken en buurten',
    'Nabijheid/Huisartsenpraktijk/Afstand tot huisartsenpraktijk (km)',
    'Nabijheid/Aantal huisartsenpraktijken/Binnen 1 km (aantal)',
    'Nabijheid/Aantal huisartsenpraktijken/Binnen 3 km (aantal)',
    'Nabijheid/Scholen binnen 3 km (%)',
  ];
  const data = [
    ['WK034403', 'Wijk 03 Overvecht', '0,6', '3,2', '11,8', '97'],
    ['WK034402', 'Wijk 02 Noordwest', '0,5', '4,1', '14,3', '99'],
  ];
  const csv = '\uFEFF' + [header, ...data].map((r) => r.join(';')).join('\r\n') + '\r\n';

  it('CLI --mapping auto: "Binnen 1 km (aantal)" is a count, the distance column stays km', async () => {
    const file = path.join(dir, 'nabijheid-2023.csv');
    writeFileSync(file, csv);
    const db = scratch();
    const run = await cli('--db', db, 'import', file, '--mapping', 'auto', '--json');
    expect(run.code).toBe(0);
    const r = run.json() as { source_id: number };
    expect(r).toMatchObject({ committed: true, observations: 8, figures_skipped: 0 });
    const figures = await cliFigures(db, r.source_id);
    const at = (cell: string) => figures.find((f) => f.source.cell === cell);
    expect(at('C2')).toMatchObject({ area_code: 'WK034403', value: 0.6 });
    expect(at('D2')).toMatchObject({ area_code: 'WK034403', value: 3.2 });
    expect(at('E3')).toMatchObject({ area_code: 'WK034402', value: 14.3 });
    expect(at('F3')).toMatchObject({ value: 99 });
    const indicators = new Map(((await cli('--db', db, 'indicators', '--json')).json() as { code: string; unit: string }[]).map((i) => [i.code, i.unit]));
    expect(indicators.get(at('C2')?.indicator_code ?? '')).toBe('km');
    expect(indicators.get(at('D2')?.indicator_code ?? '')).toBe('count');
    expect(indicators.get(at('E2')?.indicator_code ?? '')).toBe('count');
    expect(indicators.get(at('F2')?.indicator_code ?? '')).toBe('percent');
  });

  it('wizard: the preview shows the unit and the words it came from', async () => {
    const file = path.join(dir, 'nabijheid-2023-b.csv');
    writeFileSync(file, csv);
    const s = freshServices();
    try {
      const p = await preview(s, { filePath: file });
      const byColumn = new Map(p.measures.map((m) => [m.column, m]));
      expect(byColumn.get('C')).toMatchObject({ unit: 'km', unitEvidence: ['(km)'] });
      expect(byColumn.get('D')).toMatchObject({ unit: 'count', unitEvidence: ['(aantal)'] });
      expect(byColumn.get('E')).toMatchObject({ unit: 'count', unitEvidence: ['(aantal)'] });
      expect(byColumn.get('F')).toMatchObject({ unit: 'percent', unitEvidence: ['(%)'] });
      const report = await commit(s, { filePath: file });
      expect(report).toMatchObject({ committed: true, observations: 8 });
      expect(storedFigures(s, report.sourceId as number).find((f) => f.cell === 'D3')).toMatchObject({ area: 'WK034402', value: 4.1 });
    } finally {
      s.close();
    }
  });
});

// ---- class 5: duplicate or empty headers
describe('class 5: duplicate or empty headers become distinct indicators, named with the header and the column', () => {
  // An export that dropped the category labels: "Aantal" four times, one column without a header.
  const header = ['Code', 'Wijk', 'Inwoners', 'Aantal', 'Aantal', 'Aantal', 'Aantal', ''];
  const data = [
    ['WK034403', 'Wijk 03 Overvecht', '35255', '6120', '4980', '15230', '8925', '17'],
    ['WK034402', 'Wijk 02 Noordwest', '41020', '6670', '5890', '19870', '8590', '23'],
  ];
  const csv = [header, ...data].map((r) => r.join(';')).join('\r\n') + '\r\n';
  const cellOf = (col: string, row: number): string => data[row - 2]?.['ABCDEFGH'.indexOf(col)] ?? '';

  it('CLI --mapping auto: every column its own indicator and its own figures; nothing merged or overwritten; the warnings say which', async () => {
    const file = path.join(dir, 'leeftijd-zonder-labels-2024.csv');
    writeFileSync(file, csv);
    const db = scratch();
    const run = await cli('--db', db, 'import', file, '--mapping', 'auto', '--json');
    expect(run.code).toBe(0);
    const r = run.json() as { source_id: number; issues: { severity: string; cell: string; message: string }[] };
    expect(r).toMatchObject({ committed: true, observations: 12, figures_skipped: 0 });
    const warned = r.issues.filter((i) => /heads columns|has figures but no header/.test(i.message));
    expect(warned.map((i) => [i.severity, i.cell])).toEqual([['warning', 'D1'], ['warning', 'E1'], ['warning', 'F1'], ['warning', 'G1'], ['warning', 'H1']]);
    expect(warned[4]?.message).toBe('column H has figures but no header: it becomes indicator "Kolom H" (kolom_h); give it a name');
    expect(warned[1]?.message).toBe('"Aantal" heads columns D, E, F, G: column E becomes its own indicator "Aantal (kolom E)" (aantal_kolom_e); give it a name');
    const figures = await cliFigures(db, r.source_id);
    const byIndicator = new Map<string, CliFigure[]>();
    for (const f of figures) byIndicator.set(f.indicator_code, [...(byIndicator.get(f.indicator_code) ?? []), f]);
    expect([...byIndicator.keys()].sort()).toEqual(['aantal_kolom_d', 'aantal_kolom_e', 'aantal_kolom_f', 'aantal_kolom_g', 'inwoners', 'kolom_h'].sort());
    for (const col of ['D', 'E', 'F', 'G', 'H']) {
      for (const row of [2, 3]) {
        const f = figures.find((x) => x.source.cell === `${col}${row}`);
        expect(f, `${col}${row}`).toMatchObject({ value: Number(cellOf(col, row)), period: '2024', indicator_code: col === 'H' ? 'kolom_h' : `aantal_kolom_${col.toLowerCase()}` });
      }
    }
    const names = new Map(((await cli('--db', db, 'indicators', '--json')).json() as { code: string; name: string }[]).map((i) => [i.code, i.name]));
    expect(names.get('aantal_kolom_f')).toBe('Aantal (kolom F)');
    expect(names.get('kolom_h')).toBe('Kolom H');
  });

  it('wizard: the mapping step flags the columns to name; names given there are stored, and the warnings go', async () => {
    const file = path.join(dir, 'leeftijd-zonder-labels-2024-b.csv');
    writeFileSync(file, csv);
    const s = freshServices();
    try {
      const p = await preview(s, { filePath: file });
      expect(p.measures.map((m) => [m.column, m.key, m.toName ?? null, m.indicator.name])).toEqual([
        ['C', 'Inwoners', null, expect.any(String)],
        ['D', 'Aantal (kolom D)', 'duplicate_header', 'Aantal (kolom D)'],
        ['E', 'Aantal (kolom E)', 'duplicate_header', 'Aantal (kolom E)'],
        ['F', 'Aantal (kolom F)', 'duplicate_header', 'Aantal (kolom F)'],
        ['G', 'Aantal (kolom G)', 'duplicate_header', 'Aantal (kolom G)'],
        ['H', 'Kolom H', 'empty_header', 'Kolom H'],
      ]);
      expect(p.problems.filter((x) => x.kind === 'duplicate_header').map((x) => x.cell)).toEqual(['D1', 'E1', 'F1', 'G1']);
      const measures = [
        { key: 'Aantal (kolom D)', name: '0 tot 15 jaar' },
        { key: 'Aantal (kolom E)', name: '15 tot 25 jaar' },
        { key: 'Aantal (kolom F)', name: '25 tot 45 jaar' },
        { key: 'Aantal (kolom G)', name: '45 tot 65 jaar' },
        { key: 'Kolom H', name: 'Huisartsen' },
      ];
      const named = await preview(s, { filePath: file, choices: { measures } });
      expect(named.problems.filter((x) => x.kind === 'duplicate_header' || x.kind === 'empty_header')).toEqual([]);
      expect(named.measures.find((m) => m.column === 'F')).toMatchObject({ indicator: { name: '25 tot 45 jaar' } });
      const report = await commit(s, { filePath: file, choices: { measures } });
      expect(report).toMatchObject({ committed: true, observations: 12 });
      const figs = storedFigures(s, report.sourceId as number);
      const indicatorName = (code: string): unknown => (s.ctx.db.prepare('SELECT name FROM indicator WHERE code = ?').get(code) as { name: string }).name;
      for (const [col, name] of [['D', '0 tot 15 jaar'], ['E', '15 tot 25 jaar'], ['F', '25 tot 45 jaar'], ['G', '45 tot 65 jaar'], ['H', 'Huisartsen']] as const) {
        const f = figs.find((x) => x.cell === `${col}3`);
        expect(f).toMatchObject({ area: 'WK034402', value: Number(cellOf(col, 3)) });
        expect(indicatorName(f?.indicator ?? '')).toBe(name);
      }
    } finally {
      s.close();
    }
  });
});

// ---- class 8: the same file again with other choices; removing an import
describe('class 8: a re-import brings in what is now importable, as a revision; sources remove takes an import out whole', () => {
  const KWB = [
    ['gwb_code', 'regio', 'a_inw', 'a_hh'],
    ['GM0344', 'Utrecht', '374238', '196000'],
    ['WK034403', 'Wijk 03 Overvecht', '35255', '15120'],
    ['BU03440311', 'Taag- en Rubicondreef en omgeving', '4210', '.'],
    ['BU03440312', 'Tigris- en Amazonedreef en omgeving', '3980', '1870'],
    ['WK034402', 'Wijk 02 Noordwest', '41020', '19800'],
    ['BU03440232', 'Elinkwijk en omgeving', '5115', '2420'],
  ];
  const csv = KWB.map((r) => r.join(';')).join('\r\n') + '\r\n';
  interface CliSource { id: number; kind: string; file: string | null; current: number; superseded: number; supersedes_source_id: number | null }
  const sourcesOf = async (db: string): Promise<CliSource[]> => (await cli('--db', db, 'sources', '--json')).json() as CliSource[];

  it('CLI: skipped first (--no-create-areas --allow-skips), then again by default: a revision with every figure, the old ones kept as history; again: nothing added', async () => {
    const file = path.join(dir, 'kwb-2024-utrecht-revisie.csv');
    writeFileSync(file, csv);
    const db = scratch();
    const first = await cli('--db', db, 'import', file, '--mapping', 'auto', '--no-create-areas', '--allow-skips', '--json');
    expect(first.code).toBe(0);
    const a = first.json() as { source_id: number };
    expect(a).toMatchObject({ committed: true, observations: 4, figures_skipped: 8 });
    // The same file, the same choices: still nothing more to import.
    const same = await cli('--db', db, 'import', file, '--mapping', 'auto', '--no-create-areas', '--allow-skips', '--json');
    expect(same.code).toBe(0);
    expect(same.json()).toMatchObject({ committed: false, source_id: a.source_id, observations: 0 });
    expect((same.json() as { issues: { message: string }[] }).issues[0]?.message).toMatch(/as source \d+: same contents \(sha256\), nothing added: what it left out is still left out \(8 figures skipped: 4 areas not in the store/);
    // Other choices: the areas are created now, and the whole file comes in as a revision.
    const again = await cli('--db', db, 'import', file, '--mapping', 'auto', '--json');
    expect(again.code).toBe(0);
    const b = again.json() as { source_id: number; issues: { severity: string; message: string }[] };
    expect(b).toMatchObject({ committed: true, observations: 12, figures_skipped: 0 });
    expect(b.source_id).not.toBe(a.source_id);
    expect(b.issues[0]?.message).toBe(`kwb-2024-utrecht-revisie.csv (sheet kwb-2024-utrecht-revisie) was imported before as source ${a.source_id} with 4 figures, leaving figures out; imported again as a revision: 12 figures, the earlier ones kept as history`);
    const sources = await sourcesOf(db);
    expect(sources.find((s) => s.id === a.source_id)).toMatchObject({ current: 0, superseded: 4 });
    expect(sources.find((s) => s.id === b.source_id)).toMatchObject({ current: 12, superseded: 0, supersedes_source_id: a.source_id });
    const figures = await cliFigures(db, b.source_id);
    expect(figures.find((f) => f.source.cell === 'C4')).toMatchObject({ area_code: 'BU03440311', value: 4210 });
    expect(figures.find((f) => f.source.cell === 'D4')).toMatchObject({ value: null, sign: 'unknown', source: { raw: '.' } });
    // A third time: every figure is in, nothing added.
    const third = await cli('--db', db, 'import', file, '--mapping', 'auto', '--json');
    expect(third.json()).toMatchObject({ committed: false, source_id: b.source_id });
    expect((third.json() as { issues: { message: string }[] }).issues[0]?.message).toMatch(/same contents \(sha256\), nothing added$/);
  });

  it('CLI: sources remove ID takes the revision out whole and says what went with it; the earlier figures are current again', async () => {
    const file = path.join(dir, 'kwb-2024-utrecht-weg.csv');
    writeFileSync(file, csv);
    const db = scratch();
    const a = (await cli('--db', db, 'import', file, '--no-create-areas', '--allow-skips', '--json')).json() as { source_id: number };
    const b = (await cli('--db', db, 'import', file, '--json')).json() as { source_id: number };
    const areasBefore = (await cli('--db', db, 'areas', '--json')).json() as { code: string }[];
    expect(areasBefore.some((x) => x.code === 'BU03440311')).toBe(true);
    const removed = await cli('--db', db, 'sources', 'remove', String(b.source_id));
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain(`Bron ${b.source_id} (kwb-2024-utrecht-weg.csv, blad kwb-2024-utrecht-weg) verwijderd.`);
    expect(removed.stdout).toContain('12 cijfers verwijderd (12 actueel, 0 al vervangen door een latere import)');
    expect(removed.stdout).toContain('4 eerdere cijfers die deze import had vervangen zijn weer actueel');
    expect(removed.stdout).toContain('4 gebieden die deze import aanmaakte verwijderd');
    const sources = await sourcesOf(db);
    expect(sources.some((s) => s.id === b.source_id)).toBe(false);
    expect(sources.find((s) => s.id === a.source_id)).toMatchObject({ current: 4, superseded: 0 });
    const areasAfter = (await cli('--db', db, 'areas', '--json')).json() as { code: string }[];
    expect(areasAfter.some((x) => x.code === 'BU03440311')).toBe(false);
    expect(areasAfter.length).toBe(areasBefore.length - 4);
    // The earlier import's figures read as before.
    expect((await cliFigures(db, a.source_id)).find((f) => f.source.cell === 'C2')).toMatchObject({ area_code: 'GM0344', value: 374_238 });
    // And that one goes too, as JSON.
    const json = await cli('--db', db, 'sources', 'remove', String(a.source_id), '--json');
    expect(json.json()).toMatchObject({ source_id: a.source_id, figures: 4, current: 4, restored: 0, areas_removed: 0 });
  });

  it('CLI: removing what is not an imported file is refused with a message, and the store is unchanged', async () => {
    const db = scratch();
    const before = await sourcesOf(db);
    const doc = before.find((s) => s.kind !== 'file');
    expect(doc).toBeDefined();
    const refused = await cli('--db', db, 'sources', 'remove', String(doc?.id));
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`Source ${doc?.id} (`);
    expect(refused.stderr).toContain('only imported files can be removed');
    const missing = await cli('--db', db, 'sources', 'remove', '99999');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('No source with id 99999.');
    expect((await cli('--db', db, 'sources', 'remove', 'twelve')).code).toBe(2);
    expect(await sourcesOf(db)).toEqual(before);
  });

  it('wizard: the commit after an import that skipped areas is a revision; sources.remove answers what went', async () => {
    const file = path.join(dir, 'kwb-2024-utrecht-wizard.csv');
    writeFileSync(file, csv);
    const s = freshServices();
    try {
      const first = await commit(s, { filePath: file, choices: { areas: { newAreas: 'skip' } } });
      expect(first).toMatchObject({ committed: true, observations: 4 });
      const second = await commit(s, { filePath: file });
      expect(second).toMatchObject({ committed: true, observations: 12, recognised: false, supersededSources: [first.sourceId] });
      expect(second.issues[0]).toMatchObject({ kind: 'revision', severity: 'info' });
      const figs = storedFigures(s, second.sourceId as number);
      expect(figs.find((f) => f.cell === 'C6')).toMatchObject({ area: 'WK034402', value: 41_020, superseded: false });
      expect(storedFigures(s, first.sourceId as number).every((f) => f.superseded)).toBe(true);
      const removed = (await s.call('sources.remove', { id: second.sourceId })) as { ok: true; value: Record<string, unknown> };
      expect(removed.value).toMatchObject({ sourceId: second.sourceId, figures: 12, restored: 4, areasRemoved: 4, areasKept: 0 });
      expect(storedFigures(s, first.sourceId as number).some((f) => f.superseded)).toBe(false);
    } finally {
      s.close();
    }
  });
});

// ---- class 6: several tables stacked in one sheet
describe('class 6: tables stacked in one sheet are found as blocks; one is read, never the sheet as one table', () => {
  async function stackedWorkbook(name: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Monitor');
    ws.getCell('A1').value = 'Wijkmonitor Utrecht';
    // Block 1: a title, a two-row header with a merged group cell, data, a formula with its cached value.
    ws.getCell('B3').value = 'Tabel 1. Bevolking naar leeftijd';
    ws.getRow(4).values = [null, 'Code', 'Wijk', 'Inwoners', null, 'Totaal jong en oud'];
    ws.mergeCells('D4:E4');
    ws.getRow(5).values = [null, null, null, '0 tot 15 jaar (aantal)', '65 jaar of ouder (aantal)', '(aantal)'];
    const people = [['WK034403', 'Wijk 03 Overvecht', 7_410, 3_980], ['WK034402', 'Wijk 02 Noordwest', 6_670, 5_890], ['WK034401', 'Wijk 01 West', 4_120, 3_870]] as const;
    people.forEach(([code, wijk, young, old], i) => {
      const r = 6 + i;
      ws.getRow(r).values = [null, code, wijk, young, old];
      ws.getCell(`F${r}`).value = { formula: `D${r}+E${r}`, result: young + old };
    });
    // Two blank rows, then block 2: percentages stored as fractions, shown with a 0.0% format.
    ws.getCell('B11').value = 'Tabel 2. Woningvoorraad naar eigendom';
    ws.getRow(12).values = [null, 'Code', 'Wijk', 'Koopwoningen', 'Corporatiewoningen'];
    const homes = [['WK034403', 'Wijk 03 Overvecht', 0.2243, 0.5861], ['WK034402', 'Wijk 02 Noordwest', 0.0092, 0.3912], ['WK034401', 'Wijk 01 West', 0.4417, 0.2236]] as const;
    homes.forEach(([code, wijk, own, social], i) => {
      const r = 13 + i;
      ws.getRow(r).values = [null, code, wijk, own, social];
      ws.getCell(`D${r}`).numFmt = '0.0%';
      ws.getCell(`E${r}`).numFmt = '0.0%';
    });
    ws.getCell('B17').value = 'Bron: gemeente Utrecht, peildatum 1 januari 2024';
    const file = path.join(dir, name);
    await wb.xlsx.writeFile(file);
    return file;
  }

  it('CLI --mapping auto without a choice refuses, naming the blocks and their ranges; the store is unchanged', async () => {
    const file = await stackedWorkbook('monitor-gestapeld-2024.xlsx');
    const db = scratch();
    const before = await cli('--db', db, 'sources', '--json');
    const run = await cli('--db', db, 'import', file, '--mapping', 'auto');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('monitor-gestapeld-2024.xlsx: sheet Monitor holds 2 tables, one below the other: block 1 B4:F8 "Tabel 1. Bevolking naar leeftijd", block 2 B12:E15 "Tabel 2. Woningvoorraad naar eigendom"; choose one with --block N or --range (e.g. --range B4:F8); nothing was imported');
    expect((await cli('--db', db, 'sources', '--json')).stdout).toBe(before.stdout);
    const dry = await cli('--db', db, 'import', file, '--mapping', 'auto', '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain('holds 2 tables, one below the other: block 1 B4:F8');
    expect((await cli('--db', db, 'import', file, '--block', '2', '--range', 'B4:F8')).code).toBe(2);
  });

  it('CLI --block 2: the percentages as percentages (0.0092 shown as 0.9% is 0.92), the stored value kept as raw; --range reads the same', async () => {
    const file = await stackedWorkbook('monitor-gestapeld-b-2024.xlsx');
    for (const choice of [['--block', '2'], ['--range', 'b12:e15']]) {
      const db = scratch();
      const run = await cli('--db', db, 'import', file, '--mapping', 'auto', ...choice, '--json');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const r = run.json() as { source_id: number };
      expect(r).toMatchObject({ committed: true, observations: 6, figures_skipped: 0, header_rows: [12] });
      const figures = await cliFigures(db, r.source_id);
      expect(figures.map((f) => f.source.cell).sort()).toEqual(['D13', 'D14', 'D15', 'E13', 'E14', 'E15']);
      expect(figures.find((f) => f.source.cell === 'D14')).toMatchObject({ area_code: 'WK034402', period: '2024', value: 0.92 });
      expect(figures.find((f) => f.source.cell === 'E13')).toMatchObject({ area_code: 'WK034403', value: 58.61 });
      const raw = figures.find((f) => f.source.cell === 'D14')?.source.raw;
      expect(raw).toBe('0.9% = 0.0092');
      const units = new Map(((await cli('--db', db, 'indicators', '--json')).json() as { code: string; unit: string }[]).map((i) => [i.code, i.unit]));
      expect(units.get(figures.find((f) => f.source.cell === 'D14')?.indicator_code ?? '')).toBe('percent');
    }
  });

  it('CLI --block 1: a two-row header with a merged group cell, and formula cells by their cached values', async () => {
    const file = await stackedWorkbook('monitor-gestapeld-c-2024.xlsx');
    const db = scratch();
    const run = await cli('--db', db, 'import', file, '--mapping', 'auto', '--block', '1', '--json');
    expect(run.code).toBe(0);
    const r = run.json() as { source_id: number };
    expect(r, JSON.stringify(r).slice(0, 1500)).toMatchObject({ committed: true, observations: 9, header_rows: [4, 5] });
    const figures = await cliFigures(db, r.source_id);
    expect(figures.find((f) => f.source.cell === 'D6')).toMatchObject({ area_code: 'WK034403', value: 7_410 });
    expect(figures.find((f) => f.source.cell === 'E7')).toMatchObject({ area_code: 'WK034402', value: 5_890 });
    expect(figures.find((f) => f.source.cell === 'F8')).toMatchObject({ area_code: 'WK034401', value: 4_120 + 3_870 });
    expect(figures.some((f) => Number(f.source.cell.slice(1)) > 8)).toBe(false);
  });

  it('wizard: the preview lists the blocks and reads block 1 until one is chosen; a commit without a choice is refused, the store unchanged', async () => {
    const file = await stackedWorkbook('monitor-gestapeld-d-2024.xlsx');
    const s = freshServices();
    try {
      const p = await preview(s, { filePath: file });
      expect(p.blocks).toEqual([
        { index: 1, range: 'B4:F8', title: 'Tabel 1. Bevolking naar leeftijd', dataRows: 3 },
        { index: 2, range: 'B12:E15', title: 'Tabel 2. Woningvoorraad naar eigendom', dataRows: 3 },
      ]);
      expect(p).toMatchObject({ block: 1, blockChosen: false, range: 'B4:F8' });
      expect(p.problems.find((x) => x.kind === 'several_tables')).toMatchObject({ severity: 'error' });
      const before = fingerprint(s);
      const refused = await commitFails(s, { filePath: file });
      expect(refused.message).toContain('holds 2 tables, one below the other');
      expect(fingerprint(s)).toEqual(before);
      const chosen = await preview(s, { filePath: file, block: 2 });
      expect(chosen).toMatchObject({ block: 2, blockChosen: true, range: 'B12:E15', table: { headerRows: [12], firstDataRow: 13, lastDataRow: 15 } });
      expect(chosen.problems.some((x) => x.kind === 'several_tables')).toBe(false);
      const report = await commit(s, { filePath: file, block: 2 });
      expect(report).toMatchObject({ committed: true, observations: 6 });
      expect(storedFigures(s, report.sourceId as number).find((f) => f.cell === 'D13')).toMatchObject({ area: 'WK034403', value: 22.43 });
    } finally {
      s.close();
    }
  });
});
