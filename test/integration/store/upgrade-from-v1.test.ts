import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServices } from '../../../main/app/services';
import { migrations } from '../../../main/store/migrations/index';
import { openStore } from '../../../main/store/open-store';
import { repoRoot } from '../../helpers/real-data';
import { cli } from '../../helpers/run-cli';

/**
 * A store from the real past: made by migration 0001's SQL alone (read from the file that shipped
 * it), with data in every table, then upgraded to the current version by opening it as the app
 * does. Every row must come through, column by column, for every column that still exists; the
 * columns later migrations add must say what those migrations promise; the backup taken first
 * must be the version-1 store as it was.
 */
const V1_SQL = readFileSync(path.join(repoRoot, 'main/store/migrations/0001-initial.sql'), 'utf8');
const V1_TABLES = ['app_meta', 'source', 'area', 'area_alias', 'area_member', 'indicator', 'observation', 'mapping', 'funding_stream', 'scenario', 'saved_view'];
/** Columns of version 1 that later migrations removed on purpose (0003: the figure's created_at). */
const DROPPED: Record<string, string[]> = { observation: ['created_at'] };

const V1_DATA = `
INSERT INTO app_meta (key, value) VALUES ('made_by', 'wijkverkenner 0.0.1'), ('note', 'project Zuidoost');
INSERT INTO source (id, kind, title, file_name, sha256, sheet, url, publisher, published_on, imported_at, mapping_json, rows_read, observations_written, note, supersedes_source_id) VALUES
  (1, 'document', 'Kamerstuk 30 995 nr. 104', NULL, NULL, NULL, 'https://zoek.officielebekendmakingen.nl/kst-30995-104', 'Tweede Kamer', '2024-10-17', '2025-01-02T10:00:00Z', NULL, NULL, NULL, 'Meegeleverd', NULL),
  (2, 'file', 'kwb-2023.xlsx', 'kwb-2023.xlsx', 'aa11', 'KWB2023', NULL, 'CBS', NULL, '2025-02-03T11:00:00Z', '{"layout":"wide"}', 4, 4, 'eerste versie', NULL),
  (3, 'file', 'kwb-2023-herzien.xlsx', 'kwb-2023-herzien.xlsx', 'bb22', 'KWB2023', NULL, 'CBS', NULL, '2025-03-04T12:00:00Z', '{"layout":"wide"}', 2, 2, 'herziening', 2),
  (4, 'seed', 'Voorbeeld', NULL, NULL, NULL, NULL, NULL, NULL, '2025-01-01T00:00:00Z', NULL, NULL, NULL, NULL, NULL);
INSERT INTO area (id, code, name, kind, parent_id, source_id, created_at) VALUES
  (1, 'NL00', 'Nederland', 'country', NULL, 1, '2025-01-01'),
  (2, 'GM0363', 'Amsterdam', 'municipality', 1, 1, '2025-01-01'),
  (3, 'WK036394', 'Bijlmer-Centrum', 'district', 2, 2, '2025-02-03'),
  (4, 'BU03639401', 'Amsterdamse Poort', 'neighbourhood', 3, 2, '2025-02-03'),
  (5, 'NPLV11', 'Amsterdam Zuidoost', 'focus_area', 2, 1, '2025-01-01'),
  (6, 'NPLV', 'NPLV', 'programme', NULL, 1, '2025-01-01'),
  (7, 'XX01', 'Eigen gebied', 'other', NULL, NULL, '2025-05-05');
INSERT INTO area_alias (alias_norm, alias, area_id, context, confirmed) VALUES
  ('amsterdam', 'Amsterdam', 2, '', 1), ('zuidoost', 'Zuidoost', 5, '', 0), ('t', 'T', 5, 'bbga', 1);
INSERT INTO area_member (focus_area_id, member_id, status, code_year, evidence_url, note, source_id) VALUES
  (5, 3, 'confirmed', 2023, 'https://www.amsterdam.nl/zuidoost', 'bevestigd', 1), (5, 4, 'proposal', NULL, NULL, NULL, NULL);
INSERT INTO indicator (id, code, name, statline_name, theme, unit, aggregation, weight_indicator_code, direction, definition, default_source, needs_review) VALUES
  (1, 'a_inw', 'Inwoners', 'AantalInwoners_5', 'bevolking', 'count', 'sum', NULL, 'neutral', 'Aantal inwoners op 1 januari', 'CBS KWB', 0),
  (2, 'p_arb', 'Nettoarbeidsparticipatie', NULL, 'meedoen', 'percent', 'weighted_mean', 'a_inw', 'higher_better', NULL, NULL, 1),
  (3, 'g_ink', 'Gemiddeld inkomen', NULL, 'financien', 'euro', 'none', NULL, 'higher_worse', NULL, NULL, 0);
INSERT INTO observation (id, area_id, indicator_id, period, year_start, year_end, value, low, high, qualifier, sign, raw, source_id, cell, superseded_by, created_at) VALUES
  (1, 6, 1, '2024', 2024, 2024, NULL, 30000, 40000, NULL, NULL, '30.000 tot 40.000', 1, 'p. 3', NULL, '2025-01-02'),
  (2, 6, 1, '2023-2025', 2023, 2025, 15000, NULL, NULL, 'about', NULL, 'ca. 15.000', 1, 'p. 2', NULL, '2025-01-02'),
  (3, 3, 1, '2023', 2023, 2023, 10500, NULL, NULL, NULL, NULL, '10.500', 2, 'C5', 6, '2025-02-03'),
  (4, 3, 2, '2023', 2023, 2023, NULL, NULL, NULL, NULL, 'secret', 'x', 2, 'D5', NULL, '2025-02-03'),
  (5, 4, 2, '2023', 2023, 2023, 61.5, NULL, NULL, NULL, 'provisional', '61,5*', 2, 'D6', NULL, '2025-02-03'),
  (6, 3, 1, '2023', 2023, 2023, 10520, NULL, NULL, NULL, NULL, '10.520', 3, 'C5', NULL, '2025-03-04'),
  (7, 4, 3, '2023', 2023, 2023, 0, NULL, NULL, NULL, 'nil', '-', 3, 'E6', NULL, '2025-03-04'),
  (8, 2, 1, '2019-01-01', 2019, 2019, 872680, NULL, NULL, 'estimate', 'revised_provisional', '872.680**', 4, NULL, NULL, '2025-01-01');
INSERT INTO mapping (id, name, signature, recipe_json, created_at, updated_at, last_used_at) VALUES
  (1, 'kwb', 'wide:abc', '{"version":1}', '2025-02-03', '2025-03-04', '2025-03-04');
INSERT INTO funding_stream (id, code, name, ministry, definition_json, source_id) VALUES
  (1, 'spuk_kw', 'SPUK Kansrijke Wijk', 'BZK', '{"amount":256000000}', 1);
INSERT INTO scenario (id, name, template_id, schema_version, definition_json, created_at, updated_at) VALUES
  (1, 'Doorgaan tot 2028', 'spuk', 1, '{"years":[2023,2028]}', '2025-04-01', '2025-04-02');
INSERT INTO saved_view (id, name, kind, state_json, created_at, updated_at) VALUES
  (1, 'Zuidoost vs Amsterdam', 'compare', '{}', '2025-04-01', '2025-04-01'),
  (2, 'Brief tabel 1', 'briefing', '{"rows":[]}', '2025-04-01', '2025-04-01');
PRAGMA user_version = 1;
`;

