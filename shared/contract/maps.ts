import { z } from 'zod';
import { call } from './define';
import { Observation } from './model';

export const BoundaryKind = z.enum(['municipality', 'district', 'neighbourhood']);
export const MapKind = z.enum(['municipality', 'district', 'neighbourhood', 'focus_area']);
export type MapKind = z.infer<typeof MapKind>;

/**
 * GeoJSON Polygon/MultiPolygon in WGS84. Coordinates are checked as arrays only: a national map
 * holds millions of positions, and the service built them from a reprojected, simplified file.
 */
export const MapGeometry = z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) });
const BBox = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const BoundarySet = z.object({
  id: z.number().int(),
  year: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  format: z.enum(['geojson', 'topojson', 'geopackage']),
  crs: z.string(),
  layers: z.array(z.string()),
  featuresRead: z.number().int(),
  featuresKept: z.number().int(),
  importedAt: z.string(),
});
export type BoundarySet = z.infer<typeof BoundarySet>;

export const ImportBoundariesResult = z.object({
  set: BoundarySet,
  byKind: z.object({ municipality: z.number().int(), district: z.number().int(), neighbourhood: z.number().int() }),
  /** Features whose code is an area in the store (the rest are kept for later imports of figures). */
  matchedAreas: z.number().int(),
  /** Outlines of the same code and year that this file replaced. */
  replaced: z.number().int(),
  skipped: z.array(z.object({ layer: z.string(), index: z.number().int(), reason: z.string() })),
});
export type ImportBoundariesResult = z.infer<typeof ImportBoundariesResult>;

export const MapFeature = z.object({
  code: z.string(),
  name: z.string(),
  kind: MapKind,
  /** The area is in the store (figures can be drawn on it). */
  inStore: z.boolean(),
  geometry: MapGeometry,
  bbox: BBox,
  /** A focus area: the member codes its outline is the union of, and members without a boundary. */
  members: z.array(z.string()).optional(),
  membersWithoutBoundary: z.array(z.string()).optional(),
});
export type MapFeature = z.infer<typeof MapFeature>;

export const MapData = z.object({
  /** The boundary year drawn; null when the store holds no boundaries of this kind. */
  year: z.number().int().nullable(),
  years: z.array(z.number().int()),
  kind: MapKind,
  features: z.array(MapFeature),
  bbox: BBox.nullable(),
  /** Areas asked for (or focus areas) that have no outline in that year. */
  withoutBoundary: z.array(z.object({ code: z.string(), name: z.string() })),
  /** The indicator's current figures for the areas drawn, one per area (the period asked, else each area's latest). */
  figures: z.array(Observation),
});
export type MapData = z.infer<typeof MapData>;

export const mapCalls = {
  'maps.importBoundaries': call(
    z
      .object({
        filePath: z.string().min(1),
        /** The name to record (a web upload's original name). */
        fileName: z.string().min(1).optional(),
        /** The year of the boundaries; read from the file's name or properties when absent. */
        year: z.number().int().min(1900).max(2100).optional(),
        /** One layer (GeoPackage table, TopoJSON object) instead of all. */
        layer: z.string().min(1).optional(),
      })
      .strict(),
    ImportBoundariesResult,
    'Import area boundaries (CBS wijk- en buurtkaart: GeoJSON, TopoJSON or GeoPackage; RD New or WGS84).',
  ),
  'maps.sets': call(z.object({}).strict(), z.array(BoundarySet), 'Boundary files imported, newest first.'),
  'maps.get': call(
    z
      .object({
        kind: MapKind,
        year: z.number().int().optional(),
        /** Only areas in this municipality (GM code), or only these codes. */
        municipalityCode: z.string().optional(),
        areaCodes: z.array(z.string()).max(20000).optional(),
        indicatorCode: z.string().optional(),
        period: z.string().optional(),
      })
      .strict(),
    MapData,
    'Outlines (WGS84) of the areas of one kind for a boundary year, focus areas as the union of their members, with an indicator’s figures.',
  ),
};
