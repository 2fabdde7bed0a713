import type { Services } from '../../../main/app/services';
import type { CallName, Output } from '../../../shared/contract/index';
import type { Failure } from '../../../shared/errors';

/** Call through dispatch and unwrap, failing the test with the error when the call fails. */
export async function ok<N extends CallName>(s: Services, name: N, input: unknown): Promise<Output<N>> {
  const env = await s.call(name, input);
  if (!env.ok) throw new Error(`${name} failed: ${env.error.code} ${env.error.message}\n${(env.error.details ?? []).join('\n')}`);
  return env.value as Output<N>;
}

/** Call through dispatch and expect a failure; returns the error. */
export async function fails(s: Services, name: CallName, input: unknown): Promise<Failure['error']> {
  const env = await s.call(name, input);
  if (env.ok) throw new Error(`${name} unexpectedly succeeded`);
  return env.error;
}

/**
 * Put population figures (indicator a_inw) in the store as an import would: an indicator, a file
 * source and one observation per area. Returns the source id.
 */
export function seedIndicator(s: Services, code: string, values: Record<string, number>, period = '2024', file = 'kwb-2024.xlsx'): number {
  const db = s.ctx.db;
  const t = new Date().toISOString();
  db.prepare(
    `INSERT OR IGNORE INTO indicator (code, name, theme, unit, aggregation, direction) VALUES (?, ?, 'bevolking', 'count', 'sum', 'neutral')`,
  ).run(code, code === 'a_inw' ? 'Aantal inwoners' : code);
  const sourceId = Number(
    db.prepare(`INSERT INTO source (kind, title, file_name, sha256, sheet, imported_at) VALUES ('file', ?, ?, ?, 'Blad1', ?)`).run(file, file, `${code}-${period}-${Math.random()}`, t).lastInsertRowid,
  );
  const insert = db.prepare(
    `INSERT INTO observation (area_id, indicator_id, period, year_start, year_end, value, raw, source_id, cell)
     VALUES ((SELECT id FROM area WHERE code = ?), (SELECT id FROM indicator WHERE code = ?), ?, ?, ?, ?, ?, ?, 'C2')`,
  );
  for (const [area, value] of Object.entries(values)) insert.run(area, code, period, Number(period), Number(period), value, String(value), sourceId);
  return sourceId;
}

export const FOCUS_CODES = Array.from({ length: 20 }, (_, i) => `NPLV${String(i + 1).padStart(2, '0')}`);
