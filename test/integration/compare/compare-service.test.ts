import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import type { CompareCell, CompareResult, CompositionList, SavedView } from '../../../shared/contract/compare';
import { kwbRow } from '../../fixtures/make-kwb-years';
import { servicesWithYears } from './helpers';

/** compare.run and friends through dispatch, on a store with three generated KWB years (see make-kwb-years.ts). */
let s: Services;
beforeAll(async () => {
  s = await servicesWithYears();
});
afterAll(() => s.close());

async function ok<T>(name: string, input: unknown): Promise<T> {
  const env = await s.call(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message} ${env.error.details?.join('; ') ?? ''}`);
  return env.value as T;
}
const cellOf = (r: CompareResult, area: string, ind: string): CompareCell => {
  const c = r.rows.find((x) => x.areaCode === area)?.cells.find((x) => x.indicatorCode === ind);
  if (!c) throw new Error(`no cell ${area}/${ind}`);
  return c;
};

describe('compare.run on three KWB years', () => {
  it('a focus area from its proposed member, with references, delta, source cells and the total with its spread', async () => {
    const r = await ok<CompareResult>('compare.run', { areas: ['NPLV15'], indicators: ['p_koopw', 'a_woning'], period: '2024', compareTo: '2022', references: ['municipality', 'NL', 'total'] });
    expect(r.rows.map((x) => [x.role, x.areaCode, x.compositionStatus])).toEqual([
      ['municipality', 'GM0344', null], ['total', 'NPLV', 'proposal'], ['area', 'NPLV15', 'proposal'],
    ]); // no NL row: the store has no figures for Nederland
    expect(r.rows[0]?.referenceFor).toEqual(['NPLV15']);
    const c = cellOf(r, 'NPLV15', 'p_koopw');
    expect(c).toMatchObject({ value: 30, aggregated: true, coverage: 1, members: ['WK034403'], compareValue: 28, delta: 2, period: '2024', unit: 'percent' });
    expect(c.source).toBe(`gewogen gemiddelde (gewicht a_woning) van 1 lid: WK034403 (kwb-utrecht-2024.xlsx, blad kwb-2024, cel J${kwbRow('WK034403')})`);
    expect(c.memberDetail?.[0]).toMatchObject({ code: 'WK034403', status: 'proposal', value: 30, weight: 16000, source: { file: 'kwb-utrecht-2024.xlsx', sheet: 'kwb-2024', cell: `J${kwbRow('WK034403')}` } });
    const gm = cellOf(r, 'GM0344', 'p_koopw');
    expect(gm).toMatchObject({ value: 45, aggregated: false, delta: 1, rank: null, source: 'kwb-utrecht-2024.xlsx, blad kwb-2024, cel J2' });
    const total = cellOf(r, 'NPLV', 'a_woning');
    expect(total.value).toBeNull();
    expect(total.missingReason).toBe('dekking 1 van 20 leden (5%), onder de drempel van 100%');
    expect(total.spread).toMatchObject({ n: 1, min: 16000, max: 16000, minAreaCode: 'NPLV15' });
  });

  it("'latest' shows each indicator's latest period and says which", async () => {
    const r = await ok<CompareResult>('compare.run', { areas: ['WK034401', 'Wijk 02 Noordwest'], indicators: ['a_inw'], period: 'latest' });
    expect(r.indicators[0]?.period).toBe('2024');
    expect(r.rows.map((x) => cellOf(r, x.areaCode, 'a_inw').value)).toEqual([30000, 45000]);
    expect(r.rows.map((x) => cellOf(r, x.areaCode, 'a_inw').rank)).toEqual([2, 1]);
  });

  it('answers an unknown area or indicator with a clear error', async () => {
    expect(await s.call('compare.run', { areas: ['Atlantis'], indicators: ['a_inw'] })).toMatchObject({ ok: false, error: { code: 'AREA_UNKNOWN', message: expect.stringContaining('"Atlantis"') } });
    expect(await s.call('compare.run', { areas: 'focus', indicators: ['p_nope'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('"p_nope"') } });
    expect(await s.call('compare.run', { areas: 'focus', indicators: [] })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
  });

  it('Tilburg Noordwest reads "samenstelling onbekend", never zeros', async () => {
    const r = await ok<CompareResult>('compare.run', { areas: 'focus', indicators: ['a_inw'], period: '2024' });
    expect(r.rows).toHaveLength(20);
    const c = cellOf(r, 'NPLV07', 'a_inw');
    expect(c.value).toBeNull();
    expect(c.missingReason).toBe('samenstelling onbekend');
    expect(r.rows.find((x) => x.areaCode === 'NPLV07')?.compositionStatus).toBe('unknown');
    // the other proposals' members are not in this store: no figure, with the coverage as the reason
    expect(cellOf(r, 'NPLV01', 'a_inw').missingReason).toBe('dekking 0 van 5 leden (0%), onder de drempel van 100%');
  });
});

describe('compositions through dispatch, and the aggregate following them', () => {
  it('set two districts: a weighted mean, confirmed, and no delta across WK034402’s boundary change', async () => {
    const list = await ok<CompositionList>('composition.set', { areaCode: 'Utrecht Overvecht', memberCodes: ['WK034401', 'WK034402'] });
    expect(list.members.map((m) => [m.memberCode, m.status, m.population])).toEqual([['WK034401', 'confirmed', 30000], ['WK034402', 'confirmed', 45000]]);
    expect(list.focusAreas[0]).toMatchObject({ focusAreaCode: 'NPLV15', status: 'confirmed', members: 2, population: 75000 });
    const r = await ok<CompareResult>('compare.run', { areas: ['NPLV15'], indicators: ['p_koopw', 'a_woning'], period: '2024', compareTo: '2022' });
    const c = cellOf(r, 'NPLV15', 'p_koopw');
    expect(c.value).toBeCloseTo((40 * 14000 + 50 * 20000) / 34000, 12); // 45,88…, not the plain mean 45
    expect(c.compareValue).toBeCloseTo((38 * 14000 + 45 * 20000) / 34000, 12);
    expect(c.delta).toBeNull();
    expect(c.deltaNote).toBe('afbakening van WK034402 gewijzigd in 2023 (CBS ind_wbi 3): cijfers van 2022 en 2024 niet te vergelijken');
    expect(cellOf(r, 'NPLV15', 'a_woning').value).toBe(34000);
    expect(r.rows[0]?.compositionStatus).toBe('confirmed');
    // 2023 → 2024 does not span the change: the delta is shown
    const later = await ok<CompareResult>('compare.run', { areas: ['NPLV15'], indicators: ['p_koopw'], period: '2024', compareTo: '2023' });
    expect(cellOf(later, 'NPLV15', 'p_koopw').delta).toBeCloseTo((40 * 14000 + 50 * 20000) / 34000 - (39 * 14000 + 47 * 20000) / 34000, 12);
  });

  it('neighbourhoods: a "." lowers the coverage, a "-" is zero, and the analyst may lower the threshold', async () => {
    await ok('composition.set', { areaCode: 'NPLV15', memberCodes: ['BU03440301', 'BU03440302'] });
    const strict = await ok<CompareResult>('compare.run', { areas: ['NPLV15'], indicators: ['p_koopw'], period: '2022' });
    expect(cellOf(strict, 'NPLV15', 'p_koopw')).toMatchObject({ value: null, coverage: 0.5, missingReason: 'dekking 1 van 2 leden (50%), 56,3% van het gewicht, onder de drempel van 100%' });
    const lowered = await ok<CompareResult>('compare.run', { areas: ['NPLV15'], indicators: ['p_koopw'], period: '2022', minCoverage: 0.5 });
    expect(cellOf(lowered, 'NPLV15', 'p_koopw').value).toBe(24);
    const y2024 = await ok<CompareResult>('compare.run', { areas: ['NPLV15'], indicators: ['p_koopw'], period: '2024' });
    expect(cellOf(y2024, 'NPLV15', 'p_koopw').value).toBe((25 * 9000 + 0 * 7000) / 16000); // 14,0625
  });

  it('refuses a member outside the municipality or of the wrong kind; add, remove, confirm and history', async () => {
    expect(await s.call('composition.add', { areaCode: 'NPLV15', memberCodes: ['WK008020'] })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID', message: expect.stringContaining('does not lie in Utrecht') } });
    expect(await s.call('composition.add', { areaCode: 'NPLV15', memberCodes: ['GM0344'] })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    expect(await s.call('composition.add', { areaCode: 'NPLV15', memberCodes: ['WK999999'] })).toMatchObject({ ok: false, error: { code: 'AREA_UNKNOWN' } });
    await ok('composition.add', { areaCode: 'NPLV15', memberCodes: ['WK034401'] });
    const removed = await ok<CompositionList>('composition.remove', { areaCode: 'NPLV15', memberCodes: ['BU03440302'] });
    expect(removed.members.map((m) => m.memberCode)).toEqual(['BU03440301', 'WK034401']);
    // a proposal elsewhere, confirmed one by one
    const leeuwarden = await ok<CompositionList>('composition.confirm', { areaCode: 'NPLV01', memberCodes: ['WK008020'] });
    expect(leeuwarden.members.filter((m) => m.status === 'confirmed').map((m) => m.memberCode)).toEqual(['WK008020']);
    expect(leeuwarden.focusAreas[0]).toMatchObject({ status: 'proposal', proposals: 4 });
    const all = await ok<CompositionList>('composition.confirm', { areaCode: 'NPLV01' });
    expect(all.focusAreas[0]).toMatchObject({ status: 'confirmed', proposals: 0 });
    const history = await ok<{ action: string; members: { code: string }[] }[]>('composition.history', { areaCode: 'NPLV15' });
    expect(history.map((h) => h.action)).toEqual(['seed', 'set', 'set', 'add', 'remove']);
    expect(history[1]?.members.map((m) => m.code)).toEqual(['WK034401', 'WK034402']);
  });

  it('lists compositions (all, or one area) with evidence and population', async () => {
    const all = await ok<CompositionList>('composition.list', {});
    expect(all.focusAreas).toHaveLength(20);
    expect(all.focusAreas.find((f) => f.focusAreaCode === 'NPLV07')?.status).toBe('unknown');
    const one = await ok<CompositionList>('composition.list', { areaCode: 'Leeuwarden-Oost' });
    expect(one.members).toHaveLength(5);
    expect(one.members[0]?.source).toBe('https://www.leeuwardenoost.nl/over-ons/');
  });
});

describe('areas.search and saved views', () => {
  it('finds districts and neighbourhoods of a municipality by code or name', async () => {
    const hits = await ok<{ code: string; population: number | null }[]>('areas.search', { query: 'overvecht', underCode: 'GM0344', kinds: ['district', 'neighbourhood'] });
    expect(hits.map((h) => h.code)).toEqual(['WK034403', 'BU03440301', 'BU03440302']);
    expect(hits[0]?.population).toBe(35000);
    const byCode = await ok<{ code: string }[]>('areas.search', { query: 'BU034403', kinds: ['neighbourhood'] });
    expect(byCode.map((h) => h.code)).toEqual(['BU03440301', 'BU03440302']);
  });

  it('saves, lists, gets, renames and deletes a view; the state is the export/charts schema', async () => {
    const state = { areas: 'focus', indicators: ['p_koopw'], period: 'latest', compareTo: '2022', references: ['municipality', 'total'] };
    const saved = await ok<SavedView>('views.save', { name: 'Koopwoningen', state });
    expect(saved.state).toEqual(state);
    expect(await s.call('views.save', { name: 'Koopwoningen', state, overwrite: false })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    expect((await ok<SavedView[]>('views.list', {})).map((v) => v.name)).toEqual(['Koopwoningen']);
    const renamed = await ok<SavedView>('views.rename', { name: 'Koopwoningen', newName: 'Koopwoningen per focusgebied' });
    expect(renamed.id).toBe(saved.id);
    expect((await ok<SavedView>('views.get', { name: 'Koopwoningen per focusgebied' })).state.period).toBe('latest');
    expect(await s.call('views.get', { name: 'Koopwoningen' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ok('views.delete', { name: 'Koopwoningen per focusgebied' })).toEqual({ deleted: true });
    expect(await ok('views.list', {})).toEqual([]);
  });
});
