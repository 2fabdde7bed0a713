import type { Store } from '../open-store';
import type { Area, AreaKind } from '../../../shared/contract/model';

interface AreaRow {
  code: string;
  name: string;
  kind: AreaKind;
  parent_code: string | null;
  parent_name: string | null;
  source: string | null;
  municipality_code: string | null;
  municipality_name: string | null;
}

const KIND_ORDER = `CASE a.kind WHEN 'country' THEN 0 WHEN 'programme' THEN 1 WHEN 'municipality' THEN 2
  WHEN 'focus_area' THEN 3 WHEN 'district' THEN 4 WHEN 'neighbourhood' THEN 5 ELSE 6 END`;

export function listAreas(db: Store, kind?: AreaKind): Area[] {
  const rows = db
    .prepare(
      `SELECT a.code, a.name, a.kind, p.code AS parent_code, p.name AS parent_name, s.title AS source,
         CASE WHEN a.kind = 'municipality' THEN a.code WHEN p.kind = 'municipality' THEN p.code WHEN g.kind = 'municipality' THEN g.code END AS municipality_code,
         CASE WHEN a.kind = 'municipality' THEN a.name WHEN p.kind = 'municipality' THEN p.name WHEN g.kind = 'municipality' THEN g.name END AS municipality_name
       FROM area a LEFT JOIN area p ON p.id = a.parent_id LEFT JOIN area g ON g.id = p.parent_id LEFT JOIN source s ON s.id = a.source_id
       WHERE (@kind IS NULL OR a.kind = @kind)
       ORDER BY ${KIND_ORDER}, a.code`,
    )
    .all({ kind: kind ?? null }) as AreaRow[];
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentCode: r.parent_code,
    parentName: r.parent_name,
    source: r.source,
    municipalityCode: r.municipality_code,
    municipalityName: r.municipality_name,
  }));
}

export function findAreaId(db: Store, code: string): number | undefined {
  return db.prepare('SELECT id FROM area WHERE code = ?').pluck().get(code) as number | undefined;
}

/** Resolve what an analyst typed: an exact code, else a known name or alias (one match only). */
export function resolveAreaCode(db: Store, text: string, key: string): string | undefined {
  const byCode = db.prepare('SELECT code FROM area WHERE code = ? COLLATE NOCASE').pluck().get(text.trim()) as string | undefined;
  if (byCode) return byCode;
  const codes = db
    .prepare("SELECT DISTINCT a.code FROM area_alias al JOIN area a ON a.id = al.area_id WHERE al.alias_norm = ? AND al.context = '' AND al.confirmed = 1")
    .pluck()
    .all(key) as string[];
  return codes.length === 1 ? codes[0] : undefined;
}