type Row = Record<string, unknown>;

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
}

function snapshot(db: Database.Database): Record<string, Row[]> {
  return Object.fromEntries(V1_TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all() as Row[]]));
}

function makeV1Store(file: string): Record<string, Row[]> {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  db.exec(V1_SQL);
  db.exec(V1_DATA);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  for (const t of V1_TABLES) expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), `${t} holds data`).toBeGreaterThan(0);
  const rows = snapshot(db);
  db.close();
  return rows;
}

/** Every version-1 row, in the upgraded store, with every column that still exists, unchanged. */
function expectRowsKept(db: Database.Database, before: Record<string, Row[]>): void {
  for (const table of V1_TABLES) {
    const now = columns(db, table);
    const old = Object.keys(before[table]?.[0] ?? {});
    expect(old.filter((c) => !now.includes(c)), `columns of ${table} gone`).toEqual(DROPPED[table] ?? []);
    const kept = old.filter((c) => now.includes(c));
    const after = db.prepare(`SELECT ${kept.map((c) => `"${c}"`).join(', ')} FROM ${table} ORDER BY rowid`).all() as Row[];
    const expected = (before[table] ?? []).map((r) => Object.fromEntries(kept.map((c) => [c, r[c]])));
    // Row by row: each old row is there, whole; the app may add rows of its own (the seed).
    for (const row of expected) expect(after, `${table} keeps ${JSON.stringify(row)}`).toContainEqual(row);
  }
}

