/**
 * Boundary changes between KWB editions. CBS's `ind_wbi` ("Indelingswijziging wijken en buurten")
 * says per district and neighbourhood how it relates to the PREVIOUS year's classification:
 *   1  code and boundary unchanged (a new name is possible): figures can be compared;
 *   2  the code changed, the boundary did not: the previous year's figure sits under another code;
 *   3  the boundary changed (perhaps the code too): figures cannot simply be compared.
 * Municipalities carry '.' (no figure). A code that has no ind_wbi in an edition the store holds,
 * while other areas do, did not exist in that edition (it appeared or vanished).
 *
 * A delta from year A to year B (A < B) under one code is therefore sound only when no edition in
 * (A, B] says 2 or 3 for it, and the code exists in both A's and B's edition.
 */

export interface WbiLookup {
  /** The ind_wbi value of the area in the edition of `year`: a number, null for a sign ('.'), undefined when absent. */
  wbi(areaCode: string, year: number): number | null | undefined;
  /** Years for which the store holds an edition with ind_wbi (for the areas compared). */
  editionYears: ReadonlySet<number>;
}

/** Dutch reason why a delta between the two years is not sound for this code; null when it is. */
export function boundaryBreak(areaCode: string, yearA: number, yearB: number, data: WbiLookup): string | null {
  const from = Math.min(yearA, yearB);
  const to = Math.max(yearA, yearB);
  if (from === to) return null;
  for (const y of [from, to]) {
    if (data.editionYears.has(y) && data.wbi(areaCode, y) === undefined) {
      return `${areaCode} komt niet voor in de CBS-indeling van ${y} (code nieuw of vervallen): niet te vergelijken`;
    }
  }
  for (let y = from + 1; y <= to; y++) {
    const w = data.wbi(areaCode, y);
    if (w === 3) return `afbakening van ${areaCode} gewijzigd in ${y} (CBS ind_wbi 3): cijfers van ${from} en ${to} niet te vergelijken`;
    if (w === 2) return `codering van ${areaCode} gewijzigd in ${y} (CBS ind_wbi 2): het cijfer van ${from} hoort bij een andere code`;
  }
  return null;
}
