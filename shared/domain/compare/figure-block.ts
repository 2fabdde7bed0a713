import type { Sign } from '../../contract/model';
import type { StoredFigure } from './stored-figure';

/**
 * Many members' figures for one period, held as columns (a national aggregation reads 1.2 million
 * member figures: one JavaScript object per figure cost seconds). Per area × indicator: the value
 * (NaN when none), the CBS sign as a small code, and the figure's row id (0: no figure). The cell,
 * raw text and source of a figure are read only when asked (`fetch`): for the members an
 * aggregate's source line names, or a member whose own aggregate is needed. Where the store holds
 * two current figures for one area × indicator × period, the later one (higher id) counts, as in
 * the row-by-row read.
 */

/** Sign codes: the index in this list (0: no sign). */
export const SIGN_CODES: readonly (Sign | null)[] = [null, 'unknown', 'secret', 'nil', 'provisional', 'revised_provisional', 'less_than_half_unit', 'cannot_occur'];
const SIGN_CODE = new Map<string, number>(SIGN_CODES.map((s, i) => [s ?? '', i]));
export const signCode = (sign: string | null): number => (sign === null ? 0 : SIGN_CODE.get(sign) ?? 0);
const NIL = signCode('nil');
const PROVISIONAL = signCode('provisional');
const REVISED_PROVISIONAL = signCode('revised_provisional');
export const isProvisionalCode = (code: number): boolean => code === PROVISIONAL || code === REVISED_PROVISIONAL;

/** Members' figures of one indicator and period as `figureValue` reads them (NaN: no figure), with their sign codes. */
export interface MemberColumn {
  values: Float64Array;
  signs: Uint8Array;
}

/**
 * Whole figures (cell, raw text, source) by their row ids: read only for the members an aggregate
 * names — all of one area's figures in the block at once (one query, not one per figure).
 */
export type FetchFigures = (ids: readonly number[]) => ReadonlyMap<number, StoredFigure>;

export class FigureBlock {
  readonly rowOf: ReadonlyMap<string, number>;
  readonly colOf: ReadonlyMap<string, number>;
  private readonly values: Float64Array;
  private readonly signs: Uint8Array;
  private readonly ids: Float64Array;
  private readonly present: Int32Array;
  private readonly fetched = new Map<number, StoredFigure | undefined>();
  private rowOfId: Int32Array = new Int32Array(0);
  private colOfId: Int32Array = new Int32Array(0);

  constructor(
    readonly period: string,
    readonly areaCodes: readonly string[],
    readonly indicatorCodes: readonly string[],
    private readonly fetch: FetchFigures,
  ) {
    this.rowOf = new Map(areaCodes.map((c, i) => [c, i]));
    this.colOf = new Map(indicatorCodes.map((c, i) => [c, i]));
    const n = areaCodes.length * indicatorCodes.length;
    this.values = new Float64Array(n).fill(NaN);
    this.signs = new Uint8Array(n);
    this.ids = new Float64Array(n);
    this.present = new Int32Array(areaCodes.length);
  }

  /**
   * The store's ids of areaCodes and indicatorCodes (same order), so `take` can place a figure
   * given by ids: one typed-array lookup each, no map per figure.
   */
  withIds(areaIds: readonly number[], indicatorIds: readonly number[]): this {
    this.rowOfId = new Int32Array(areaIds.reduce((m, id) => Math.max(m, id), 0) + 1).fill(-1);
    areaIds.forEach((id, k) => (this.rowOfId[id] = k));
    this.colOfId = new Int32Array(indicatorIds.reduce((m, id) => Math.max(m, id), 0) + 1).fill(-1);
    indicatorIds.forEach((id, k) => (this.colOfId[id] = k));
    return this;
  }

  /**
   * One figure given by the store's ids (see withIds); value null → NaN. Figures of other areas or
   * indicators are ignored; of two for one slot, the higher row id counts.
   */
  readonly take = (id: number, areaId: number, indicatorId: number, value: number | null, sign: number): void => {
    const row = areaId < this.rowOfId.length ? (this.rowOfId[areaId] as number) : -1;
    const col = indicatorId < this.colOfId.length ? (this.colOfId[indicatorId] as number) : -1;
    if (row < 0 || col < 0) return;
    const slot = row * this.indicatorCodes.length + col;
    const had = this.ids[slot] as number;
    if (had > id) return;
    if (had === 0) this.present[row] = (this.present[row] as number) + 1;
    this.ids[slot] = id;
    this.values[slot] = value === null ? NaN : value;
    this.signs[slot] = sign;
  };

