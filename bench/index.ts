// `npm run bench`: every benchmark in one command, each in its own process (its own peak RSS),
// printed as a table and written to bench-results/ as JSON. Never pass/fail: the figures go into
// the notes and the README. `npm run bench -- import` runs the benchmarks whose name contains
// "import". Add a benchmark: one line in `benches` (a module that returns its own figures).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImportBench } from './import-bench';
import { runScenarioBench } from './scenario-bench';
import { runCompareBench } from './compare-bench';
import { runExportBench } from './export-bench';
import { runLargeFilesBench } from './large-files-bench';

interface Bench {
  name: string;
  run: () => Promise<Record<string, string | number>>;
}

const benches: Bench[] = [{ name: 'scenario Monte Carlo', run: runScenarioBench }, { name: 'import national CBS workbook', run: runImportBench },
  { name: 'compare areas (20M figures)', run: runCompareBench },
  { name: 'export briefing tables', run: runExportBench },
  { name: 'import large valid files (2M-line CSV, 1M-row xlsx)', run: runLargeFilesBench },
];

interface BenchResult {
  name: string;
  wallMs: number;
  /** Peak resident set of the benchmark's own process (children report theirs in `figures`). */
  peakRssMb: number;
  ok: boolean;
  error?: string;
  figures: Record<string, string | number>;
}

const CHILD_FLAG = '--bench-child';

/** In the child: run one benchmark, write its figures and the process's peak RSS to a file. */
async function child(name: string, out: string): Promise<void> {
  const bench = benches.find((b) => b.name === name);
  if (!bench) throw new Error(`no benchmark "${name}"`);
  const figures = await bench.run();
  writeFileSync(out, JSON.stringify({ figures, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function runInChild(bench: Bench, dir: string): BenchResult {
  const out = path.join(dir, `${bench.name.replace(/\W+/g, '-')}.json`);
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [__filename, CHILD_FLAG, bench.name, out], { stdio: ['ignore', 'inherit', 'inherit'] });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  try {
    const { figures, peakRssMb } = JSON.parse(readFileSync(out, 'utf8')) as { figures: BenchResult['figures']; peakRssMb: number };
    return { name: bench.name, wallMs, peakRssMb, ok: run.status === 0, figures };
  } catch {
    return { name: bench.name, wallMs, peakRssMb: 0, ok: false, error: `exit ${run.status ?? run.signal}`, figures: {} };
  }
}

const fmt = (v: string | number): string => (typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : v);

function printFigures(r: BenchResult): void {
  process.stdout.write(`\n== ${r.name}${r.ok ? '' : ` — FAILED (${r.error ?? 'see above'})`}\n`);
  const width = Math.max(0, ...Object.keys(r.figures).map((k) => k.length));
  for (const [k, v] of Object.entries(r.figures)) process.stdout.write(`  ${k.padEnd(width)}  ${fmt(v)}\n`);
}

function printSummary(results: BenchResult[], totalMs: number): void {
  const rows = results.map((r) => [r.name, (r.wallMs / 1000).toFixed(1), r.peakRssMb.toFixed(0), r.ok ? 'ok' : 'FAILED']);
  const head = ['benchmark', 'time s', 'peak RSS MB', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => r.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  process.stdout.write(`\n== summary\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
  process.stdout.write(`total ${(totalMs / 1000).toFixed(1)} s · node ${process.version}, ${process.platform}/${process.arch}, ${os.cpus().length} CPU, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB\n`);
}

async function main(): Promise<void> {
  if (process.argv[2] === CHILD_FLAG) return child(process.argv[3] as string, process.argv[4] as string);
  if (process.argv[2] === '__export_case') return; // a child of the export bench (bench/export-bench.ts)
  const only = process.argv[2];
  const chosen = benches.filter((x) => !only || x.name.includes(only));
  const resultsDir = path.resolve(__dirname, '..', '..', 'bench-results');
  mkdirSync(resultsDir, { recursive: true });
  const scratch = path.join(resultsDir, `.run-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  const started = Date.now();
  const results: BenchResult[] = [];
  try {
    for (const b of chosen) {
      const r = runInChild(b, scratch);
      results.push(r);
      printFigures(r);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const totalMs = Date.now() - started;
  printSummary(results, totalMs);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(resultsDir, `bench-${stamp}.json`);
  const report = { at: new Date().toISOString(), node: process.version, platform: `${process.platform}/${process.arch}`, cpus: os.cpus().length, totalMs, results };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`figures written to ${path.relative(process.cwd(), file)}\n`);
  if (results.some((r) => !r.ok)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
