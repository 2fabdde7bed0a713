import { nameKey } from '../areas/normalise-name';
import { cleanLabel } from './suggest-indicator';
import type { ImportPlan } from './import-plan';
import type { Grid } from './grid';

/**
 * A file's shape, so a saved recipe finds next year's edition of the same table: the layout plus
 * the normalised labels that identify its columns (or, transposed, its rows). Periods are taken
 * out of labels ("Inwoners|2020" and "Inwoners|2021" are the same column), as are case, accents
 * and punctuation. Two files with the same shape get the same signature; a file with a column
 * more or less gets a different signature but a high similarity.
 */

/** The normalised key of a label, stable across editions: no period, unit brackets or case. */
export function shapeKey(label: string): string {
  return nameKey(cleanLabel(label).replace(/(?<!\d)(19|20)\d{2}(?!\d)\*{0,2}/g, ' '));
}

export function shapeKeys(grid: Grid, plan: ImportPlan): string[] {
  if (plan.layout === 'transposed' && plan.transposed) {
    const keys: string[] = [];
    const { labelColumn } = plan.transposed;
    for (let r = plan.region.firstDataRow; r <= plan.region.lastDataRow && keys.length < 500; r++) {
      const t = grid.cell(r, labelColumn).text.trim();
      if (t) keys.push(shapeKey(t));
    }
    return keys;
  }
  return plan.headers.map((h) => shapeKey(h.label)).filter((k) => k !== '');
}

/** FNV-1a, 64 bits, as 16 hex digits: short, stable, and dependency-free (shared code is pure). */
export function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = (1n << 64n) - 1n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & mask;
  }
  return h.toString(16).padStart(16, '0');
}

export function shapeSignature(layout: ImportPlan['layout'], keys: readonly string[]): string {
  return `${layout}:${fnv1a64(`${layout}\n${keys.join('\n')}`)}`;
}

/** Jaccard similarity of two key lists (0–1), for recipes of a nearly identical shape. */
export function shapeSimilarity(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  let inter = 0;
  for (const k of sa) if (sb.has(k)) inter++;
  return inter / (sa.size + sb.size - inter);
}
