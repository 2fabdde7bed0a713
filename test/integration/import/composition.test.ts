import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KnownAlias, KnownArea } from '../../../shared/domain/areas/match-area';
import { hasRealData, nplvDataDir, realDataSkipReason, realFile, repoRoot } from '../../helpers/real-data';
import { freshServices } from '../../helpers/services';
import { commit } from './commit-helpers';
import { previewFile } from './preview-helpers';

/**
 * The NPLV focus-area composition proposals (../shared/data/nplv) read as a composition list, with
 * the focus areas the app ships (resources/seed/nplv.json) as the known areas and aliases.
 */
interface SeedArea {
  code: string;
  name: string;
  kind: KnownArea['kind'];
  aliases?: string[];
}

function seedFocusAreas(): { areas: KnownArea[]; aliases: KnownAlias[] } {
  const seed = JSON.parse(readFileSync(path.join(repoRoot, 'resources/seed/nplv.json'), 'utf8')) as { areas: SeedArea[] };
  const focus = seed.areas.filter((a) => a.kind === 'focus_area');
  return {
    areas: focus.map((a) => ({ code: a.code, name: a.name, kind: a.kind })),
    aliases: focus.flatMap((a) => (a.aliases ?? []).map((alias) => ({ alias, code: a.code }))),
  };
}

describe.skipIf(!hasRealData)(`composition and dictionary files (${hasRealData ? 'present' : realDataSkipReason})`, () => {
  it('focus-area-composition.csv: focus area → CBS codes, every focus area found', async () => {
    const { areas, aliases } = seedFocusAreas();
    const p = await previewFile(path.join(nplvDataDir, 'focus-area-composition.csv'), { areas, aliases });
    const v = p.preview;
    expect(v.layout).toBe('composition');
    expect(v.columns.filter((c) => c.role.startsWith('composition')).map((c) => [c.column, c.role])).toEqual([
      ['A', 'composition: focus'],
      ['D', 'composition: memberCode'],
      ['E', 'composition: memberName'],
      ['F', 'composition: codeYear'],
      ['G', 'composition: evidence'],
      ['I', 'composition: status'],
    ]);
    expect(v.composition?.total).toBe(86);
    expect(v.composition?.focusAreas).toHaveLength(19);
    expect(v.composition?.focusAreas.every((f) => f.code !== null)).toBe(true);
    expect(v.composition?.focusAreas.find((f) => f.label === 'Amsterdam Nieuw-West')).toEqual({ label: 'Amsterdam Nieuw-West', code: 'NPLV12', members: 12 });
    expect(v.composition?.sample[0]).toEqual({ cell: 'D2', focusArea: 'Leeuwarden-Oost', focusAreaCode: 'NPLV01', member: 'WK008020', memberName: 'Oud-Oost', status: 'genoemd door bron' });
    expect(v.problemCounts.unknown_area).toBeUndefined();
    expect(v.problemCounts.no_period).toBeUndefined();
  });

  it('metadata .ods: unit symbols become unit codes only where they say one plainly', async () => {
    const p = await previewFile(realFile('metadata_latest_and_greatest.ods'));
    const units = new Map(p.preview.definitions?.sample.map((d) => [d.unit, d.unitCode]));
    expect(units.get('%')).toBe('percent');
    expect(units.get(null)).toBeNull();
  });
});

describe.skipIf(!hasRealData)(`composition committed (${hasRealData ? 'present' : realDataSkipReason})`, () => {
  it('focus-area-composition.csv fills area_member (proposals) over the seeded ones, its CBS member areas already in the default store', async () => {
    const s = freshServices();
    try {
      const file = path.join(nplvDataDir, 'focus-area-composition.csv');
      // The default store ships these proposals (seed source) with their member areas and parents.
      const seeded = s.ctx.db.prepare("SELECT count(*) FROM area_member am JOIN source src ON src.id = am.source_id WHERE src.kind = 'seed' AND am.status = 'proposal'").pluck().get();
      expect(seeded).toBe(86);
      expect(s.ctx.db.prepare("SELECT m.kind, p.code AS parent FROM area m JOIN area p ON p.id = m.parent_id WHERE m.code = 'WK008020'").get()).toEqual({ kind: 'district', parent: 'GM0080' });
      const areasBefore = s.ctx.db.prepare('SELECT count(*) FROM area').pluck().get();

      // Importing the file again needs no new areas: every member is matched, none created.
      const r = await commit(s, { filePath: file, choices: { areas: { newAreas: 'skip' } } });
      expect(r).toMatchObject({ committed: true, layout: 'composition', members: 86, observations: 0 });
      expect(s.ctx.db.prepare('SELECT count(*) FROM area').pluck().get()).toBe(areasBefore);
      const members = s.ctx.db
        .prepare(
          `SELECT f.code AS focus, m.code AS member, m.kind, am.status, am.code_year, am.evidence_url IS NOT NULL AS evidence, am.source_id
           FROM area_member am JOIN area f ON f.id = am.focus_area_id JOIN area m ON m.id = am.member_id ORDER BY f.code, m.code`,
        )
        .all() as { focus: string; member: string; kind: string; status: string; code_year: number | null; evidence: number; source_id: number }[];
      expect(members).toHaveLength(86);
      expect(members.filter((m) => m.focus === 'NPLV12')).toHaveLength(12);
      expect(members.find((m) => m.member === 'WK008020')).toMatchObject({ focus: 'NPLV01', kind: 'district', status: 'proposal', evidence: 1, source_id: r.sourceId });
      expect(new Set(members.map((m) => m.status))).toEqual(new Set(['proposal']));
      expect(s.ctx.db.prepare("SELECT name FROM area WHERE code = 'WK008020'").pluck().get()).toBe('Oud-Oost');
    } finally {
      s.close();
    }
  });
});
