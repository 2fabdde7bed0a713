import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ScenarioRun } from '../../../shared/contract/scenario';
import { call } from '../../api/client';
import { EmptyState } from '../../ui/StatusPanels';
import type { Draft } from './editor/draft';
import { ScenarioEditor } from './editor/ScenarioEditor';
import { validateDraft } from './editor/validation-nl';
import { ResultsView } from './results/ResultsView';
import { ScenarioError } from './ScenarioError';
import { CompareView, candidatesOf } from './side-by-side/CompareView';
import type { OpenedScenario, Working } from './use-opened-scenario';
import { useMonteCarlo } from './use-monte-carlo';
import type { ScenarioLibrary } from './use-scenario-library';

type Tab = 'parameters' | 'resultaten' | 'vergelijken';

const TABS: ReadonlyArray<readonly [Tab, string]> = [
  ['parameters', 'Parameters'],
  ['resultaten', 'Resultaten'],
  ['vergelijken', 'Vergelijken'],
];

/** A run and the definition it was made with (its key: the definition as JSON). */
interface RunState {
  run: ScenarioRun;
  definition: Draft;
  key: string;
}

/**
 * The open scenario: its form, its results (run and Monte Carlo) and the side-by-side comparison.
 * The screen mounts one per opening (key = session), so a run or bands never outlive the scenario
 * they were computed for.
 */
export function ScenarioWorkspace({ scenario, library }: { scenario: OpenedScenario; library: ScenarioLibrary }) {
  const { opened, setWorking, notice, setNotice, error, setError } = scenario;
  const { saved, templates, reloadSaved, allAreas, areas, indicators } = library;
  const working = opened?.working ?? null;
  const [tab, setTab] = useState<Tab>('parameters');
  const [runState, setRunState] = useState<RunState | null>(null);
  const [busy, setBusy] = useState<'run' | 'save' | null>(null);
  const [mc, startMc, cancelMc] = useMonteCarlo();

  const validation = useMemo(() => (working ? validateDraft(working.draft) : null), [working]);
  const problems = validation && !validation.ok ? validation.problems : [];
  const draftKey = working ? JSON.stringify(working.draft) : '';

  const run = useCallback(() => {
    if (!working || !validation?.ok) return;
    const definition = working.draft;
    const key = JSON.stringify(definition);
    setBusy('run');
    setError(null);
    call('scenario.run', { definition }).then(
      (r) => {
        setRunState({ run: r, definition, key });
        setBusy(null);
        setTab('resultaten');
      },
      (e: unknown) => {
        setError(e);
        setBusy(null);
      },
    );
  }, [working, validation, setError]);

  const save = useCallback(() => {
    if (!working || !validation?.ok) return;
    setBusy('save');
    setError(null);
    const replace = working.savedId === working.draft.id;
    call('scenario.save', { definition: working.draft, templateId: working.templateId, replace }).then(
      (s) => {
        setWorking((w) => ({ ...w, savedId: s.id, dirty: false }));
        setNotice(`Opgeslagen als «${s.name}».`);
        setBusy(null);
        reloadSaved();
      },
      (e: unknown) => {
        setError(e);
        setBusy(null);
      },
    );
  }, [working, validation, reloadSaved, setWorking, setNotice, setError]);

  useKeyboardShortcuts(run, save);

  const candidates = useMemo(
    () => candidatesOf(working ? { draft: working.draft, valid: validation?.ok ?? false, savedId: working.savedId } : null, saved, templates),
    [working, validation, saved, templates],
  );
  const initialCompare = useMemo(() => initialComparison(working, saved), [working, saved]);
  const baselineId = runState?.run.result.baselineId;
  const baselineName = baselineId ? (templates.find((t) => t.id === baselineId)?.name ?? saved.find((s) => s.id === baselineId)?.name ?? null) : null;

  return (
    <div className="scenario-work">
      <WorkBar working={working} canAct={(validation?.ok ?? false) && busy === null} busy={busy} onRun={run} onSave={save} />
      <div className="segmented tabs" role="tablist" aria-label="Onderdelen">
        {TABS.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} aria-pressed={tab === id} onClick={() => setTab(id)}>
            {label}
            {id === 'resultaten' && runState && runState.key !== draftKey ? ' •' : ''}
          </button>
        ))}
      </div>
      {notice && (
        <p className="notice ok" role="status">
          {notice}
        </p>
      )}
      {error !== null && <ScenarioError error={error} {...(working ? { draft: working.draft } : {})} />}

      {tab === 'parameters' &&
        (working ? (
          <ScenarioEditor
            draft={working.draft}
            problems={problems}
            isSaved={working.savedId !== null && working.savedId === working.draft.id}
            templates={templates}
            saved={saved}
            areas={areas}
            indicators={indicators}
            onChange={(d) => {
              setWorking((w) => ({ ...w, draft: d, dirty: true }));
              setNotice(null);
            }}
          />
        ) : (
          <EmptyState title="Kies een sjabloon of een opgeslagen scenario" next="Links staan de sjablonen met de regelingen uit de Kamerbrief; een nieuw scenario begint als kopie van een sjabloon." />
        ))}
      {tab === 'resultaten' &&
        (runState ? (
          <ResultsView
            run={runState.run}
            definition={runState.definition}
            definitionKey={runState.key}
            stale={runState.key !== draftKey}
            baselineName={baselineName}
            areas={allAreas}
            mc={mc}
            onStartMc={() => startMc(runState.definition, runState.key)}
            onCancelMc={cancelMc}
          />
        ) : (
          <EmptyState title="Nog niet doorgerekend" next={working ? 'Kies ‘Doorrekenen’ (Ctrl+Enter) om de bedragen per gebied en per jaar te zien.' : 'Open eerst een scenario.'} />
        ))}
      {tab === 'vergelijken' && <CompareView key={initialCompare.join('|')} candidates={candidates} initial={initialCompare} areas={allAreas} />}
    </div>
  );
}

