import { simplify } from '@turf/simplify';
import type { Feature, Position } from 'geojson';
import { crsFromExtent, toWgs84, type Crs } from './crs';
import { identifyFeature, yearFromProperties, type BoundaryKind } from './feature-code';
import { bboxOf, isAreaGeometry, mapPositions, roundPosition, unionBBox, type AreaGeometry, type BBox } from './geometry';

/** A boundary ready to store: WGS84, simplified for display, with its CBS code and bbox. */
export interface BoundaryFeature {
  code: string;
  kind: BoundaryKind;
  name: string | null;
  geometry: AreaGeometry;
  bbox: BBox;
}

export interface SkippedFeature {
  /** Which feature (its position in its layer, 1-based) and layer. */
  layer: string;
  index: number;
  reason: string;
}

export interface PreparedBoundaries {
  crs: Crs;
  features: BoundaryFeature[];
  skipped: SkippedFeature[];
  /** A year the features' own properties carry (jaarcode), when they agree on one. */
  yearInData: number | null;
}

export interface LayerFeatures {
  layer: string;
  features: Feature[];
}

/**
 * Simplification tolerance in degrees: 0.00001° is about 1 m. The wijk- en buurtkaart is drawn at
 * street level; at the scale of a city map a metre is invisible and a third or more of the vertices go.
 */
export const DISPLAY_TOLERANCE = 0.00001;

/**
 * From the features a file holds (any layers, RD New or WGS84) to boundaries the store keeps. The
 * coordinate system is the file's own statement when it makes one, else read from the extent of all
 * coordinates. Features without a CBS code or without a polygon are skipped and listed, not guessed.
 */
export function prepareBoundaries(layers: LayerFeatures[], declared: Crs | null): PreparedBoundaries {
  const skipped: SkippedFeature[] = [];
  const candidates: { layer: string; index: number; geometry: AreaGeometry; props: Record<string, unknown> | null }[] = [];
  for (const { layer, features } of layers) {
    features.forEach((f, i) => {
      const index = i + 1;
      if (!isAreaGeometry(f.geometry)) {
        skipped.push({ layer, index, reason: f.geometry ? `geen vlak maar ${f.geometry.type}` : 'geen geometrie' });
        return;
      }
      candidates.push({ layer, index, geometry: f.geometry, props: f.properties });
    });
  }
  const extent = unionBBox(candidates.map((c) => bboxOf(c.geometry)));
  const crs = declared ?? (extent ? crsFromExtent(extent) : null);
  if (!crs) {
    throw new Error(
      extent
        ? `coordinates span ${extent.map((v) => Math.round(v)).join(', ')}: neither RD New (EPSG:28992) nor WGS84 degrees`
        : 'the file holds no polygons',
    );
  }
  const years = new Set<number>();
  const features: BoundaryFeature[] = [];
  for (const c of candidates) {
    const id = identifyFeature(c.props);
    if (!id) {
      skipped.push({ layer: c.layer, index: c.index, reason: 'geen CBS-code (statcode, buurtcode, wijkcode of gemeentecode)' });
      continue;
    }
    const y = yearFromProperties(c.props);
    if (y !== null) years.add(y);
    const wgs = mapPositions(toWgs84(c.geometry, crs), roundPosition);
    const simple = simplify(wgs, { tolerance: DISPLAY_TOLERANCE, highQuality: false, mutate: true }) as AreaGeometry;
    features.push({ code: id.code, kind: id.kind, name: id.name, geometry: simple, bbox: bboxOf(simple) });
  }
  return { crs, features: mergeSameCode(features), skipped, yearInData: years.size === 1 ? [...years][0]! : null };
}

/** A file may give one area in several features (islands split off): one multipolygon per code. */
function mergeSameCode(features: BoundaryFeature[]): BoundaryFeature[] {
  const byCode = new Map<string, BoundaryFeature>();
  for (const f of features) {
    const prev = byCode.get(f.code);
    if (!prev) {
      byCode.set(f.code, f);
      continue;
    }
    const polys = [...asPolygons(prev.geometry), ...asPolygons(f.geometry)];
    const geometry: AreaGeometry = { type: 'MultiPolygon', coordinates: polys };
    byCode.set(f.code, { ...prev, name: prev.name ?? f.name, geometry, bbox: bboxOf(geometry) });
  }
  return [...byCode.values()];
}

function asPolygons(g: AreaGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}
