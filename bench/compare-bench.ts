import { existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServices } from '../main/app/services';
import { runCompare } from '../main/services/compare-run';
import { closeStore, openStore, type Store } from '../main/store/open-store';
import catalogue from '../resources/indicators/kwb-catalogue.json';
import { CompareRequest } from '../shared/contract/compare';
import { vergelijkenAllNeighbourhoods } from './compare-browser';

/**
 * Compare benchmark (issue 12). A store shaped like ten yearly imports of the national KWB workbook
 * — about 17,600 areas (345 municipalities × 10 districts × 4 neighbourhoods) × 120 indicators ×
 * 10 years ≈ 21 million figures, a quarter of them CBS's "." — generated straight into SQLite with
 * prepared statements (as an import writes them: source after source, area after area, each with
 * its cell and raw text), in a temp folder, removed afterwards. Measured on it:
 *  - compare: the 20 focus areas (each 4–5 districts, 86 in all) × 50 indicators, latest period
 *    against ten years earlier, with the municipality and total reference rows — one call as
 *    Vergelijken asks it (lean), and one with every cell's provenance and members (compare --json);
 *    and the trend: one call per period for all 10 periods;
 *  - aggregation: all 13,800 neighbourhoods partitioned into the 20 focus areas, 120 indicators,
 *    one period (1.66 million member figures read and aggregated);
 *  - all neighbourhoods × 10 indicators for one period through dispatch, and Vergelijken opening
 *    on them in Chromium through the web shell (time to the first rows drawn; compare-browser.ts);
 *  - the store's size on disk.
 * Targets: compare < 50 ms, aggregation < 1 s. Figures, never pass/fail. WV_BENCH_COMPARE_SCALE
 * (default 1) scales the number of municipalities, for a quick run.
 */
const YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i);
const DISTRICTS_PER_GM = 10;
const NBH_PER_DISTRICT = 4;
const N_INDICATORS = 120;
const RUNS = Number(process.env.WV_BENCH_RUNS ?? 5);

interface CatalogueIndicator { code: string; name: string; unit: string; theme: string; aggregation: string; weight: string | null; direction: string }

