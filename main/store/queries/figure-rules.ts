import { Qualifier, Sign } from '../../../shared/contract/model';

/**
 * The rules of a figure, as the CHECKs of `observation` state them (migration 0002), checked in
 * the writer before a row is bound. They hold for every row twice over: SQLite enforces the CHECKs
 * on every insert, except during a bulk load (bulk-load.ts), which switches them off as it does
 * the foreign keys — evaluating five CHECKs for two million rows was about a twelfth of a national
 * import, and these comparisons cost next to nothing. The CHECKs stay in the schema, every other
 * writer meets them, and the integrity check each store open runs verifies them for every row.
 * figure-rules.test holds the two to the same verdicts.
 */
const SIGNS: ReadonlySet<string> = new Set(Sign.options);
const QUALIFIERS: ReadonlySet<string> = new Set(Qualifier.options);

/** SQLite stores a NaN as NULL: so do the rules. */
const none = (n: number | null): n is null => n === null || Number.isNaN(n);

/** Why a figure cannot be stored, or null when it can. */
export function figureRuleBroken(
  yearStart: number, yearEnd: number, value: number | null, low: number | null, high: number | null, qualifier: string | null, sign: string | null,
): string | null {
  if (sign !== null && !SIGNS.has(sign)) return `"${sign}" is not a CBS sign the store knows`;
  if (qualifier !== null && !QUALIFIERS.has(qualifier)) return `"${qualifier}" is not a qualifier the store knows`;
  if (!(yearEnd >= yearStart)) return `its period ends (${yearEnd}) before it starts (${yearStart})`;
  if (none(value) && sign === null && (none(low) || none(high))) return 'it has no value, no range and no CBS sign';
  if (!none(low) && !none(high) && !(low <= high)) return `its range runs backwards (${low} to ${high})`;
  return null;
}
