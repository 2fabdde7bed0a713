import type { Indicator, Observation } from '../../contract/model';
import { formatFigure, formatValue, SIGN_SYMBOL } from '../format/figure';
import { classBounds, classCount, classOf, classPalette, fixedBreaks, quantileBreaks, type ClassBreaks } from './class-breaks';

export interface MapArea {
  code: string;
  name: string;
}

export interface ClassedArea {
  code: string;
  name: string;
  value: number;
  text: string;
  klass: number;
  figure: Observation;
}

export interface MissingArea {
  code: string;
  name: string;
  /** Why there is no colour: the CBS sign ("x geheim") or "geen cijfer". */
  why: string;
  figure: Observation | null;
}

export interface LegendEntry {
  colour: string;
  label: string;
  count: number;
}

export interface MapModel {
  breaks: ClassBreaks;
  colours: string[];
  classed: ClassedArea[];
  missing: MissingArea[];
  legend: LegendEntry[];
}

export type BreakChoice = { method: 'quantile'; classes: number } | { method: 'fixed'; thresholds: number[] };

const SIGN_WORD: Record<string, string> = {
  unknown: 'onbekend',
  secret: 'geheim',
  nil: 'nihil',
  cannot_occur: 'kan niet voorkomen',
};

/**
 * What a choropleth shows: each area with a figure in its class, each area without one listed with
 * the reason (its CBS sign, or no figure at all) — never coloured as if it were a low value.
 */
export function buildMapModel(areas: MapArea[], figures: Observation[], indicator: Pick<Indicator, 'direction' | 'unit'>, choice: BreakChoice): MapModel {
  const byCode = new Map(figures.map((f) => [f.areaCode, f]));
  const withValue: { area: MapArea; figure: Observation; value: number }[] = [];
  const missing: MissingArea[] = [];
  for (const area of areas) {
    const f = byCode.get(area.code);
    if (f && f.value !== null && Number.isFinite(f.value)) withValue.push({ area, figure: f, value: f.value });
    else if (f) missing.push({ code: area.code, name: area.name, why: f.sign ? `${SIGN_SYMBOL[f.sign]} ${SIGN_WORD[f.sign] ?? ''}`.trim() : formatFigure(f), figure: f });
    else missing.push({ code: area.code, name: area.name, why: 'geen cijfer', figure: null });
  }
  const values = withValue.map((w) => w.value);
  const breaks = choice.method === 'quantile' ? quantileBreaks(values, choice.classes) : fixedBreaks(values, choice.thresholds);
  const colours = classPalette(classCount(breaks), indicator.direction);
  const classed = withValue.map((w) => ({ code: w.area.code, name: w.area.name, value: w.value, text: formatFigure(w.figure), klass: classOf(breaks, w.value), figure: w.figure }));
  const counts = colours.map((_, j) => classed.filter((c) => c.klass === j).length);
  const legend = values.length === 0 ? [] : classBounds(breaks).map((b, j) => ({ colour: colours[j]!, label: `${formatValue(b.from, indicator.unit)} – ${formatValue(b.to, indicator.unit)}`, count: counts[j]! }));
  return { breaks, colours, classed, missing, legend };
}
