/**
 * Boundary changes between KWB editions. CBS's `ind_wbi` ("Indelingswijziging wijken en buurten")
 * says per district and neighbourhood how it relates to the PREVIOUS year's classification:
 *   1  code and boundary unchanged (a new name is possible): figures can be compared;
 *   2  the code changed, the boundary did not: the previous year's figure sits under another code;
 *   3  the boundary changed (perhaps the code too): figures cannot simply be compared.
 * Municipalities carry '.' (no figure). A code that has ind_wbi in some edition the store holds but
 * none in another did not exist in that other edition (it appeared or vanished). An area that never
 * has ind_wbi (not from a KWB file) gives no evidence either way.
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
  const inSeries = [...data.editionYears].some((y) => data.wbi(areaCode, y) !== undefined);
  for (const y of [from, to]) {
    if (inSeries && data.editionYears.has(y) && data.wbi(areaCode, y) === undefined) {
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
