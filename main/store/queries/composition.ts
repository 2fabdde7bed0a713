import type { Store } from '../store-types';
import type { CompositionChange, CompositionMember, CompositionSummary } from '../../../shared/contract/compare';
import type { AreaKind } from '../../../shared/contract/model';

/**
 * Focus-area compositions (area_member) and their history (area_member_change, migration 0007).
 * A membership is a proposal ("te bevestigen") until the analyst confirms it; every change records
 * the member list after it.
 */

type Status = 'proposal' | 'confirmed';

interface MemberRow {
  focus_code: string;
  focus_name: string;
  member_id: number;
  member_code: string;
  member_name: string;
  member_kind: AreaKind;
  status: Status;
  evidence_url: string | null;
  quote: string | null;
  code_year: number | null;
  source_file: string | null;
  source_title: string | null;
}

export interface LatestFigure {
  value: number;
  period: string;
}

/** The latest current figure (with a value) of each area for one indicator, found area first. */
export function latestValues(db: Store, areaIds: readonly number[], indicatorCode: string): Map<number, LatestFigure> {
  const out = new Map<number, LatestFigure>();
  if (areaIds.length === 0) return out;
  const rows = db.prepare(
    `SELECT o.area_id, o.value, o.period
     FROM observation o
     WHERE o.area_id IN (SELECT value FROM json_each(?)) AND o.indicator_id = (SELECT id FROM indicator WHERE code = ?)
       AND o.superseded_by IS NULL AND o.breakdown IS NULL AND o.value IS NOT NULL
     ORDER BY o.area_id, o.year_end DESC, o.year_start DESC`,
  ).all(JSON.stringify(areaIds), indicatorCode) as { area_id: number; value: number; period: string }[];
  for (const r of rows) if (!out.has(r.area_id)) out.set(r.area_id, { value: r.value, period: r.period });
  return out;
}

export function focusAreaIdOf(db: Store, code: string): number | undefined {
  return db.prepare("SELECT id FROM area WHERE code = ? AND kind = 'focus_area'").pluck().get(code) as number | undefined;
}

export function listCompositionMembers(db: Store, focusAreaId: number | null): CompositionMember[] {
  const rows = db.prepare(
    `SELECT f.code AS focus_code, f.name AS focus_name, m.id AS member_id, m.code AS member_code, m.name AS member_name,
            m.kind AS member_kind, am.status, am.evidence_url, am.quote, am.code_year,
            s.file_name AS source_file, s.title AS source_title
     FROM area_member am
     JOIN area f ON f.id = am.focus_area_id
     JOIN area m ON m.id = am.member_id
     LEFT JOIN source s ON s.id = am.source_id
     WHERE (@focus IS NULL OR am.focus_area_id = @focus)
     ORDER BY f.code, m.code`,
  ).all({ focus: focusAreaId }) as MemberRow[];
  const population = latestValues(db, [...new Set(rows.map((r) => r.member_id))], 'a_inw');
  return rows.map((r) => ({
    focusAreaCode: r.focus_code,
    focusAreaName: r.focus_name,
    memberCode: r.member_code,
    memberName: r.member_name,
    memberKind: r.member_kind,
    status: r.status,
    source: r.evidence_url ?? r.source_file ?? r.source_title,
    quote: r.quote,
    codeYear: r.code_year,
    population: population.get(r.member_id)?.value ?? null,
    populationPeriod: population.get(r.member_id)?.period ?? null,
  }));
}

