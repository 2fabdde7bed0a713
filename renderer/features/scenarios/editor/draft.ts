import type { FundingStream, HousingArea, NumParam, ScenarioDefinition } from '../../../../shared/domain/scenario';
import { centralValue, isRange } from '../../../../shared/domain/scenario';

/**
 * The definition being edited. It keeps the schema's shape (defaults filled in) so the form can read
 * every field; while the analyst types it may hold values the schema refuses (NaN for "not a number"),
 * which validation then names. Updates copy the draft and change the copy.
 */
export type Draft = ScenarioDefinition;
export type Stream = FundingStream;
export type HousingAreaDraft = HousingArea;

export function updated<T>(value: T, change: (copy: T) => void): T {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}

/** A fresh id that is neither taken nor a template's, e.g. "kansrijke-wijk-tot-2028-2". */
export function freshId(base: string, taken: ReadonlySet<string>): string {
  const stem = base.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 56) || 'scenario';
  for (let n = 1; ; n++) {
    const id = `${stem}-${n}`;
    if (!taken.has(id)) return id;
  }
}

export function freshName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`)) return `${base} ${n}`;
}

export function newStream(existing: readonly Stream[], from: number): Stream {
  const ids = new Set(existing.map((s) => s.id));
  let n = existing.length + 1;
  while (ids.has(`regeling-${n}`)) n++;
  return {
    id: `regeling-${n}`,
    name: `Nieuwe regeling ${n}`,
    ministry: 'BZK',
    amount: { kind: 'perYear', perYear: 0, from, to: from + 2 },
    programmeSharePct: 100,
    afterEnd: { kind: 'stop' },
    allocation: { kind: 'equal', status: 'te bevestigen', note: 'verdeling over de gebieden nog kiezen' },
    attributableToAreas: true,
  };
}

export function newHousingArea(areaCode: string): HousingAreaDraft {
  return {
    areaCode,
    poorQuality: 0,
    inProgress: 0,
    improvedToDate: 0,
    capacity: { kind: 'fixed', perYear: 0 },
    leadTimeYears: 2,
    targetRemaining: 0,
  };
}

/** A parameter the analyst typed: their own figure, so the letter's source and "te bevestigen" no longer apply. */
export function typed(value: number): NumParam {
  return value;
}

export function central(p: NumParam | undefined): number | undefined {
  return p === undefined ? undefined : centralValue(p);
}

export { isRange };
