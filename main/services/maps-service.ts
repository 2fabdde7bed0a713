import type { MapData, MapFeature } from '../../shared/contract/maps';
import { prepareBoundaries } from '../../shared/domain/maps/prepare-features';
import { yearFromFileName } from '../../shared/domain/maps/feature-code';
import { outlineOf } from '../../shared/domain/maps/outline';
import { unionBBox } from '../../shared/domain/maps/geometry';
import { AppError } from '../../shared/errors';
import { readBoundaryFile } from '../maps/read-boundary-file';
import { boundaryYears, countKnownAreas, focusAreaMembers, insertBoundaries, listBoundaries, listBoundarySets } from '../store/queries/boundaries';
import { figuresForAreas } from '../store/queries/map-figures';
import type { Handlers } from './handler-types';

export const mapHandlers: Handlers<'maps.importBoundaries' | 'maps.sets' | 'maps.get'> = {
  'maps.importBoundaries': (input, ctx) => {
    const file = readBoundaryFile(input.filePath, { displayName: input.fileName, nativeBinding: ctx.nativeBinding, layer: input.layer });
    const featuresRead = file.layers.reduce((n, l) => n + l.features.length, 0);
    let prepared;
    try {
      prepared = prepareBoundaries(file.layers, file.declaredCrs);
    } catch (err) {
      throw new AppError('FILE_UNREADABLE', `${file.name}: ${(err as Error).message}.`, { file: file.name });
    }
    if (prepared.features.length === 0) {
      const why = prepared.skipped[0]?.reason ?? 'no features';
      throw new AppError('FILE_UNREADABLE', `${file.name} holds no area outlines with a CBS code (first problem: ${why}); nothing imported.`, { file: file.name }, prepared.skipped.slice(0, 20).map((s) => `${s.layer} #${s.index}: ${s.reason}`));
    }
    const year = input.year ?? prepared.yearInData ?? yearFromFileName(file.name);
    if (year === null) {
      throw new AppError('INPUT_INVALID', `${file.name} does not say which year its boundaries are: give the year (for example 2024).`, { file: file.name });
    }
    const importedAt = new Date().toISOString();
    const written = ctx.db.transaction(() =>
      insertBoundaries(ctx.db, { year, fileName: file.name, sha256: file.sha256, format: file.format, crs: prepared.crs, layers: file.layers.map((l) => l.layer), featuresRead }, prepared.features, importedAt),
    )();
    const byKind = { municipality: 0, district: 0, neighbourhood: 0 };
    for (const f of prepared.features) byKind[f.kind]++;
    return {
      set: written.set,
      byKind,
      matchedAreas: countKnownAreas(ctx.db, prepared.features.map((f) => f.code)),
      replaced: written.replaced,
      skipped: prepared.skipped,
    };
  },
  'maps.sets': (_input, ctx) => listBoundarySets(ctx.db),
  'maps.get': (input, ctx): MapData => {
    const memberKind = input.kind === 'focus_area' ? null : input.kind;
    const years = memberKind ? boundaryYears(ctx.db, memberKind) : [...new Set([...boundaryYears(ctx.db, 'neighbourhood'), ...boundaryYears(ctx.db, 'district')])].sort((a, b) => b - a);
    const year = input.year !== undefined && years.includes(input.year) ? input.year : (years[0] ?? null);
    let features: MapFeature[] = [];
    const withoutBoundary: MapData['withoutBoundary'] = [];
    if (year !== null && memberKind) {
      features = listBoundaries(ctx.db, { kind: memberKind, year, municipalityCode: input.municipalityCode, codes: input.areaCodes }).map((b) => ({
        code: b.code,
        name: b.storeName ?? b.fileName ?? b.code,
        kind: b.kind,
        inStore: b.storeName !== null,
        geometry: b.geometry,
        bbox: b.bbox,
      }));
      if (input.areaCodes) {
        const drawn = new Set(features.map((f) => f.code));
        for (const code of input.areaCodes) if (!drawn.has(code)) withoutBoundary.push({ code, name: code });
      }
    } else if (year !== null) {
      // A focus area is drawn as the union of its members' outlines in that year.
      const focus = focusAreaMembers(ctx.db).filter((f) => !input.areaCodes || input.areaCodes.includes(f.code));
      const allMembers = [...new Set(focus.flatMap((f) => f.members))];
      const outlines = new Map(listBoundaries(ctx.db, { year, codes: allMembers }).map((b) => [b.code, b]));
      for (const fa of focus) {
        const have = fa.members.filter((m) => outlines.has(m));
        const outline = outlineOf(have.map((m) => outlines.get(m)!.geometry));
        if (!outline) {
          withoutBoundary.push({ code: fa.code, name: fa.name });
          continue;
        }
        features.push({
          code: fa.code,
          name: fa.name,
          kind: 'focus_area',
          inStore: true,
          geometry: outline.geometry,
          bbox: outline.bbox,
          members: fa.members,
          membersWithoutBoundary: fa.members.filter((m) => !outlines.has(m)),
        });
      }
    }
    const figures = input.indicatorCode ? figuresForAreas(ctx.db, input.indicatorCode, features.map((f) => f.code), input.period) : [];
    return { year, years, kind: input.kind, features, bbox: unionBBox(features.map((f) => f.bbox)), withoutBoundary, figures };
  },
};
