import { describe, expect, it } from 'vitest';
import { crsFromExtent, crsFromName, rdToLonLat, toWgs84 } from '../../../shared/domain/maps/crs';
import { identifyFeature, yearFromFileName } from '../../../shared/domain/maps/feature-code';

/** Distance in metres between two WGS84 points (haversine; ample at these distances). */
function metres(a: number[], b: number[]): number {
  const R = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = ((b[1]! - a[1]!) * rad) / 2;
  const dLon = ((b[0]! - a[0]!) * rad) / 2;
  const h = Math.sin(dLat) ** 2 + Math.cos(a[1]! * rad) * Math.cos(b[1]! * rad) * Math.sin(dLon) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

describe('RD New to WGS84', () => {
  it('puts the Amersfoort reference point (155000, 463000) within 1 m of 52.15517440 N, 5.38720621 E', () => {
    const p = rdToLonLat([155000, 463000]);
    expect(metres(p, [5.38720621, 52.1551744])).toBeLessThan(1);
  });
  it('leaves WGS84 geometry as it is and reprojects every ring of an RD multipolygon', () => {
    const square = { type: 'Polygon' as const, coordinates: [[[5, 52], [5.1, 52], [5.1, 52.1], [5, 52]]] };
    expect(toWgs84(square, 'EPSG:4326')).toBe(square);
    const rd = { type: 'MultiPolygon' as const, coordinates: [[[[155000, 463000], [156000, 463000], [156000, 464000], [155000, 463000]]]] };
    const out = toWgs84(rd, 'EPSG:28992');
    const first = (out.coordinates as number[][][][])[0]![0]![0]!;
    expect(metres(first, [5.38720621, 52.1551744])).toBeLessThan(1);
  });
});

describe('which coordinate system a file is in', () => {
  it('reads the names GeoJSON, GeoPackage and PDOK use', () => {
    expect(crsFromName('urn:ogc:def:crs:EPSG::28992')).toBe('EPSG:28992');
    expect(crsFromName('EPSG:28992 Amersfoort / RD New')).toBe('EPSG:28992');
    expect(crsFromName('urn:ogc:def:crs:OGC:1.3:CRS84')).toBe('EPSG:4326');
    expect(crsFromName('EPSG:3857')).toBeNull();
  });
  it('tells RD metres from degrees by their extent', () => {
    expect(crsFromExtent([120000, 440000, 150000, 470000])).toBe('EPSG:28992');
    expect(crsFromExtent([5.0, 52.0, 5.2, 52.2])).toBe('EPSG:4326');
    expect(crsFromExtent([-2e7, -2e7, 2e7, 2e7])).toBeNull();
  });
});

describe('a feature’s CBS code', () => {
  it('takes the most specific code a buurt feature carries, with its name', () => {
    expect(identifyFeature({ gemeentecode: 'GM0344', wijkcode: 'WK034403', buurtcode: 'BU03440301', buurtnaam: 'Taag- en Rubicondreef', gemeentenaam: 'Utrecht' })).toEqual({
      code: 'BU03440301',
      kind: 'neighbourhood',
      name: 'Taag- en Rubicondreef',
    });
  });
  it('reads PDOK statcode, older upper-case keys and digits-only gemeente codes', () => {
    expect(identifyFeature({ statcode: 'WK034403', statnaam: 'Overvecht' })).toEqual({ code: 'WK034403', kind: 'district', name: 'Overvecht' });
    expect(identifyFeature({ GM_CODE: 'GM0344', GM_NAAM: 'Utrecht' })).toEqual({ code: 'GM0344', kind: 'municipality', name: 'Utrecht' });
    expect(identifyFeature({ gemeentecode: '344', gemeentenaam: 'Utrecht' })?.code).toBe('GM0344');
    expect(identifyFeature({ naam: 'zonder code' })).toBeNull();
  });
  it('finds the year in a file name', () => {
    expect(yearFromFileName('wijkenbuurten_2024_v1.gpkg')).toBe(2024);
    expect(yearFromFileName('buurten.geojson')).toBeNull();
  });
});
