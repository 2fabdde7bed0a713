import type { Envelope } from '../../shared/contract/envelope';
import type { CliIO } from './command';
import { EXIT } from './command';

/** camelCase keys to snake_case, deeply: the CLI's JSON is for scripts in any language. */
export function toSnake(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toSnake);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), toSnake(v)]),
    );
  }
  return value;
}

export function printJson(io: CliIO, value: unknown): void {
  io.out(`${JSON.stringify(toSnake(value), null, 2)}\n`);
}

/** A plain aligned table for people; numbers right-aligned. */
export function printTable(io: CliIO, headers: string[], rows: (string | number | null)[][]): void {
  const cells = rows.map((r) => r.map((c) => (c === null ? '' : String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number'));
  const line = (r: string[]): string => r.map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  io.out(`${line(headers)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const r of cells) io.out(`${line(r)}\n`);
}

/** Unwrap an envelope, or print its error (with details and where) and give the exit code. */
export function unwrap<T>(io: CliIO, env: Envelope): { ok: true; value: T } | { ok: false; code: number } {
  if (env.ok) return { ok: true, value: env.value as T };
  const { code, message, where, details } = env.error;
  const at = where ? ` (${[where.file, where.sheet && `blad ${where.sheet}`, where.cell ?? (where.row !== undefined ? `rij ${where.row}` : undefined), where.column && `kolom ${where.column}`].filter(Boolean).join(', ')})` : '';
  io.err(`error ${code}: ${message}${at}\n`);
  for (const d of details ?? []) io.err(`  - ${d}\n`);
  return { ok: false, code: code === 'INPUT_INVALID' ? EXIT.usage : EXIT.data };
}
