import type { FigureSource, MemberFigure } from '../../contract/compare';
import type { AreaKind, Qualifier, Sign } from '../../contract/model';
import { SIGN_SYMBOL } from '../format/figure';
import { aggregate, aggregateColumns, figureValue, type AggregationRule } from './aggregate';
import { isProvisionalCode, type MemberColumn } from './figure-block';
import type { StoredFigure } from './stored-figure';
import type { WbiLookup } from './boundary';
import type { Direction } from './stats';

/**
 * The figure of an area for an indicator and period: the one imported for the area itself, else
 * the aggregate of its members (recursively: a focus area from districts that may come from their
 * neighbourhoods). An imported figure wins; where an aggregate can be computed too, the difference
 * is reported. Pure: the store's figures come in through `CompareData`.
 */

export type { StoredFigure } from './stored-figure';

/** What a figure's source row says (its cell and raw text are the figure's own). */
export interface SourceInfo {
  kind: FigureSource['kind'];
  title: string;
  file: string | null;
  sheet: string | null;
}

export interface AreaInfo {
  code: string;
  name: string;
  kind: AreaKind;
}

export interface MemberLink {
  code: string;
  status: 'proposal' | 'confirmed';
}

export interface IndicatorRule {
  code: string;
  name: string;
  unit: string;
  aggregation: 'sum' | 'weighted_mean' | 'none';
  weightIndicatorCode: string | null;
  direction: Direction;
}

export interface CompareData extends WbiLookup {
  area(code: string): AreaInfo | undefined;
  indicator(code: string): IndicatorRule | undefined;
  figure(areaCode: string, indicatorCode: string, period: string): StoredFigure | undefined;
  /** Where a stored figure stands (file, sheet, cell), with its one-line Dutch text. */
  source(f: StoredFigure): FigureSource;
  /** What an aggregate of the area is made of; null when not known here (not loaded), [] when nothing. */
  members(areaCode: string): readonly MemberLink[] | null;
  /**
   * Optional bulk read: the members' figures of one indicator and period as columns (figureValue
   * and sign code per member, in the order given), when held so; undefined otherwise.
   */
  memberValues?(codes: readonly string[], indicatorCode: string, period: string, into?: MemberColumn): MemberColumn | undefined;
}

export interface Resolved {
  value: number | null;
  low: number | null;
  high: number | null;
  sign: Sign | null;
  qualifier: Qualifier | null;
  aggregated: boolean;
  sourceRef: FigureSource | null;
  source: string | null;
  coverage: number | null;
  coverageDetail: { withFigure: number; total: number; weightShare: number | null; threshold: number } | null;
  members: string[] | null;
  memberDetail: MemberFigure[] | null;
  importedVsAggregate: { imported: number; aggregate: number; difference: number } | null;
  missingReason: string | null;
  /** How an aggregate was made ("som van 3 leden"); null for imported figures. */
  method: string | null;
  /** Members whose figures made the aggregate (for boundary checks). */
  readonly countedMembers: readonly string[];
}

const MAX_DEPTH = 4;
/** Members named in an aggregate's one-line source; the rest are counted ("… en 670 andere leden"). */
const SOURCE_MEMBERS_NAMED = 10;

export interface ResolverOptions {
  minCoverage: number;
  /** Per-member detail (value, weight, source) on every aggregate; off for very large aggregates. */
  memberDetail: boolean;
  /** No provenance at all (sourceRef, source): a grid of thousands of rows asks for it cell by cell. */
  lean?: boolean;
}

const SIGN_WORD: Record<Sign, string> = {
  unknown: 'onbekend',
  secret: 'geheim',
  nil: 'nihil',
  provisional: 'voorlopig',
  revised_provisional: 'nader voorlopig',
  less_than_half_unit: 'minder dan de helft van de eenheid',
  cannot_occur: 'kan niet voorkomen',
};

export function signReason(sign: Sign): string {
  return `geen cijfer: CBS-teken "${SIGN_SYMBOL[sign]}" (${SIGN_WORD[sign]})`;
}

function ruleOf(ind: IndicatorRule): AggregationRule {
  if (ind.aggregation === 'weighted_mean') return { aggregation: 'weighted_mean', weightIndicatorCode: ind.weightIndicatorCode };
  return { aggregation: ind.aggregation };
}

