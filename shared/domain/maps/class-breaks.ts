import type { Indicator } from '../../contract/model';

/**
 * Class breaks for a choropleth. `thresholds` are the inner edges, ascending and distinct: a value
 * equal to a threshold belongs to the class above it, so n thresholds make n + 1 classes.
 * Quantiles put (about) as many areas in each class; fixed breaks are the analyst's own.
 */
export interface ClassBreaks {
  method: 'quantile' | 'fixed';
  thresholds: number[];
  min: number;
  max: number;
}

/** Linear-interpolated quantile of sorted values (R type 7, Excel's PERCENTILE.INC). */
export function quantile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a + (h - lo) * (b - a);
}

export function quantileBreaks(values: number[], classes: number): ClassBreaks {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return { method: 'quantile', thresholds: [], min: NaN, max: NaN };
  const k = Math.max(1, Math.min(classes, sorted.length));
  const thresholds: number[] = [];
  for (let j = 1; j < k; j++) {
    const q = quantile(sorted, j / k);
    // Many equal values (a row of zeros) give equal quantiles: keep each edge once.
    if (q > sorted[0]! && (thresholds.length === 0 || q > thresholds[thresholds.length - 1]!)) thresholds.push(q);
  }
  return { method: 'quantile', thresholds, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

export function fixedBreaks(values: number[], thresholds: number[]): ClassBreaks {
  const finite = values.filter(Number.isFinite);
  const edges = [...new Set(thresholds.filter(Number.isFinite))].sort((a, b) => a - b);
  return { method: 'fixed', thresholds: edges, min: finite.length ? Math.min(...finite) : NaN, max: finite.length ? Math.max(...finite) : NaN };
}

export function classCount(b: ClassBreaks): number {
  return b.thresholds.length + 1;
}

/** The class (0-based) a value falls in. */
export function classOf(b: ClassBreaks, value: number): number {
  let j = 0;
  while (j < b.thresholds.length && value >= b.thresholds[j]!) j++;
  return j;
}

/** Each class's lower and upper bound, for the legend ("12,5 – 15,0"). */
export function classBounds(b: ClassBreaks): { from: number; to: number }[] {
  const edges = [b.min, ...b.thresholds, b.max];
  const out: { from: number; to: number }[] = [];
  for (let j = 0; j < edges.length - 1; j++) out.push({ from: edges[j]!, to: edges[j + 1]! });
  return out;
}

// Colour-blind-safe ramps: blue for the better end, orange for the worse, a light neutral between;
// a neutral indicator gets one sequential blue ramp (darker is more, not worse).
const BETTER = [31, 95, 139];
const MIDDLE = [238, 236, 225];
const WORSE = [200, 90, 10];
const LIGHT = [232, 240, 247];

function mix(a: number[], b: number[], t: number): string {
  const c = a.map((v, i) => Math.round(v + (b[i]! - v) * t));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * One colour per class, lowest class first, by the indicator's direction: for `higher_worse` the
 * high classes are orange, for `higher_better` the low ones are, for `neutral` it is a blue ramp.
 */
export function classPalette(classes: number, direction: Indicator['direction']): string[] {
  if (classes <= 0) return [];
  if (classes === 1) return [mix(MIDDLE, MIDDLE, 0)];
  const out: string[] = [];
  for (let j = 0; j < classes; j++) {
    const t = j / (classes - 1);
    if (direction === 'neutral') out.push(mix(LIGHT, BETTER, t));
    else {
      // t runs from good (0) to bad (1).
      const bad = direction === 'higher_worse' ? t : 1 - t;
      out.push(bad < 0.5 ? mix(BETTER, MIDDLE, bad * 2) : mix(MIDDLE, WORSE, (bad - 0.5) * 2));
    }
  }
  return out;
}

/** Grey with a hatch in the renderer: an area without a figure, never the colour of a class. */
export const MISSING_COLOUR = '#c9ccd1';
