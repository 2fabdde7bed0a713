import { useState } from 'react';
import type { Area, Indicator } from '../../../../shared/contract/model';
import type { SavedScenario } from '../../../../shared/contract/scenario';
import type { TemplateInfo } from '../../../../shared/domain/scenario';
import type { Draft } from './draft';
import { newHousingArea, newStream, updated } from './draft';
import { HousingEditor } from './HousingEditor';
import { NumberInput, Provenance, Row, Select, TextInput, YearInput } from './fields';
import { StreamEditor } from './StreamEditor';
import { problemsAt, validateDraft, type Problem } from './validation-nl';

/**
 * The scenario form: every parameter with its unit, source and "te bevestigen" flag, checked with the
 * engine's own schema as the analyst types. A JSON view shows (and accepts) the same definition.
 */
export function ScenarioEditor({
  draft,
  problems,
  isSaved,
  templates,
  saved,
  areas,
  indicators,
  onChange,
}: {
  draft: Draft;
  problems: readonly Problem[];
  isSaved: boolean;
  templates: readonly TemplateInfo[];
  saved: readonly SavedScenario[];
  areas: readonly Area[];
  indicators: readonly Indicator[];
  onChange: (d: Draft) => void;
}) {
  const [tab, setTab] = useState<'form' | 'json'>('form');
  const set = (change: (d: Draft) => void) => onChange(updated(draft, change));
  const baselineOptions = [
    { value: '', label: 'geen (geen verschillen berekenen)' },
    ...templates.filter((t) => t.id !== draft.id).map((t) => ({ value: t.id, label: `${t.name} (sjabloon)` })),
    ...saved.filter((s) => s.id !== draft.id).map((s) => ({ value: s.id, label: `${s.name} (opgeslagen)` })),
  ];
  if (draft.baseline && !baselineOptions.some((o) => o.value === draft.baseline?.id)) baselineOptions.push({ value: draft.baseline.id, label: `${draft.baseline.id} (niet gevonden)` });

  return (
    <div className="editor">
      <div className="section-bar">
        <h2>Parameters</h2>
        <div className="segmented" role="group" aria-label="Weergave van de parameters">
          <button type="button" aria-pressed={tab === 'form'} onClick={() => setTab('form')}>
            Formulier
          </button>
          <button type="button" aria-pressed={tab === 'json'} onClick={() => setTab('json')}>
            JSON
          </button>
        </div>
      </div>
      {problems.length > 0 && (
        <div className="problem-summary" role="alert" aria-label="Problemen in het scenario">
          <strong>
            {problems.length === 1 ? '1 probleem' : `${problems.length} problemen`}: het scenario kan zo niet worden doorgerekend.
          </strong>
          <ul>
            {problems.map((p) => (
              <li key={`${p.path}:${p.message}`}>
                <span className="muted">{p.label}:</span> {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {tab === 'json' ? (
        <JsonEditor draft={draft} onApply={onChange} />
      ) : (
        <>
          <fieldset className="plain">
            <legend className="sr-only">Algemeen</legend>
            <Row label="Naam" problems={problemsAt(problems, 'name')}>
              <TextInput label="Naam van het scenario" value={draft.name} onChange={(v) => set((d) => (d.name = v))} width="xl" />
            </Row>
            <Row label="Id" problems={problemsAt(problems, 'id')} hint={isSaved ? 'Het id van een opgeslagen scenario ligt vast; gebruik Dupliceren voor een kopie.' : 'Basisscenario\'s verwijzen naar dit id.'}>
              {isSaved ? <span className="mono">{draft.id}</span> : <TextInput label="Id van het scenario" value={draft.id} onChange={(v) => set((d) => (d.id = v))} width="md" mono />}
            </Row>
            <Row label="Omschrijving">
              <textarea
                className="text-input w-xl"
                aria-label="Omschrijving"
                rows={2}
                value={draft.description ?? ''}
                onChange={(e) => set((d) => (e.target.value ? (d.description = e.target.value) : delete d.description))}
              />
            </Row>
            <Row label="Jaren" problems={[...problemsAt(problems, 'years')]}>
              <YearInput label="Eerste scenariojaar" value={draft.years.from} onChange={(v) => set((d) => (d.years.from = v ?? Number.NaN))} />
              <span className="dash">tot en met</span>
              <YearInput label="Laatste scenariojaar" value={draft.years.to} onChange={(v) => set((d) => (d.years.to = v ?? Number.NaN))} />
            </Row>
            <Row label="Vergelijken met" problems={problemsAt(problems, 'baseline')} hint="Verschillen per jaar en cumulatief worden berekend tegen dit basisscenario.">
              <Select label="Basisscenario" value={draft.baseline?.id ?? ''} options={baselineOptions} onChange={(v) => set((d) => (v ? (d.baseline = { id: v }) : delete d.baseline))} />
            </Row>
            <Provenance of={draft} />
          </fieldset>

          <h3>Regelingen</h3>
          {draft.streams.length === 0 && <p className="muted">Geen regelingen in dit scenario.</p>}
          {draft.streams.map((s, i) => (
            <StreamEditor
              key={i}
              stream={s}
              index={i}
              all={draft.streams}
              areas={areas}
              indicators={indicators}
              problems={problems}
              onChange={(next) => set((d) => (d.streams[i] = next))}
              onRemove={() => set((d) => d.streams.splice(i, 1))}
            />
          ))}
          <button type="button" className="button" onClick={() => set((d) => d.streams.push(newStream(d.streams, d.years.from)))}>
            + Regeling
          </button>

          <h3>Woningverbetering</h3>
          {draft.housing ? (
            <HousingEditor
              housing={draft.housing}
              years={draft.years}
              streams={draft.streams}
              areas={areas}
              problems={problems}
              onChange={(h) => set((d) => (h ? (d.housing = h) : delete d.housing))}
            />
          ) : (
            <button type="button" className="button" onClick={() => set((d) => (d.housing = { areas: [newHousingArea('NPLV')] }))}>
              + Woningverbetering
            </button>
          )}

          <h3>Onzekerheid</h3>
          <Row
            label="Monte Carlo"
            problems={problemsAt(problems, 'uncertainty')}
            hint="Geldt voor parameters met een bandbreedte. Dezelfde seed geeft dezelfde banden."
          >
            <NumberInput
              label="Aantal trekkingen"
              width="sm"
              unit={{ label: 'trekkingen', integer: true }}
              value={draft.uncertainty?.runs ?? 2000}
              onChange={(v) => set((d) => (d.uncertainty = { runs: v ?? Number.NaN, seed: d.uncertainty?.seed ?? 1 }))}
            />
            <span className="unit">trekkingen, seed</span>
            <NumberInput
              label="Seed"
              width="sm"
              unit={{ label: '', integer: true, plain: true }}
              value={draft.uncertainty?.seed ?? 1}
              onChange={(v) => set((d) => (d.uncertainty = { runs: d.uncertainty?.runs ?? 2000, seed: v ?? Number.NaN }))}
            />
          </Row>
        </>
      )}
    </div>
  );
}

/** The definition as JSON (what `scenario template` prints and `scenario run` reads). */
function JsonEditor({ draft, onApply }: { draft: Draft; onApply: (d: Draft) => void }) {
  const [text, setText] = useState(() => JSON.stringify(draft, null, 2));
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      setError(`Geen geldige JSON: ${(err as Error).message}`);
      return;
    }
    const v = validateDraft(value);
    if (!v.ok) {
      setError(v.problems.map((p) => `${p.label}: ${p.message}`).join('\n'));
      return;
    }
    setError(null);
    onApply(v.definition);
  };
  return (
    <div className="json-editor">
      <textarea className="json-text mono" aria-label="Definitie als JSON" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} rows={24} />
      {error && (
        <div className="error-panel" role="alert">
          <strong>De JSON is niet overgenomen.</strong>
          <p className="pre">{error}</p>
        </div>
      )}
      <div className="form-inline">
        <button type="button" className="button primary" onClick={apply}>
          JSON overnemen
        </button>
        <button type="button" className="button" onClick={() => setText(JSON.stringify(draft, null, 2))}>
          Opnieuw uit formulier
        </button>
        <span className="form-hint">Zelfde vorm als <span className="mono">wijkverkenner scenario template ID</span>; het schema geeft <span className="mono">scenario schema</span>.</span>
      </div>
    </div>
  );
}
