import { describe, expect, it } from 'vitest';
import {
  BriefingTable,
  DEFAULT_DISCLOSURE,
  citeDocument,
  isFormulaLike,
  layoutBriefing,
  renderCsv,
  renderHtmlTable,
  type BriefingFigure,
  type BriefingRow,
  type BriefingSource,
} from '../../../shared/domain/briefing';

const KAMERSTUK: BriefingSource = {
  key: 'src:1',
  kind: 'document',
  title: 'Kamerstuk 30 995 nr. 104 — Brief Voortgang Nationaal Programma Leefbaarheid en Veiligheid, 17 oktober 2024',
  file: null,
  sheet: null,
  sha256: null,
  importedAt: '2026-12-01T10:00:00Z',
  details: [],
  always: false,
};
const FILE: BriefingSource = { key: 'src:2', kind: 'file', title: 'kwb-2024.xlsx', file: 'kwb-2024.xlsx', sheet: 'Data', sha256: 'ab', importedAt: '2026-12-03T09:00:00Z', details: [], always: false };

function fig(value: number | null, extra: Partial<BriefingFigure> = {}): BriefingFigure {
  return { value, low: null, high: null, qualifier: null, sign: null, unit: 'count', period: '2024', sources: ['src:2'], ...extra };
}

function row(id: string, cells: BriefingRow['cells'], extra: Partial<BriefingRow> = {}): BriefingRow {
  return { id, kind: 'data', label: id, level: 'focus_area', cells, markers: [], ...extra };
}

function table(extra: Partial<BriefingTable>): BriefingTable {
  return BriefingTable.parse({
    number: 1,
    caption: 'Test',
    subtitle: null,
    stubHeader: 'Gebied',
    columns: [{ id: 'n', label: 'Woningen', unit: 'count', rule: { kind: 'count', step: 1 } }],
    rows: [],
    total: null,
    footnotes: [],
    sources: [KAMERSTUK, FILE],
    disclosure: DEFAULT_DISCLOSURE,
    ...extra,
  });
}

