import { AppError } from '../../errors';
import type { BaselineValues } from './baseline';
import type { CompiledScenario } from './compile';
import type { HousingMeasure } from './layout';

/** Names one number of a run: a funding figure, a housing figure, or the year a housing target is reached. */
export type OutputSelector =
  | {
      kind: 'funding';
      streamId: string;
      areaCode: string;
      year: number;
      measure?: 'amount' | 'cumulativeAmount' | 'perResident' | 'delta' | 'cumulativeDelta';
    }
  | { kind: 'housing'; areaCode: string; year: number; measure: HousingMeasure }
  | { kind: 'targetYear'; areaCode: string };

export interface LocatedOutput {
  /** Slot in the output vector. */
  index: number;
  /** From the raw slot value to the requested figure (per resident, minus baseline); null when unknown. */
  read(out: Float64Array): number | null;
}

function notFound(what: string): never {
  throw new AppError('NOT_FOUND', `Scenario output not found: ${what}`);
}

export function locateOutput(c: CompiledScenario, s: OutputSelector, baseline: BaselineValues | null): LocatedOutput {
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  if (s.kind === 'targetYear') {
    const b = c.layout.blocks.find((x) => x.kind === 'targetYear' && x.areaCode === s.areaCode) ?? notFound(`target year of ${s.areaCode}`);
    return { index: b.offset, read: (out) => finite(out[b.offset] as number) };
  }
  if (s.kind === 'housing') {
    const b = c.layout.blocks.find((x) => x.kind === 'housing' && x.areaCode === s.areaCode && x.measure === s.measure) ?? notFound(`housing ${s.measure} of ${s.areaCode}`);
    const y = s.year - b.yearFrom;
    if (y < 0 || y >= b.length) notFound(`housing year ${s.year}`);
    const index = b.offset + y;
    return { index, read: (out) => finite(out[index] as number) };
  }
  const measure = s.measure ?? 'amount';
  const b = c.layout.blocks.find((x) => x.kind === 'funding' && x.measure === 'amount' && x.streamId === s.streamId && x.areaCode === s.areaCode) ?? notFound(`stream ${s.streamId} for ${s.areaCode}`);
  if (b.kind !== 'funding') return notFound('funding block');
  const y = s.year - b.yearFrom;
  if (y < 0 || y >= b.length) notFound(`year ${s.year}`);
  const cumulative = measure === 'cumulativeAmount' || measure === 'cumulativeDelta';
  const index = b.offset + (cumulative ? b.length : 0) + y;
  const key = `${s.streamId}|${s.areaCode}`;
  const pop = b.population;
  switch (measure) {
    case 'amount':
    case 'cumulativeAmount':
      return { index, read: (out) => out[index] as number };
    case 'perResident':
      return { index, read: (out) => (pop === null ? null : (out[index] as number) / pop) };
    case 'delta':
    case 'cumulativeDelta': {
      if (!baseline) throw new AppError('NOT_FOUND', 'Scenario output not found: no baseline to compute a difference against');
      const base = (measure === 'delta' ? baseline.amounts : baseline.cumulative).get(key)?.[y] ?? 0;
      return { index, read: (out) => (out[index] as number) - base };
    }
  }
}
