import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CompareResult } from '../../../shared/contract/compare';
import { makeKwbYears } from '../../fixtures/make-kwb-years';
import { freshServices } from '../../helpers/services';
import { importFile } from './helpers';

async function ok<T>(s: ReturnType<typeof freshServices>, name: string, input: unknown): Promise<T> {
  const env = await s.call(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
  return env.value as T;
}

describe('a view saved with "latest" shows the newer figures after the next import, and says which period', () => {
  const s = freshServices();
  afterAll(() => s.close());
  it('2023, then 2024 after importing it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-latest-'));
    const years = makeKwbYears(dir);
    for (const y of years.filter((x) => x.year !== '2024')) await importFile(s, y.file, y.year);
    await ok(s, 'views.save', { name: 'Overvecht', state: { areas: ['NPLV15'], indicators: ['a_inw'], period: 'latest', references: ['municipality'] } });
    const run = async () => {
      const view = await ok<{ state: Record<string, unknown> }>(s, 'views.get', { name: 'Overvecht' });
      return ok<CompareResult>(s, 'compare.run', view.state);
    };
    const before = await run();
    expect(before.indicators[0]?.period).toBe('2023');
    expect(before.rows.map((r) => [r.areaCode, r.cells[0]?.value, r.cells[0]?.period])).toEqual([['GM0344', 368000, '2023'], ['NPLV15', 34500, '2023']]);
    await importFile(s, (years.find((x) => x.year === '2024') as { file: string }).file, '2024');
    const after = await run();
    expect(after.indicators[0]?.period).toBe('2024');
    expect(after.rows.map((r) => [r.areaCode, r.cells[0]?.value])).toEqual([['GM0344', 374000], ['NPLV15', 35000]]);
  });
});

describe('upward aggregation where a level has no figure of its own', () => {
  const s = freshServices();
  afterAll(() => s.close());
  it('a district from its neighbourhoods; the municipality only where it has no figure; an imported figure wins', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-upward-'));
    for (const y of makeKwbYears(dir).filter((x) => x.year === '2024')) await importFile(s, y.file, y.year);
    // households only for the two Overvecht neighbourhoods and, separately, for the municipality
    const file = path.join(dir, 'huishoudens-2024.csv');
    writeFileSync(file, 'gwb_code;regio;a_hh\nBU03440301;Overvecht-Noord;8000\nBU03440302;Overvecht-Zuid;6500\nGM0344;Utrecht;180000\n');
    await importFile(s, file, '2024');
    const r = await ok<CompareResult>(s, 'compare.run', { areas: ['WK034403', 'WK034401', 'GM0344'], indicators: ['a_hh', 'a_inw'], period: '2024' });
    const cell = (area: string, ind: string) => r.rows.find((x) => x.areaCode === area)?.cells.find((c) => c.indicatorCode === ind);
    expect(cell('WK034403', 'a_hh')).toMatchObject({ value: 14500, aggregated: true, members: ['BU03440301', 'BU03440302'], coverage: 1 });
    expect(cell('WK034401', 'a_hh')).toMatchObject({ value: null, missingReason: 'geen cijfer voor 2024' }); // no neighbourhoods in this store
    expect(cell('GM0344', 'a_hh')).toMatchObject({ value: 180000, aggregated: false, importedVsAggregate: null });
    // a_inw: the district's own figure wins over its neighbourhoods' sum, and the difference is shown
    expect(cell('WK034403', 'a_inw')).toMatchObject({ value: 35000, aggregated: false, importedVsAggregate: { imported: 35000, aggregate: 35000, difference: 0 } });
  });
});
