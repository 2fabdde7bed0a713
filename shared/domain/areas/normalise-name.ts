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

/**
 * The common ways a municipality writes a CBS name, folded to one form (issue 15, class 9): "&" is
 * "en", "e.o." is "en omgeving", "Pr." is "Prins", and a leading "Buurt", "Wijk", "Stadsdeel" or
 * "Gebied" (with or without a number) says the level, not the name. "Buurt Elinkwijk e.o." and
 * "Elinkwijk en omgeving" share the key "elinkwijk en omgeving"; punctuation, case and accents go
 * as in aliasKey. Unchanged when nothing would be left ("Buurt" alone stays "buurt").
 */
export function formKey(name: string): string {
  const spelled = name
    .replace(/&/g, ' en ')
    .replace(/(^|[\s,(])e\.\s?o\.?(?=$|[\s,)])/gi, '$1 en omgeving ')
    .replace(/(^|[\s,(])pr\.\s*/gi, '$1prins ');
  const key = aliasKey(spelled);
  return key.replace(LEVEL_WORD, '').replace(GEMEENTE_PREFIX, '') || key;
}
const LEVEL_WORD = /^(buurt|wijk|stadsdeel|gebied)\s+(\d{1,3}\s+)?(?=\S)/;

/** formKey with no spaces: what close names are measured on. */
export function compactFormKey(name: string): string {
  return formKey(name).replace(/ /g, '');
}

/** Every key a name should be findable under, most specific first, without duplicates: exactKeys, then formKey. */
export function nameKeys(name: string): string[] {
  return [...new Set([...exactKeys(name), formKey(name)].filter((k) => k.length > 0))];
}

/** The keys of the name as written (case, punctuation, CBS's "Wijk 03 " prefix, well-known variants), without the folded forms. */
export function exactKeys(name: string): string[] {
  const keys = [nameKey(name), strippedNameKey(name)];
  for (const [a, b] of WELL_KNOWN_VARIANTS) {
    const ka = nameKey(a);
    const kb = nameKey(b);
    if (keys[0] === ka) keys.push(kb);
    if (keys[0] === kb) keys.push(ka);
  }
  return [...new Set(keys.filter((k) => k.length > 0))];
}
