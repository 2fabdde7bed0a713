import { parsePeriod } from '../period';
import type { AreaInfo, CompareData, IndicatorRule, MemberLink, StoredFigure } from './resolve';

/**
 * CompareData held in maps: the service fills it from the store's rows, tests from literals.
 * `ind_wbi` figures double as the edition marker for boundary checks (see boundary.ts).
 */
export class MemoryCompareData implements CompareData {
  private readonly areas = new Map<string, AreaInfo>();
  private readonly indicators = new Map<string, IndicatorRule>();
  private readonly figures = new Map<string, StoredFigure>();
  private readonly memberLinks = new Map<string, MemberLink[]>();
  private readonly wbiFigures = new Map<string, number | null>();
  readonly editionYears = new Set<number>();

  addArea(a: AreaInfo): this {
    this.areas.set(a.code, a);
    return this;
  }

  addIndicator(i: IndicatorRule): this {
    this.indicators.set(i.code, i);
    return this;
  }

  addFigure(areaCode: string, indicatorCode: string, period: string, f: StoredFigure): this {
    this.figures.set(`${areaCode}\u0000${indicatorCode}\u0000${period}`, f);
    if (indicatorCode === 'ind_wbi') {
      const year = parsePeriod(period)?.yearEnd;
      if (year !== undefined) {
        this.wbiFigures.set(`${areaCode}\u0000${year}`, f.value);
        this.editionYears.add(year);
      }
    }
    return this;
  }

  /** The members an aggregate of this area is made of ([] = none: a focus area without composition). */
  setMembers(areaCode: string, links: MemberLink[]): this {
    this.memberLinks.set(areaCode, links);
    return this;
  }

  area(code: string): AreaInfo | undefined {
    return this.areas.get(code);
  }

  indicator(code: string): IndicatorRule | undefined {
    return this.indicators.get(code);
  }

  figure(areaCode: string, indicatorCode: string, period: string): StoredFigure | undefined {
    return this.figures.get(`${areaCode}\u0000${indicatorCode}\u0000${period}`);
  }

  members(areaCode: string): readonly MemberLink[] | null {
    return this.memberLinks.get(areaCode) ?? null;
  }

  wbi(areaCode: string, year: number): number | null | undefined {
    const key = `${areaCode}\u0000${year}`;
    return this.wbiFigures.has(key) ? (this.wbiFigures.get(key) as number | null) : undefined;
  }
}
