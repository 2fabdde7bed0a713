import type { Qualifier, Sign } from '../../contract/model';

/** A figure as the store holds it, with where it stands (its source row, cell and raw text). */
export interface StoredFigure {
  value: number | null;
  low: number | null;
  high: number | null;
  sign: Sign | null;
  qualifier: Qualifier | null;
  sourceId: number;
  cell: string | null;
  raw: string | null;
}