/**
 * Whether an area's figure is read straight from its own figure, never aggregated: it has no members
 * here, or none were found and it is not a composition (its figure is then its own, or none).
 */
export function readStraight(data: Pick<CompareData, 'members' | 'area'>, code: string): boolean {
  const links = data.members(code);
  if (links === null) return true;
  if (links.length > 0) return false;
  return !isComposition(data.area(code)?.kind);
}

/** A focus area or the programme: made of members by definition (without them: "samenstelling onbekend"). */
const isComposition = (kind: AreaKind | undefined): boolean => kind === 'focus_area' || kind === 'programme';

const empty = (reason: string): Resolved => ({
  value: null, low: null, high: null, sign: null, qualifier: null, aggregated: false, sourceRef: null, source: null,
  coverage: null, coverageDetail: null, members: null, memberDetail: null, importedVsAggregate: null,
  missingReason: reason, method: null, countedMembers: [],
});

export class FigureResolver {
  /** Resolved figures per area, by a number per (indicator, period): no key string per lookup. */
  private readonly memo = new Map<string, Resolved[]>();
  private readonly slots = new Map<string, Map<string, number>>();

  private readonly minCoverage: number;
  private readonly withDetail: boolean;
  private readonly lean: boolean;
  private readonly memberCodes = new Map<readonly MemberLink[], string[]>();

  constructor(
    private readonly data: CompareData,
    options: number | ResolverOptions,
  ) {
    this.minCoverage = typeof options === 'number' ? options : options.minCoverage;
    this.withDetail = typeof options === 'number' ? true : options.memberDetail;
    this.lean = typeof options === 'number' ? false : options.lean === true;
  }

  resolve(areaCode: string, indicatorCode: string, period: string, depth = 0): Resolved {
    let byPeriod = this.slots.get(indicatorCode);
    if (!byPeriod) this.slots.set(indicatorCode, (byPeriod = new Map()));
    let slot = byPeriod.get(period);
    if (slot === undefined) byPeriod.set(period, (slot = this.slotCount++));
    let own = this.memo.get(areaCode);
    if (!own) this.memo.set(areaCode, (own = []));
    let r = own[slot];
    if (!r) {
      r = this.compute(areaCode, indicatorCode, period, depth);
      own[slot] = r;
    }
    return r;
  }

  private slotCount = 0;

  /** A member's figure: straight from the store for a member that is not itself aggregated (no allocation). */
  private memberValue(code: string, indicatorCode: string, period: string, depth: number): { value: number | null; fig: StoredFigure | undefined; resolved: Resolved | null } {
    if (depth >= MAX_DEPTH || this.data.members(code) === null) {
      const fig = this.data.figure(code, indicatorCode, period);
      return { value: fig ? figureValue(fig.value, fig.sign) : null, fig, resolved: null };
    }
    const resolved = this.resolve(code, indicatorCode, period, depth);
    return { value: resolved.value, fig: undefined, resolved };
  }

  private codesOf(links: readonly MemberLink[]): string[] {
    let codes = this.memberCodes.get(links);
    if (!codes) this.memberCodes.set(links, (codes = links.map((l) => l.code)));
    return codes;
  }

  private compute(areaCode: string, indicatorCode: string, period: string, depth: number): Resolved {
    const ind = this.data.indicator(indicatorCode);
    if (!ind) return empty(`indicator ${indicatorCode} onbekend`);
    const area = this.data.area(areaCode);
    const imported = this.data.figure(areaCode, indicatorCode, period);
    const links = depth < MAX_DEPTH ? this.data.members(areaCode) : null;

    if (imported) {
      const value = figureValue(imported.value, imported.sign);
      const sourceRef = this.lean ? null : this.data.source(imported);
      const base: Resolved = {
        value, low: imported.low, high: imported.high, sign: imported.sign, qualifier: imported.qualifier,
        aggregated: false, sourceRef, source: sourceRef ? sourceRef.text : null,
        coverage: null, coverageDetail: null, members: null, memberDetail: null, importedVsAggregate: null,
        missingReason: value === null && imported.low === null && imported.sign ? signReason(imported.sign) : null,
        method: null, countedMembers: [],
      };
      if (value !== null && links && links.length > 0 && ind.aggregation !== 'none') {
        const agg = this.aggregateOf(links, ind, period, depth);
        if (agg.value !== null) base.importedVsAggregate = { imported: value, aggregate: agg.value, difference: value - agg.value };
      }
      return base;
    }
    if (links === null || (links.length === 0 && !isComposition(area?.kind))) return empty(`geen cijfer voor ${period}`);
    if (links.length === 0) return empty('samenstelling onbekend');
    return this.aggregateOf(links, ind, period, depth);
  }