describe('upgrading a version-1 store (migration 0001 alone, data in every table)', () => {
  it('reaches the current version with every row kept, the new columns filled as promised, and a v1 backup', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wv-v1-')), 'project.sqlite');
    const before = makeV1Store(file);

    const { db, migration } = openStore(file, { seed: false });
    try {
      expect(migration).toMatchObject({ from: 1, to: migrations.length });
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expectRowsKept(db, before);
      // Exactly the old rows, no more: nothing invented on the way (app_meta gains the open session's record).
      for (const t of V1_TABLES) expect(db.prepare(`SELECT count(*) FROM ${t}${t === 'app_meta' ? " WHERE key <> 'open_sessions'" : ''}`).pluck().get(), t).toBe(before[t]?.length);
      // 0002: no breakdown for old figures; sources have no layout, mapping or report yet.
      expect(db.prepare('SELECT count(*) FROM observation WHERE breakdown IS NOT NULL').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM source WHERE layout IS NOT NULL OR mapping_name IS NOT NULL OR report_json IS NOT NULL').pluck().get()).toBe(0);
      // 0005: the periods each source holds, exactly those of its figures.
      expect(db.prepare('SELECT source_id, period, year_start, year_end FROM source_period ORDER BY source_id, period').all()).toEqual([
        { source_id: 1, period: '2023-2025', year_start: 2023, year_end: 2025 },
        { source_id: 1, period: '2024', year_start: 2024, year_end: 2024 },
        { source_id: 2, period: '2023', year_start: 2023, year_end: 2023 },
        { source_id: 3, period: '2023', year_start: 2023, year_end: 2023 },
        { source_id: 4, period: '2019-01-01', year_start: 2019, year_end: 2019 },
      ]);
      // 0006: each source's id range covers its figures.
      expect(db.prepare('SELECT id, first_observation_id AS first, last_observation_id AS last FROM source ORDER BY id').all()).toEqual([
        { id: 1, first: 1, last: 2 }, { id: 2, first: 3, last: 5 }, { id: 3, first: 6, last: 7 }, { id: 4, first: 8, last: 8 },
      ]);
    } finally {
      db.close();
    }

    // The backup taken before migrating is the version-1 store, every row as it was.
    expect(migration.backupPath).toMatch(/project\.sqlite\.v1-.*\.bak$/);
    expect(existsSync(migration.backupPath as string)).toBe(true);
    const backup = new Database(migration.backupPath as string, { readonly: true });
    try {
      expect(backup.pragma('user_version', { simple: true })).toBe(1);
      expect(snapshot(backup)).toEqual(before);
    } finally {
      backup.close();
    }
  });

  it('is then usable by the app: its figures listed with their sources and history, next to the shipped data', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wv-v1-app-')), 'project.sqlite');
    const before = makeV1Store(file);
    const services = startServices(file, 'cli');
    services.ctx.log = () => undefined;
    try {
      expect(services.opened.migration.from).toBe(1);
      const current = await services.call('observations.list', { areaCode: 'WK036394' });
      expect(current).toMatchObject({ ok: true });
      const figures = (current as { value: { indicatorCode: string; value: number | null; sign: string | null; source: { id: number; cell: string | null; raw: string | null } }[] }).value;
      expect(figures.map((f) => [f.indicatorCode, f.value, f.sign, f.source.id, f.source.cell, f.source.raw])).toEqual(expect.arrayContaining([
        ['a_inw', 10520, null, 3, 'C5', '10.520'],
        ['p_arb', null, 'secret', 2, 'D5', 'x'],
      ]));
      expect(figures.some((f) => f.value === 10500)).toBe(false);
      const history = (await services.call('observations.list', { areaCode: 'WK036394', includeSuperseded: true })) as { ok: true; value: { value: number | null; superseded: boolean }[] };
      expect(history.value.filter((f) => f.value === 10500).map((f) => f.superseded)).toEqual([true]);
      const sources = (await services.call('sources.list', {})) as { ok: true; value: { id: number; title: string }[] };
      expect(sources.value.map((s) => s.title)).toEqual(expect.arrayContaining(['kwb-2023.xlsx', 'kwb-2023-herzien.xlsx', 'Kamerstuk 30 995 nr. 104']));
      // The shipped dataset joins in; the old rows stay exactly as they were.
      expectRowsKept(services.ctx.db, before);
    } finally {
      services.close();
    }
  });

  it('the other way round: a store from a newer app is refused by the CLI (exit 1, one line) and its bytes stay as they were', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wv-future-')), 'project.sqlite');
    const db = new Database(file);
    db.exec(V1_SQL);
    db.pragma(`user_version = ${migrations.length + 7}`);
    db.close();
    const bytes = readFileSync(file);
    const run = await cli('--db', file, 'observations', '--area', 'NPLV');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error STORE_NEWER_THAN_APP: The store ${file} has schema version ${migrations.length + 7}; this app knows up to ${migrations.length}. Update Wijkverkenner to open it.\n`);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(path.dirname(file))).toEqual(['project.sqlite']);
  });
});
