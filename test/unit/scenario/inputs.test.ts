import { describe, expect, it } from 'vitest';
import { parseScenarioInputs, runScenario } from '../../../shared/domain/scenario';
import { scenario } from './fixtures';

describe('scenario inputs', () => {
  it('ignore extra fields, so store rows can be passed as they are', () => {
    const inputs = parseScenarioInputs({ areas: [{ code: 'A1', municipalityCode: 'GM1', population: 5, kind: 'focus area', parent: 'GM1' }] });
    expect(inputs.areas[0]).toEqual({ code: 'A1', municipalityCode: 'GM1', population: 5 });
  });

  it('refuse duplicate areas and the programme code as an area', () => {
    expect(() => parseScenarioInputs({ areas: [{ code: 'A1', municipalityCode: 'G' }, { code: 'A1', municipalityCode: 'G' }] })).toThrow(/duplicate area "A1"/);
    expect(() => runScenario(scenario(), { areas: [{ code: 'NPLV', municipalityCode: 'G' }] })).toThrow(/NPLV is the programme code/);
  });

  it('with no areas, attributable money still shows at programme level', () => {
    const r = runScenario(scenario(), { areas: [] });
    expect(new Set(r.funding.map((f) => f.areaCode))).toEqual(new Set(['NPLV']));
    expect(r.funding[0]?.perResidentReason).toBe('Geen gebieden opgegeven');
  });
});
