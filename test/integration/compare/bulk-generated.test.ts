import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Services } from '../../../main/app/services';
import type { CompareResult } from '../../../shared/contract/compare';
import { MemoryCompareData } from '../../../shared/domain/compare/memory-data';
import catalogue from '../../../resources/indicators/kwb-catalogue.json';
import { freshServices } from '../../helpers/services';

/**
 * The bulk path (memberDetail: false) against the member-by-member path on a generated store with
 * many members per focus area (so the source line names ten and counts the rest), every CBS sign a
 * member can carry ('.', 'x', '-', '*'), a second current figure for some members (the later one
 * counts), counts, weighted means, an indicator that does not aggregate, two periods and their
 * delta, and several coverage thresholds. Figures are written straight into the store, shaped as an
 * import writes them (source after source, each with its rowid range and period), as the bench does.
 */
let s: Services;
let noneCode: string;
const N_NBH = 40;

beforeAll(() => {
  s = freshServices();
  const db = s.ctx.db;
  const now = new Date().toISOString();
  // the KWB indicators as the catalogue defines them (an import adds them so)
  const insInd = db.prepare(`INSERT OR IGNORE INTO indicator (code, name, theme, unit, aggregation, weight_indicator_code, direction, default_source)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'generated')`);
  for (const i of catalogue.indicators as { code: string; name: string; theme: string; unit: string; aggregation: string; weight: string | null; direction: string }[]) {
    insInd.run(i.code, i.name, i.theme, i.unit, i.aggregation, i.weight, i.direction);
  }
  noneCode = db.prepare("SELECT code FROM indicator WHERE aggregation = 'none' AND default_source = 'generated' ORDER BY code LIMIT 1").pluck().get() as string;
  const codes = ['a_inw', 'a_woning', 'p_koopw', noneCode];
  const ind = new Map(codes.map((c) => [c, db.prepare('SELECT id FROM indicator WHERE code = ?').pluck().get(c) as number]));
  const nl = db.prepare("SELECT id FROM area WHERE code = 'NL00'").pluck().get() as number;
  const src0 = Number(db.prepare("INSERT INTO source (kind, title, imported_at) VALUES ('document', 'generated areas', ?)").run(now).lastInsertRowid);
  const insArea = db.prepare('INSERT INTO area (code, name, kind, parent_id, source_id, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const gm = Number(insArea.run('GM9901', 'Gemeente 9901', 'municipality', nl, src0, now).lastInsertRowid);
  const nbh: { id: number; code: string }[] = [];
  for (let b = 0; b < N_NBH; b++) {
    const code = `BU990100${String(b).padStart(2, '0')}`;
    nbh.push({ id: Number(insArea.run(code, `Buurt ${b}`, 'neighbourhood', gm, src0, now).lastInsertRowid), code });
  }
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const ins = db.prepare(`INSERT INTO observation (area_id, indicator_id, period, year_start, year_end, value, sign, raw, source_id, cell)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const source = (title: string, period: string, write: (src: number) => void) => {
    const src = Number(db.prepare("INSERT INTO source (kind, title, file_name, sheet, imported_at) VALUES ('file', ?, ?, 'kwb', ?)").run(title, title, now).lastInsertRowid);
    const first = (db.prepare('SELECT coalesce(max(id), 0) + 1 FROM observation').pluck().get() as number);
    write(src);
    const last = db.prepare('SELECT max(id) FROM observation').pluck().get() as number;
    db.prepare('UPDATE source SET first_observation_id = ?, last_observation_id = ?, observations_written = ? WHERE id = ?').run(first, last, last - first + 1, src);
    db.prepare('INSERT INTO source_period (source_id, period, year_start, year_end) VALUES (?, ?, ?, ?)').run(src, period, Number(period), Number(period));
  };
  db.transaction(() => {
    for (const period of ['2023', '2024']) {
      const y = Number(period);
      source(`kwb-gen-${period}.xlsx`, period, (src) => nbh.forEach((a, row) => codes.forEach((c, col) => {
        const r = rnd();
        let value: number | null = c === 'p_koopw' ? Math.round(rnd() * 1000) / 10 : Math.round(rnd() * 3000) + 1;
        let sign: string | null = null;
        if (r < 0.06) { value = null; sign = 'unknown'; }
        else if (r < 0.09) { value = null; sign = 'secret'; }
        else if (r < 0.12) { value = null; sign = 'nil'; }
        else if (r < 0.15) sign = 'provisional';
        const raw = sign === 'unknown' ? '.' : sign === 'secret' ? 'x' : sign === 'nil' ? '-' : `${value}${sign ? '*' : ''}`;
        ins.run(a.id, ind.get(c), period, y, y, value, sign, raw, src, `${String.fromCharCode(71 + col)}${row + 2}`);
      })));
    }
    // a second file for 2024 holding a few of the same figures again: the later one counts
    source('kwb-gen-2024-correctie.xlsx', '2024', (src) => nbh.slice(0, 8).forEach((a, row) => {
      ins.run(a.id, ind.get('a_woning'), '2024', 2024, 2024, 100 + row, null, String(100 + row), src, `C${row + 2}`);
      ins.run(a.id, ind.get('p_koopw'), '2024', 2024, 2024, 12.5 + row, null, String(12.5 + row), src, `D${row + 2}`);
    }));
  })();
});
afterAll(() => s.close());

async function ok<T>(name: string, input: unknown): Promise<T> {
  const env = await s.call(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
  return env.value as T;
}
const withoutDetail = (r: CompareResult) => ({ ...r, rows: r.rows.map((row) => ({ ...row, cells: row.cells.map((c) => ({ ...c, memberDetail: null })) })) });
function setComposition(members: Record<string, string[]>): void {
  const db = s.ctx.db;
  const idOf = db.prepare('SELECT id FROM area WHERE code = ?').pluck();
  const ins = db.prepare("INSERT INTO area_member (focus_area_id, member_id, status) VALUES (?, ?, 'confirmed')");
  db.transaction(() => {
    db.exec('DELETE FROM area_member');
    for (const [focus, codes] of Object.entries(members)) for (const c of codes) ins.run(idOf.get(focus), idOf.get(c));
  })();
}
const nbhCodes = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => `BU990100${String(from + k).padStart(2, '0')}`);

describe('bulk aggregation on a generated store equals the member-by-member path', () => {
  for (const minCoverage of [1, 0.8, 0.5]) {
    it(`24 + 16 members, '.', 'x', '-', '*', a later second figure, delta 2024 − 2023, threshold ${minCoverage}`, async () => {
      // written as the bench writes them (composition.set holds members to the focus area's municipality)
      setComposition({ NPLV01: nbhCodes(0, 24), NPLV02: nbhCodes(24, 40) });
      const input = { areas: 'focus', indicators: ['a_inw', 'a_woning', 'p_koopw', noneCode], period: '2024', compareTo: '2023', references: ['total'], minCoverage };
      const spy = vi.spyOn(MemoryCompareData.prototype, 'memberValues');
      try {
        const detailed = await ok<CompareResult>('compare.run', { ...input, memberDetail: true });
        const bulk = await ok<CompareResult>('compare.run', { ...input, memberDetail: false });
        expect(spy.mock.results.some((r) => r.value !== undefined)).toBe(true);
        expect(bulk).toEqual(withoutDetail(detailed));
        const cells = bulk.rows.filter((r) => r.areaCode === 'NPLV01' || r.areaCode === 'NPLV02').flatMap((r) => r.cells);
        const valued = cells.filter((c) => c.value !== null);
        if (minCoverage < 1) {
          expect(valued.length).toBeGreaterThan(0);
          expect(valued.some((c) => c.source?.includes('andere leden') && /cel [A-Z]+\d+/.test(c.source))).toBe(true);
          expect(valued.some((c) => c.delta !== null)).toBe(true);
        }
        // below the threshold: no figure, with the coverage as the reason
        if (minCoverage > 0.5) expect(cells.some((c) => c.value === null && c.missingReason?.startsWith('dekking'))).toBe(true);
        expect(cells.find((c) => c.indicatorCode === noneCode)?.missingReason).toMatch(/niet op te tellen/);
      } finally {
        spy.mockRestore();
      }
    });
  }
});
