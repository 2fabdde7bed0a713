import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/store/open-store';
import { makeBuurtenCsv } from '../../fixtures/make-buurten-csv';
import { buildCli, runChild } from '../../helpers/cli-bundle';
import { killAt, REPEAT } from './kill-helpers';

/**
 * SIGKILL in the middle of an import (a real CLI child process, a real store file): at every point
 * — reading the file, inserting rows, rebuilding indexes, committing — the store then opens,
 * passes SQLite's integrity_check, still holds what it held, and holds all of the import or none
 * of it. The points are the CLI's own progress lines (WIJKVERKENNER_PROGRESS=1); the commit is hit
 * by killing at the last line before COMMIT after a spread of delays, so some kills land before,
 * some during and some after it. WV_CRASH_REPEAT=20 repeats every case (the local soak).
 */
const ROWS = Number(process.env.WV_CRASH_ROWS ?? 20_000);
const MEASURES = 4;
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-kill-import-'));
let bundle = '';
let base = '';
let big = '';
let before: { sources: unknown[]; figures: unknown[] };

function bigCsv(rows: number): string {
  const lines = ['Buurtcode;Buurtnaam;Inwoners;Woningen;Huishoudens;Banen'];
  for (let i = 0; i < rows; i++) {
    const gm = 1000 + Math.floor(i / 10_000);
    const j = i % 10_000;
    lines.push(`BU${gm}${String(Math.floor(j / 100)).padStart(2, '0')}${String(j % 100).padStart(2, '0')};Buurt ${i};${1000 + (i % 900)};${400 + (i % 300)};${300 + (i % 200)};${i % 777}`);
  }
  const file = path.join(dir, 'buurten-groot-2024.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function state(file: string): { sources: unknown[]; figures: unknown[] } {
  const db = new Database(file, { readonly: true });
  try {
    return { sources: db.prepare('SELECT * FROM source ORDER BY id').all(), figures: db.prepare('SELECT * FROM observation ORDER BY id').all() };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  bundle = await buildCli('kill-import');
  base = path.join(dir, 'base.sqlite');
  const { file } = makeBuurtenCsv(dir, { rows: 500, year: 2022 });
  const first = await runChild(bundle, ['--db', base, 'import', file, '--create-areas']);
  expect(first.code, first.stderr).toBe(0);
  expect(existsSync(`${base}-wal`)).toBe(false);
  before = state(base);
  big = bigCsv(ROWS);
}, 120_000);

type Outcome = 'none' | 'all';

/** After the kill: opens, integrity ok, the earlier data intact, the import all or nothing. */
function checkAfterKill(file: string): Outcome {
  const { db } = openStore(file, { seed: false });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  } finally {
    db.close();
  }
  const after = state(file);
  // Everything the store held before is there, row for row (a full import adds after it).
  expect(after.sources.slice(0, before.sources.length)).toEqual(before.sources);
  expect(after.figures.slice(0, before.figures.length)).toEqual(before.figures);
  if (after.sources.length === before.sources.length) {
    expect(after.figures.length).toBe(before.figures.length);
    return 'none';
  }
  expect(after.sources.length).toBe(before.sources.length + 1);
  const added = after.figures.slice(before.figures.length) as { source_id: number }[];
  const sourceId = (after.sources.at(-1) as { id: number }).id;
  expect(added.length).toBe(ROWS * MEASURES);
  expect(added.every((f) => f.source_id === sourceId)).toBe(true);
  return 'all';
}

const POINTS: { name: string; at: RegExp; delays: number[]; expect?: Outcome }[] = [
  { name: 'reading the file', at: /^wijkverkenner progress: import\.commit lezen/, delays: [0], expect: 'none' },
  { name: 'inserting rows', at: /^wijkverkenner progress: import\.commit rijen [1-9]\d*\//, delays: [0], expect: 'none' },
  { name: 'rebuilding indexes (bulk load)', at: /^wijkverkenner progress: import\.commit opslaan 0\/1/, delays: [0], expect: 'none' },
  // The line just before COMMIT: killed at once, or a little later (during or after the commit).
  { name: 'committing', at: /^wijkverkenner progress: import\.commit vastleggen 0\/1/, delays: [0, 2, 10, 400] },
];

describe(`SIGKILL during an import of ${ROWS * MEASURES} figures`, () => {
  for (const point of POINTS) {
    it(`${point.name}: the store opens, passes integrity_check and holds all or none of it (${REPEAT}× each of ${point.delays.length} delays)`, async () => {
      const outcomes: Record<Outcome, number> = { none: 0, all: 0 };
      for (let r = 0; r < REPEAT; r++) {
        for (const delay of point.delays) {
          const file = path.join(mkdtempSync(path.join(dir, 'run-')), 'store.sqlite');
          copyFileSync(base, file);
          const run = await killAt(bundle, ['--db', file, 'import', big, '--create-areas', '--json'], point.at, delay);
          expect(run.reached, run.stderr.slice(-1000)).toBe(true);
          if (point.expect) expect(run.signal, `killed ${point.name}`).toBe('SIGKILL');
          const outcome = checkAfterKill(file);
          if (point.expect) expect(outcome).toBe(point.expect);
          outcomes[outcome]++;
        }
      }
      console.log(`[crash] ${point.name}: ${outcomes.none} × nothing imported, ${outcomes.all} × all imported`);
    }, 600_000);
  }

  it('a killed store takes the same import again, whole', async () => {
    const file = path.join(mkdtempSync(path.join(dir, 'again-')), 'store.sqlite');
    copyFileSync(base, file);
    const run = await killAt(bundle, ['--db', file, 'import', big, '--create-areas'], /import\.commit rijen [1-9]/);
    expect(run.signal).toBe('SIGKILL');
    const again = await runChild(bundle, ['--db', file, 'import', big, '--create-areas', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as { observations: number }).observations).toBe(ROWS * MEASURES);
    expect(checkAfterKill(file)).toBe('all');
  }, 300_000);
});
