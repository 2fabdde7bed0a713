import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBoundaryFile } from '../../../main/maps/read-boundary-file';
import { rdToLonLat } from '../../../shared/domain/maps/crs';
import { prepareBoundaries } from '../../../shared/domain/maps/prepare-features';
import { squareGrid, writeGeoJson, writeGeoPackage, writeTopoJson } from '../../fixtures/make-boundaries';
import { startServices } from '../../../main/app/services';
import { hasRealData, realFile } from '../../helpers/real-data';
import { cli } from '../../helpers/run-cli';
import { freshServices } from '../../helpers/services';
import { fails, ok, seedIndicator } from '../scenario/helpers';

const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-maps-'));
const CODES = ['WK034401', 'WK034402', 'WK034403', 'WK034404'];
const NAMES = ['West', 'Noordwest', 'Overvecht', 'Noordoost'];
const ORIGIN: [number, number] = [5.08, 52.07];
const STEP = 0.00001;
const grid = (): ReturnType<typeof squareGrid> => squareGrid({ codes: CODES, names: NAMES, origin: ORIGIN, side: 0.01, extra: { jaarcode: 2024 } });

function featuresOf(file: string) {
  const read = readBoundaryFile(file);
  return prepareBoundaries(read.layers, read.declaredCrs).features.map((f) => ({ code: f.code, name: f.name, kind: f.kind, geometry: f.geometry }));
}

describe('boundary files: GeoJSON, TopoJSON and GeoPackage read to the same features', () => {
  it('a TopoJSON and a GeoPackage made from a GeoJSON give its features, code for code and vertex for vertex', () => {
    const geojson = writeGeoJson(path.join(dir, 'wijken.geojson'), grid());
    const topojson = writeTopoJson(path.join(dir, 'wijken.topojson'), grid(), 'wijken', ORIGIN, STEP);
    const gpkg = writeGeoPackage(path.join(dir, 'wijken.gpkg'), [{ table: 'wijken', fc: grid() }], 4326);
    const fromGeoJson = featuresOf(geojson);
    expect(fromGeoJson.map((f) => f.code)).toEqual(CODES);
    expect(fromGeoJson[2]).toMatchObject({ code: 'WK034403', name: 'Overvecht', kind: 'district' });
    expect(featuresOf(topojson)).toEqual(fromGeoJson);
    expect(featuresOf(gpkg)).toEqual(fromGeoJson);
    expect(readBoundaryFile(topojson).format).toBe('topojson');
    expect(readBoundaryFile(gpkg)).toMatchObject({ format: 'geopackage', declaredCrs: 'EPSG:4326' });
  });

  it('reprojects an RD New file (declared, or only by its extent) onto the same WGS84 positions proj4 gives', () => {
    const rd = squareGrid({ codes: ['BU03440301', 'BU03440302'], origin: [137000, 457000], side: 500, codeKey: 'buurtcode', nameKey: 'buurtnaam' });
    const declared = featuresOf(writeGeoJson(path.join(dir, 'buurten-rd.geojson'), rd, 'urn:ogc:def:crs:EPSG::28992'));
    const undeclared = featuresOf(writeGeoJson(path.join(dir, 'buurten-rd-bare.geojson'), rd));
    const gpkg = featuresOf(writeGeoPackage(path.join(dir, 'buurten-rd.gpkg'), [{ table: 'buurten', fc: rd }], 28992));
    expect(undeclared).toEqual(declared);
    expect(gpkg).toEqual(declared);
    const corner = (declared[0]!.geometry.coordinates as number[][][])[0]![0]!;
    const expected = rdToLonLat([137000, 457000]);
    expect(Math.abs(corner[0]! - expected[0]!)).toBeLessThan(1e-6);
    expect(Math.abs(corner[1]! - expected[1]!)).toBeLessThan(1e-6);
    expect(corner[1]).toBeGreaterThan(52);
    expect(corner[1]).toBeLessThan(53);
  });

  it('skips and lists features without a CBS code or without a polygon', () => {
    const fc = grid();
    fc.features[1]!.properties = { naam: 'zonder code' };
    const withPoint = { ...fc, features: [...fc.features, { type: 'Feature', properties: { statcode: 'WK034409' }, geometry: { type: 'Point', coordinates: [5.1, 52.1] } }] };
    const read = readBoundaryFile(writeGeoJson(path.join(dir, 'gaps.geojson'), withPoint as typeof fc));
    const prepared = prepareBoundaries(read.layers, read.declaredCrs);
    expect(prepared.features.map((f) => f.code)).toEqual(['WK034401', 'WK034403', 'WK034404']);
    expect(prepared.skipped.map((s) => [s.index, s.reason])).toEqual([
      [5, 'geen vlak maar Point'],
      [2, 'geen CBS-code (statcode, buurtcode, wijkcode of gemeentecode)'],
    ]);
  });
});

