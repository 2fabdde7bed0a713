import { describe, expect, it } from 'vitest';
import { findTemplate, type ScenarioDefinition } from '../../../shared/domain/scenario';
import { messageNl, pathLabel, problemsAt, validateDraft } from '../../../renderer/features/scenarios/editor/validation-nl';

// The form's validation: the engine's schema, with Dutch messages and labels an analyst recognises.
const draft = () => validateDraft(findTemplate('kansrijke-wijk-tot-2028')) as { ok: true; definition: ScenarioDefinition };

describe('scenario form validation in Dutch', () => {
  it('accepts a template and answers it with defaults filled in', () => {
    const v = draft();
    expect(v.ok).toBe(true);
    expect(v.definition.streams[0]?.programmeSharePct).toBe(100);
  });

  it('names each problem with a Dutch label and message', () => {
    const d = structuredClone(draft().definition);
    d.years = { from: 2030, to: 2023 };
    const v = validateDraft(d);
    expect(v).toEqual({ ok: false, problems: [{ path: 'years.to', label: 'jaren › tot en met', message: 'het eindjaar 2023 ligt vóór het beginjaar 2030' }] });

    const e = structuredClone(draft().definition);
    (e.streams[0] as { programmeSharePct: number }).programmeSharePct = 120;
    (e.streams[0]!.amount as { total: number }).total = Number.NaN;
    const w = validateDraft(e);
    if (w.ok) throw new Error('expected problems');
    expect(w.problems).toEqual([
      { path: 'streams[0].amount.total', label: 'Regeling 1 (SPUK Kansrijke Wijk) › bedrag › totaal', message: 'vul een getal of een bandbreedte in' },
      { path: 'streams[0].programmeSharePct', label: 'Regeling 1 (SPUK Kansrijke Wijk) › aandeel programma', message: 'mag hoogstens 100 zijn' },
    ]);
    expect(problemsAt(w.problems, 'streams[0].amount.total').map((p) => p.message)).toEqual(['vul een getal of een bandbreedte in']);
    expect(problemsAt(w.problems, 'streams[0].amount')).toHaveLength(1);
    expect(problemsAt(w.problems, 'streams[1]')).toEqual([]);
  });

  it('translates the engine\'s cross-field and range messages, and the services\' conflicts', () => {
    expect(messageNl("untilYear 2024 must be after the stream's last year 2025")).toBe('2024 moet na het laatste jaar van de regeling (2025) liggen');
    expect(messageNl('range low (90) is above high (10)')).toBe('ondergrens 90 ligt boven bovengrens 10');
    expect(messageNl('Too small: expected number to be >=0')).toBe('moet ten minste 0 zijn');
    expect(messageNl('Invalid input: expected int, received number')).toBe('moet een geheel getal zijn');
    expect(messageNl('unknown stream "gemeentefonds"')).toBe('onbekende regeling "gemeentefonds"');
    expect(messageNl('A saved scenario is already called "X" (id x); choose another name.')).toBe('er is al een opgeslagen scenario met de naam "X"; kies een andere naam');
    expect(messageNl('stream "SPUK" is allocated by population, but population is missing for NPLV01, NPLV02')).toMatch(/^"SPUK" wordt verdeeld naar inwonertal, maar het inwonertal ontbreekt voor NPLV01, NPLV02/);
    // Unknown messages pass through rather than vanish.
    expect(messageNl('something new')).toBe('something new');
  });

  it('labels paths in housing and allocation', () => {
    expect(pathLabel('housing.areas[0].leadTimeYears')).toBe('woningen › Gebied 1 › doorlooptijd');
    expect(pathLabel('streams[1].allocation.amounts')).toBe('Regeling 2 › verdeling › bedragen');
    expect(pathLabel('')).toBe('scenario');
  });
});
