import type { Store } from '../open-store';

/** How many areas, indicators, figures and sources the store holds (the status line's counts). */
export interface StoreCounts {
  areas: number;
  indicators: number;
  observations: number;
  sources: number;
}

export function storeCounts(db: Store): StoreCounts {
  const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
  return {
    areas: count('SELECT count(*) FROM area'),
    indicators: count('SELECT count(*) FROM indicator'),
    observations: count('SELECT count(*) FROM observation'),
    sources: count('SELECT count(*) FROM source'),
  };
}