describe('maps.importBoundaries and maps.get through dispatch', () => {
  let services: ReturnType<typeof freshServices> | undefined;
  afterEach(() => services?.close());

  it('stores the outlines with their year, matches areas by code and draws them back', async () => {
    services = freshServices();
    const file = writeGeoJson(path.join(dir, 'kaart.geojson'), grid());
    const res = await ok(services, 'maps.importBoundaries', { filePath: file });
    expect(res.set).toMatchObject({ year: 2024, format: 'geojson', crs: 'EPSG:4326', featuresRead: 4, featuresKept: 4 });
    expect(res.byKind).toEqual({ municipality: 0, district: 4, neighbourhood: 0 });
    // Matched: the codes that are areas in the store (the seed's composition proposals hold some districts).
    const known = services.ctx.db.prepare('SELECT count(*) FROM area WHERE code IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify(CODES));
    expect(res.matchedAreas).toBe(known);

    const map = await ok(services, 'maps.get', { kind: 'district', municipalityCode: 'GM0344' });
    expect(map.year).toBe(2024);
    expect(map.features.map((f) => f.code)).toEqual(CODES);
    // A name from the store where the area is known, else the file's.
    const inStore = map.features.filter((f) => f.inStore).length;
    expect(inStore).toBe(known);
    expect(map.features.find((f) => !f.inStore)?.name).toBe(NAMES[CODES.indexOf(map.features.find((f) => !f.inStore)!.code)]);
    expect(map.bbox?.[0]).toBeCloseTo(5.08, 6);
    expect(map.bbox?.[3]).toBeCloseTo(52.09, 6);
    expect((await ok(services, 'maps.get', { kind: 'district', municipalityCode: 'GM0363' })).features).toEqual([]);

    // The same year again replaces, another year adds.
    expect((await ok(services, 'maps.importBoundaries', { filePath: file, year: 2024 })).replaced).toBe(4);
    expect(await ok(services, 'maps.sets', {})).toHaveLength(1);
    await ok(services, 'maps.importBoundaries', { filePath: file, year: 2023 });
    expect((await ok(services, 'maps.get', { kind: 'district' })).years).toEqual([2024, 2023]);
  });

  it('refuses a file that is not a boundary file, or has no year, with a message and nothing stored', async () => {
    services = freshServices();
    const notGeo = path.join(dir, 'not.json');
    writeFileSync(notGeo, JSON.stringify({ type: 'Something' }));
    expect((await fails(services, 'maps.importBoundaries', { filePath: notGeo })).message).toContain('not GeoJSON or TopoJSON');
    const noYear = writeGeoJson(path.join(dir, 'kaart-zonder-jaar.geojson'), squareGrid({ codes: CODES }));
    expect((await fails(services, 'maps.importBoundaries', { filePath: noYear })).message).toContain('give the year');
    const text = path.join(dir, 'tekst.geojson');
    writeFileSync(text, 'statcode;naam\nWK034401;West\n');
    expect((await fails(services, 'maps.importBoundaries', { filePath: text })).message).toContain('neither a GeoPackage nor JSON');
    expect(await ok(services, 'maps.sets', {})).toEqual([]);
  });

  it('draws a focus area as the union of its members and the indicator’s figures beside it', async () => {
    services = freshServices();
    const db = services.ctx.db;
    // Leeuwarden-Oost's proposed members (the shipped compositions), drawn as squares side by side.
    const members = db
      .prepare("SELECT m.code FROM area_member am JOIN area f ON f.id = am.focus_area_id JOIN area m ON m.id = am.member_id WHERE f.name = 'Leeuwarden-Oost' ORDER BY m.code")
      .pluck()
      .all() as string[];
    expect(members.length).toBeGreaterThan(1);
    const file = writeGeoJson(path.join(dir, 'leeuwarden_2024.geojson'), squareGrid({ codes: members, columns: members.length, origin: [5.8, 53.19], side: 0.01 }));
    await ok(services, 'maps.importBoundaries', { filePath: file });
    const map = await ok(services, 'maps.get', { kind: 'focus_area' });
    const oost = map.features.find((f) => f.name === 'Leeuwarden-Oost');
    expect(oost?.members).toEqual(members);
    expect(oost?.membersWithoutBoundary).toEqual([]);
    // Squares side by side: one polygon without the inner borders, its bbox all of theirs.
    expect(oost?.geometry.type).toBe('Polygon');
    const ring = (oost!.geometry.coordinates as number[][][])[0]!;
    expect(ring.length).toBeLessThanOrEqual(members.length * 2 + 3);
    expect(oost?.bbox[0]).toBeCloseTo(5.8, 9);
    expect(oost?.bbox[2]).toBeCloseTo(5.8 + members.length * 0.01, 9);
    expect(map.withoutBoundary.map((a) => a.name)).not.toContain('Leeuwarden-Oost');
    expect(map.withoutBoundary).toHaveLength(19);

    // The districts drawn are areas of the store; figures come for them when the indicator has any.
    await ok(services, 'maps.importBoundaries', { filePath: writeGeoJson(path.join(dir, 'kaart2.geojson'), grid()) });
    const districts = await ok(services, 'maps.get', { kind: 'district', indicatorCode: 'missing_indicator' });
    expect(districts.features.filter((f) => f.inStore).map((f) => f.code)).toEqual(expect.arrayContaining(members));
    expect(districts.figures).toEqual([]);
    seedIndicator(services, 'a_inw', { WK034403: 31000 }, '2023');
    seedIndicator(services, 'a_inw', { WK034403: 32000 }, '2024', 'kwb-2024b.xlsx');
    const latest = await ok(services, 'maps.get', { kind: 'district', indicatorCode: 'a_inw' });
    expect(latest.figures.map((f) => [f.areaCode, f.period, f.value, f.source.file])).toEqual([['WK034403', '2024', 32000, 'kwb-2024b.xlsx']]);
    const older = await ok(services, 'maps.get', { kind: 'district', indicatorCode: 'a_inw', period: '2023' });
    expect(older.figures.map((f) => f.value)).toEqual([31000]);
  });
});

describe.skipIf(!hasRealData)('a map of the real KWB Utrecht 2024 figures', () => {
  it('gives each Utrecht district its huurwoningen share from the workbook', async () => {
    const services = freshServices();
    const db = path.join(services.dir, 'store.sqlite');
    services.close();
    {
      const imported = await cli('--db', db, 'import', realFile('CBS-Utrecht-kwb-2024.xlsx'), '--create-areas', '--json');
      expect(imported.code, imported.stderr).toBe(0);
      const again = startServices(db, 'cli');
      const codes = Array.from({ length: 10 }, (_, i) => `WK0344${String(i + 1).padStart(2, '0')}`);
      const file = writeGeoJson(path.join(dir, 'wijken_2024.geojson'), squareGrid({ codes, columns: 5, origin: [132000, 454000], side: 1000, codeKey: 'wijkcode' }), 'urn:ogc:def:crs:EPSG::28992');
      expect((await ok(again, 'maps.importBoundaries', { filePath: file })).matchedAreas).toBe(10);
      const map = await ok(again, 'maps.get', { kind: 'district', indicatorCode: 'p_huurw' });
      expect(map.features.every((f) => f.inStore)).toBe(true);
      expect(map.figures).toHaveLength(10);
      expect(map.figures.every((f) => f.source.file === 'CBS-Utrecht-kwb-2024.xlsx' && f.period === '2024')).toBe(true);
      again.close();
    }
  });
});