  private aggregateOf(links: readonly MemberLink[], ind: IndicatorRule, period: string, depth: number): Resolved {
    const rule = ruleOf(ind);
    if (rule.aggregation === 'none') {
      const out = aggregate(rule, [], this.minCoverage);
      return { ...empty(out.reason ?? ''), members: this.codesOf(links) };
    }
    const weightCode = rule.aggregation === 'weighted_mean' ? rule.weightIndicatorCode : null;
    const bulk = this.fromColumns(links, ind, rule, weightCode, period, depth);
    if (bulk) return bulk;
    const n = links.length;
    const values = new Array<ReturnType<FigureResolver['memberValue']>>(n);
    const inputs = new Array<{ code: string; value: number | null; sign: null; weight: number | null }>(n);
    for (let i = 0; i < n; i++) {
      const code = (links[i] as MemberLink).code;
      const v = this.memberValue(code, ind.code, period, depth + 1);
      values[i] = v;
      inputs[i] = { code, value: v.value, sign: null, weight: weightCode ? this.memberValue(code, weightCode, period, depth + 1).value : null };
    }
    const out = aggregate(rule, inputs, this.minCoverage);
    let provisional = false;
    const counted: string[] = [];
    for (let i = 0; i < n; i++) {
      if (!out.counted[i]) continue;
      const v = values[i] as ReturnType<FigureResolver['memberValue']>;
      const sign = v.resolved ? v.resolved.sign : v.fig?.sign ?? null;
      if (sign === 'provisional' || sign === 'revised_provisional') provisional = true;
      counted.push((links[i] as MemberLink).code);
    }
    const memberDetail: MemberFigure[] | null = this.withDetail ? links.map((l, i) => {
      const v = values[i] as ReturnType<FigureResolver['memberValue']>;
      const info = this.data.area(l.code);
      return {
        code: l.code, name: info?.name ?? l.code, kind: info?.kind ?? 'other', status: l.status,
        value: v.value, sign: v.resolved ? v.resolved.sign : v.fig?.sign ?? null, weight: weightCode ? (inputs[i]?.weight ?? null) : null,
        counted: out.counted[i] ?? false, aggregated: v.resolved?.aggregated ?? false,
        source: v.resolved ? v.resolved.sourceRef : v.fig ? this.data.source(v.fig) : null,
      };
    }) : null;
    let source: string | null = null;
    if (out.value !== null && !this.lean) {
      const named = links.slice(0, SOURCE_MEMBERS_NAMED).map((l, i) => {
        const v = values[i] as ReturnType<FigureResolver['memberValue']>;
        const r = v.resolved;
        const why = r ? (r.aggregated ? r.method ?? 'berekend' : r.source ?? r.missingReason ?? 'geen cijfer') : v.fig ? this.data.source(v.fig).text : 'geen cijfer';
        return `${l.code} (${why})`;
      });
      const rest = n - named.length;
      source = `${out.method}: ${named.join('; ')}${rest > 0 ? `; … en ${rest} andere ${rest === 1 ? 'lid' : 'leden'}` : ''}`;
    }
    return {
      value: out.value, low: null, high: null, sign: out.value !== null && provisional ? 'provisional' : null, qualifier: null,
      aggregated: true, sourceRef: null, source,
      coverage: out.coverage,
      coverageDetail: { withFigure: out.withFigure, total: out.total, weightShare: out.weightShare, threshold: this.minCoverage },
      members: this.codesOf(links), memberDetail, importedVsAggregate: null,
      missingReason: out.reason, method: out.method, countedMembers: counted,
    };
  }

  /** Whether every member is read straight from its own figure (none is aggregated itself at this depth). */
  private allLeaves(links: readonly MemberLink[], depth: number): boolean {
    if (depth >= MAX_DEPTH) return true;
    let known = this.leaves.get(links);
    if (known === undefined) this.leaves.set(links, (known = links.every((l) => readStraight(this.data, l.code))));
    return known;
  }

