import proj4 from 'proj4';
import type { Position } from 'geojson';
import { bboxOf, mapPositions, type AreaGeometry, type BBox } from './geometry';

/**
 * Coordinate systems of the CBS wijk- en buurtkaart: RD New (EPSG:28992, metres, what CBS and PDOK
 * publish) or WGS84 (EPSG:4326, degrees, what GeoJSON expects and Plotly draws). The RD definition
 * carries the 7-parameter datum shift to ETRS89/WGS84 (the EPSG:15739 set proj4 uses for 28992);
 * without it a point lands about 100 m off.
 */
export type Crs = 'EPSG:28992' | 'EPSG:4326';

export const RD_NEW =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
  '+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

const rdToWgs84 = proj4(RD_NEW, 'WGS84');

/** An RD New point (x, y in metres) as [longitude, latitude]. */
export function rdToLonLat(p: Position): Position {
  return rdToWgs84.forward([p[0] ?? NaN, p[1] ?? NaN]);
}

/** The EPSG number named by a GeoJSON/TopoJSON `crs` member or a GeoPackage srs, if any. */
export function crsFromName(name: string | undefined | null): Crs | null {
  if (!name) return null;
  if (/28992|RD[ _]?New|Amersfoort/i.test(name)) return 'EPSG:28992';
  if (/CRS84|4326|WGS[ _]?84|4258|ETRS[ _]?89/i.test(name)) return 'EPSG:4326';
  return null;
}

/**
 * Which system a set of coordinates is in, from their extent when the file does not say: RD New
 * covers the Netherlands with x 0–300 km and y 300–625 km; degrees stay within ±180/±90.
 */
export function crsFromExtent(box: BBox): Crs | null {
  const [minX, minY, maxX, maxY] = box;
  if (minX >= -7000 && maxX <= 300000 && minY >= 289000 && maxY <= 629000 && maxX - minX + (maxY - minY) > 0) return 'EPSG:28992';
  if (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90) return 'EPSG:4326';
  return null;
}

export function toWgs84(g: AreaGeometry, crs: Crs): AreaGeometry {
  return crs === 'EPSG:4326' ? g : mapPositions(g, rdToLonLat);
}

export { bboxOf };
