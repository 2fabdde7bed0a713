import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The hostile corpus's two large valid files (issue 16), too heavy for the test suite: a CSV of
 * 2 million lines and a workbook of 1 million rows. Both are long tables (municipality code,
 * year, subject, value: 400 municipalities × 25 years × 200 or 100 subjects), so they are valid
 * and meant to be imported, not refused — limits bound what is really in a file. Each is imported
 * by the CLI (`import FILE --create-areas --json`) into a fresh store in a child process of its
 * own: wall time, peak RSS, and whether every line became a figure.
 * WV_BENCH_LARGE_SCALE (default 1) shrinks both, to try the bench quickly.
 */
const MUNICIPALITIES = 400;
const YEARS = 25;

function repoRoot(): string {
  // The bench runs bundled as dist/bench/bench.cjs.
  return path.resolve(__dirname, '..', '..');
}

function subject(k: number): string {
  let name = '';
  for (let n = k + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `Kenmerk ${name}`;
}

function* longRows(subjects: number, limit: number): Generator<[string, number, string, number]> {
  let i = 0;
  for (let gm = 1; gm <= MUNICIPALITIES; gm++) {
    for (let y = 2000; y < 2000 + YEARS; y++) {
      for (let k = 0; k < subjects; k++) {
        if (i++ >= limit) return;
        yield [`GM${String(gm).padStart(4, '0')}`, y, subject(k), (gm * 7919 + y * 31 + k * 17) % 100_000];
      }
    }
  }
}

function writeCsv(file: string, lines: number): void {
  writeFileSync(file, 'Gemeentecode;Perioden;Onderwerp;Waarde\n');
  let chunk: string[] = [];
  for (const r of longRows(200, lines)) {
    chunk.push(r.join(';'));
    if (chunk.length === 100_000) {
      appendFileSync(file, `${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length) appendFileSync(file, `${chunk.join('\n')}\n`);
}

async function writeXlsx(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: true });
  const ws = wb.addWorksheet('Data');
  ws.addRow(['Gemeentecode', 'Perioden', 'Onderwerp', 'Waarde']).commit();
  for (const r of longRows(100, rows)) ws.addRow(r).commit();
  await ws.commit();
  await wb.commit();
}

function importChild(dir: string, file: string): { wallMs: number; peakRssMb: number; exit: number | null; committed: boolean; observations: number } {
  const reporter = path.join(dir, 'report-rss.cjs');
  const out = path.join(dir, `rss-${path.basename(file)}.json`);
  writeFileSync(reporter, "process.on('exit', () => require('fs').writeFileSync(process.env.WV_RSS_OUT, String(process.resourceUsage().maxRSS)));\n");
  const cli = path.join(repoRoot(), 'dist', 'main', 'cli.cjs');
  const store = path.join(dir, `${path.basename(file)}.sqlite`);
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', reporter, cli, '--db', store, 'import', file, '--create-areas', '--json'], {
    cwd: repoRoot(),
    env: { ...process.env, WV_RSS_OUT: out },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  let report: { committed?: boolean; observations?: number } = {};
  try {
    report = JSON.parse(run.stdout) as typeof report;
  } catch {
    throw new Error(`import of ${path.basename(file)} printed no report (exit ${run.status}): ${run.stderr.slice(0, 2000)}`);
  }
  return { wallMs, peakRssMb: Number(readFileSync(out, 'utf8')) / 1024, exit: run.status, committed: report.committed === true, observations: report.observations ?? 0 };
}

export async function runLargeFilesBench(): Promise<Record<string, string | number>> {
  const scale = Number(process.env.WV_BENCH_LARGE_SCALE ?? 1);
  const lines = Math.round(2_000_000 * scale);
  const rows = Math.round(1_000_000 * scale);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-bench-large-'));
  const figures: Record<string, string | number> = {};
  try {
    const csv = path.join(dir, 'lang-2m.csv');
    let t = Date.now();
    writeCsv(csv, lines);
    figures['csv.lines'] = lines;
    figures['csv.mb'] = Math.round(statSync(csv).size / 1e5) / 10;
    figures['csv.generate.ms'] = Date.now() - t;
    const c = importChild(dir, csv);
    Object.assign(figures, { 'csv.import.ms': Math.round(c.wallMs), 'csv.import.peakRssMb': Math.round(c.peakRssMb), 'csv.import.exit': c.exit ?? 'signal', 'csv.import.figures': c.observations, 'csv.import.all': c.committed && c.observations === lines ? 'yes' : 'NO' });
    rmSync(csv);

    const xlsx = path.join(dir, 'lang-1m.xlsx');
    t = Date.now();
    await writeXlsx(xlsx, rows);
    figures['xlsx.rows'] = rows;
    figures['xlsx.mb'] = Math.round(statSync(xlsx).size / 1e5) / 10;
    figures['xlsx.generate.ms'] = Date.now() - t;
    const x = importChild(dir, xlsx);
    Object.assign(figures, { 'xlsx.import.ms': Math.round(x.wallMs), 'xlsx.import.peakRssMb': Math.round(x.peakRssMb), 'xlsx.import.exit': x.exit ?? 'signal', 'xlsx.import.figures': x.observations, 'xlsx.import.all': x.committed && x.observations === rows ? 'yes' : 'NO' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
