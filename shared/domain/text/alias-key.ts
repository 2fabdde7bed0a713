/**
 * The lookup key for area names and aliases: lower case, no diacritics, apostrophes dropped,
 * every run of other punctuation or space folded to one space. "Rotterdam-Zuid", "rotterdam zuid"
 * and "Rotterdam  Zuid" share a key; "'s-Gravenhage" becomes "s gravenhage".
 */
export function aliasKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
