import type { Store } from '../store-types';
import type { BoundarySet } from '../../../shared/contract/maps';
import type { BoundaryFeature } from '../../../shared/domain/maps/prepare-features';
import type { BoundaryKind } from '../../../shared/domain/maps/feature-code';
import type { AreaGeometry, BBox } from '../../../shared/domain/maps/geometry';

interface SetRow {
  id: number;
  year: number;
  file_name: string;
  sha256: string;
  format: BoundarySet['format'];
  crs: string;
  layers: string;
  features_read: number;
  features_kept: number;
  imported_at: string;
}

function setOf(r: SetRow): BoundarySet {
  return {
    id: r.id,
    year: r.year,
    fileName: r.file_name,
    sha256: r.sha256,
    format: r.format,
    crs: r.crs,
    layers: JSON.parse(r.layers) as string[],
    featuresRead: r.features_read,
    featuresKept: r.features_kept,
    importedAt: r.imported_at,
  };
}

export function listBoundarySets(db: Store): BoundarySet[] {
  return (db.prepare('SELECT * FROM boundary_set ORDER BY imported_at DESC, id DESC').all() as SetRow[]).map(setOf);
}

export interface NewBoundarySet {
  year: number;
  fileName: string;
  sha256: string;
  format: BoundarySet['format'];
  crs: string;
  layers: string[];
  featuresRead: number;
}

/**
 * Write a file's boundaries in one transaction (the caller's). An outline of the same code and
 * year from an earlier file is replaced: boundaries of one year are one map, not a history.
 */
export function insertBoundaries(db: Store, set: NewBoundarySet, features: BoundaryFeature[], importedAt: string): { set: BoundarySet; replaced: number } {
  const setId = Number(
    db
      .prepare(
        `INSERT INTO boundary_set (year, file_name, sha256, format, crs, layers, features_read, features_kept, imported_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(set.year, set.fileName, set.sha256, set.format, set.crs, JSON.stringify(set.layers), set.featuresRead, features.length, importedAt).lastInsertRowid,
  );
  const remove = db.prepare('DELETE FROM boundary WHERE area_code = ? AND year = ?');
  const insert = db.prepare(
    `INSERT INTO boundary (set_id, area_code, year, kind, name, geometry, min_lon, min_lat, max_lon, max_lat)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let replaced = 0;
  for (const f of features) {
    replaced += remove.run(f.code, set.year).changes;
    insert.run(setId, f.code, set.year, f.kind, f.name, JSON.stringify(f.geometry), ...f.bbox);
  }
  // A set whose every outline a later file replaced says nothing any more.
  db.prepare('DELETE FROM boundary_set WHERE id <> ? AND NOT EXISTS (SELECT 1 FROM boundary b WHERE b.set_id = boundary_set.id)').run(setId);
  const row = db.prepare('SELECT * FROM boundary_set WHERE id = ?').get(setId) as SetRow;
  return { set: setOf(row), replaced };
}

export function boundaryYears(db: Store, kind: BoundaryKind): number[] {
  return db.prepare('SELECT DISTINCT year FROM boundary WHERE kind = ? ORDER BY year DESC').pluck().all(kind) as number[];
}

export interface StoredBoundary {
  code: string;
  kind: BoundaryKind;
  fileName: string | null;
  storeName: string | null;
  geometry: AreaGeometry;
  bbox: BBox;
}

interface BoundaryRow {
  area_code: string;
  kind: BoundaryKind;
  name: string | null;
  store_name: string | null;
  geometry: string;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
}

/** Outlines of one kind and year, optionally within a municipality or for given codes. */
export function listBoundaries(db: Store, q: { kind?: BoundaryKind; year: number; municipalityCode?: string | undefined; codes?: string[] | undefined }): StoredBoundary[] {
  const prefix = q.municipalityCode ? q.municipalityCode.slice(2) : null;
  const rows = db
    .prepare(
      `SELECT b.area_code, b.kind, b.name, a.name AS store_name, b.geometry, b.min_lon, b.min_lat, b.max_lon, b.max_lat
       FROM boundary b LEFT JOIN area a ON a.code = b.area_code
       WHERE b.year = @year
         AND (@kind IS NULL OR b.kind = @kind)
         AND (@prefix IS NULL OR substr(b.area_code, 3, 4) = @prefix)
         AND (@codes IS NULL OR b.area_code IN (SELECT value FROM json_each(@codes)))
       ORDER BY b.area_code`,
    )
    .all({ year: q.year, kind: q.kind ?? null, prefix, codes: q.codes ? JSON.stringify(q.codes) : null }) as BoundaryRow[];
  return rows.map((r) => ({
    code: r.area_code,
    kind: r.kind,
    fileName: r.name,
    storeName: r.store_name,
    geometry: JSON.parse(r.geometry) as AreaGeometry,
    bbox: [r.min_lon, r.min_lat, r.max_lon, r.max_lat],
  }));
}

/** How many of these codes are areas in the store. */
export function countKnownAreas(db: Store, codes: string[]): number {
  return db.prepare('SELECT count(*) FROM area WHERE code IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify(codes)) as number;
}

export interface FocusAreaMembers {
  code: string;
  name: string;
  members: string[];
}

/** Every focus area with the codes of its members (proposed or confirmed). */
export function focusAreaMembers(db: Store): FocusAreaMembers[] {
  const rows = db
    .prepare(
      `SELECT f.code, f.name, m.code AS member
       FROM area f LEFT JOIN area_member am ON am.focus_area_id = f.id LEFT JOIN area m ON m.id = am.member_id
       WHERE f.kind = 'focus_area' ORDER BY f.code, m.code`,
    )
    .all() as { code: string; name: string; member: string | null }[];
  const out = new Map<string, FocusAreaMembers>();
  for (const r of rows) {
    const fa = out.get(r.code) ?? { code: r.code, name: r.name, members: [] };
    if (r.member) fa.members.push(r.member);
    out.set(r.code, fa);
  }
  return [...out.values()];
}
