import { union } from '@turf/union';
import { featureCollection, feature } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { bboxOf, mapPositions, roundPosition, type AreaGeometry, type BBox } from './geometry';

/**
 * A focus area's outline: the union of its members' boundaries (districts or neighbourhoods), so
 * shared borders disappear and the area reads as one shape. Null when no member has a boundary.
 */
export function outlineOf(members: AreaGeometry[]): { geometry: AreaGeometry; bbox: BBox } | null {
  if (members.length === 0) return null;
  if (members.length === 1) return { geometry: members[0]!, bbox: bboxOf(members[0]!) };
  const merged = union(featureCollection(members.map((g) => feature(g) as Feature<Polygon | MultiPolygon>)));
  if (!merged) return null;
  const geometry = mapPositions(merged.geometry, roundPosition);
  return { geometry, bbox: bboxOf(geometry) };
}
