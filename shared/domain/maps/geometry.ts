import type { MultiPolygon, Polygon, Position } from 'geojson';

/** What a map draws: polygons only (the wijk- en buurtkaart has nothing else). */
export type AreaGeometry = Polygon | MultiPolygon;

/** [minLon, minLat, maxLon, maxLat] (or x/y before reprojection). */
export type BBox = [number, number, number, number];

export function isAreaGeometry(g: unknown): g is AreaGeometry {
  if (typeof g !== 'object' || g === null) return false;
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  return (type === 'Polygon' || type === 'MultiPolygon') && Array.isArray(coordinates) && coordinates.length > 0;
}

/** Every position of a polygon or multipolygon, mapped (reprojection, rounding). */
export function mapPositions(g: AreaGeometry, f: (p: Position) => Position): AreaGeometry {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((ring) => ring.map(f)) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map(f))) };
}

export function bboxOf(g: AreaGeometry): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) {
    for (const ring of poly) {
      for (const p of ring) {
        const x = p[0] ?? NaN;
        const y = p[1] ?? NaN;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  return [minX, minY, maxX, maxY];
}

export function unionBBox(boxes: BBox[]): BBox | null {
  if (boxes.length === 0) return null;
  return boxes.reduce<BBox>((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])], [Infinity, Infinity, -Infinity, -Infinity]);
}

/** Six decimals of a degree is about 0.1 m: more is noise, and every digit is bytes in the store. */
export function roundPosition(p: Position): Position {
  return [Math.round((p[0] ?? 0) * 1e6) / 1e6, Math.round((p[1] ?? 0) * 1e6) / 1e6];
}