/** The open scenario's name, whether it is saved, and its two actions. */
function WorkBar({ working, canAct, busy, onRun, onSave }: { working: Working | null; canAct: boolean; busy: 'run' | 'save' | null; onRun: () => void; onSave: () => void }) {
  return (
    <div className="work-bar">
      <div className="work-title">
        {working ? (
          <>
            <h2>{working.draft.name || '(zonder naam)'}</h2>
            <span className={`badge ${working.savedId && !working.dirty ? 'saved-badge' : 'unsaved-badge'}`}>
              {working.savedId ? (working.dirty ? 'gewijzigd, niet opgeslagen' : 'opgeslagen') : 'nieuw, niet opgeslagen'}
            </span>
          </>
        ) : (
          <h2>Geen scenario geopend</h2>
        )}
      </div>
      {working && (
        <div className="work-actions">
          <button type="button" className="button primary" onClick={onRun} disabled={!canAct} title="Doorrekenen (Ctrl+Enter)">
            {busy === 'run' ? 'Rekenen…' : 'Doorrekenen'}
          </button>
          <button type="button" className="button" onClick={onSave} disabled={!canAct} title="Opslaan (Ctrl+S)">
            {busy === 'save' ? 'Opslaan…' : 'Opslaan'}
          </button>
        </div>
      )}
    </div>
  );
}

/** Ctrl+Enter runs, Ctrl+S saves (also listed on the buttons). */
function useKeyboardShortcuts(run: () => void, save: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey)) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        run();
      } else if (e.key === 's') {
        e.preventDefault();
        save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, save]);
}

/** The comparison opens with the scenario's baseline (if any) and the scenario itself. */
function initialComparison(working: Working | null, saved: ScenarioLibrary['saved']): string[] {
  if (!working) return [];
  const self = working.savedId ? `saved:${working.savedId}` : 'current';
  const base = working.draft.baseline?.id;
  const baseKey = base ? (saved.some((s) => s.id === base) ? `saved:${base}` : `template:${base}`) : null;
  return baseKey ? [baseKey, self] : [self];
}
