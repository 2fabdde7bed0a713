import type { CompareResult } from '../../contract/compare';
import type { Indicator, Observation, Sign } from '../../contract/model';
import { formatFigure, formatValue, SIGN_SYMBOL } from '../format/figure';
import { classBounds, classCount, classOf, classPalette, fixedBreaks, quantileBreaks, type ClassBreaks } from './class-breaks';

/**
 * A figure as the map draws it, whichever call produced it: an area's own stored figure
 * (maps.get) or compare's answer for a focus area (compare.run), aggregated from its members.
 */
export interface MapFigure {
  areaCode: string;
  value: number | null;
  sign: Sign | null;
  /** The figure in Dutch ("35.255", "ca. 12%", "x"). */
  text: string;
  period: string | null;
  /** One line for the hover: the file and cell, or how the aggregate was made. */
  source: string;
  /** Files the figure (or its members' figures) came from. */
  files: string[];
  /** Computed from the area's members rather than imported for the area itself. */
  aggregated: boolean;
  /** The members an aggregate used (codes); null for an imported figure. */
  members: string[] | null;
  /** The composition behind it is (partly) a proposal: "te bevestigen". */
  proposal: boolean;
  /** Why there is no figure (compare's reason), when there is none. */
  missingReason: string | null;
}

export function figureFromObservation(o: Observation): MapFigure {
  const file = o.source.file ?? o.source.title;
  return {
    areaCode: o.areaCode,
    value: o.value,
    sign: o.sign,
    text: formatFigure(o),
    period: o.period,
    source: [file, o.source.sheet ? `blad ${o.source.sheet}` : null, o.source.cell ? `cel ${o.source.cell}` : null].filter(Boolean).join(', '),
    files: [file],
    aggregated: false,
    members: null,
    proposal: false,
    missingReason: null,
  };
}

/**
 * One indicator's column of a compare.run answer as map figures: the shown areas only (reference
 * rows are text beside the map, not colours). An aggregated cell keeps its members and says when
 * the composition is a proposal.
 */
export function figuresFromCompare(result: CompareResult, indicatorCode: string): MapFigure[] {
  const col = result.indicators.findIndex((i) => i.code === indicatorCode);
  if (col < 0) return [];
  const out: MapFigure[] = [];
  for (const row of result.rows) {
    if (row.role !== 'area') continue;
    const c = row.cells[col];
    if (!c) continue;
    const memberFiles = (c.memberDetail ?? []).map((m) => m.source?.file ?? m.source?.title).filter((f): f is string => !!f);
    const own = c.sourceRef ? [c.sourceRef.file ?? c.sourceRef.title] : [];
    out.push({
      areaCode: row.areaCode,
      value: c.value,
      sign: c.sign,
      text: formatFigure(c),
      period: c.period,
      source: c.source ?? '',
      files: [...new Set([...own, ...memberFiles])],
      aggregated: c.aggregated,
      members: c.members,
      proposal: row.compositionStatus === 'proposal' || (c.memberDetail ?? []).some((m) => m.status === 'proposal'),
      missingReason: c.missingReason,
    });
  }
  return out;
}

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
  figure: MapFigure;
}

export interface MissingArea {
  code: string;
  name: string;
  /** Why there is no colour: the CBS sign ("x geheim") or "geen cijfer". */
  why: string;
  figure: MapFigure | null;
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
export function buildMapModel(areas: MapArea[], figures: MapFigure[], indicator: Pick<Indicator, 'direction' | 'unit'>, choice: BreakChoice): MapModel {
  const byCode = new Map(figures.map((f) => [f.areaCode, f]));
  const withValue: { area: MapArea; figure: MapFigure; value: number }[] = [];
  const missing: MissingArea[] = [];
  for (const area of areas) {
    const f = byCode.get(area.code);
    if (f && f.value !== null && Number.isFinite(f.value)) withValue.push({ area, figure: f, value: f.value });
    else if (f) missing.push({ code: area.code, name: area.name, why: f.sign ? `${SIGN_SYMBOL[f.sign]} ${SIGN_WORD[f.sign] ?? ''}`.trim() : f.missingReason ?? (f.text || 'geen cijfer'), figure: f });
    else missing.push({ code: area.code, name: area.name, why: 'geen cijfer', figure: null });
  }
  const values = withValue.map((w) => w.value);
  const breaks = choice.method === 'quantile' ? quantileBreaks(values, choice.classes) : fixedBreaks(values, choice.thresholds);
  const colours = classPalette(classCount(breaks), indicator.direction);
  const classed = withValue.map((w) => ({ code: w.area.code, name: w.area.name, value: w.value, text: w.figure.text, klass: classOf(breaks, w.value), figure: w.figure }));
  const counts = colours.map((_, j) => classed.filter((c) => c.klass === j).length);
  const legend = values.length === 0 ? [] : classBounds(breaks).map((b, j) => ({ colour: colours[j]!, label: `${formatValue(b.from, indicator.unit)} – ${formatValue(b.to, indicator.unit)}`, count: counts[j]! }));
  return { breaks, colours, classed, missing, legend };
}
