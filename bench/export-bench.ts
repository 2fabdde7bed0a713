import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { renderExport, type ExportFormat } from '../main/export/files';
import { DEFAULT_DISCLOSURE, layoutBriefing, type BriefingRow, type BriefingSource, type BriefingTable, type RoundingRule } from '../shared/domain/briefing';

/**
 * Export benchmark (issue 14): a 20-area × 30-indicator table and a 2,000-row table, each laid out
 * and written as .xlsx, CSV and HTML. Each case runs in a child process of its own so its peak RSS
 * (maxRSS) is its own; time is the median of five runs after one warm-up (layout + render, the
 * bytes in memory; writing them to disk is the operating system's business).
 */

const CASE_FLAG = '__export_case';
const FORMATS: ExportFormat[] = ['xlsx', 'csv', 'html'];
const RULES: { unit: string; rule: RoundingRule }[] = [
  { unit: 'count', rule: { kind: 'count', step: 1 } },
  { unit: 'percent', rule: { kind: 'percent', decimals: 1 } },
  { unit: 'euro', rule: { kind: 'money_mln', decimals: 1 } },
  { unit: 'count', rule: { kind: 'count', step: 10 } },
  { unit: 'per_1000_residents', rule: { kind: 'number', decimals: 1 } },
];

function table(rows: number, columns: number): BriefingTable {
  const sources: BriefingSource[] = Array.from({ length: 4 }, (_, i) => ({
    key: `source:${i}`, kind: 'file', title: `kwb-202${i}.xlsx`, file: `kwb-202${i}.xlsx`, sheet: 'Data', sha256: 'a'.repeat(64), importedAt: '2026-12-01T10:00:00Z', details: [], always: false,
  }));
  const cols = Array.from({ length: columns }, (_, c) => ({ id: `i${c}`, label: `Indicator ${c + 1}`, ...(RULES[c % RULES.length] as (typeof RULES)[number]) }));
  const data: BriefingRow[] = Array.from({ length: rows }, (_, r) => ({
    id: `BU${String(r).padStart(8, '0')}`,
    kind: 'data',
    label: `Buurt ${r + 1}`,
    level: 'neighbourhood',
    markers: [],
    cells: Object.fromEntries(
      cols.map((c, ci) => {
        const k = (r * 31 + ci * 7) % 97;
        const sign = k === 0 ? 'unknown' : k === 1 ? 'secret' : null;
        return [c.id, { figure: { value: sign ? null : (r + 1) * (ci + 3) * 17.3, low: null, high: null, qualifier: k === 2 ? 'about' : null, sign, unit: c.unit, period: '2024', sources: [`source:${(r + ci) % 4}`] } }];
      }),
    ),
  }));
  return { number: 1, caption: `Bench ${rows} × ${columns}`, subtitle: null, stubHeader: 'Gebied', columns: cols, rows: data, total: { label: 'Totaal' }, footnotes: [], sources, disclosure: DEFAULT_DISCLOSURE };
}

/** One case, in this (child) process: prints a JSON line with the timings, bytes and maxRSS. */
async function runCase(format: ExportFormat, rows: number, columns: number): Promise<void> {
  const t = table(rows, columns);
  const meta = { appVersion: 'bench', createdAt: new Date('2026-12-05T00:00:00Z'), origin: 'bench', notes: [] };
  const once = async (): Promise<{ ms: number; bytes: number }> => {
    const start = performance.now();
    const layout = layoutBriefing(t);
    const bytes = await renderExport(format, layout, t.sources, meta);
    return { ms: performance.now() - start, bytes: bytes.length };
  };
  const cold = await once();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const r = await once();
    times.push(r.ms);
    bytes = r.bytes;
  }
  times.sort((a, b) => a - b);
  process.stdout.write(`EXPORT_CASE ${JSON.stringify({ cold: cold.ms, median: times[2], bytes, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

if (process.argv[2] === CASE_FLAG) {
  const [format, rows, columns] = [process.argv[3] as ExportFormat, Number(process.argv[4]), Number(process.argv[5])];
  runCase(format, rows, columns).catch((err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  });
}

export async function runExportBench(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  const script = process.argv[1] as string;
  for (const [name, rows, columns] of [['20 areas × 30 indicators', 20, 30], ['2,000 rows × 8 columns', 2000, 8]] as const) {
    for (const format of FORMATS) {
      const stdout = execFileSync(process.execPath, [script, CASE_FLAG, format, String(rows), String(columns)], { encoding: 'utf8' });
      const line = stdout.split('\n').find((l) => l.startsWith('EXPORT_CASE '));
      if (!line) throw new Error(`no figures from the ${format} case: ${stdout}`);
      const r = JSON.parse(line.slice('EXPORT_CASE '.length)) as { cold: number; median: number; bytes: number; maxRssMb: number };
      out[`${name}, ${format}: median ms (cold)`] = `${r.median.toFixed(1)} (${r.cold.toFixed(1)})`;
      out[`${name}, ${format}: file kB, peak RSS MB`] = `${(r.bytes / 1024).toFixed(0)}, ${r.maxRssMb.toFixed(0)}`;
    }
  }
  return out;
}
