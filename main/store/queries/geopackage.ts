import type Database from 'better-sqlite3';

/**
 * Reading a GeoPackage (a SQLite file the analyst imports boundaries from, opened read-only; not the
 * project's store). Its SQL lives here with the store's other queries.
 */
export interface GeoPackageTable {
  name: string;
  /** The geometry column. */
  geom: string;
  org: string | null;
  srs: number | null;
  srs_name: string | null;
}

/** The feature tables gpkg_contents lists, with each one's geometry column and coordinate system. */
export function geoPackageFeatureTables(db: Database.Database): GeoPackageTable[] {
  return db
    .prepare(
      `SELECT c.table_name AS name, g.column_name AS geom, s.organization AS org, s.organization_coordsys_id AS srs, s.srs_name AS srs_name
       FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
       LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id
       WHERE c.data_type = 'features' ORDER BY c.table_name`,
    )
    .all() as GeoPackageTable[];
}

/** Every row of one feature table (a name from `geoPackageFeatureTables`, quoted as an identifier). */
export function geoPackageRows(db: Database.Database, table: string): IterableIterator<Record<string, unknown>> {
  const quoted = `"${table.replace(/"/g, '""')}"`;
  return db.prepare(`SELECT * FROM ${quoted}`).iterate() as IterableIterator<Record<string, unknown>>;
}
