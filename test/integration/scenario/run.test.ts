import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { findTemplate, scenarioJsonSchema } from '../../../shared/domain/scenario';
import { freshServices } from '../../helpers/services';
import { FOCUS_CODES, fails, ok, seedIndicator } from './helpers';

const M = 1_000_000;
const perYear = 256 * M / 3;

let s: Services;
beforeEach(() => {
  s = freshServices();
});
afterEach(() => s.close());

const continuation = () => findTemplate('kansrijke-wijk-tot-2028') as Record<string, unknown>;

describe('scenario templates and schema', () => {
  it('lists the shipped templates by id, with Dutch names', async () => {
    const list = await ok(s, 'scenario.templates', {});
    expect(list.map((t) => t.id)).toEqual(expect.arrayContaining(['kansrijke-wijk-stop', 'kansrijke-wijk-tot-2028', 'preventie-met-gezag', 'woningverbetering']));
    expect(list.find((t) => t.id === 'kansrijke-wijk-stop')?.name).toBe('Kansrijke Wijk stopt na 2025');
  });

  it('answers a template as a full definition that validates and runs', async () => {
    const def = await ok(s, 'scenario.template', { id: 'kansrijke-wijk-tot-2028' });
    expect(def).toMatchObject({ schemaVersion: 1, id: 'kansrijke-wijk-tot-2028', baseline: { id: 'kansrijke-wijk-stop' } });
    // Defaults are filled in, so the form and the JSON show every parameter.
    expect(def.streams[0]).toMatchObject({ programmeSharePct: 100, attributableToAreas: true, allocation: { kind: 'equal', status: 'te bevestigen' } });
    expect((await ok(s, 'scenario.validate', { definition: def })).definition).toEqual(def);
    const err = await fails(s, 'scenario.template', { id: 'bestaat-niet' });
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain('kansrijke-wijk-stop');
  });

  it('answers the JSON schema of a definition', async () => {
    const schema = await ok(s, 'scenario.schema', {});
    expect(schema).toEqual(scenarioJsonSchema());
    expect(schema).toMatchObject({ type: 'object', required: expect.arrayContaining(['schemaVersion', 'id', 'name', 'years']) });
  });
});

describe('scenario.run with inputs from the store', () => {
  it('runs the continuation template: 85,33 mln a year to 2028, equal over 20 areas, compared with the stop baseline', async () => {
    const { result, inputs } = await ok(s, 'scenario.run', { definition: continuation() });
    expect(inputs).toMatchObject({ areas: 20, municipalities: 19, areasWithPopulation: 0, populationSources: [] });
    expect(result.years).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(result.baselineId).toBe('kansrijke-wijk-stop');
    const programme = result.funding.filter((r) => r.areaCode === 'NPLV');
    const p = perYear / M;
    programme.forEach((r, i) => expect(r.amount / M, String(r.year)).toBeCloseTo([p, p, p, p, p, p, 0, 0][i] as number, 9));
    const y2026 = programme.find((r) => r.year === 2026);
    expect(y2026?.amount).toBeCloseTo(perYear, 6);
    expect(y2026?.baselineAmount).toBe(0);
    expect(y2026?.delta).toBeCloseTo(perYear, 6);
    expect(programme.find((r) => r.year === 2030)?.cumulativeDelta).toBeCloseTo(256 * M, 4);
    // Programme rows carry the programme's code; areas get an equal share (flagged "te bevestigen").
    const area = result.funding.find((r) => r.areaCode === 'NPLV09' && r.year === 2024);
    expect(area?.amount).toBeCloseTo(perYear / 20, 6);
    expect(result.funding.filter((r) => r.level === 'area').map((r) => r.areaCode)).toEqual(expect.arrayContaining(FOCUS_CODES));
    expect(result.assumptions.some((a) => a.kind === 'te-bevestigen' && a.message.includes('verdeling over gebieden'))).toBe(true);
  });

  it('says that population is missing and never invents a per-resident figure', async () => {
    const { result } = await ok(s, 'scenario.run', { definition: continuation() });
    expect(result.funding.every((r) => r.perResident === null)).toBe(true);
    expect(result.funding.find((r) => r.areaCode === 'NPLV10')?.perResidentReason).toBe('Inwonertal van Den Haag Zuidwest ontbreekt');
    expect(result.funding.find((r) => r.areaCode === 'NPLV')?.perResidentReason).toBe('Inwonertal ontbreekt voor 20 van de 20 gebieden');
    expect(result.assumptions.find((a) => a.kind === 'ontbrekend')?.message).toMatch(/^Inwonertal ontbreekt voor Leeuwarden-Oost, /);
  });

  it('uses imported population (a_inw): per-resident figures and a population key', async () => {
    const pops = Object.fromEntries(FOCUS_CODES.map((c, i) => [c, 10_000 + 1_000 * i]));
    seedIndicator(s, 'a_inw', pops, '2024');
    // An older figure for one area is ignored: the latest period wins; so is a newer slice of an area (a breakdown).
    seedIndicator(s, 'a_inw', { NPLV01: 1 }, '2020', 'kwb-2020.xlsx');
    const slice = seedIndicator(s, 'a_inw', { NPLV01: 7 }, '2025', 'pc5-2025.xlsx');
    s.ctx.db.prepare(`UPDATE observation SET breakdown = 'PC5=9901A' WHERE source_id = ?`).run(slice);
    const def = continuation();
    (def.streams as Record<string, unknown>[])[0]!.allocation = { kind: 'population' };
    const { result, inputs } = await ok(s, 'scenario.run', { definition: def });
    expect(inputs).toMatchObject({ areasWithPopulation: 20, populationSources: ['2024 — kwb-2024.xlsx'] });
    const total = Object.values(pops).reduce((a, b) => a + b, 0);
    const row = result.funding.find((r) => r.areaCode === 'NPLV01' && r.year === 2023);
    expect(row?.amount).toBeCloseTo((perYear * 10_000) / total, 4);
    expect(row?.perResident).toBeCloseTo(perYear / total, 8);
    expect(result.funding.find((r) => r.areaCode === 'NPLV' && r.year === 2023)?.perResident).toBeCloseTo(perYear / total, 8);
    expect(result.assumptions.some((a) => a.kind === 'ontbrekend')).toBe(false);
  });

  it('builds a need key from indicators in the store', async () => {
    seedIndicator(s, 'p_laag_ink', Object.fromEntries(FOCUS_CODES.map((c, i) => [c, i < 10 ? 10 : 30])));
    const def = continuation();
    (def.streams as Record<string, unknown>[])[0]!.allocation = {
      kind: 'need',
      indicators: [{ code: 'p_laag_ink', weight: 1, direction: 'higher-is-more-need' }],
    };
    const { result, inputs } = await ok(s, 'scenario.run', { definition: def });
    expect(inputs.indicators).toEqual([{ code: 'p_laag_ink', areasWithValue: 20 }]);
    const low = result.funding.find((r) => r.areaCode === 'NPLV01' && r.year === 2023)?.amount ?? 0;
    const high = result.funding.find((r) => r.areaCode === 'NPLV20' && r.year === 2023)?.amount ?? 0;
    expect(high / low).toBeCloseTo(3, 8);
  });

  it('keeps non-attributable money at programme and municipality level (Preventie met Gezag)', async () => {
    const def = await ok(s, 'scenario.template', { id: 'preventie-met-gezag' });
    const { result } = await ok(s, 'scenario.run', { definition: def });
    expect(result.funding.some((r) => r.level === 'area')).toBe(false);
    const municipalities = new Set(result.funding.filter((r) => r.level === 'municipality').map((r) => r.areaCode));
    expect(municipalities.size).toBe(19);
    expect(result.funding.find((r) => r.areaCode === 'NPLV' && r.year === 2025)?.amount).toBeCloseTo((143 * M * 19) / 47, 4);
  });

  it('runs the housing template from the letter\'s figures', async () => {
    const def = await ok(s, 'scenario.template', { id: 'woningverbetering' });
    const { result } = await ok(s, 'scenario.run', { definition: def });
    const first = result.housing.find((h) => h.areaCode === 'NPLV' && h.year === 2025);
    expect(first?.cumulativeImproved).toBeGreaterThanOrEqual(1400);
    expect(result.housingTargets).toHaveLength(1);
    expect(result.housingTargets[0]?.message).toMatch(/^Doel (bereikt in|niet vóór) \d{4}/);
  });
});

