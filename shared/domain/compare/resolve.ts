import type { FigureSource, MemberFigure } from '../../contract/compare';
import type { AreaKind, Qualifier, Sign } from '../../contract/model';
import { SIGN_SYMBOL } from '../format/figure';
import { aggregate, figureValue, type AggregationRule } from './aggregate';
import type { WbiLookup } from './boundary';
import type { Direction } from './stats';

/**
 * The figure of an area for an indicator and period: the one imported for the area itself, else
 * the aggregate of its members (recursively: a focus area from districts that may come from their
 * neighbourhoods). An imported figure wins; where an aggregate can be computed too, the difference
 * is reported. Pure: the store's figures come in through `CompareData`.
 */

export interface StoredFigure {
  value: number | null;
  low: number | null;
  high: number | null;
  sign: Sign | null;
  qualifier: Qualifier | null;
  source: FigureSource;
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
  /** What an aggregate of the area is made of; null when not known here (not loaded), [] when nothing. */
  members(areaCode: string): readonly MemberLink[] | null;
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
  countedMembers: string[];
}

const MAX_DEPTH = 4;

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

const empty = (reason: string): Resolved => ({
  value: null, low: null, high: null, sign: null, qualifier: null, aggregated: false, sourceRef: null, source: null,
  coverage: null, coverageDetail: null, members: null, memberDetail: null, importedVsAggregate: null,
  missingReason: reason, method: null, countedMembers: [],
});

export class FigureResolver {
  private readonly memo = new Map<string, Resolved>();

  constructor(
    private readonly data: CompareData,
    private readonly minCoverage: number,
  ) {}

  resolve(areaCode: string, indicatorCode: string, period: string, depth = 0): Resolved {
    const key = `${areaCode}\u0000${indicatorCode}\u0000${period}`;
    let r = this.memo.get(key);
    if (!r) {
      r = this.compute(areaCode, indicatorCode, period, depth);
      this.memo.set(key, r);
    }
    return r;
  }

  private compute(areaCode: string, indicatorCode: string, period: string, depth: number): Resolved {
    const ind = this.data.indicator(indicatorCode);
    if (!ind) return empty(`indicator ${indicatorCode} onbekend`);
    const area = this.data.area(areaCode);
    const imported = this.data.figure(areaCode, indicatorCode, period);
    const links = depth < MAX_DEPTH ? this.data.members(areaCode) : null;

    if (imported) {
      const value = figureValue(imported.value, imported.sign);
      const base: Resolved = {
        value, low: imported.low, high: imported.high, sign: imported.sign, qualifier: imported.qualifier,
        aggregated: false, sourceRef: imported.source, source: imported.source.text,
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
    const isComposition = area?.kind === 'focus_area' || area?.kind === 'programme';
    if (links === null || (links.length === 0 && !isComposition)) return empty(`geen cijfer voor ${period}`);
    if (links.length === 0) return empty('samenstelling onbekend');
    return this.aggregateOf(links, ind, period, depth);
  }

  private aggregateOf(links: readonly MemberLink[], ind: IndicatorRule, period: string, depth: number): Resolved {
    const rule = ruleOf(ind);
    if (rule.aggregation === 'none') {
      const out = aggregate(rule, [], this.minCoverage);
      return { ...empty(out.reason ?? ''), members: links.map((l) => l.code) };
    }
    const weightCode = rule.aggregation === 'weighted_mean' ? rule.weightIndicatorCode : null;
    const resolved = links.map((l) => this.resolve(l.code, ind.code, period, depth + 1));
    const weights = links.map((l) => (weightCode ? this.resolve(l.code, weightCode, period, depth + 1).value : null));
    const out = aggregate(rule, links.map((l, i) => ({ code: l.code, value: resolved[i]?.value ?? null, sign: null, weight: weights[i] ?? null })), this.minCoverage);
    const memberDetail: MemberFigure[] = links.map((l, i) => {
      const r = resolved[i] as Resolved;
      const info = this.data.area(l.code);
      return {
        code: l.code, name: info?.name ?? l.code, kind: info?.kind ?? 'other', status: l.status,
        value: r.value, sign: r.sign, weight: weightCode ? (weights[i] ?? null) : null,
        counted: out.counted[i] ?? false, aggregated: r.aggregated, source: r.sourceRef,
      };
    });
    const counted = memberDetail.filter((m) => m.counted);
    const provisional = counted.some((m) => m.sign === 'provisional' || m.sign === 'revised_provisional');
    const describe = (m: MemberFigure, r: Resolved) => `${m.code} (${r.aggregated ? r.method ?? 'berekend' : r.source ?? r.missingReason ?? 'geen cijfer'})`;
    const source = out.value === null ? null : `${out.method}: ${memberDetail.map((m, i) => describe(m, resolved[i] as Resolved)).join('; ')}`;
    return {
      value: out.value, low: null, high: null, sign: out.value !== null && provisional ? 'provisional' : null, qualifier: null,
      aggregated: true, sourceRef: null, source,
      coverage: out.coverage,
      coverageDetail: { withFigure: out.withFigure, total: out.total, weightShare: out.weightShare, threshold: this.minCoverage },
      members: links.map((l) => l.code), memberDetail, importedVsAggregate: null,
      missingReason: out.reason, method: out.method, countedMembers: counted.map((m) => m.code),
    };
  }
}
