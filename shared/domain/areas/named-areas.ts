import type { AreaKind } from '../../contract/model';
import type { NamedAreaLevel } from '../../contract/import-choices';
import { formKey } from './normalise-name';

/**
 * Areas a file gives by name only (a municipal monitor's "Buurt Zuilen-noord"), created under the
 * gemeente the analyst names. Their code is generated from the gemeente, the level and the name's
 * key, so it is stable: the same name next year gets the same code (and matches by name and alias
 * before that anyway). It is never a CBS code ("GM0344-buurt-zuilen-noord"), so nothing reads it
 * as one.
 */
export const NAMED_LEVEL_KIND: Record<NamedAreaLevel, AreaKind> = { buurt: 'neighbourhood', wijk: 'district', eigen: 'other' };

const MAX_SLUG = 48;

/** A small stable hash (FNV-1a, 32 bits) in base 36, to keep long slugs apart. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** "GM0344", "buurt", "Buurt Zuilen-noord" → "GM0344-buurt-zuilen-noord"; null when the name has no letters or digits. */
export function namedAreaCode(under: string, level: NamedAreaLevel, name: string): string | null {
  // The folded form (normalise-name): "Buurt Zuilen-noord" is zuilen-noord, the level is not repeated.
  const key = formKey(name);
  if (!key) return null;
  let slug = key.replace(/ /g, '-');
  if (slug.length > MAX_SLUG) slug = `${slug.slice(0, MAX_SLUG - 8).replace(/-+$/, '')}-${shortHash(key)}`;
  return `${under}-${level}-${slug}`;
}
