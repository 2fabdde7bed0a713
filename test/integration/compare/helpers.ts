import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Services } from '../../../main/app/services';
import { makeKwbYears } from '../../fixtures/make-kwb-years';
import { freshServices } from '../../helpers/services';

/** Import a file through the real import (as a job, inline), creating its CBS areas. */
export async function importFile(s: Services, filePath: string, period?: string): Promise<void> {
  const env = await s.call('import.commit', { filePath, mapping: 'none', ...(period ? { period } : {}), choices: { measures: [], areas: { newAreas: 'create', fuzzy: 'ask', choices: [], remember: true } } });
  expect(env.ok).toBe(true);
  if (!env.ok) return;
  const status = await s.ctx.jobs.wait((env.value as { jobId: string }).jobId);
  expect(status.state, JSON.stringify(status.error)).toBe('done');
  expect((status.result as { committed: boolean }).committed).toBe(true);
}

/** Services on a fresh store holding the three generated KWB years (2022–2024). */
export async function servicesWithYears(): Promise<Services & { dir: string }> {
  const s = freshServices();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-kwb-years-'));
  for (const { year, file } of makeKwbYears(dir)) await importFile(s, file, year);
  return s;
}
