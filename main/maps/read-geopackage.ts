import Database from 'better-sqlite3';
import type { Feature } from 'geojson';
import wkx from 'wkx';
import { crsFromName, type Crs } from '../../shared/domain/maps/crs';
import type { LayerFeatures } from '../../shared/domain/maps/prepare-features';
import { AppError } from '../../shared/errors';
import { geoPackageFeatureTables, geoPackageRows } from '../store/queries/geopackage';

/**
 * A GeoPackage (OGC 12-128r18) is a SQLite file: gpkg_contents lists its feature tables,
 * gpkg_geometry_columns names each table's geometry column and coordinate system. A geometry is a
 * small GeoPackage header followed by standard WKB; the header is read here (it is eight bytes and
 * an envelope whose size the flags give), the WKB by `wkx`, a maintained WKB/WKT/GeoJSON library.
 */
export interface GeoPackageContents {
  layers: LayerFeatures[];
  crs: Crs | null;
  /** What the file declares when it is neither RD New nor WGS84 (refused by the caller). */
  otherCrs: string | null;
}

const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/** The WKB inside a GeoPackage geometry blob, or null for an empty geometry. */
export function gpkgWkb(blob: Buffer): Buffer | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('not a GeoPackage geometry (no "GP" magic)');
  const flags = blob[3]!;
  if (flags & 0b0010_0000) throw new Error('extended GeoPackage geometry types are not supported');
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0b111];
  if (envelope === undefined) throw new Error('invalid GeoPackage envelope code');
  if (flags & 0b0001_0000) return null;
  return blob.subarray(8 + envelope);
}

export function readGeoPackage(file: string, nativeBinding?: string, only?: string): GeoPackageContents {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    throw new AppError('FILE_UNREADABLE', `Cannot open ${file} as a GeoPackage: ${(err as Error).message}`, { file });
  }
  try {
    const tables = geoPackageFeatureTables(db);
    const chosen = only ? tables.filter((t) => t.name === only) : tables;
    if (chosen.length === 0) throw new AppError('FILE_UNREADABLE', only ? `The GeoPackage has no feature table "${only}".` : 'The GeoPackage holds no feature tables.', { file });
    const crsNames = new Set(chosen.map((t) => `${t.org ?? 'EPSG'}:${t.srs ?? '?'}`));
    const crsList = chosen.map((t) => crsFromName(`${t.org ?? ''}:${t.srs ?? ''} ${t.srs_name ?? ''}`));
    const crs = crsList.every((c) => c !== null && c === crsList[0]) ? crsList[0]! : null;
    const layers: LayerFeatures[] = chosen.map((t) => {
      const features: Feature[] = [];
      for (const row of geoPackageRows(db, t.name)) {
        const { [t.geom]: blob, ...properties } = row;
        let geometry: Feature['geometry'] | null = null;
        if (Buffer.isBuffer(blob)) {
          try {
            const wkb = gpkgWkb(blob);
            geometry = wkb ? (wkx.Geometry.parse(wkb).toGeoJSON() as Feature['geometry']) : null;
          } catch (err) {
            throw new AppError('FILE_UNREADABLE', `Layer ${t.name}, feature ${features.length + 1}: ${(err as Error).message}`, { file, sheet: t.name, row: features.length + 1 });
          }
        }
        features.push({ type: 'Feature', properties, geometry: geometry as Feature['geometry'] });
      }
      return { layer: t.name, features };
    });
    return { layers, crs, otherCrs: crs ? null : [...crsNames].join(', ') };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('FILE_UNREADABLE', `${file} is not a GeoPackage the app can read: ${(err as Error).message}`, { file });
  } finally {
    db.close();
  }
}
