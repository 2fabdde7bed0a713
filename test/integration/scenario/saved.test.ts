import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { findTemplate } from '../../../shared/domain/scenario';
import { freshServices } from '../../helpers/services';
import { fails, ok } from './helpers';

let s: Services;
beforeEach(() => {
  s = freshServices();
});
afterEach(() => s.close());

const fromTemplate = (templateId: string, id: string, name: string): Record<string, unknown> => ({ ...(findTemplate(templateId) as Record<string, unknown>), id, name });

describe('saved scenarios', () => {
  it('saves, lists, reads back, renames, duplicates and deletes', async () => {
    expect(await ok(s, 'scenario.list', {})).toEqual([]);
    const saved = await ok(s, 'scenario.save', { definition: fromTemplate('kansrijke-wijk-tot-2028', 'kw-2028', 'Voortzetting tot 2028'), templateId: 'kansrijke-wijk-tot-2028' });
    expect(saved).toMatchObject({ id: 'kw-2028', name: 'Voortzetting tot 2028', templateId: 'kansrijke-wijk-tot-2028', baselineId: 'kansrijke-wijk-stop', years: { from: 2023, to: 2030 }, streams: 1, hasHousing: false });
    expect(saved.createdAt).toBe(saved.updatedAt);

    const got = await ok(s, 'scenario.get', { id: 'kw-2028' });
    expect(got.definition).toMatchObject({ id: 'kw-2028', name: 'Voortzetting tot 2028', streams: [{ id: 'spuk-kansrijke-wijk' }] });

    const renamed = await ok(s, 'scenario.rename', { id: 'kw-2028', name: 'Motie: door tot 2028' });
    expect(renamed).toMatchObject({ id: 'kw-2028', name: 'Motie: door tot 2028' });
    expect((await ok(s, 'scenario.get', { id: 'kw-2028' })).definition.name).toBe('Motie: door tot 2028');

    const copy = await ok(s, 'scenario.duplicate', { id: 'kw-2028' });
    expect(copy).toMatchObject({ id: 'kw-2028-kopie', name: 'Motie: door tot 2028 (kopie)', templateId: 'kansrijke-wijk-tot-2028' });
    const copy2 = await ok(s, 'scenario.duplicate', { id: 'kw-2028' });
    expect(copy2).toMatchObject({ id: 'kw-2028-kopie-2', name: 'Motie: door tot 2028 (kopie) 2' });
    expect((await ok(s, 'scenario.list', {})).map((x) => x.id)).toEqual(['kw-2028', 'kw-2028-kopie', 'kw-2028-kopie-2']);

    expect(await ok(s, 'scenario.delete', { id: 'kw-2028-kopie' })).toEqual({ id: 'kw-2028-kopie', deleted: true });
    expect((await ok(s, 'scenario.list', {})).map((x) => x.id)).toEqual(['kw-2028', 'kw-2028-kopie-2']);
    expect((await fails(s, 'scenario.get', { id: 'kw-2028-kopie' })).code).toBe('NOT_FOUND');
    expect((await fails(s, 'scenario.delete', { id: 'kw-2028-kopie' })).code).toBe('NOT_FOUND');
  });

  it('replaces only when asked, and keeps names unique', async () => {
    const def = fromTemplate('kansrijke-wijk-stop', 'mijn-stop', 'Mijn stopscenario');
    await ok(s, 'scenario.save', { definition: def });
    const again = await fails(s, 'scenario.save', { definition: def });
    expect(again).toMatchObject({ code: 'SCENARIO_INVALID', message: 'A saved scenario with id "mijn-stop" already exists ("Mijn stopscenario"); replace it, or give this one another id.' });
    const replaced = await ok(s, 'scenario.save', { definition: { ...def, description: 'bijgewerkt' }, replace: true });
    expect(replaced.description).toBe('bijgewerkt');
    expect(await ok(s, 'scenario.list', {})).toHaveLength(1);

    const sameName = await fails(s, 'scenario.save', { definition: { ...def, id: 'ander' } });
    expect(sameName.message).toBe('A saved scenario is already called "Mijn stopscenario" (id mijn-stop); choose another name.');
    await ok(s, 'scenario.save', { definition: fromTemplate('kansrijke-wijk-stop', 'tweede', 'Tweede') });
    expect((await fails(s, 'scenario.rename', { id: 'tweede', name: 'Mijn stopscenario' })).code).toBe('SCENARIO_INVALID');
    expect((await fails(s, 'scenario.duplicate', { id: 'tweede', newId: 'mijn-stop' })).message).toContain('already exists');
  });

  it('refuses to shadow a shipped template\'s id', async () => {
    const err = await fails(s, 'scenario.save', { definition: findTemplate('kansrijke-wijk-stop') });
    expect(err).toMatchObject({ code: 'SCENARIO_INVALID', message: 'The id "kansrijke-wijk-stop" belongs to a shipped template; give the scenario its own id (e.g. "kansrijke-wijk-stop-1").' });
  });

  it('uses a saved scenario as baseline, before a template of the same name', async () => {
    const base = fromTemplate('kansrijke-wijk-stop', 'halve-voortzetting', 'Halve voortzetting');
    (base.streams as Record<string, unknown>[])[0]!.afterEnd = { kind: 'continue', pct: 50, untilYear: 2028 };
    await ok(s, 'scenario.save', { definition: base });
    const def = { ...fromTemplate('kansrijke-wijk-tot-2028', 'volle-voortzetting', 'Volle voortzetting'), baseline: { id: 'halve-voortzetting' } };
    const { result } = await ok(s, 'scenario.run', { definition: def });
    expect(result.baselineId).toBe('halve-voortzetting');
    const row = result.funding.find((r) => r.areaCode === 'NPLV' && r.year === 2027);
    expect(row?.delta).toBeCloseTo(256e6 / 3 / 2, 4);
    // A baseline that is neither saved nor shipped is reported, not invented.
    const missing = await ok(s, 'scenario.run', { definition: { ...def, baseline: { id: 'weg' } } });
    expect(missing.result.baselineId).toBeNull();
    expect(missing.result.assumptions).toContainEqual({ kind: 'ontbrekend', path: 'baseline', message: 'Basisscenario weg niet gevonden; geen verschil berekend' });
  });

  it('refuses to read a stored definition that no longer validates, naming the scenario', async () => {
    await ok(s, 'scenario.save', { definition: fromTemplate('kansrijke-wijk-stop', 'oud', 'Oud') });
    s.ctx.db.prepare(`UPDATE scenario SET definition_json = json_set(definition_json, '$.schemaVersion', 2)`).run();
    const err = await fails(s, 'scenario.get', { id: 'oud' });
    expect(err.code).toBe('SCENARIO_INVALID');
    expect(err.message).toMatch(/^Saved scenario "Oud" cannot be read: Invalid scenario definition: schemaVersion/);
  });
});

