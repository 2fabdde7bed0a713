import { describe, expect, it } from 'vitest';
import {
  NPLV_LETTER_SOURCE,
  TEMPLATE_IDS,
  findTemplate,
  getTemplate,
  listTemplates,
  runMonteCarlo,
  runScenario,
} from '../../../shared/domain/scenario';
import { twentyAreas } from './fixtures';

const M = 1_000_000;
const LETTER = 'Kamerstuk 30 995 nr. 104, brief van 17 oktober 2024 (Voortgang NPLV)';

describe('shipped templates', () => {
  it('include the four the issue names, with Dutch names', () => {
    expect(TEMPLATE_IDS).toEqual(expect.arrayContaining(['kansrijke-wijk-stop', 'kansrijke-wijk-tot-2028', 'preventie-met-gezag', 'woningverbetering']));
    expect(NPLV_LETTER_SOURCE).toBe(LETTER);
    for (const t of listTemplates()) {
      expect(t.name).not.toBe('');
      expect(getTemplate(t.id).id).toBe(t.id);
    }
    expect(() => getTemplate('nope')).toThrow(/No scenario template "nope"/);
  });

  it('are fresh copies, so editing one never changes the shipped template', () => {
    const a = findTemplate('kansrijke-wijk-stop');
    if (!a) throw new Error('missing');
    a.name = 'changed';
    expect(findTemplate('kansrijke-wijk-stop')?.name).not.toBe('changed');
  });

  it('kansrijke-wijk-stop: EUR 256 million flat over 2023–2025 from the letter, equal split flagged "te bevestigen"', () => {
    const r = runScenario(getTemplate('kansrijke-wijk-stop'), twentyAreas());
    const nplv = r.funding.filter((f) => f.areaCode === 'NPLV').map((f) => f.amount);
    expect(nplv.slice(0, 3)).toEqual([1, 1, 1].map(() => expect.closeTo((256 * M) / 3, 4)));
    expect(nplv.slice(3).every((x) => x === 0)).toBe(true);
    expect(r.funding.find((f) => f.areaCode === 'NPLV01' && f.year === 2023)?.amount).toBeCloseTo((256 * M) / 60, 4);
    expect(r.assumptions.map((a) => a.message)).toContain(
      'SPUK Kansrijke Wijk — verdeling over gebieden: gelijk (te bevestigen) — de brief geeft geen verdeling over de 20 gebieden; vul bedragen per gebied in of kies een andere sleutel',
    );
    expect(r.parameters.find((p) => p.path === 'streams[0].amount.total')).toMatchObject({ central: 256 * M, source: LETTER, status: null });
  });

  it('kansrijke-wijk-tot-2028: three more years, compared with stopping; the 100% is flagged', () => {
    const r = runScenario(getTemplate('kansrijke-wijk-tot-2028'), twentyAreas());
    expect(r.baselineId).toBe('kansrijke-wijk-stop');
    const y2028 = r.funding.find((f) => f.areaCode === 'NPLV' && f.year === 2028);
    expect(y2028?.amount).toBeCloseTo((256 * M) / 3, 4);
    expect(y2028?.cumulativeDelta).toBeCloseTo(256 * M, 3);
    expect(r.funding.find((f) => f.areaCode === 'NPLV' && f.year === 2029)?.amount).toBe(0);
    expect(r.assumptions.some((a) => a.kind === 'te-bevestigen' && a.path === 'streams[0].afterEnd.pct')).toBe(true);
    expect(JSON.stringify(getTemplate('kansrijke-wijk-tot-2028'))).toContain('36 600 IX nr. 16');
  });

  it('preventie-met-gezag: EUR 143 million a year from 2025; the NPLV share is "te bevestigen"; not spread over areas', () => {
    const r = runScenario(getTemplate('preventie-met-gezag'), twentyAreas());
    expect(r.funding.some((f) => f.level === 'area')).toBe(false);
    const share = r.parameters.find((p) => p.path === 'streams[0].programmeSharePct');
    expect(share).toMatchObject({ status: 'te bevestigen' });
    expect(r.parameters.find((p) => p.path === 'streams[0].amount.perYear')).toMatchObject({ central: 143 * M, source: LETTER });
    expect(r.funding.find((f) => f.areaCode === 'NPLV' && f.year === 2030)?.amount).toBeCloseTo(143 * M * (19 / 47), 4);
    expect(r.funding.filter((f) => f.level === 'municipality' && f.year === 2025)).toHaveLength(19);
    expect(r.assumptions.filter((a) => a.kind === 'te-bevestigen').map((a) => a.path)).toEqual(['streams[0].programmeSharePct', 'streams[0].municipalityKey']);
  });

  it('woningverbetering: starts from the letter (1,400 improved, 4,590 started, 15,000 in preparation)', () => {
    const def = getTemplate('woningverbetering');
    const r = runScenario(def, { areas: [] });
    const params = new Map(r.parameters.map((p) => [p.path, p]));
    expect(params.get('housing.areas[0].improvedToDate')).toMatchObject({ central: 1400, source: LETTER });
    expect(params.get('housing.areas[0].inProgress')).toMatchObject({ central: 4590 - 1400, status: 'te bevestigen' });
    expect(params.get('housing.areas[0].newConstruction.pipeline')).toMatchObject({ central: 15_000, source: LETTER });
    expect(r.housing[0]).toMatchObject({ areaCode: 'NPLV', year: 2025 });
    expect(r.housing.at(-1)?.cumulativeImproved).toBeCloseTo(4590, 6);
    expect(r.housing.reduce((s, h) => s + h.newDwellings, 0)).toBeCloseTo(15_000, 6);
    // Everything the letter does not give is listed for the analyst to confirm.
    expect(r.assumptions.filter((a) => a.kind === 'te-bevestigen').length).toBeGreaterThanOrEqual(5);
    const mc = runMonteCarlo(def, { areas: [] }, { runs: 500 });
    expect(mc.targetYears[0]?.p10).toBeLessThanOrEqual(mc.targetYears[0]?.p90 ?? 0);
  });

  it('never invent per-area amounts: no template has explicit per-area allocations', () => {
    for (const id of TEMPLATE_IDS) expect(JSON.stringify(findTemplate(id))).not.toContain('"explicit"');
  });
});
