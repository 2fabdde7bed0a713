import type { CompareCell, RowRole } from '../../../shared/contract/compare';
import type { Indicator } from '../../../shared/contract/model';

/**
 * The colour of a cell among the shown areas. Directed indicators (higher is better or worse) go
 * from orange (worse) through white to blue (better), by the direction-aware class the services
 * computed (−2 … 2); neutral indicators get one grey-violet hue by quintile (low … high), which
 * says "more" without saying "better". A missing figure is never coloured as a value: it gets the
 * hatched "missing" class. Reference rows (municipality, Nederland, total) are not coloured: they
 * are yardsticks, not contestants.
 */
export interface CellColour {
  /** CSS class, or null for no colour. */
  className: string | null;
  /** Dutch, for the tooltip and the legend. */
  label: string | null;
}

const DIRECTED: Record<number, CellColour> = {
  [-2]: { className: 'c-worse2', label: 'bij de slechtste 20% van de getoonde gebieden' },
  [-1]: { className: 'c-worse1', label: 'slechter dan het midden' },
  0: { className: null, label: 'rond het midden' },
  1: { className: 'c-better1', label: 'beter dan het midden' },
  2: { className: 'c-better2', label: 'bij de beste 20% van de getoonde gebieden' },
};

const NEUTRAL: Record<number, CellColour> = {
  0: { className: 'c-q0', label: 'bij de laagste 20%' },
  1: { className: 'c-q1', label: 'lager dan het midden' },
  2: { className: null, label: 'rond het midden' },
  3: { className: 'c-q3', label: 'hoger dan het midden' },
  4: { className: 'c-q4', label: 'bij de hoogste 20%' },
};

const NONE: CellColour = { className: null, label: null };
const MISSING: CellColour = { className: 'c-missing', label: 'geen cijfer' };

export function cellColour(
  cell: Pick<CompareCell, 'value' | 'low' | 'colourClass' | 'quintile'>,
  direction: Indicator['direction'],
  role: RowRole | 'spread',
): CellColour {
  if (cell.value === null && cell.low === null) return MISSING;
  if (role !== 'area') return NONE;
  if (direction === 'neutral') return cell.quintile === null ? NONE : (NEUTRAL[cell.quintile] ?? NONE);
  return cell.colourClass === null ? NONE : (DIRECTED[cell.colourClass] ?? NONE);
}

/** The legend under the grid, in the order it reads. */
export const LEGEND: { className: string; label: string }[] = [
  { className: 'c-worse2', label: 'slechtste 20%' },
  { className: 'c-worse1', label: 'slechter' },
  { className: 'c-better1', label: 'beter' },
  { className: 'c-better2', label: 'beste 20%' },
  { className: 'c-q0', label: 'laagste 20% (neutraal)' },
  { className: 'c-q4', label: 'hoogste 20% (neutraal)' },
  { className: 'c-missing', label: 'geen cijfer' },
];
