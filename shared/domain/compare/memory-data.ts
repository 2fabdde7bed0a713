import { parsePeriod } from '../period';
import type { FigureSource } from '../../contract/compare';
import type { AreaInfo, CompareData, IndicatorRule, MemberLink, SourceInfo, StoredFigure } from './resolve';
import { figureSourceText } from './source-text';
import type { FigureBlock, MemberColumn } from './figure-block';

/**
 * CompareData held in maps: the service fills it from the store's rows, tests from literals.
 * Figures are keyed per area by a small number (indicator × period), so a national aggregation
 * (millions of member figures) costs one map lookup per figure and no key strings.
 * `ind_wbi` figures double as the edition marker for boundary checks (see boundary.ts).
 */
const PERIOD_SLOTS = 256;

export class MemoryCompareData implements CompareData {
  private readonly areas = new Map<string, AreaInfo>();
  private readonly indicators = new Map<string, IndicatorRule>();
  private readonly indicatorIndex = new Map<string, number>();
  private readonly periodIndex = new Map<string, number>();
  private readonly figures = new Map<string, Map<number, StoredFigure>>();
  private readonly memberLinks = new Map<string, MemberLink[]>();
  private readonly wbiFigures = new Map<string, number | null>();
  private readonly sources = new Map<number, SourceInfo>();
  private readonly blocks = new Map<string, FigureBlock[]>();
  /** Areas with figures of their own besides ind_wbi (which only serves boundary checks). */
  private readonly withOwnValues = new Set<string>();
  private readonly blockRows = new WeakMap<readonly string[], Map<FigureBlock, Int32Array | null>>();
  readonly editionYears = new Set<number>();

  addArea(a: AreaInfo): this {
    this.areas.set(a.code, a);
    return this;
  }

  addIndicator(i: IndicatorRule): this {
    this.indicators.set(i.code, i);
    return this;
  }

  addSource(id: number, s: SourceInfo): this {
    this.sources.set(id, s);
    return this;
  }

  /** A source's file name (or a document's citation); null when not loaded. */
  sourceTitle(id: number): string | null {
    const s = this.sources.get(id);
    return s ? s.file ?? s.title : null;
  }

  private slot(indicatorCode: string, period: string, create: boolean): number {
    let i = this.indicatorIndex.get(indicatorCode);
    let p = this.periodIndex.get(period);
    if (i === undefined || p === undefined) {
      if (!create) return -1;
      if (i === undefined) this.indicatorIndex.set(indicatorCode, (i = this.indicatorIndex.size));
      if (p === undefined) {
        if (this.periodIndex.size >= PERIOD_SLOTS) throw new Error('too many periods in one comparison');
        this.periodIndex.set(period, (p = this.periodIndex.size));
      }
    }
    return i * PERIOD_SLOTS + p;
  }

  addFigure(areaCode: string, indicatorCode: string, period: string, f: StoredFigure): this {
    let own = this.figures.get(areaCode);
    if (!own) this.figures.set(areaCode, (own = new Map()));
    own.set(this.slot(indicatorCode, period, true), f);
    if (indicatorCode !== 'ind_wbi') this.withOwnValues.add(areaCode);
    if (indicatorCode === 'ind_wbi') {
      const year = parsePeriod(period)?.yearEnd;
      if (year !== undefined) {
        this.wbiFigures.set(`${areaCode}\u0000${year}`, f.value);
        this.editionYears.add(year);
      }
    }
    return this;
  }

  /** Members' figures for one period, held as columns (see figure-block.ts). */
  addBlock(block: FigureBlock): this {
    this.blocks.set(block.period, [...(this.blocks.get(block.period) ?? []), block]);
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
    const own = this.figures.get(areaCode);
    const slot = own ? this.slot(indicatorCode, period, false) : -1;
    const f = slot < 0 ? undefined : own?.get(slot);
    if (f) return f;
    for (const b of this.blocks.get(period) ?? []) if (b.has(areaCode, indicatorCode)) return b.figure(areaCode, indicatorCode);
    return undefined;
  }

  /** How many figures an area has here (the service's check whether any is missing). */
  figureCount(areaCode: string): number {
    let n = this.figures.get(areaCode)?.size ?? 0;
    for (const list of this.blocks.values()) for (const b of list) n += b.count(areaCode);
    return n;
  }

  /**
   * The members' figures of one indicator and period as columns, when all of them are held in one
   * block of that period (none with a figure of its own beside it, which would come first);
   * undefined otherwise. Not for ind_wbi (not aggregated; its own figures serve boundary checks).
   * With `into` (arrays as long as `codes`), the column is written there and `into` returned.
   */
  memberValues(codes: readonly string[], indicatorCode: string, period: string, into?: MemberColumn): MemberColumn | undefined {
    const list = this.blocks.get(period);
    if (!list || indicatorCode === 'ind_wbi') return undefined;
    let cache = this.blockRows.get(codes);
    if (!cache) this.blockRows.set(codes, (cache = new Map()));
    for (const b of list) {
      let rows = cache.get(b);
      if (rows === undefined) {
        rows = b.rowsOf(codes);
        if (rows) for (const c of codes) if (this.withOwnValues.has(c)) { rows = null; break; }
        cache.set(b, rows);
      }
      if (rows) return b.column(rows, indicatorCode, into) ?? undefined;
    }
    return undefined;
  }

  /** Each figure's source, made once: an aggregate's member detail and its source line both ask for it. */
  private readonly sourceOf = new WeakMap<StoredFigure, FigureSource>();

  source(f: StoredFigure): FigureSource {
    let made = this.sourceOf.get(f);
    if (!made) this.sourceOf.set(f, (made = this.makeSource(f)));
    return made;
  }

  private makeSource(f: StoredFigure): FigureSource {
    const s = this.sources.get(f.sourceId) ?? { kind: 'file' as const, title: `bron ${f.sourceId}`, file: null, sheet: null };
    const base = { sourceId: f.sourceId, kind: s.kind, title: s.title, file: s.file, sheet: s.sheet, cell: f.cell, raw: f.raw };
    return { ...base, text: figureSourceText(base) };
  }

  members(areaCode: string): readonly MemberLink[] | null {
    return this.memberLinks.get(areaCode) ?? null;
  }

  wbi(areaCode: string, year: number): number | null | undefined {
    const key = `${areaCode}\u0000${year}`;
    return this.wbiFigures.has(key) ? (this.wbiFigures.get(key) as number | null) : undefined;
  }
}