describe('briefing layout', () => {
  it('reads the programme facts as the letter does, qualifiers and ranges in the cell', () => {
    const src = ['src:1'];
    const t = table({
      stubHeader: 'Onderwerp',
      columns: [{ id: 'v', label: 'Cijfer', unit: 'mixed', rule: { kind: 'auto' } }],
      rows: [
        row('woningen', { v: { figure: fig(15000, { qualifier: 'about', sources: src }) } }),
        row('verbeterd', { v: { figure: fig(1400, { qualifier: 'nearly', sources: src }) } }),
        row('huishoudens', { v: { figure: fig(null, { low: 30000, high: 40000, sources: src }) } }),
        row('spuk', { v: { figure: fig(256e6, { unit: 'euro', note: '2023–2025', sources: src }) } }),
        row('vve', { v: { figure: fig(70, { unit: 'percent', qualifier: 'about', sources: src }) } }),
        row('uren', { v: { figure: fig(8, { unit: 'hours_per_week', sources: src }) } }),
      ],
    });
    const l = layoutBriefing(t);
    expect(l.rows.map((r) => r.cells[0]?.text)).toEqual(['ca. 15.000', 'bijna 1.400', '30.000–40.000', '€ 256 mln (2023–2025)', 'ca. 70%', '8 uur per week']);
    expect(l.rows.map((r) => r.cells[0]?.value)).toEqual([15000, 1400, null, 256e6, 70, 8]);
    expect(l.rows[0]?.cells[0]?.numFmt).toBe('"ca. "#,##0');
    expect(l.rows[3]?.cells[0]?.numFmt).toBe('"€ "#,##0,," mln (2023–2025)"');
    expect(l.sourceLine).toBe('Bron: Kamerstuk 30 995 nr. 104 (17 oktober 2024).');
    expect(l.sourceKeys).toEqual(['src:1']);
    expect(l.title).toBe('Tabel 1. Test');
  });

  it('puts a shared money unit in the heading and rounds to one decimal for display only', () => {
    const t = table({
      columns: [
        { id: 'y2026', label: '2026', unit: 'euro', rule: { kind: 'money_mln', decimals: 1 } },
        { id: 'y2027', label: '2027', unit: 'euro', rule: { kind: 'money_mln', decimals: 1 } },
      ],
      rows: [row('A', { y2026: { figure: fig(12_345_678, { unit: 'euro' }) }, y2027: { figure: fig(1_000_000, { unit: 'euro' }) } })],
    });
    const l = layoutBriefing(t);
    expect(l.unitHeading).toBe('Bedragen × € 1 mln');
    expect(l.columns.map((c) => c.header)).toEqual(['2026', '2027']);
    expect(l.columns[0]?.numFmt).toBe('#,##0.0,,');
    expect(l.rows[0]?.cells.map((c) => [c.text, c.value])).toEqual([['12,3', 12_345_678], ['1,0', 1_000_000]]);
  });

  it('computes a total from exact values and says so when the rounded parts do not add up', () => {
    const t = table({
      columns: [{ id: 'm', label: 'Bedrag', unit: 'euro', rule: { kind: 'money_mln', decimals: 1 } }],
      rows: [row('A', { m: { figure: fig(1_140_000, { unit: 'euro' }) } }), row('B', { m: { figure: fig(1_140_000, { unit: 'euro' }) } })],
      total: { label: 'Totaal' },
      footnotes: [{ marker: '1)', text: 'Eigen voetnoot.' }],
    });
    const l = layoutBriefing(t);
    const total = l.rows.at(-1);
    expect(total?.kind).toBe('total');
    expect(total?.cells[0]?.value).toBe(2_280_000);
    expect(total?.cells[0]?.text).toBe('2,3'); // 1,1 + 1,1 = 2,2 ≠ 2,3
    expect(total?.label).toBe('Totaal 2)');
    expect(l.footnotes).toEqual([{ marker: '1)', text: 'Eigen voetnoot.' }, { marker: '2)', text: expect.stringContaining('Door afronding') }]);
  });

  it('adds no rounding footnote when the parts add up', () => {
    const t = table({
      rows: [row('A', { n: { figure: fig(10) } }), row('B', { n: { figure: fig(20) } })],
      total: { label: 'Totaal' },
    });
    const l = layoutBriefing(t);
    expect(l.rows.at(-1)?.cells[0]?.text).toBe('30');
    expect(l.footnotes).toEqual([]);
  });

  it('rounds counts to hundreds with "ca." and keeps the exact value', () => {
    const t = table({ columns: [{ id: 'n', label: 'Woningen', unit: 'count', rule: { kind: 'count', step: 100 } }], rows: [row('A', { n: { figure: fig(15_234) } })] });
    const c = layoutBriefing(t).rows[0]?.cells[0];
    expect(c).toMatchObject({ text: 'ca. 15.200', value: 15_234, plain: true });
  });

  it('shows CBS signs, never zeros, with a legend of the signs used', () => {
    const t = table({
      rows: [
        row('A', { n: { figure: fig(null, { sign: 'unknown' }) } }),
        row('B', { n: { figure: fig(0, { sign: 'nil' }) } }),
        row('C', { n: { figure: fig(12, { sign: 'provisional' }) } }),
        row('D', {}),
      ],
    });
    const l = layoutBriefing(t);
    expect(l.rows.map((r) => r.cells[0]?.text)).toEqual(['.', '-', '12*', '.']);
    expect(l.legend.map((x) => x.sign)).toEqual(['.', '-', '*']);
  });

  it('has no legend when no sign is used', () => {
    expect(layoutBriefing(table({ rows: [row('A', { n: { figure: fig(3) } })] })).legend).toEqual([]);
  });

  it('flags small counts at neighbourhood level and suppresses them as x when asked', () => {
    const rows = [
      row('BU1', { n: { figure: fig(4) } }, { level: 'neighbourhood' }),
      row('BU2', { n: { figure: fig(40) } }, { level: 'neighbourhood' }),
      row('WK1', { n: { figure: fig(4) } }, { level: 'district' }),
      row('BU3', { n: { figure: fig(0, { sign: 'nil' }) } }, { level: 'neighbourhood' }),
    ];
    const shown = layoutBriefing(table({ rows }));
    expect(shown.disclosure.flags).toEqual([{ rowId: 'BU1', rowLabel: 'BU1', columnId: 'n', columnHeader: 'Woningen', value: 4 }]);
    expect(shown.rows[0]?.cells[0]?.text).toBe('4');
    const hidden = layoutBriefing(table({ rows, disclosure: { threshold: 10, suppress: true } }));
    expect(hidden.rows[0]?.cells[0]).toMatchObject({ text: 'x', value: null, flagged: true });
    expect(hidden.legend).toEqual([
      { sign: 'x', text: expect.stringContaining('kleiner dan 10 op buurtniveau') },
      { sign: '-', text: expect.stringContaining('Nihil') },
    ]);
    const higher = layoutBriefing(table({ rows, disclosure: { threshold: 50, suppress: true } }));
    expect(higher.disclosure.flags.map((f) => f.rowId)).toEqual(['BU1', 'BU2']);
  });

  it('cites only the sources of visible figures, plus those cited always', () => {
    const scenario: BriefingSource = {
      key: 'scenario:x', kind: 'scenario', title: "scenario 'Doorzetten'", file: null, sheet: null, sha256: null, importedAt: null,
      details: [{ label: 'voortzetting', value: '100% tot 2028' }], always: true,
    };
    const composition: BriefingSource = { key: 'comp', kind: 'composition', title: 'geaggregeerd uit 12 wijken; samenstelling te bevestigen', file: null, sheet: null, sha256: null, importedAt: null, details: [], always: false };
    const t = table({ sources: [KAMERSTUK, FILE, scenario, composition], rows: [row('A', { n: { figure: fig(3, { sources: ['src:2', 'comp'] }) } })] });
    expect(layoutBriefing(t).sourceLine).toBe(
      "Bron: kwb-2024.xlsx, blad Data (ingelezen 3 december 2026); scenario 'Doorzetten' (voortzetting: 100% tot 2028); geaggregeerd uit 12 wijken; samenstelling te bevestigen.",
    );
  });

  it('cites a Kamerstuk by number and date', () => {
    expect(citeDocument(KAMERSTUK.title)).toBe('Kamerstuk 30 995 nr. 104 (17 oktober 2024)');
    expect(citeDocument('Regeling kansrijke wijk, Staatscourant 2023, 17605')).toBe('Regeling kansrijke wijk, Staatscourant 2023, 17605');
  });
});

