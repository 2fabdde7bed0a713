import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../main/store/open-store';
import { compositionHistory, compositionSummaries, focusAreaIdOf, listCompositionMembers } from '../../../main/store/queries/composition';
import compositionSeed from '../../../resources/seed/compositions.json';

describe('the shipped composition proposals', () => {
  it('ships 86 members for 19 focus areas as proposals with evidence, and none for Tilburg Noordwest', () => {
    const { db } = openStore(':memory:');
    const members = listCompositionMembers(db, null);
    expect(members).toHaveLength(86);
    expect(members.every((m) => m.status === 'proposal')).toBe(true);
    expect(members.every((m) => m.source?.startsWith('http'))).toBe(true);
    expect(members.every((m) => (m.quote ?? '').length > 0)).toBe(true);
    const summaries = compositionSummaries(db, null, members);
    expect(summaries).toHaveLength(20);
    expect(summaries.filter((s) => s.status === 'proposal')).toHaveLength(19);
    expect(summaries.find((s) => s.focusAreaCode === 'NPLV07')).toMatchObject({ focusAreaName: 'Tilburg Noordwest', status: 'unknown', members: 0, population: null });
    // Utrecht Overvecht is CBS district WK034403, created under Utrecht with its CBS name
    const overvecht = members.filter((m) => m.focusAreaCode === 'NPLV15');
    expect(overvecht.map((m) => [m.memberCode, m.memberName, m.memberKind, m.codeYear])).toEqual([['WK034403', 'Wijk 03 Overvecht', 'district', 2019]]);
    expect(db.prepare("SELECT p.code FROM area a JOIN area p ON p.id = a.parent_id WHERE a.code = 'WK034403'").pluck().get()).toBe('GM0344');
    // Roosendaal's members are neighbourhoods
    expect(new Set(members.filter((m) => m.focusAreaCode === 'NPLV20').map((m) => m.memberKind))).toEqual(new Set(['neighbourhood']));
    // the seed's JSON matches the shared CSV's row count per area (Leeuwarden-Oost 5 wijken, Groningen Noord 10)
    const count = (code: string) => compositionSeed.focusAreas.find((f) => f.code === code)?.members.length;
    expect([count('NPLV01'), count('NPLV02'), count('NPLV07')]).toEqual([5, 10, 0]);
    // history: one 'seed' change per focus area with members
    const history = compositionHistory(db, focusAreaIdOf(db, 'NPLV15') as number);
    expect(history.map((h) => [h.action, h.members])).toEqual([['seed', [{ code: 'WK034403', status: 'proposal' }]]]);
  });

  it('is idempotent, reaches existing stores, and leaves focus areas that already have members alone', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wv-seedc-')), 'store.sqlite');
    const first = openStore(file);
    expect(listCompositionMembers(first.db, null)).toHaveLength(86);
    first.db.close();
    const again = openStore(file);
    expect(listCompositionMembers(again.db, null)).toHaveLength(86);
    expect(again.db.prepare('SELECT count(*) FROM area_member_change').pluck().get()).toBe(19);
    // an existing store from before the proposals: no members, no marker; the analyst already set Overvecht
    again.db.exec("DELETE FROM area_member; DELETE FROM area_member_change; DELETE FROM app_meta WHERE key = 'composition_seed_version'");
    const f15 = focusAreaIdOf(again.db, 'NPLV15') as number;
    const wk = again.db.prepare("SELECT id FROM area WHERE code = 'WK034403'").pluck().get() as number;
    again.db.prepare("INSERT INTO area_member (focus_area_id, member_id, status) VALUES (?, ?, 'confirmed')").run(f15, wk);
    again.db.close();
    const existing = openStore(file);
    const members = listCompositionMembers(existing.db, null);
    expect(members).toHaveLength(86);
    expect(members.filter((m) => m.focusAreaCode === 'NPLV15').map((m) => [m.memberCode, m.status])).toEqual([['WK034403', 'confirmed']]);
    expect(existing.db.prepare("SELECT count(*) FROM area WHERE code LIKE 'WK%' OR code LIKE 'BU%'").pluck().get()).toBe(86);
    existing.db.close();
  });
});
