import type { Indicator } from '../../contract/model';
import { nameKey } from '../areas/normalise-name';

/**
 * The store's theme for a publisher's theme word (BBGA's THEMA: "Bevolking", "Wonen", "Werk en
 * inkomen", …). Only plain correspondences; anything else is 'overig' for the analyst to review.
 */
const THEMES: ReadonlyArray<readonly [RegExp, Indicator['theme']]> = [
  [/bevolking|demografi|huishoud|leeftijd|migratie|herkomst/, 'bevolking'],
  [/wonen|woning|huisvest|bouw/, 'wonen'],
  [/veilig|criminal|overlast|politie|misdrijf/, 'veiligheid'],
  [/financ|begroting|subsidie|uitkering/, 'financien'],
  [/werk|inkomen|armoede|onderwijs|participatie|zorg|welzijn|jeugd|sport|cultuur|gezondheid|meedoen/, 'meedoen'],
];

export function themeOf(text: string | null | undefined): Indicator['theme'] {
  const key = nameKey(text ?? '');
  if (!key) return 'overig';
  return THEMES.find(([re]) => re.test(key))?.[1] ?? 'overig';
}