  private readonly leaves = new Map<readonly MemberLink[], boolean>();
  /** Values and weights of the members, read into two reused buffers per member count. */
  private readonly buffers = new Map<number, [MemberColumn, MemberColumn]>();
  /** `counted` flags of bulk aggregates, cut from one pool (a national aggregation makes 2,400). */
  private countedPool = new Uint8Array(0);
  private countedUsed = 0;

  /**
   * The same aggregate from the members' figures held as columns (a national aggregation: 700
   * members × 120 indicators per focus area), without per-member detail. Only where every member
   * is read straight from its own figure, as the member-by-member path then does: same values in
   * the same order (aggregateColumns is what `aggregate` runs), same coverage, reasons and source line.
   */
  private fromColumns(links: readonly MemberLink[], ind: IndicatorRule, rule: AggregationRule, weightCode: string | null, period: string, depth: number): Resolved | null {
    if (this.withDetail || !this.data.memberValues || links.length === 0 || !this.allLeaves(links, depth + 1)) return null;
    const codes = this.codesOf(links);
    // the columns are read into reused buffers: only `counted` outlives this call
    const n = codes.length;
    // one pair of buffers per member count (compositions of 4 and 5 members alternate: no new arrays per call)
    let bufs = this.buffers.get(n);
    if (!bufs) this.buffers.set(n, (bufs = [{ values: new Float64Array(n), signs: new Uint8Array(n) }, { values: new Float64Array(n), signs: new Uint8Array(n) }]));
    const col = this.data.memberValues(codes, ind.code, period, bufs[0]);
    if (!col) return null;
    const weights = weightCode ? this.data.memberValues(codes, weightCode, period, bufs[1]) : undefined;
    if (weightCode && !weights) return null;
    if (this.countedPool.length - this.countedUsed < n) {
      this.countedPool = new Uint8Array(Math.max(n, 1 << 16));
      this.countedUsed = 0;
    }
    const countedInto = this.countedPool.subarray(this.countedUsed, (this.countedUsed += n));
    const out = aggregateColumns(rule, col.values, weights?.values ?? null, this.minCoverage, countedInto);
    let provisional = false;
    for (let i = 0; i < codes.length && !provisional; i++) if (out.counted[i] && isProvisionalCode(col.signs[i] as number)) provisional = true;
    let source: string | null = null;
    if (out.value !== null && !this.lean) {
      const named = codes.slice(0, SOURCE_MEMBERS_NAMED).map((code) => {
        const fig = this.data.figure(code, ind.code, period);
        // as the member-by-member path words it: a member looked through without members is "geen cijfer voor …"
        return `${code} (${fig ? this.data.source(fig).text : this.data.members(code) === null ? 'geen cijfer' : `geen cijfer voor ${period}`})`;
      });
      const rest = codes.length - named.length;
      source = `${out.method}: ${named.join('; ')}${rest > 0 ? `; … en ${rest} andere ${rest === 1 ? 'lid' : 'leden'}` : ''}`;
    }
    return new ColumnAggregate(
      out.value, out.value !== null && provisional ? 'provisional' : null, source, out.coverage,
      { withFigure: out.withFigure, total: out.total, weightShare: out.weightShare, threshold: this.minCoverage },
      codes, out.reason, out.method, out.counted,
    );
  }
}

/**
 * An aggregate made from columns (see fromColumns). Its counted members' codes are listed only
 * when a delta's boundary check asks (700 per cell in a national aggregation otherwise); a class,
 * so thousands of them share one getter instead of a closure each.
 */
class ColumnAggregate implements Resolved {
  readonly low = null;
  readonly high = null;
  readonly qualifier = null;
  readonly aggregated = true;
  readonly sourceRef = null;
  readonly memberDetail = null;
  readonly importedVsAggregate = null;
  private counted: string[] | null = null;

  constructor(
    readonly value: number | null,
    readonly sign: Sign | null,
    readonly source: string | null,
    readonly coverage: number | null,
    readonly coverageDetail: Resolved['coverageDetail'],
    readonly members: string[],
    readonly missingReason: string | null,
    readonly method: string | null,
    private readonly countedFlags: Uint8Array,
  ) {}

  get countedMembers(): readonly string[] {
    return (this.counted ??= this.members.filter((_, i) => this.countedFlags[i] === 1));
  }
}
