import type Database from 'better-sqlite3';
import { z } from 'zod';
import { recordCompositionChange } from './queries/composition';
import compositionJson from '../../resources/seed/compositions.json';

const CompositionSeed = z.object({
  compositionVersion: z.number().int(),
  source: z.object({ title: z.string(), file: z.string() }),
  focusAreas: z.array(z.object({
    code: z.string(), name: z.string(), municipality: z.string(),
    members: z.array(z.object({
      code: z.string().regex(/^(WK\d{6}|BU\d{8})$/), name: z.string(), kind: z.enum(['district', 'neighbourhood']),
      codeYear: z.number().int(), evidenceUrl: z.string(), quote: z.string(), basis: z.string(),
    })),
  })),
});

/**
 * The shipped composition proposals (resources/seed/compositions.json, from the shared NPLV CSV):
 * member districts and neighbourhoods are created under their municipality (a neighbourhood under
 * its district when the store has it) with their CBS code and name, and every membership is a
 * proposal with its evidence URL and quote. Idempotent and additive, also on existing stores: a
 * focus area that already has members (the analyst's, or an import's) is left alone, as are areas
 * that exist. Gated by app_meta 'composition_seed_version'.
 */
export function applyCompositionSeed(db: Database.Database): { applied: boolean } {
  const seed = CompositionSeed.parse(compositionJson);
  const current = db.prepare("SELECT value FROM app_meta WHERE key = 'composition_seed_version'").pluck().get() as string | undefined;
  if (current !== undefined && Number(current) >= seed.compositionVersion) return { applied: false };
  const now = new Date().toISOString();
  db.transaction(() => {
    const idOf = db.prepare('SELECT id FROM area WHERE code = ?').pluck();
    const existingSource = db.prepare("SELECT id FROM source WHERE kind = 'seed' AND title = ?").pluck().get(seed.source.title) as number | undefined;
    const sourceId = existingSource ?? Number(db.prepare(
      "INSERT INTO source (kind, title, file_name, imported_at, note) VALUES ('seed', ?, ?, ?, 'Meegeleverd met Wijkverkenner: voorstellen, te bevestigen')",
    ).run(seed.source.title, seed.source.file, now).lastInsertRowid);
    const insertArea = db.prepare('INSERT INTO area (code, name, kind, parent_id, source_id, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    const memberCount = db.prepare('SELECT count(*) FROM area_member WHERE focus_area_id = ?').pluck();
    const insertMember = db.prepare(
      `INSERT OR IGNORE INTO area_member (focus_area_id, member_id, status, code_year, evidence_url, note, quote, source_id)
       VALUES (?, ?, 'proposal', ?, ?, ?, ?, ?)`,
    );
    for (const fa of seed.focusAreas) {
      const focusId = idOf.get(fa.code) as number | undefined;
      if (focusId === undefined || fa.members.length === 0) continue;
      if ((memberCount.get(focusId) as number) > 0) continue;
      const municipalityId = idOf.get(fa.municipality) as number | undefined;
      for (const m of fa.members) {
        let memberId = idOf.get(m.code) as number | undefined;
        if (memberId === undefined) {
          const district = m.kind === 'neighbourhood' ? (idOf.get(`WK${m.code.slice(2, 8)}`) as number | undefined) : undefined;
          memberId = Number(insertArea.run(m.code, m.name, m.kind, district ?? municipalityId ?? null, sourceId, now).lastInsertRowid);
        }
        insertMember.run(focusId, memberId, m.codeYear, m.evidenceUrl, m.basis, m.quote, sourceId);
      }
      recordCompositionChange(db, focusId, 'seed', now);
    }
    db.prepare("INSERT INTO app_meta (key, value) VALUES ('composition_seed_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(String(seed.compositionVersion));
  })();
  return { applied: true };
}