describe('scenario.compare', () => {
  it('sets up to four scenarios side by side with differences from the first', async () => {
    await ok(s, 'scenario.save', { definition: fromTemplate('kansrijke-wijk-tot-2028', 'kw-2028', 'Voortzetting tot 2028') });
    const taper = fromTemplate('kansrijke-wijk-stop', 'afbouw', 'Afbouw in 3 jaar');
    (taper.streams as Record<string, unknown>[])[0]!.afterEnd = { kind: 'taper', years: 3 };
    const cmp = await ok(s, 'scenario.compare', {
      scenarios: [{ template: 'kansrijke-wijk-stop' }, { saved: 'kw-2028' }, { definition: taper }, { template: 'preventie-met-gezag' }],
    });
    expect(cmp.years).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(cmp.commonYears).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(cmp.columns.map((c) => [c.id, c.origin])).toEqual([
      ['kansrijke-wijk-stop', 'template'],
      ['kw-2028', 'saved'],
      ['afbouw', 'definition'],
      ['preventie-met-gezag', 'template'],
    ]);
    const [stop, cont, tap, pmg] = cmp.columns;
    const p = 256e6 / 3;
    expect(stop?.total).toEqual([p, p, p, 0, 0, 0, 0, 0].map((x) => expect.closeTo(x, 4)));
    expect(cont?.delta.slice(3)).toEqual([p, p, p, 0, 0].map((x) => expect.closeTo(x, 4)));
    expect(cont?.cumulativeDelta.at(-1)).toBeCloseTo(256e6, 3);
    expect(tap?.delta.slice(3, 6)).toEqual([0.75 * p, 0.5 * p, 0.25 * p].map((x) => expect.closeTo(x, 4)));
    // Outside its own years a scenario has no figure, not a zero.
    expect(pmg?.total.slice(0, 2)).toEqual([null, null]);
    expect(pmg?.delta.slice(0, 2)).toEqual([null, null]);
    expect(pmg?.areas).toEqual([]);
    // Per area: summed over the years all four cover (2025–2030): one year of 256/3/20 in the stop scenario.
    expect(stop?.areas.find((a) => a.areaCode === 'NPLV01')?.total).toBeCloseTo(p / 20, 4);
    expect(cont?.areas.find((a) => a.areaCode === 'NPLV01')?.delta).toBeCloseTo((3 * p) / 20, 4);
    expect(cont?.toConfirm).toBeGreaterThan(0);
  });

  it('compares housing paths', async () => {
    const faster = fromTemplate('woningverbetering', 'sneller', 'Sneller verbeteren');
    const area = ((faster.housing as Record<string, unknown>).areas as Record<string, unknown>[])[0]!;
    area.poorQuality = 6000;
    area.capacity = { kind: 'fixed', perYear: 1000 };
    const cmp = await ok(s, 'scenario.compare', { scenarios: [{ template: 'woningverbetering' }, { definition: faster }] });
    const h = cmp.columns[1]?.housing[0];
    expect(h?.areaCode).toBe('NPLV');
    expect(h?.remaining.some((x) => x !== null && x > 0)).toBe(true);
    expect(h?.delta.every((x) => x === null || x >= 0)).toBe(true);
    expect(h?.target).toMatch(/^Doel /);
  });

  it('refuses more than four, or an unknown one', async () => {
    const five = Array.from({ length: 5 }, () => ({ template: 'kansrijke-wijk-stop' }));
    expect((await fails(s, 'scenario.compare', { scenarios: five })).code).toBe('INPUT_INVALID');
    expect((await fails(s, 'scenario.compare', { scenarios: [{ saved: 'weg' }] })).code).toBe('NOT_FOUND');
    expect((await fails(s, 'scenario.compare', { scenarios: [{ template: 'weg' }] })).code).toBe('NOT_FOUND');
  });
});

