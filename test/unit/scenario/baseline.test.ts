import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../../shared/domain/scenario';
import { findTemplate, runScenario } from '../../../shared/domain/scenario';
import { M, scenario, stream, threeAreas } from './fixtures';

const PER_YEAR = (256 * M) / 3;
const rows = (r: ScenarioResult, areaCode: string, streamId = 'kw') => r.funding.filter((f) => f.areaCode === areaCode && f.streamId === streamId);

describe('difference from a baseline', () => {
  const stop = scenario({ id: 'stop' });
  const to2028 = scenario({ id: 'tot-2028', baseline: { id: 'stop' }, streams: [stream({ afterEnd: { kind: 'continue', pct: 100, untilYear: 2028 } })] });

  it('gives the yearly delta and the cumulative gap per area and for the programme', () => {
    const r = runScenario(to2028, threeAreas, { baseline: stop });
    expect(r.baselineId).toBe('stop');
    const nplv = rows(r, 'NPLV');
    expect(nplv.map((x) => x.baselineAmount)).toEqual([PER_YEAR, PER_YEAR, PER_YEAR, 0, 0, 0, 0, 0].map((x) => expect.closeTo(x, 4)));
    expect(nplv.map((x) => x.delta)).toEqual([0, 0, 0, PER_YEAR, PER_YEAR, PER_YEAR, 0, 0].map((x) => expect.closeTo(x, 4)));
    // Cumulative gap: 85.33, 170.67, 256 million by 2028, and it stays there.
    expect(nplv.map((x) => x.cumulativeDelta)).toEqual([0, 0, 0, 1, 2, 3, 3, 3].map((k) => expect.closeTo(k * PER_YEAR, 4)));
    const a2 = rows(r, 'A2');
    expect(a2.at(-1)?.cumulativeDelta).toBeCloseTo(256 * M / 3, 4);
  });

  it('resolves the baseline through the caller, or through the shipped templates', () => {
    const viaResolver = runScenario(to2028, threeAreas, { resolveBaseline: (id) => (id === 'stop' ? stop : undefined) });
    expect(rows(viaResolver, 'NPLV')[3]?.delta).toBeCloseTo(PER_YEAR, 4);
    const template = findTemplate('kansrijke-wijk-tot-2028');
    if (!template) throw new Error('template missing');
    const r = runScenario(template, threeAreas);
    expect(r.baselineId).toBe('kansrijke-wijk-stop');
    expect(r.funding.find((f) => f.areaCode === 'NPLV' && f.year === 2028)?.cumulativeDelta).toBeCloseTo(256 * M, 3);
  });

  it('without a baseline the differences are null; an unknown baseline is reported', () => {
    expect(rows(runScenario(stop, threeAreas), 'NPLV').every((x) => x.delta === null && x.cumulativeDelta === null)).toBe(true);
    expect(rows(runScenario(to2028, threeAreas, { baseline: null }), 'NPLV')[3]?.delta).toBeNull();
    const r = runScenario(to2028, threeAreas);
    expect(r.baselineId).toBeNull();
    expect(r.assumptions).toContainEqual(expect.objectContaining({ kind: 'ontbrekend', message: 'Basisscenario stop niet gevonden; geen verschil berekend' }));
  });

  it('a stream missing from the baseline counts as zero there; totals compare like with like', () => {
    const extra = stream({ id: 'extra', name: 'Extra', amount: { kind: 'perYear', perYear: 3 * M, from: 2026, to: 2027 } });
    const r = runScenario(scenario({ id: 'with-extra', streams: [stream(), extra] }), threeAreas, { baseline: stop });
    expect(rows(r, 'A1', 'extra')[3]?.delta).toBeCloseTo(1 * M, 6);
    expect(rows(r, 'NPLV', '_totaal')[3]?.delta).toBeCloseTo(3 * M, 6);
    expect(rows(r, 'NPLV', '_totaal')[0]?.delta).toBeCloseTo(0, 6);
    expect(rows(r, 'NPLV', '_totaal').at(-1)?.cumulativeDelta).toBeCloseTo(6 * M, 6);
  });

  it('the baseline is recomputed over the scenario years', () => {
    const shortStop = scenario({ id: 'stop', years: { from: 2023, to: 2025 } });
    const r = runScenario(to2028, threeAreas, { baseline: shortStop });
    expect(rows(r, 'NPLV')[5]?.delta).toBeCloseTo(PER_YEAR, 4);
    expect(r.assumptions.map((a) => a.message)).toContain('Basisscenario Test doorgerekend over 2023–2030');
  });
});
