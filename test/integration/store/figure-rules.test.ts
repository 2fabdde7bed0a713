import { describe, expect, it } from 'vitest';
import { openStore } from '../../../main/store/open-store';
import { figureRuleBroken } from '../../../main/store/queries/figure-rules';
import { Qualifier, Sign } from '../../../shared/contract/model';

/**
 * A bulk load switches SQLite's CHECKs off and relies on the writer's figure rules: the two must
 * give the same verdict on every figure. Every combination of the fields the CHECKs read, including
 * unknown signs and qualifiers, NaN (which SQLite stores as NULL), reversed ranges and periods.
 */
describe('the figure rules and the CHECKs of observation', () => {
  it('accept and refuse exactly the same figures', () => {
    const { db } = openStore(':memory:');
    const source = Number(db.prepare("INSERT INTO source (kind, title, imported_at) VALUES ('file', 'rules.csv', 'now')").run().lastInsertRowid);
    const area = db.prepare("SELECT id FROM area WHERE code = 'NPLV01'").pluck().get() as number;
    const indicator = db.prepare('SELECT id FROM indicator LIMIT 1').pluck().get() as number;
    const insert = db.prepare(
      `INSERT INTO observation (area_id, indicator_id, period, year_start, year_end, value, low, high, qualifier, sign, raw, cell, source_id)
       VALUES (?, ?, 'p', ?, ?, ?, ?, ?, ?, ?, 'raw', 'A1', ?)`,
    );
    const nums = [null, 5, Number.NaN];
    const bounds = [null, 1, 9, Number.NaN];
    const qualifiers = [null, ...Qualifier.options, 'roughly'];
    const signs = [null, ...Sign.options, 'bogus', ''];
    const years: [number, number][] = [[2024, 2024], [2023, 2025], [2025, 2023]];
    let accepted = 0;
    let refused = 0;
    const disagreements: string[] = [];
    db.exec('BEGIN');
    try {
      for (const value of nums)
        for (const low of bounds)
          for (const high of bounds)
            for (const qualifier of qualifiers)
              for (const sign of signs)
                for (const [start, end] of years) {
                  let sqlite: boolean;
                  try {
                    insert.run(area, indicator, start, end, value, low, high, qualifier, sign, source);
                    sqlite = true;
                  } catch (err) {
                    if (!/CHECK constraint failed/.test((err as Error).message)) throw err;
                    sqlite = false;
                  }
                  const rules = figureRuleBroken(start, end, value, low, high, qualifier, sign) === null;
                  if (rules !== sqlite) disagreements.push(JSON.stringify({ value, low, high, qualifier, sign, start, end, sqlite }));
                  if (sqlite) accepted++;
                  else refused++;
                }
    } finally {
      db.exec('ROLLBACK');
    }
    expect(disagreements).toEqual([]);
    // Both verdicts were exercised, many times.
    expect(accepted).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(1000);
    db.close();
  });

  it('say what is wrong in words an analyst can pass on', () => {
    expect(figureRuleBroken(2024, 2024, null, null, null, null, 'bogus')).toBe('"bogus" is not a CBS sign the store knows');
    expect(figureRuleBroken(2024, 2024, 1, null, null, 'roughly', null)).toBe('"roughly" is not a qualifier the store knows');
    expect(figureRuleBroken(2025, 2023, 1, null, null, null, null)).toBe('its period ends (2023) before it starts (2025)');
    expect(figureRuleBroken(2024, 2024, null, null, null, null, null)).toBe('it has no value, no range and no CBS sign');
    expect(figureRuleBroken(2024, 2024, null, 9, 3, null, null)).toBe('its range runs backwards (9 to 3)');
    expect(figureRuleBroken(2024, 2024, null, 3, 9, 'about', null)).toBeNull();
    expect(figureRuleBroken(2024, 2024, null, null, null, null, 'unknown')).toBeNull();
  });
});
