import { describe, expect, it } from 'vitest';
import type { HousingAreaInput, ScenarioResult } from './housing-fixtures';
import { housingScenario } from './housing-fixtures';
import { runScenario } from '../../../shared/domain/scenario';
import { M, stream, threeAreas } from './fixtures';

const path = (r: ScenarioResult, key: 'remainingPoorQuality' | 'improved' | 'started' | 'inProgress' | 'cost' | 'newDwellings' | 'demolished', area = 'NPLV') =>
  r.housing.filter((h) => h.areaCode === area).map((h) => h[key]);
const target = (r: ScenarioResult, area = 'NPLV') => r.housingTargets.find((t) => t.areaCode === area);
const base: HousingAreaInput = { areaCode: 'NPLV', poorQuality: 1000, capacity: { kind: 'fixed', perYear: 100 }, leadTimeYears: 2 };

describe('housing improvement', () => {
  it('capacity 100 a year with lead time 2: remaining poor-quality dwellings follow the hand-computed path', () => {
    const r = runScenario(housingScenario([{ ...base, targetRemaining: 500 }]), threeAreas);
    expect(r.housing.map((h) => h.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035]);
    // Starts 2025–2034 (100 each, until all 1,000 are started); each completes two years later.
    expect(path(r, 'started')).toEqual([100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 0]);
    expect(path(r, 'improved')).toEqual([0, 0, 100, 100, 100, 100, 100, 100, 100, 100, 100]);
    expect(path(r, 'remainingPoorQuality')).toEqual([1000, 1000, 900, 800, 700, 600, 500, 400, 300, 200, 100]);
    expect(path(r, 'inProgress')).toEqual([100, 200, 200, 200, 200, 200, 200, 200, 200, 200, 100]);
    expect(target(r)).toMatchObject({ targetRemaining: 500, targetYear: 2031, message: 'Doel bereikt in 2031' });
  });

  it('a target not reached by the horizon is null, "niet vóór" the horizon', () => {
    const r = runScenario(housingScenario([base]), threeAreas);
    expect(target(r)).toMatchObject({ targetRemaining: 0, targetYear: null, horizon: 2035, message: 'Doel niet vóór 2035 bereikt' });
    const later = runScenario(housingScenario([base], { years: { from: 2025, to: 2037 } }), threeAreas);
    expect(target(later)?.targetYear).toBe(2036);
  });

  it('lead time 0 completes in the year of the start; a fractional lead time splits over two years', () => {
    expect(path(runScenario(housingScenario([{ ...base, leadTimeYears: 0 }]), threeAreas), 'remainingPoorQuality').slice(0, 3)).toEqual([900, 800, 700]);
    const r = runScenario(housingScenario([{ ...base, poorQuality: 100, leadTimeYears: 1.5 }]), threeAreas);
    expect(path(r, 'improved').slice(0, 4)).toEqual([0, 50, 50, 0]);
  });

  it('dwellings already in progress complete evenly over the lead time', () => {
    const r = runScenario(housingScenario([{ ...base, poorQuality: 300, inProgress: 200, capacity: { kind: 'fixed', perYear: 0 }, improvedToDate: 1400 }]), threeAreas);
    expect(path(r, 'remainingPoorQuality').slice(0, 4)).toEqual([200, 100, 100, 100]);
    expect(r.housing[1]?.cumulativeImproved).toBe(1600);
  });

  it('budget capacity: EUR 2 million a year at EUR 50,000 a dwelling is 40 starts a year, costing the budget', () => {
    const r = runScenario(housingScenario([{ ...base, capacity: { kind: 'budget', budgetPerYear: 2 * M, costPerDwelling: 50_000 } }]), threeAreas);
    expect(path(r, 'started').slice(0, 3)).toEqual([40, 40, 40]);
    expect(path(r, 'cost').slice(0, 3)).toEqual([2 * M, 2 * M, 2 * M]);
  });

  it('when the funding stream stops, starts stop at once and improvements one lead time later', () => {
    const vhf = stream({ id: 'vhf', name: 'Volkshuisvestingsfonds', amount: { kind: 'perYear', perYear: 1 * M, from: 2025, to: 2027 } });
    const r = runScenario(
      housingScenario([{ ...base, capacity: { kind: 'stream', streamId: 'vhf', costPerDwelling: 10_000 } }], { streams: [vhf] }),
      threeAreas,
    );
    expect(path(r, 'started')).toEqual([100, 100, 100, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(path(r, 'improved')).toEqual([0, 0, 100, 100, 100, 0, 0, 0, 0, 0, 0]);
    expect(path(r, 'remainingPoorQuality')).toEqual([1000, 1000, 900, 800, 700, 700, 700, 700, 700, 700, 700]);
    expect(path(r, 'cost').slice(0, 4)).toEqual([1 * M, 1 * M, 1 * M, 0]);
  });

  it('a per-area stream feeds the housing of that area with its own share', () => {
    const vhf = stream({ id: 'vhf', name: 'VHF', amount: { kind: 'perYear', perYear: 3 * M, from: 2025 }, allocation: { kind: 'equal' } });
    const r = runScenario(
      housingScenario([{ ...base, areaCode: 'A1', capacity: { kind: 'stream', streamId: 'vhf', sharePct: 50, costPerDwelling: 10_000 } }], { streams: [vhf] }),
      threeAreas,
    );
    expect(path(r, 'started', 'A1')[0]).toBeCloseTo(50, 9); // 1 M for A1 × 50% / 10,000
  });

  it('a stream without rows for the housing area is refused', () => {
    const gf = stream({ id: 'gf', amount: { kind: 'perYear', perYear: 1 * M, from: 2025 }, attributableToAreas: false });
    expect(() =>
      runScenario(housingScenario([{ ...base, areaCode: 'A1', capacity: { kind: 'stream', streamId: 'gf', costPerDwelling: 1 } }], { streams: [gf] }), threeAreas),
    ).toThrow(/no row for that area/);
  });

  it('new construction, demolition and the stock by tenure with the social-rent share', () => {
    const r = runScenario(
      housingScenario([
        {
          ...base,
          poorQuality: 100,
          capacity: { kind: 'fixed', perYear: 0 },
          stock: { social: 600, private: 200, owner: 200 },
          newConstruction: { pipeline: 1000, realisationPct: 80, from: 2025, to: 2028, tenureMix: { socialPct: 50, privatePct: 25, ownerPct: 25 } },
          demolition: { perYear: 40, from: 2025, to: 2026, tenureMix: { socialPct: 100, privatePct: 0, ownerPct: 0 }, poorQualitySharePct: 50 },
        },
      ]),
      threeAreas,
    );
    expect(path(r, 'newDwellings').slice(0, 6)).toEqual([200, 200, 200, 200, 0, 0]);
    expect(path(r, 'demolished').slice(0, 3)).toEqual([40, 40, 0]);
    expect(path(r, 'remainingPoorQuality').slice(0, 3)).toEqual([80, 60, 60]);
    expect(r.housing.slice(0, 3).map((h) => h.stock)).toEqual([
      { social: 660, private: 250, owner: 250 },
      { social: 720, private: 300, owner: 300 },
      { social: 820, private: 350, owner: 350 },
    ]);
    expect(r.housing[0]?.socialRentSharePct).toBeCloseTo((660 / 1160) * 100, 9);
    expect(r.housing[2]?.socialRentSharePct).toBeCloseTo((820 / 1520) * 100, 9);
  });

  it('without a stock, stock and share are unknown (null), and cost is null without a cost per dwelling', () => {
    const r = runScenario(housingScenario([base]), threeAreas);
    expect(r.housing[0]).toMatchObject({ stock: null, socialRentSharePct: null, cost: null });
  });

  it('several areas also get a programme total, with its own target year', () => {
    const r = runScenario(
      housingScenario([
        { ...base, areaCode: 'A1', poorQuality: 200, targetRemaining: 0 },
        { ...base, areaCode: 'A2', poorQuality: 400, targetRemaining: 100 },
      ]),
      threeAreas,
    );
    expect(path(r, 'remainingPoorQuality', 'NPLV').slice(0, 5)).toEqual([600, 600, 400, 200, 100]);
    expect(target(r, 'A1')?.targetYear).toBe(2028);
    expect(target(r, 'A2')?.targetYear).toBe(2029);
    expect(target(r, 'NPLV')?.targetYear).toBe(2029); // 100 ≤ 0 + 100
  });

  it('remaining dwellings are compared with the baseline', () => {
    const slow = housingScenario([{ ...base, capacity: { kind: 'fixed', perYear: 50 } }], { id: 'slow' });
    const r = runScenario(housingScenario([base], { baseline: { id: 'slow' } }), threeAreas, { baseline: slow });
    expect(r.housing.map((h) => h.remainingDelta).slice(0, 4)).toEqual([0, 0, -50, -100]);
  });
});