describe('invalid definitions are refused with the path and a clear message', () => {
  const cases: [string, (d: Record<string, unknown>) => void, RegExp][] = [
    ['years reversed', (d) => (d.years = { from: 2030, to: 2023 }), /years\.to: years\.to \(2023\) is before years\.from \(2030\)/],
    ['negative amount', (d) => ((d.streams as Record<string, Record<string, unknown>>[])[0]!.amount!.total = -5), /streams\[0\]\.amount\.total: .*>=0/],
    ['amount as text', (d) => ((d.streams as Record<string, Record<string, unknown>>[])[0]!.amount!.total = '256 mln'), /streams\[0\]\.amount\.total: wrong type: give a number, \{ value \} or a range/],
    ['range low above high', (d) => ((d.streams as Record<string, Record<string, unknown>>[])[0]!.afterEnd!.pct = { low: 90, high: 10, dist: 'uniform' }), /streams\[0\]\.afterEnd\.pct: range low \(90\) is above high \(10\)/],
    ['bundled into an unknown stream', (d) => ((d.streams as Record<string, unknown>[])[0]!.afterEnd = { kind: 'bundle', intoStreamId: 'gemeentefonds' }), /unknown stream "gemeentefonds"/],
    ['continuation ends before the stream', (d) => ((d.streams as Record<string, Record<string, unknown>>[])[0]!.afterEnd!.untilYear = 2024), /untilYear 2024 must be after the stream's last year 2025/],
    ['unknown field', (d) => (d.budget = 3), /Unrecognized key: "budget"/],
    ['no schema version', (d) => delete d.schemaVersion, /schemaVersion/],
  ];
  it.each(cases)('%s', async (_name, mutate, message) => {
    const def = continuation();
    mutate(def);
    for (const call of ['scenario.run', 'scenario.validate', 'scenario.monteCarlo', 'scenario.save'] as const) {
      const err = await fails(s, call, { definition: def });
      expect(err.code, call).toBe('SCENARIO_INVALID');
      expect(err.message, call).toMatch(/^Invalid scenario definition: /);
      expect([err.message, ...(err.details ?? [])].join('\n'), call).toMatch(message);
    }
  });

  it('refuses a population key while the store has no population, naming the areas', async () => {
    const def = continuation();
    (def.streams as Record<string, unknown>[])[0]!.allocation = { kind: 'population' };
    const err = await fails(s, 'scenario.run', { definition: def });
    expect(err.code).toBe('SCENARIO_INVALID');
    expect(err.message).toMatch(/allocated by population, but population is missing for NPLV01, NPLV02/);
  });

  it('refuses a definition that is not an object at the contract (INPUT_INVALID)', async () => {
    const err = await fails(s, 'scenario.run', { definition: 'kansrijke-wijk' });
    expect(err.code).toBe('INPUT_INVALID');
    expect(err.details?.[0]).toMatch(/^definition: /);
  });
});
