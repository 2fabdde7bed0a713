import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeCbsSizedWorkbook } from '../test/fixtures/make-cbs-sized-workbook';

/**
 * Import benchmark (issue 3): a workbook shaped like the national CBS Kerncijfers wijken en buurten
 * (17,000 rows × 130 columns, a quarter of the figures CBS's "."), generated in a temp folder.
 * Reported in one run, each measured in its own child process so its peak RSS is its own:
 *  - the raw SheetJS parse of the file (dense, as the importer calls it for files it does not stream);
 *  - the end-to-end import into a fresh store through the CLI (`import FILE --create-areas`): open
 *    and migrate the store, read, detect, parse values, match and create areas, insert every figure
 *    with its provenance, commit — the process's wall time (the figure the target is about), and
 *    the import job's own time up to the commit.
 * Target: import / SheetJS ≤ 1.0 and the import's peak RSS under 600 MB. Figures, never pass/fail.
 * Both are measured WV_BENCH_RUNS times (default 2), interleaved, and the best of each compared.
 */
interface ChildRun {
  wallMs: number;
  maxRssMb: number;
  stdout: string;
}

function repoRoot(): string {
  // The bench runs bundled as dist/bench/bench.cjs.
  return path.resolve(__dirname, '..', '..');
}

function child(dir: string, args: string[]): ChildRun {
  const reporter = path.join(dir, 'report-rss.cjs');
  const out = path.join(dir, `rss-${Date.now()}.json`);
  writeFileSync(reporter, "process.on('exit', () => require('fs').writeFileSync(process.env.WV_RSS_OUT, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })));\n");
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', reporter, ...args], {
    cwd: repoRoot(),
    env: { ...process.env, WV_RSS_OUT: out },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`child ${args.slice(0, 2).join(' ')} failed (${run.status}): ${run.stderr}`);
  const { maxRssKb } = JSON.parse(readFileSync(out, 'utf8')) as { maxRssKb: number };
  return { wallMs, maxRssMb: maxRssKb / 1024, stdout: run.stdout };
}

const SHEETJS_PARSE = `
const XLSX = require('xlsx');
const buf = require('fs').readFileSync(process.argv[1]);
const t = process.hrtime.bigint();
XLSX.read(buf, { type: 'buffer', dense: true, cellDates: true });
process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));
`;

const s = (ms: number): number => Math.round(ms / 10) / 100;

export async function runImportBench(): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-import-bench-'));
  try {
    // The year in the name is the period, as in CBS's own kwb-2024.xlsx.
    const file = path.join(dir, 'kwb-2024.xlsx');
    const t0 = Date.now();
    const { rows, cols } = await makeCbsSizedWorkbook(file);
    const generateMs = Date.now() - t0;

    // The machine is shared: each is run RUNS times, interleaved, and the best of each compared
    // (every run's ratio is listed too). WV_BENCH_RUNS sets how many.
    const runs = Math.max(1, Number(process.env.WV_BENCH_RUNS) || 2);
    const cli = path.join(repoRoot(), 'dist', 'main', 'cli.cjs');
    const parses: ChildRun[] = [];
    const imports: ChildRun[] = [];
    const jobs: number[] = [];
    let figures = 0;
    for (let i = 0; i < runs; i++) {
      parses.push(child(dir, ['-e', SHEETJS_PARSE, file]));
      const store = path.join(dir, `store-${i}.sqlite`);
      const imported = child(dir, [cli, '--db', store, 'import', file, '--create-areas', '--json']);
      const report = JSON.parse(imported.stdout) as { committed: boolean };
      if (!report.committed) throw new Error(`the benchmark import did not commit: ${imported.stdout.slice(0, 500)}`);
      imports.push(imported);
      // The import job's own time, from the source's report: file opened to every figure written
      // (the report is saved inside the transaction, so the COMMIT and its checkpoint are not in it;
      // the CLI's wall time has everything).
      const db = new Database(store, { readonly: true });
      const stored = db.prepare("SELECT observations_written, report_json FROM source WHERE kind = 'file'").get() as { observations_written: number; report_json: string };
      db.close();
      jobs.push((JSON.parse(stored.report_json) as { elapsedMs: number }).elapsedMs);
      figures = stored.observations_written;
    }
    const parseMsOf = (r: ChildRun): number => Number(r.stdout);
    const parseMs = Math.min(...parses.map(parseMsOf));
    const importMs = Math.min(...imports.map((r) => r.wallMs));
    const jobMs = Math.min(...jobs);
    const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;
    const cells = (rows - 1) * cols;
    return {
      workbook: `${rows.toLocaleString('en')} rows × ${cols} columns, ${(statSync(file).size / 1e6).toFixed(1)} MB (generated in ${s(generateMs)} s)`,
      runs,
      'SheetJS parse, best (s)': s(parseMs),
      'SheetJS peak RSS (MB)': Math.round(Math.max(...parses.map((r) => r.maxRssMb))),
      'import end-to-end, CLI process, best (s)': s(importMs),
      'import job, file opened to figures written, best (s)': s(jobMs),
      'import / SheetJS parse (best / best)': ratio(importMs, parseMs),
      'import / SheetJS parse, each run': imports.map((r, i) => ratio(r.wallMs, parseMsOf(parses[i] as ChildRun)).toFixed(2)).join(', '),
      'import job / SheetJS parse (best / best)': ratio(jobMs, parseMs),
      'cells/s (import)': Math.round(cells / (importMs / 1000)),
      'figures written': figures,
      'import peak RSS (MB)': Math.round(Math.max(...imports.map((r) => r.maxRssMb))),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
