import { useEffect, useState } from 'react';
import type { Area } from '../../../../shared/contract/model';
import type { CompareResult, SavedScenario, ScenarioRef } from '../../../../shared/contract/scenario';
import type { TemplateInfo } from '../../../../shared/domain/scenario';
import { call } from '../../../api/client';
import { EmptyState, ErrorPanel, Loading } from '../../../ui/StatusPanels';
import type { Draft } from '../editor/draft';
import { Comparison } from './Comparison';

export const MAX_COMPARE = 4;

export interface Candidate {
  key: string;
  label: string;
  origin: string;
  ref: ScenarioRef;
}

export function candidatesOf(current: { draft: Draft; valid: boolean; savedId: string | null } | null, saved: readonly SavedScenario[], templates: readonly TemplateInfo[]): Candidate[] {
  const out: Candidate[] = [];
  if (current?.valid && !current.savedId) out.push({ key: 'current', label: current.draft.name, origin: 'huidig, niet opgeslagen', ref: { definition: current.draft } });
  for (const s of saved) out.push({ key: `saved:${s.id}`, label: s.name, origin: s.id === current?.savedId ? 'opgeslagen, geopend' : 'opgeslagen', ref: { saved: s.id } });
  for (const t of templates) out.push({ key: `template:${t.id}`, label: t.name, origin: 'sjabloon', ref: { template: t.id } });
  return out;
}

/** Up to four scenarios side by side: programme totals per year, differences from the first, areas, housing. */
export function CompareView({ candidates, initial, areas }: { candidates: Candidate[]; initial: string[]; areas: readonly Area[] }) {
  const [chosen, setChosen] = useState<string[]>(() => initial.filter((k) => candidates.some((c) => c.key === k)).slice(0, MAX_COMPARE));
  const picked = chosen.map((k) => candidates.find((c) => c.key === k)).filter((c): c is Candidate => c !== undefined);
  const refs = JSON.stringify(picked.map((c) => c.ref));
  const [state, setState] = useState<{ refs: string; value?: CompareResult; error?: unknown } | null>(null);
  useEffect(() => {
    const scenarios = JSON.parse(refs) as Candidate['ref'][];
    if (scenarios.length === 0) return;
    let live = true;
    call('scenario.compare', { scenarios }).then(
      (value) => live && setState({ refs, value }),
      (error: unknown) => live && setState({ refs, error }),
    );
    return () => {
      live = false;
    };
  }, [refs]);
  const toggle = (key: string) => setChosen((c) => (c.includes(key) ? c.filter((k) => k !== key) : c.length >= MAX_COMPARE ? c : [...c, key]));
  const makeReference = (key: string) => setChosen((c) => [key, ...c.filter((k) => k !== key)]);
  const result = state?.refs === refs ? state.value : undefined;
  const error = state?.refs === refs ? state.error : undefined;
  return (
    <div className="compare">
      <fieldset className="compare-pick">
        <legend>
          Kies tot {MAX_COMPARE} scenario's ({chosen.length} gekozen). Het eerste is de referentie; de verschillen zijn ten opzichte daarvan.
        </legend>
        <ul>
          {candidates.map((c) => {
            const at = chosen.indexOf(c.key);
            return (
              <li key={c.key}>
                <label className="check">
                  <input type="checkbox" checked={at >= 0} disabled={at < 0 && chosen.length >= MAX_COMPARE} onChange={() => toggle(c.key)} />
                  {c.label} <span className="muted">({c.origin})</span>
                </label>
                {at === 0 && <span className="badge ref-badge">referentie</span>}
                {at > 0 && (
                  <button type="button" className="link-button" onClick={() => makeReference(c.key)}>
                    maak referentie
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      {picked.length === 0 && <EmptyState title="Nog niets gekozen" next="Vink hierboven twee tot vier scenario's aan om ze naast elkaar te zien." />}
      {picked.length > 0 && !result && !error && <Loading what="Vergelijking" />}
      {error !== undefined && <ErrorPanel error={error} />}
      {result && <Comparison result={result} areas={areas} />}
    </div>
  );
}
