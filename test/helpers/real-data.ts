import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Repository root (this file is test/helpers/real-data.ts; bundled into dist/bench/bench.cjs for
 * the compare bench's browser step, where `__dirname` is dist/bench: two levels up either way).
 */
const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');

/**
 * The real CBS and municipal spreadsheets live beside the clone in ../shared/data/real (never copied
 * into the project). Where that folder is absent, tests that need it skip and say why.
 */
export const realDataDir = process.env.WV_REAL_DATA ?? path.resolve(repoRoot, '../shared/data/real');
export const nplvDataDir = path.resolve(realDataDir, '../nplv');
export const hasRealData = existsSync(realDataDir);
export const realDataSkipReason = `real spreadsheets not found at ${realDataDir} (they sit beside the clone in ../shared/data/real); fixture tests still cover the logic`;

export function realFile(name: string): string {
  return path.join(realDataDir, name);
}

if (!hasRealData) {
  // Printed once per test file that imports this helper, so a skipped run is never silent.
  console.warn(`[skip] ${realDataSkipReason}`);
}
