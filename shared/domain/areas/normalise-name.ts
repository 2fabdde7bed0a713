import { aliasKey } from '../text/alias-key';

/**
 * Keys for comparing area names the way an analyst reads them. The store keys aliases with
 * aliasKey (case, diacritics, hyphens, apostrophes); on top of that we strip the prefixes CBS puts
 * in wijk names ("Wijk 03 Overvecht", "Wijk20-Wijngaarden"), the "gemeente" prefix, and offer a
 * key without spaces for exports that drop them ("AaenHunze" in StatLine attribute rows).
 */

/** "'s-Gravenhage" and "Den Haag" are the same municipality; so are these. */
const WELL_KNOWN_VARIANTS: ReadonlyArray<readonly [string, string]> = [
  ["'s-Gravenhage", 'Den Haag'],
  ["'s-Hertogenbosch", 'Den Bosch'],
  ['Súdwest-Fryslân', 'Sudwest Fryslan'],
  ['Noardeast-Fryslân', 'Noardeast Fryslan'],
];

const WIJK_PREFIX = /^(wijk|buurt)\s*\d{1,3}\s+(?=\S)/;
const GEMEENTE_PREFIX = /^gemeente\s+(?=\S)/;

/** The store's key: lower case, no diacritics or punctuation ("rotterdam zuid", "s gravenhage"). */
export function nameKey(name: string): string {
  return aliasKey(name);
}

/** nameKey without "Wijk 03 " / "gemeente " in front; unchanged when nothing would be left. */
export function strippedNameKey(name: string): string {
  const key = aliasKey(name);
  return key.replace(WIJK_PREFIX, '').replace(GEMEENTE_PREFIX, '');
}

/** nameKey with no spaces at all: "Aa en Hunze" and "AaenHunze" meet here. */
export function compactNameKey(name: string): string {
  return strippedNameKey(name).replace(/ /g, '');
}

/** Every key a name should be findable under, most specific first, without duplicates. */
export function nameKeys(name: string): string[] {
  const keys = [nameKey(name), strippedNameKey(name)];
  for (const [a, b] of WELL_KNOWN_VARIANTS) {
    const ka = nameKey(a);
    const kb = nameKey(b);
    if (keys[0] === ka) keys.push(kb);
    if (keys[0] === kb) keys.push(ka);
  }
  return [...new Set(keys.filter((k) => k.length > 0))];
}
