import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/run-cli';

const scratch = (): string => path.join(mkdtempSync(path.join(os.tmpdir(), 'wv-cli-')), 'scratch.sqlite');

describe('wijkverkenner CLI', () => {
  it('creates, migrates and seeds a new --db path, and lists 20 focus areas, 19 municipalities and NL00', async () => {
    const db = scratch();
    expect(existsSync(db)).toBe(false);
    const run = await cli('--db', db, 'areas', '--json');
    expect(run.code).toBe(0);
    expect(existsSync(db)).toBe(true);
    const areas = run.json() as { code: string; name: string; kind: string; parent_code: string | null }[];
    expect(Object.keys(areas[0] ?? {})).toEqual(['code', 'name', 'kind', 'parent_code']);
    expect(areas.filter((a) => a.kind === 'focus_area')).toHaveLength(20);
    expect(areas.filter((a) => a.kind === 'municipality')).toHaveLength(19);
    expect(areas.filter((a) => a.kind === 'country').map((a) => a.code)).toEqual(['NL00']);
    expect(areas.find((a) => a.name === 'Utrecht Overvecht')).toEqual({ code: 'NPLV15', name: 'Utrecht Overvecht', kind: 'focus_area', parent_code: 'GM0344' });
  });

  it('reads WIJKVERKENNER_DB when --db is not given', async () => {
    const db = scratch();
    process.env.WIJKVERKENNER_DB = db;
    try {
      expect((await cli('areas', '--kind', 'country', '--json')).json()).toEqual([{ code: 'NL00', name: 'Nederland', kind: 'country', parent_code: null }]);
      expect(existsSync(db)).toBe(true);
    } finally {
      delete process.env.WIJKVERKENNER_DB;
    }
  });

  it('prints the programme figures with snake_case keys, qualifier, range and source', async () => {
    const run = await cli('--db', scratch(), 'observations', '--area', 'NPLV', '--json');
    expect(run.code).toBe(0);
    const rows = run.json() as Record<string, unknown>[];
    const dwellings = rows.find((r) => r.indicator_code === 'nplv_woningen_voorbereiding');
    expect(dwellings).toMatchObject({ area_code: 'NPLV', period: '2024', value: 15000, low: null, high: null, qualifier: 'about', sign: null });
    expect(dwellings?.source).toMatchObject({ title: expect.stringContaining('Kamerstuk 30 995 nr. 104'), file: null, cell: null });
    expect(rows.find((r) => r.indicator_code === 'nplv_huishoudens_energiebesparing')).toMatchObject({ value: null, low: 30000, high: 40000 });
    for (const key of ['area_code', 'indicator_code', 'period', 'value', 'low', 'high', 'qualifier', 'sign', 'source']) expect(Object.keys(rows[0] ?? {})).toContain(key);
  });

  it('lists indicators as a table for people', async () => {
    const run = await cli('--db', scratch(), 'indicators');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^code\s+naam\s+thema\s+eenheid\s+aggregatie$/);
    expect(run.stdout).toContain('nplv_spuk_kansrijke_wijk');
  });

  it('exits 2 on usage errors, with the message on stderr and nothing on stdout', async () => {
    const db = scratch();
    for (const argv of [['areas', '--kind', 'stadsdeel'], ['observations'], ['frobnicate'], ['areas', '--bogus'], ['--db']]) {
      const run = await cli('--db', db, ...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stdout, argv.join(' ')).toBe('');
      expect(run.stderr.length, argv.join(' ')).toBeGreaterThan(0);
    }
    expect((await cli()).code).toBe(2);
  });

  it('exits 1 on a data error (unknown area)', async () => {
    const run = await cli('--db', scratch(), 'observations', '--area', 'Atlantis', '--json');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('error NOT_FOUND: No area with code or name "Atlantis".\n');
  });

  it('exits 1 with a clear message when the store cannot be opened', async () => {
    const run = await cli('--db', path.join(os.tmpdir()), 'areas');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error STORE_CORRUPT: /);
  });
});