describe('text renderers', () => {
  const t = table({
    columns: [
      { id: 'm', label: 'Bedrag', unit: 'euro', rule: { kind: 'money_mln', decimals: 1 } },
      { id: 'p', label: 'Aandeel', unit: 'percent', rule: { kind: 'percent', decimals: 0 } },
    ],
    rows: [
      row('=HYPERLINK("http://x")', { m: { figure: fig(1_234_567.5, { unit: 'euro' }) }, p: { figure: fig(12.5, { unit: 'percent' }) } }),
      row('B', { m: { figure: fig(2_000_000, { unit: 'euro', qualifier: 'about' }) }, p: { text: '@SUM(A1)' } }),
    ],
  });
  const l = layoutBriefing(t);

  it('writes CSV for Dutch Excel: semicolons, decimal comma, exact values, formulas inert', () => {
    const lines = renderCsv(l).split('\r\n');
    expect(lines[0]).toBe('Gebied;Bedrag (× € 1 mln);Aandeel (%)');
    expect(lines[1]).toBe('"\'=HYPERLINK(""http://x"")";1,2345675;12,5');
    expect(lines[2]).toBe("B;ca. 2,0;'@SUM(A1)");
    expect(lines).toContain('Bron: kwb-2024.xlsx, blad Data (ingelezen 3 december 2026).');
  });

  it('writes an HTML table with caption, formatted numbers and the source line', () => {
    const html = renderHtmlTable(l);
    expect(html).toMatch(/^<table/);
    expect(html).toContain('<caption style="text-align:left;font-weight:bold;padding-bottom:4pt">Tabel 1. Test</caption>');
    expect(html).toContain('>1,2</td>');
    expect(html).toContain('>13</td>');
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;)');
    expect(html).toContain("mso-number-format:'\\@'");
    expect(html).toContain('Bron: kwb-2024.xlsx');
  });

  it('knows formula-like text', () => {
    expect(['=1', '+1', '-1+2', '@SUM', '\tx', '\rx'].every(isFormulaLike)).toBe(true);
    expect(['-', 'Rotterdam', '30.000–40.000'].some(isFormulaLike)).toBe(false);
  });
});