  /**
   * The sources of the block's figures, from their row ids and the sources' id ranges (an import
   * writes its figures as one range: source.first/last_observation_id), sorted by first id. Ids in
   * no range (a figure written otherwise) are handed back to be looked up one by one.
   */
  sourcesOf(ranges: readonly { id: number; first: number; last: number }[]): { sources: Set<number>; unplaced: number[] } {
    const sources = new Set<number>();
    const unplaced: number[] = [];
    let current: { id: number; first: number; last: number } | undefined;
    for (const id of this.ids) {
      if (id === 0 || (current && id >= current.first && id <= current.last)) continue;
      let lo = 0;
      let hi = ranges.length - 1;
      current = undefined;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const r = ranges[mid] as { id: number; first: number; last: number };
        if (id < r.first) hi = mid - 1;
        else if (id > r.last) lo = mid + 1;
        else {
          current = r;
          break;
        }
      }
      if (current) sources.add(current.id);
      else unplaced.push(id);
    }
    return { sources, unplaced };
  }

  /** How many figures the area has in this block. */
  count(areaCode: string): number {
    const row = this.rowOf.get(areaCode);
    return row === undefined ? 0 : (this.present[row] as number);
  }

  has(areaCode: string, indicatorCode: string): boolean {
    const row = this.rowOf.get(areaCode);
    const col = this.colOf.get(indicatorCode);
    return row !== undefined && col !== undefined && (this.ids[row * this.indicatorCodes.length + col] as number) > 0;
  }

  /** The whole figure (with its cell and source), read when first asked. */
  figure(areaCode: string, indicatorCode: string): StoredFigure | undefined {
    const row = this.rowOf.get(areaCode);
    const col = this.colOf.get(indicatorCode);
    if (row === undefined || col === undefined) return undefined;
    const slot = row * this.indicatorCodes.length + col;
    const id = this.ids[slot] as number;
    if (id === 0) return undefined;
    if (!this.fetched.has(slot)) {
      // the area's whole row of the block: the next indicators an aggregate names it for come free
      const width = this.indicatorCodes.length;
      const ids: number[] = [];
      for (let k = row * width; k < (row + 1) * width; k++) if ((this.ids[k] as number) > 0) ids.push(this.ids[k] as number);
      const got = this.fetch(ids);
      for (let k = row * width; k < (row + 1) * width; k++) if ((this.ids[k] as number) > 0) this.fetched.set(k, got.get(this.ids[k] as number));
    }
    return this.fetched.get(slot);
  }

  /** The rows of these areas, or null when one is not in the block. */
  rowsOf(codes: readonly string[]): Int32Array | null {
    const rows = new Int32Array(codes.length);
    for (let i = 0; i < codes.length; i++) {
      const r = this.rowOf.get(codes[i] as string);
      if (r === undefined) return null;
      rows[i] = r;
    }
    return rows;
  }

  /**
   * The column of one indicator for these rows: figureValue ('-' is 0; '.', 'x', ranges and no
   * figure NaN) and sign codes — written into `into` when given and long enough (a caller that
   * aggregates 2,400 columns reuses two buffers instead of allocating thousands).
   */
  column(rows: Int32Array, indicatorCode: string, into?: MemberColumn): MemberColumn | null {
    const col = this.colOf.get(indicatorCode);
    if (col === undefined) return null;
    const width = this.indicatorCodes.length;
    const reuse = into !== undefined && into.values.length === rows.length && into.signs.length === rows.length;
    const values = reuse ? into.values : new Float64Array(rows.length);
    const signs = reuse ? into.signs : new Uint8Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const slot = (rows[i] as number) * width + col;
      const v = this.values[slot] as number;
      const s = this.signs[slot] as number;
      values[i] = Number.isFinite(v) ? v : s === NIL && (this.ids[slot] as number) > 0 ? 0 : NaN;
      signs[i] = s;
    }
    return { values, signs };
  }
}