function columnName(n: number): string {
  let s = '';
  for (let x = n + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Generates the store; returns counts. */
function generate(db: Store, municipalities: number): { areas: number; figures: number; seconds: number } {
  const t0 = Date.now();
  const now = new Date().toISOString();
  db.pragma('foreign_keys = OFF');
  db.pragma('synchronous = OFF');
  const indicators = (catalogue.indicators as CatalogueIndicator[]).slice(0, N_INDICATORS);
  const insInd = db.prepare(`INSERT OR IGNORE INTO indicator (code, name, theme, unit, aggregation, weight_indicator_code, direction, default_source)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'bench')`);
  db.transaction(() => {
    for (const i of indicators) insInd.run(i.code, i.name, i.theme, i.unit, i.aggregation, i.weight, i.direction);
    for (let k = indicators.length; k < N_INDICATORS; k++) insInd.run(`bench_${k}`, `Bench ${k}`, 'overig', 'count', 'sum', null, 'neutral');
  })();
  const indIds = db.prepare('SELECT id, code, unit FROM indicator WHERE default_source = ? ORDER BY id').all('bench') as { id: number; code: string; unit: string }[];

  // areas: GM1000… with 10 districts of 4 neighbourhoods each
  const nl = db.prepare("SELECT id FROM area WHERE code = 'NL00'").pluck().get() as number;
  const src0 = Number(db.prepare("INSERT INTO source (kind, title, imported_at) VALUES ('document', 'bench areas', ?)").run(now).lastInsertRowid);
  const insArea = db.prepare('INSERT INTO area (code, name, kind, parent_id, source_id, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const areas: { id: number; code: string }[] = [];
  db.transaction(() => {
    for (let g = 0; g < municipalities; g++) {
      const gm = String(1000 + g);
      const gmId = Number(insArea.run(`GM${gm}`, `Gemeente ${gm}`, 'municipality', nl, src0, now).lastInsertRowid);
      areas.push({ id: gmId, code: `GM${gm}` });
      for (let w = 0; w < DISTRICTS_PER_GM; w++) {
        const wk = `${gm}${String(w).padStart(2, '0')}`;
        const wkId = Number(insArea.run(`WK${wk}`, `Wijk ${wk}`, 'district', gmId, src0, now).lastInsertRowid);
        areas.push({ id: wkId, code: `WK${wk}` });
        for (let b = 0; b < NBH_PER_DISTRICT; b++) {
          const bu = `${wk}${String(b).padStart(2, '0')}`;
          areas.push({ id: Number(insArea.run(`BU${bu}`, `Buurt ${bu}`, 'neighbourhood', wkId, src0, now).lastInsertRowid), code: `BU${bu}` });
        }
      }
    }
  })();

  // figures: one source per year, area after area, 25 % "."
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const BATCH = 64;
  const cols = '(area_id, indicator_id, period, year_start, year_end, value, sign, raw, source_id, cell)';
  const one = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
  const insBatch = db.prepare(`INSERT INTO observation ${cols} VALUES ${Array(BATCH).fill(one).join(', ')}`);
  const insOne = db.prepare(`INSERT INTO observation ${cols} VALUES ${one}`);
  let figures = 0;
  for (const year of YEARS) {
    db.transaction(() => {
      const period = String(year);
      const src = Number(db.prepare("INSERT INTO source (kind, title, file_name, sheet, imported_at) VALUES ('file', ?, ?, 'kwb', ?)")
        .run(`kwb-${year}.xlsx`, `kwb-${year}.xlsx`, now).lastInsertRowid);
      let first: number | null = null;
      const buf: unknown[] = [];
      const flush = (all: boolean) => {
        while (buf.length >= BATCH * 10) {
          const r = insBatch.run(...buf.splice(0, BATCH * 10));
          if (first === null) first = Number(r.lastInsertRowid) - BATCH + 1;
        }
        if (all) while (buf.length) {
          const r = insOne.run(...buf.splice(0, 10));
          if (first === null) first = Number(r.lastInsertRowid);
        }
      };
      areas.forEach((a, row) => {
        const scale = a.code.startsWith('GM') ? 40 : a.code.startsWith('WK') ? 4 : 1;
        indIds.forEach((ind, c) => {
          const cell = `${columnName(c + 6)}${row + 2}`;
          let value: number | null;
          let sign: string | null = null;
          if (ind.code === 'ind_wbi') value = a.code.startsWith('GM') ? null : rnd() < 0.02 ? 3 : 1;
          else if (rnd() < 0.25 && ind.unit !== 'count') value = null;
          else value = ind.unit === 'count' ? Math.round(rnd() * 2000 * scale) + 10 : Math.round(rnd() * 1000) / 10;
          if (value === null) sign = 'unknown';
          buf.push(a.id, ind.id, period, year, year, value, sign, value === null ? '.' : String(value), src, cell);
          figures++;
        });
        flush(false);
      });
      flush(true);
      const last = db.prepare('SELECT max(id) FROM observation').pluck().get() as number;
      db.prepare('UPDATE source SET first_observation_id = ?, last_observation_id = ?, observations_written = ? WHERE id = ?').run(first, last, last - (first ?? last) + 1, src);
      db.prepare('INSERT INTO source_period (source_id, period, year_start, year_end) VALUES (?, ?, ?, ?)').run(src, period, year, year);
    })();
  }
  db.pragma('foreign_keys = ON');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { areas: areas.length, figures, seconds: (Date.now() - t0) / 1000 };
}

/** Counts of a store generated by an earlier run (WV_BENCH_COMPARE_STORE); generation time 0. */
function reused(db: Store): { areas: number; figures: number; seconds: number; municipalities: number } {
  const count = (kind: string) => db.prepare("SELECT count(*) FROM area WHERE kind = ? AND source_id = (SELECT id FROM source WHERE title = 'bench areas')").pluck().get(kind) as number;
  const areas = count('municipality') + count('district') + count('neighbourhood');
  const figures = db.prepare("SELECT coalesce(sum(observations_written), 0) FROM source WHERE title LIKE 'kwb-%.xlsx'").pluck().get() as number;
  return { areas, figures, seconds: 0, municipalities: count('municipality') };
}

/** Compositions of the 20 focus areas: members given by code. */
function setCompositions(db: Store, members: string[][]): void {
  const focus = db.prepare("SELECT id FROM area WHERE kind = 'focus_area' ORDER BY code").pluck().all() as number[];
  const idOf = db.prepare('SELECT id FROM area WHERE code = ?').pluck();
  const ins = db.prepare("INSERT INTO area_member (focus_area_id, member_id, status) VALUES (?, ?, 'confirmed')");
  db.transaction(() => {
    db.exec('DELETE FROM area_member');
    focus.forEach((f, i) => {
      for (const code of members[i] ?? []) ins.run(f, idOf.get(code) as number);
    });
  })();
}

/** Wall time, and the process's CPU time (less disturbed when other work shares the machine). */
function timeIt(runs: number, fn: () => unknown): { best: number; median: number; cpu: number; cpuMedian: number } {
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    const u = process.cpuUsage(c);
    cpus.push((u.user + u.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  return { best: times[0] as number, median: times[Math.floor(times.length / 2)] as number, cpu: cpus[0] as number, cpuMedian: cpus[Math.floor(cpus.length / 2)] as number };
}

async function timeAsync(runs: number, fn: () => Promise<unknown>): Promise<{ best: number; median: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { best: times[0] as number, median: times[Math.floor(times.length / 2)] as number };
}

const ms = (x: number) => Math.round(x * 10) / 10;

export async function runCompareBench(): Promise<Record<string, string | number>> {
  const scale = Number(process.env.WV_BENCH_COMPARE_SCALE ?? 1);
  let municipalities = Math.max(20, Math.round(345 * scale));
  // WV_BENCH_COMPARE_STORE=/path/store.sqlite: build the store there once and reuse it on later runs
  // (generating it takes minutes); the file is kept. Without it: a temp folder, removed afterwards.
  const kept = process.env.WV_BENCH_COMPARE_STORE;
  const dir = kept ? path.dirname(path.resolve(kept)) : mkdtempSync(path.join(os.tmpdir(), 'wv-compare-bench-'));
  const file = kept ? path.resolve(kept) : path.join(dir, 'store.sqlite');
  const reuse = Boolean(kept) && existsSync(file);
  try {
    let gen: { areas: number; figures: number; seconds: number };
    if (reuse) {
      const found = openStore(file);
      const r = reused(found.db);
      closeStore(found);
      municipalities = r.municipalities;
      gen = r;
    } else {
      // a kept store is written under .part and renamed when whole, so a run cut short is never reused
      const part = kept ? `${file}.part` : file;
      rmSync(part, { force: true });
      const fresh = openStore(part);
      gen = generate(fresh.db, municipalities);
      closeStore(fresh);
      if (part !== file) renameSync(part, file);
    }
    const opened = openStore(file);
    const indicatorCodes = opened.db.prepare("SELECT code FROM indicator WHERE default_source = 'bench' ORDER BY id").pluck().all() as string[];
    // 86 district members: focus area i takes 4 or 5 districts of municipality i
    const districts = Array.from({ length: 20 }, (_, i) => Array.from({ length: i < 6 ? 5 : 4 }, (_, w) => `WK${1000 + Math.floor((i * municipalities) / 20)}${String(w).padStart(2, '0')}`));
    setCompositions(opened.db, districts);
    closeStore(opened);
    const size = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

    const services = startServices(file, 'cli');
    services.ctx.log = () => undefined;
    const db = services.ctx.db;
    const fifty = indicatorCodes.filter((c) => c !== 'ind_wbi').slice(0, 50);
    const request = (over: Record<string, unknown>) => CompareRequest.parse({ areas: 'focus', indicators: fifty, ...over });
    // As Vergelijken asks (lean: provenance per cell when its panel opens), and with every figure's
    // file, sheet and cell and each aggregate's members (as `compare --json` prints them).
    const asked = { areas: 'focus', indicators: fifty, period: 'latest', compareTo: '2015', references: ['municipality', 'total'], memberDetail: false, lean: true };
    const latest = request(asked);
    const full = request({ ...asked, memberDetail: true, lean: false });
    const check = runCompare(db, latest);
    const cells = check.rows.reduce((n, r) => n + r.cells.length, 0);
    const withValue = check.rows.flatMap((r) => r.cells).filter((c) => c.value !== null).length;
    const one = timeIt(RUNS * 4, () => runCompare(db, latest));
    const viaDispatch = await timeAsync(RUNS * 4, () => services.call('compare.run', asked));
    const whole = timeIt(RUNS, () => runCompare(db, full));
    const perPeriod = YEARS.map((y) => request({ ...asked, period: String(y), compareTo: undefined }));
    const trend = timeIt(RUNS, () => perPeriod.forEach((r) => runCompare(db, r)));

    // every neighbourhood into the 20 focus areas
    // the generated neighbourhoods only: the store's seed holds a few real ones without figures,
    // which would leave every aggregate below full coverage (no figure at all)
    const nbh = db.prepare("SELECT code FROM area WHERE kind = 'neighbourhood' AND source_id = (SELECT id FROM source WHERE title = 'bench areas') ORDER BY code").pluck().all() as string[];
    setCompositions(db, Array.from({ length: 20 }, (_, i) => nbh.filter((_, k) => k % 20 === i)));
    const all = CompareRequest.parse({ areas: 'focus', indicators: indicatorCodes, period: '2024', references: ['total'], memberDetail: false });
    const aggCheck = runCompare(db, all);
    const aggregate = timeIt(Math.min(RUNS, 3), () => runCompare(db, all));
    const withDetail = timeIt(1, () => runCompare(db, { ...all, memberDetail: true }));

    const nbhRequest = { areas: nbh, indicators: fifty.slice(0, 10), period: '2024', lean: true, memberDetail: false };
    const grid = await timeAsync(Math.min(RUNS, 3), () => services.call('compare.run', nbhRequest));
    services.close();
    // the same in Chromium through the web shell: from choosing all neighbourhoods to the first rows drawn
    const screen = await vergelijkenAllNeighbourhoods(file, 10, '2024');
    return {
      'store: areas': gen.areas,
      'store: figures': gen.figures,
      'store: generated in (s)': Math.round(gen.seconds),
      'store: size on disk (MB)': Math.round(size / 1e5) / 10,
      'compare 20 focus × 50 ind., latest vs 2015 + references, as Vergelijken asks (lean): best (ms)': ms(one.best),
      'compare …: median (ms)': ms(one.median),
      'compare …: CPU time, best (ms)': ms(one.cpu),
      'compare …: CPU time, median (ms)': ms(one.cpuMedian),
      'compare …: through dispatch (zod both ways), median (ms)': ms(viaDispatch.median),
      'compare …: cells / with a value': `${cells} / ${withValue}`,
      'compare …, with every cell\'s source and members (compare --json): median (ms)': ms(whole.median),
      'trend: 10 periods × 20 focus × 50 ind. (10 calls, lean), best (ms)': ms(trend.best),
      'trend …: median (ms)': ms(trend.median),
      'trend …: CPU time, best (ms)': ms(trend.cpu),
      'aggregation: 13,800 nbh. → 20 focus × 120 ind., one period, best (ms)': ms(aggregate.best),
      'aggregation …: median (ms)': ms(aggregate.median),
      'aggregation …: CPU time, best (ms)': ms(aggregate.cpu),
      'aggregation …: with per-member detail on every cell (ms)': ms(withDetail.best),
      'aggregation …: total row value (a_inw)': aggCheck.rows[0]?.cells.find((c) => c.indicatorCode === 'a_inw')?.value ?? 'none',
      'all neighbourhoods × 10 ind., one period, via dispatch: median (ms)': ms(grid.median),
      'Vergelijken on all neighbourhoods × 10 ind., one period, in Chromium: first rows (ms)': 'skipped' in screen ? `skipped: ${screen.skipped}` : ms(screen.firstRowsMs),
      'Vergelijken …: answer on the wire (MB) / rows drawn': 'skipped' in screen ? '-' : `${screen.answerMB} / ${screen.rows}`,
      'targets': 'compare < 50 ms; aggregation < 1 s',
      'machine': `${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`,
    };
  } finally {
    if (kept) process.stdout.write(`  (store kept for reuse: ${file})\n`);
    else if (!process.env.WV_BENCH_COMPARE_KEEP) rmSync(dir, { recursive: true, force: true });
    else process.stdout.write(`  (store kept: ${file})\n`);
  }
}
