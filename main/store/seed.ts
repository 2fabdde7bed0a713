import type Database from 'better-sqlite3';
import { z } from 'zod';
import { aliasKey } from '../../shared/domain/text/alias-key';
import { parsePeriod } from '../../shared/domain/period';
import { widenSourceExtent } from './queries/source-extent';
import { recordSourcePeriods } from './queries/source-periods';
import seedJson from '../../resources/seed/nplv.json';

const SeedFile = z.object({
  seedVersion: z.number().int(),
  sources: z.array(z.object({ key: z.string(), title: z.string(), publisher: z.string(), publishedOn: z.string(), url: z.string().optional() })),
  areas: z.array(z.object({
    code: z.string(), name: z.string(),
    kind: z.enum(['country', 'municipality', 'focus_area', 'programme']),
    parent: z.string().optional(), source: z.string(), aliases: z.array(z.string()).optional(),
  })),
  indicators: z.array(z.object({
    code: z.string(), name: z.string(), theme: z.string(), unit: z.string(),
    aggregation: z.enum(['sum', 'weighted_mean', 'none']), direction: z.string(), definition: z.string(),
  })),
  observations: z.array(z.object({
    area: z.string(), indicator: z.string(), period: z.string(), source: z.string(), raw: z.string(),
    value: z.number().optional(), low: z.number().optional(), high: z.number().optional(),
    qualifier: z.enum(['about', 'nearly']).optional(),
  })),
});

export interface SeedResult {
  version: number;
  applied: boolean;
}

/**
 * Apply the shipped NPLV dataset. Idempotent: rows that already exist (by code, by title, or by
 * area/indicator/period/source) are left alone, so analysts' edits and later imports survive.
 */
export function applySeed(db: Database.Database): SeedResult {
  const seed = SeedFile.parse(seedJson);
  const current = db.prepare("SELECT value FROM app_meta WHERE key = 'seed_version'").pluck().get() as string | undefined;
  if (current !== undefined && Number(current) >= seed.seedVersion) return { version: Number(current), applied: false };

  const now = new Date().toISOString();
  db.transaction(() => {
    const sourceIds = new Map<string, number>();
    for (const s of seed.sources) {
      const existing = db.prepare("SELECT id FROM source WHERE kind = 'document' AND title = ?").pluck().get(s.title) as number | undefined;
      const id = existing ?? Number(db.prepare(
        "INSERT INTO source (kind, title, url, publisher, published_on, imported_at, note) VALUES ('document', ?, ?, ?, ?, ?, 'Meegeleverd met Wijkverkenner')",
      ).run(s.title, s.url ?? null, s.publisher, s.publishedOn, now).lastInsertRowid);
      sourceIds.set(s.key, id);
    }
    const sourceOf = (key: string): number => {
      const id = sourceIds.get(key);
      if (id === undefined) throw new Error(`seed: unknown source key ${key}`);
      return id;
    };
    const areaId = (code: string): number | undefined => db.prepare('SELECT id FROM area WHERE code = ?').pluck().get(code) as number | undefined;
    const insertAlias = db.prepare("INSERT OR IGNORE INTO area_alias (alias_norm, alias, area_id, context, confirmed) VALUES (?, ?, ?, '', 1)");
    for (const a of seed.areas) {
      const parentId = a.parent ? areaId(a.parent) ?? null : null;
      const id = areaId(a.code) ?? Number(db.prepare(
        'INSERT INTO area (code, name, kind, parent_id, source_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(a.code, a.name, a.kind, parentId, sourceOf(a.source), now).lastInsertRowid);
      for (const alias of [a.name, ...(a.aliases ?? [])]) insertAlias.run(aliasKey(alias), alias, id);
    }
    const insertIndicator = db.prepare(
      `INSERT OR IGNORE INTO indicator (code, name, theme, unit, aggregation, direction, definition, default_source)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const i of seed.indicators) {
      insertIndicator.run(i.code, i.name, i.theme, i.unit, i.aggregation, i.direction, i.definition, 'Kamerstuk 30 995 nr. 104');
    }
    const exists = db.prepare(
      `SELECT 1 FROM observation o JOIN area a ON a.id = o.area_id JOIN indicator i ON i.id = o.indicator_id
       WHERE a.code = ? AND i.code = ? AND o.period = ? AND o.source_id = ?`,
    ).pluck();
    const insertObservation = db.prepare(
      `INSERT INTO observation (area_id, indicator_id, period, year_start, year_end, value, low, high, qualifier, raw, source_id, cell)
       VALUES (?, (SELECT id FROM indicator WHERE code = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    );
    for (const o of seed.observations) {
      const sourceId = sourceOf(o.source);
      if (exists.get(o.area, o.indicator, o.period, sourceId)) continue;
      const period = parsePeriod(o.period);
      const area = areaId(o.area);
      if (!period || area === undefined) throw new Error(`seed: bad observation ${o.area}/${o.indicator}/${o.period}`);
      const id = Number(insertObservation.run(area, o.indicator, period.period, period.yearStart, period.yearEnd, o.value ?? null,
        o.low ?? null, o.high ?? null, o.qualifier ?? null, o.raw, sourceId).lastInsertRowid);
      recordSourcePeriods(db, sourceId, [period]);
      widenSourceExtent(db, sourceId, id, id);
    }
    db.prepare("INSERT INTO app_meta (key, value) VALUES ('seed_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(String(seed.seedVersion));
  })();
  return { version: seed.seedVersion, applied: true };
}
