import { describe, expect, it } from 'vitest';
import { openStore } from '../../../main/store/open-store';
import { listAreas } from '../../../main/store/queries/areas';
import { listObservations } from '../../../main/store/queries/observations';
import { countSourceFigures, sourceFigures } from '../../../main/store/queries/sources';

describe('the NPLV default dataset', () => {
  const { db } = openStore(':memory:');

  it('has the Netherlands, 19 municipalities, 20 focus areas and the programme', () => {
    const areas = listAreas(db);
    expect(areas.filter((a) => a.kind === 'focus_area')).toHaveLength(20);
    expect(areas.filter((a) => a.kind === 'municipality')).toHaveLength(19);
    expect(areas.filter((a) => a.kind === 'country').map((a) => a.code)).toEqual(['NL00']);
    expect(areas.filter((a) => a.kind === 'programme').map((a) => a.code)).toEqual(['NPLV']);
    // Amsterdam has two focus areas; every focus area lies in a municipality.
    expect(areas.filter((a) => a.kind === 'focus_area' && a.parentCode === 'GM0363').map((a) => a.name).sort()).toEqual(['Amsterdam Nieuw-West', 'Amsterdam Zuidoost']);
    expect(areas.filter((a) => a.kind === 'focus_area').every((a) => a.parentCode?.startsWith('GM'))).toBe(true);
    expect(areas.find((a) => a.name === 'Zaandam Oost')?.parentName).toBe('Zaanstad');
    expect(areas.find((a) => a.name === 'Den Haag Zuidwest')?.parentCode).toBe('GM0518');
  });

  it('holds the letter figures with qualifier, range, unit, period and source', () => {
    const figures = listObservations(db, { areaCode: 'NPLV' });
    const by = (code: string) => figures.find((f) => f.indicatorCode === code);
    expect(by('nplv_woningen_voorbereiding')).toMatchObject({ value: 15000, qualifier: 'about', unit: 'count' });
    expect(by('nplv_kwetsbare_woningen_verbeterd')).toMatchObject({ value: 1400, qualifier: 'nearly' });
    expect(by('nplv_kwetsbare_woningen_gestart')).toMatchObject({ value: 4590, qualifier: null });
    expect(by('nplv_huishoudens_energiebesparing')).toMatchObject({ value: null, low: 30000, high: 40000 });
    expect(by('nplv_spuk_kansrijke_wijk')).toMatchObject({ value: 256_000_000, unit: 'euro', period: '2023-2025' });
    expect(by('nplv_preventie_met_gezag')).toMatchObject({ value: 143_000_000, unit: 'euro_per_year', period: '2025' });
    expect(by('nplv_deelname_vve')).toMatchObject({ value: 70, unit: 'percent', qualifier: 'about' });
    expect(by('nplv_kinderen_school_en_omgeving')?.value).toBe(97500);
    for (const f of figures) expect(f.source.title).toContain('Kamerstuk 30 995 nr. 104');
    // Each figure lies in its source's id range, which is how Bronnen and --source find them.
    const sourceId = figures[0]?.source.id as number;
    expect(sourceFigures(db, sourceId, 100, 0).map((f) => f.id).sort((a, b) => a - b)).toEqual(figures.map((f) => f.id).sort((a, b) => a - b));
    expect(countSourceFigures(db, sourceId)).toBe(figures.length);
  });

  it('ships no per-area figures: the letter gives none', () => {
    const n = db.prepare("SELECT count(*) FROM observation o JOIN area a ON a.id = o.area_id WHERE a.code <> 'NPLV'").pluck().get();
    expect(n).toBe(0);
  });
});