describe('scenario.sensitivity', () => {
  it('ranks ranged parameters by their swing on one output (tornado)', async () => {
    const def = fromTemplate('kansrijke-wijk-tot-2028', 'onzeker', 'Onzeker');
    const stream = (def.streams as Record<string, unknown>[])[0]!;
    stream.afterEnd = { kind: 'continue', pct: { low: 50, high: 100, dist: 'uniform' }, untilYear: 2028 };
    stream.indexationPctPerYear = { low: 0, high: 4, dist: 'triangular', mode: 2 };
    const out = await ok(s, 'scenario.sensitivity', { definition: def, output: { kind: 'funding', streamId: 'spuk-kansrijke-wijk', areaCode: 'NPLV', year: 2028, measure: 'cumulativeDelta' } });
    expect(out.rows.map((r) => r.path)).toEqual(['streams[0].afterEnd.pct', 'streams[0].indexationPctPerYear']);
    const pct = out.rows[0];
    expect(pct?.outputAtHigh ?? 0).toBeGreaterThan(pct?.outputAtLow ?? 0);
    expect(out.base).toBeGreaterThan(0);
    const err = await fails(s, 'scenario.sensitivity', { definition: def, output: { kind: 'funding', streamId: 'x', areaCode: 'NPLV', year: 2028 } });
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: 'Scenario output not found: stream x for NPLV' });
  });
});
