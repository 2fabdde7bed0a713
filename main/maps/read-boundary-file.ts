import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { crsFromName, type Crs } from '../../shared/domain/maps/crs';
import type { LayerFeatures } from '../../shared/domain/maps/prepare-features';
import { AppError } from '../../shared/errors';
import { readGeoPackage } from './read-geopackage';

export type BoundaryFormat = 'geojson' | 'topojson' | 'geopackage';

export interface BoundaryFile {
  name: string;
  sha256: string;
  format: BoundaryFormat;
  layers: LayerFeatures[];
  /** The coordinate system the file declares; null when it does not (the extent decides). */
  declaredCrs: Crs | null;
}

/** JSON text beyond this is better read as a GeoPackage (V8 strings stop at about 512 MB). */
const MAX_JSON_BYTES = 400 * 1024 * 1024;

/**
 * Read a boundary file the analyst picked: GeoJSON, TopoJSON or GeoPackage, recognised by its
 * contents (a GeoPackage starts "SQLite format 3"; a JSON file says `"type": "Topology"` or
 * `"FeatureCollection"`), not by its extension.
 */
export function readBoundaryFile(file: string, opts: { displayName?: string; nativeBinding?: string | undefined; layer?: string | undefined } = {}): BoundaryFile {
  const name = opts.displayName ?? path.basename(file);
  let bytes: Buffer;
  try {
    if (statSync(file).size > MAX_JSON_BYTES && !isSqlite(readHead(file))) {
      throw new AppError('FILE_TOO_LARGE', `${name} is larger than 400 MB: use the GeoPackage (.gpkg) edition of the wijk- en buurtkaart.`, { file: name });
    }
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('FILE_UNREADABLE', `Cannot read ${name}: ${(err as Error).message}`, { file: name });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (isSqlite(bytes)) {
    const gpkg = readGeoPackage(file, opts.nativeBinding, opts.layer);
    if (gpkg.otherCrs) throw new AppError('FILE_UNREADABLE', `${name} uses coordinate system ${gpkg.otherCrs}; the app reads RD New (EPSG:28992) and WGS84 (EPSG:4326).`, { file: name });
    return { name, sha256, format: 'geopackage', layers: gpkg.layers, declaredCrs: gpkg.crs };
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError('FILE_UNREADABLE', `${name} is neither a GeoPackage nor JSON (${(err as Error).message}).`, { file: name });
  }
  const obj = json as { type?: unknown; crs?: { properties?: { name?: string } } };
  const declared = crsFromName(obj.crs?.properties?.name);
  if (obj.crs?.properties?.name && !declared) {
    throw new AppError('FILE_UNREADABLE', `${name} uses coordinate system ${obj.crs.properties.name}; the app reads RD New (EPSG:28992) and WGS84 (EPSG:4326).`, { file: name });
  }
  if (obj.type === 'Topology') {
    const topo = json as Topology;
    const names = Object.keys(topo.objects ?? {}).filter((n) => !opts.layer || n === opts.layer);
    if (names.length === 0) throw new AppError('FILE_UNREADABLE', opts.layer ? `${name} has no TopoJSON object "${opts.layer}".` : `${name} is a TopoJSON file without objects.`, { file: name });
    const layers = names.map((n) => {
      const fc = topoFeature(topo, topo.objects[n]!) as FeatureCollection | Feature;
      return { layer: n, features: fc.type === 'FeatureCollection' ? fc.features : [fc] };
    });
    return { name, sha256, format: 'topojson', layers, declaredCrs: declared };
  }
  if (obj.type === 'FeatureCollection') {
    return { name, sha256, format: 'geojson', layers: [{ layer: path.parse(name).name, features: (json as FeatureCollection).features ?? [] }], declaredCrs: declared };
  }
  if (obj.type === 'Feature') {
    return { name, sha256, format: 'geojson', layers: [{ layer: path.parse(name).name, features: [json as Feature] }], declaredCrs: declared };
  }
  throw new AppError('FILE_UNREADABLE', `${name} is JSON but not GeoJSON or TopoJSON (its "type" is ${JSON.stringify(obj.type ?? null)}).`, { file: name });
}

function isSqlite(bytes: Buffer): boolean {
  return bytes.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000';
}

function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    return head;
  } finally {
    closeSync(fd);
  }
}