export function compositionSummaries(db: Store, focusAreaId: number | null, members: readonly CompositionMember[]): CompositionSummary[] {
  const areas = db.prepare(
    `SELECT f.code, f.name, p.code AS parent_code, p.name AS parent_name
     FROM area f LEFT JOIN area p ON p.id = f.parent_id
     WHERE f.kind = 'focus_area' AND (@focus IS NULL OR f.id = @focus) ORDER BY f.code`,
  ).all({ focus: focusAreaId }) as { code: string; name: string; parent_code: string | null; parent_name: string | null }[];
  return areas.map((a) => {
    const own = members.filter((m) => m.focusAreaCode === a.code);
    const proposals = own.filter((m) => m.status === 'proposal').length;
    return {
      focusAreaCode: a.code,
      focusAreaName: a.name,
      municipalityCode: a.parent_code,
      municipalityName: a.parent_name,
      status: own.length === 0 ? 'unknown' : proposals > 0 ? 'proposal' : 'confirmed',
      members: own.length,
      proposals,
      population: own.length > 0 && own.every((m) => m.population !== null) ? own.reduce((s, m) => s + (m.population as number), 0) : null,
    };
  });
}

/** The member list of a focus area now, as history records it. */
function currentMembers(db: Store, focusAreaId: number): { code: string; status: Status }[] {
  return db.prepare(
    'SELECT m.code, am.status FROM area_member am JOIN area m ON m.id = am.member_id WHERE am.focus_area_id = ? ORDER BY m.code',
  ).all(focusAreaId) as { code: string; status: Status }[];
}

export function recordCompositionChange(db: Store, focusAreaId: number, action: CompositionChange['action'], at = new Date().toISOString()): void {
  db.prepare('INSERT INTO area_member_change (focus_area_id, at, action, members_json) VALUES (?, ?, ?, ?)')
    .run(focusAreaId, at, action, JSON.stringify(currentMembers(db, focusAreaId)));
}

export function compositionHistory(db: Store, focusAreaId: number): CompositionChange[] {
  const rows = db.prepare(
    `SELECT c.id, f.code, c.at, c.action, c.members_json FROM area_member_change c JOIN area f ON f.id = c.focus_area_id
     WHERE c.focus_area_id = ? ORDER BY c.id`,
  ).all(focusAreaId) as { id: number; code: string; at: string; action: CompositionChange['action']; members_json: string }[];
  return rows.map((r) => ({ id: r.id, focusAreaCode: r.code, at: r.at, action: r.action, members: JSON.parse(r.members_json) as CompositionChange['members'] }));
}

/** The analyst's own choice: confirmed, with no evidence beyond that. */
export function addMembers(db: Store, focusAreaId: number, memberIds: readonly number[]): void {
  const stmt = db.prepare(
    `INSERT INTO area_member (focus_area_id, member_id, status) VALUES (?, ?, 'confirmed')
     ON CONFLICT (focus_area_id, member_id) DO UPDATE SET status = 'confirmed'`,
  );
  for (const id of memberIds) stmt.run(focusAreaId, id);
}

export function removeMembers(db: Store, focusAreaId: number, memberIds: readonly number[]): number {
  const stmt = db.prepare('DELETE FROM area_member WHERE focus_area_id = ? AND member_id = ?');
  let n = 0;
  for (const id of memberIds) n += stmt.run(focusAreaId, id).changes;
  return n;
}

/** Replaces the members: those kept keep their evidence; all become confirmed. */
export function replaceMembers(db: Store, focusAreaId: number, memberIds: readonly number[]): void {
  db.prepare('DELETE FROM area_member WHERE focus_area_id = ? AND member_id NOT IN (SELECT value FROM json_each(?))')
    .run(focusAreaId, JSON.stringify(memberIds));
  addMembers(db, focusAreaId, memberIds);
}

export function confirmMembers(db: Store, focusAreaId: number, memberIds: readonly number[] | null): number {
  if (memberIds === null) return db.prepare("UPDATE area_member SET status = 'confirmed' WHERE focus_area_id = ? AND status = 'proposal'").run(focusAreaId).changes;
  const stmt = db.prepare("UPDATE area_member SET status = 'confirmed' WHERE focus_area_id = ? AND member_id = ?");
  let n = 0;
  for (const id of memberIds) n += stmt.run(focusAreaId, id).changes;
  return n;
}

/** Member ids of a focus area (for checks before a change). */
export function memberIdsOf(db: Store, focusAreaId: number): number[] {
  return db.prepare('SELECT member_id FROM area_member WHERE focus_area_id = ?').pluck().all(focusAreaId) as number[];
}
