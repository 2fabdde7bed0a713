import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../../main/store/migrations/index';
import { openStore } from '../../../main/store/open-store';
import { buildCli } from '../../helpers/cli-bundle';
import { repoRoot } from '../../helpers/real-data';
import { killAt, REPEAT } from './kill-helpers';

/**
 * SIGKILL while the CLI migrates a version-1 store (made from 0001's SQL, with enough figures that
 * the backup and the table rebuilds take a moment): during the backup, during each migration step,
 * and just after. The store is then at version 1 with its version-1 schema or at the current
 * version with the current schema — never between — holds the same figures, passes
 * integrity_check, and opens (migrating if it still needs to). A backup named .bak is a whole
 * version-1 copy; a kill during the backup leaves no file of that name.
 */
const FIGURES = Number(process.env.WV_CRASH_MIGRATION_FIGURES ?? 80_000);
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-kill-migration-'));
let bundle = '';
let v1 = '';

/** What must survive: every figure's identity and value, summed up (and counted). */
function fingerprint(db: Database.Database): { figures: number; ids: number; values: number; sources: number; areas: number } {
  return db.prepare(`SELECT (SELECT count(*) FROM observation) AS figures, (SELECT total(id) FROM observation) AS ids,
    (SELECT total(value) FROM observation) AS "values", (SELECT count(*) FROM source) AS sources, (SELECT count(*) FROM area) AS areas`).get() as never;
}
let expected: ReturnType<typeof fingerprint>;

beforeAll(async () => {
  bundle = await buildCli('kill-migration');
  v1 = path.join(dir, 'v1.sqlite');
  const db = new Database(v1);
  db.exec(readFileSync(path.join(repoRoot, 'main/store/migrations/0001-initial.sql'), 'utf8'));
  db.exec(`
    INSERT INTO source (id, kind, title, imported_at) VALUES (1, 'file', 'groot.xlsx', '2025-01-01');
    INSERT INTO indicator (id, code, name, theme, unit, aggregation) VALUES (1, 'a_inw', 'Inwoners', 'bevolking', 'count', 'sum'), (2, 'a_won', 'Woningen', 'wonen', 'count', 'sum');
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
      INSERT INTO area (id, code, name, kind, created_at) SELECT i, printf('BU%08d', i), 'Buurt ' || i, 'neighbourhood', '2025-01-01' FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${FIGURES})
      INSERT INTO observation (id, area_id, indicator_id, period, year_start, year_end, value, raw, source_id, cell, created_at)
      SELECT i, 1 + i % 5000, 1 + i % 2, CAST(2000 + i / 10000 AS TEXT), 2000 + i / 10000, 2000 + i / 10000, i * 1.5, CAST(i AS TEXT), 1, 'C' || i, '2025-01-01' FROM n;
    PRAGMA user_version = 1;`);
  expected = fingerprint(db);
  db.close();
}, 120_000);

/** The version the file is at, and which schema it has: they must agree. */
function inspect(file: string): { version: number; schema: 'v1' | 'current' | 'between' } {
  const db = new Database(file);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const version = db.pragma('user_version', { simple: true }) as number;
    const cols = (db.prepare("SELECT name FROM pragma_table_info('observation')").all() as { name: string }[]).map((c) => c.name);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    const v1Shape = cols.includes('created_at') && !cols.includes('breakdown') && !tables.includes('source_period');
    const current = !cols.includes('created_at') && cols.includes('breakdown') && tables.includes('source_period');
    expect(fingerprint(db)).toEqual(expected);
    return { version, schema: v1Shape ? 'v1' : current ? 'current' : 'between' };
  } finally {
    db.close();
  }
}

const STEPS = ['backup', ...migrations.slice(1).map((m) => m.name), 'done'];

describe(`SIGKILL while migrating a version-1 store of ${FIGURES} figures`, () => {
  for (const step of STEPS) {
    it(`at "${step}": version 1 or ${migrations.length}, never between; same figures; a .bak only whole`, async () => {
      const seen: string[] = [];
      for (let r = 0; r < REPEAT; r++) {
        const file = path.join(mkdtempSync(path.join(dir, 'run-')), 'store.sqlite');
        copyFileSync(v1, file);
        const run = await killAt(bundle, ['--db', file, 'sources', '--json'], new RegExp(`^wijkverkenner progress: migrate ${step} `));
        expect(run.reached, run.stderr.slice(-1000)).toBe(true);
        expect(run.signal).toBe('SIGKILL');
        const at = inspect(file);
        seen.push(`v${at.version}`);
        expect(at.schema).toBe(at.version === 1 ? 'v1' : 'current');
        expect([1, migrations.length]).toContain(at.version);
        // A kill lands where it lands (a slow machine may let a step finish first): what is
        // asserted is the invariant — a .bak, if there is one, is whole; after the backup step
        // there is one.
        const baks = readdirSync(path.dirname(file)).filter((f) => f.endsWith('.bak'));
        if (step !== 'backup') expect(baks).toHaveLength(1);
        expect(baks.length).toBeLessThanOrEqual(1);
        if (baks.length === 1) {
          const bak = new Database(path.join(path.dirname(file), baks[0] as string), { readonly: true });
          try {
            expect(bak.pragma('integrity_check', { simple: true })).toBe('ok');
            expect(bak.pragma('user_version', { simple: true })).toBe(1);
            expect(fingerprint(bak)).toEqual(expected);
          } finally {
            bak.close();
          }
        }
        // And the app opens it: migrating now if the kill came first, with every figure kept.
        const opened = openStore(file, { seed: false });
        try {
          expect(opened.db.pragma('user_version', { simple: true })).toBe(migrations.length);
          expect((opened.db.prepare('SELECT count(*) FROM observation').pluck().get())).toBe(expected.figures);
        } finally {
          opened.db.close();
        }
      }
      console.log(`[crash] migrate ${step}: store found at ${seen.join(' ')}`);
    }, 600_000);
  }
});
