import { readFileSync } from 'node:fs';
import { AppError } from '../../../../shared/errors';
import type { CliIO } from '../../command';
import { formatInteger, formatMillions } from '../../../../shared/domain/format/number';

/** Read a definition from a JSON file ('-' reads standard input). */
export function readDefinitionFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw new AppError('FILE_UNREADABLE', `Cannot read ${file}: ${(err as Error).message}`, { file });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError('SCENARIO_INVALID', `${file} is not valid JSON: ${(err as Error).message}`, { file });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new AppError('SCENARIO_INVALID', `${file} must hold one scenario definition (a JSON object)`, { file });
  }
  return value as Record<string, unknown>;
}

/** A definition as it is written to a file: camelCase keys, exactly the schema (no snake_case). */
export function printDefinition(io: CliIO, def: unknown): void {
  io.out(`${JSON.stringify(def, null, 2)}\n`);
}

/** Euro as millions with two decimals, Dutch ("85,33"); '.' for unknown, as in CBS tables. */
export const mln = (x: number | null | undefined): string => (x === null || x === undefined ? '.' : formatMillions(x, 2));
export const count = (x: number | null | undefined): string => (x === null || x === undefined || Number.isNaN(x) ? '.' : formatInteger(x));

/** A table for people with Dutch-formatted numbers: columns flagged numeric are right-aligned. */
export function printNlTable(io: CliIO, headers: string[], rows: string[][], numeric: (i: number) => boolean): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (r: string[]): string => r.map((c, i) => (numeric(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  io.out(`${line(headers)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const r of rows) io.out(`${line(r)}\n`);
}
