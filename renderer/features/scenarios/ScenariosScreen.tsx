import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SavedScenario, ScenarioRun } from '../../../shared/contract/scenario';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, ErrorPanel, Loading } from '../../ui/StatusPanels';
import { useCall } from '../../ui/use-call';
import { CompareView, candidatesOf } from './compare/CompareView';
import type { Draft } from './editor/draft';
import { freshId, freshName } from './editor/draft';
import { ScenarioEditor } from './editor/ScenarioEditor';
import { validateDraft } from './editor/validation-nl';
import { ResultsView } from './results/ResultsView';
import { ScenarioError } from './ScenarioError';
import { ScenarioList } from './ScenarioList';
import { useMonteCarlo } from './use-monte-carlo';

type Tab = 'parameters' | 'resultaten' | 'vergelijken';

interface Working {
  draft: Draft;
  /** Id under which it is saved (null: not saved yet). */
  savedId: string | null;
  templateId: string | null;
  dirty: boolean;
}

interface RunState {
  run: ScenarioRun;
  definition: Draft;
  key: string;
}

type Pending = { kind: 'open'; action: () => void; what: string } | { kind: 'delete'; scenario: SavedScenario };

/** Scenario's: build from a template, edit, run, see results and uncertainty, compare, save. */
export function ScenariosScreen() {
  const [templates] = useCall('scenario.templates', {});
  const [savedState, reloadSaved] = useCall('scenario.list', {});
  const [areasState] = useCall('areas.list', {});
  const [indicatorsState] = useCall('indicators.list', {});
  // Keep showing the last list while it reloads (after a save or rename), instead of flashing empty.
  const [saved, setSaved] = useState<SavedScenario[]>([]);
  useEffect(() => {
    if (savedState.status === 'ok') setSaved(savedState.value);
  }, [savedState]);
  // All areas for names (municipality rows too); the focus areas for the form's choices.
  const allAreas = useMemo(() => (areasState.status === 'ok' ? areasState.value : []), [areasState]);
  const areas = useMemo(() => allAreas.filter((a) => a.kind === 'focus_area'), [allAreas]);
  const indicators = indicatorsState.status === 'ok' ? indicatorsState.value : [];
  const templateList = useMemo(() => (templates.status === 'ok' ? templates.value : []), [templates]);

  const [working, setWorking] = useState<Working | null>(null);
  const [tab, setTab] = useState<Tab>('parameters');
  const [runState, setRunState] = useState<RunState | null>(null);
  const [busy, setBusy] = useState<'run' | 'save' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [mc, startMc, cancelMc] = useMonteCarlo();

  const validation = useMemo(() => (working ? validateDraft(working.draft) : null), [working]);
  const problems = validation && !validation.ok ? validation.problems : [];
  const draftKey = working ? JSON.stringify(working.draft) : '';

  const guard = (what: string, action: () => void) => {
    if (working?.dirty) setPending({ kind: 'open', action, what });
    else action();
  };

  const begin = (w: Working) => {
    setWorking(w);
    setRunState(null);
    setError(null);
    setNotice(null);
    setTab('parameters');
  };

  const newFromTemplate = (templateId: string) =>
    guard('een nieuw scenario beginnen', () => {
      void call('scenario.template', { id: templateId }).then(
        (def) => {
          const ids = new Set([...saved.map((s) => s.id), ...templateList.map((t) => t.id)]);
          const names = new Set(saved.map((s) => s.name));
          begin({ draft: { ...def, id: freshId(def.id, ids), name: freshName(def.name, names) }, savedId: null, templateId, dirty: true });
        },
        (e: unknown) => setError(e),
      );
    });

  const open = (id: string) =>
    guard('een ander scenario openen', () => {
      void call('scenario.get', { id }).then(
        (got) => begin({ draft: got.definition, savedId: got.scenario.id, templateId: got.scenario.templateId, dirty: false }),
        (e: unknown) => setError(e),
      );
    });

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
  }, [working, validation]);

  const save = useCallback(() => {
    if (!working || !validation?.ok) return;
    setBusy('save');
    setError(null);
    const replace = working.savedId === working.draft.id;
    call('scenario.save', { definition: working.draft, templateId: working.templateId, replace }).then(
      (s) => {
        setWorking((w) => (w ? { ...w, savedId: s.id, dirty: false } : w));
        setNotice(`Opgeslagen als «${s.name}».`);
        setBusy(null);
        reloadSaved();
      },
      (e: unknown) => {
        setError(e);
        setBusy(null);
      },
    );
  }, [working, validation, reloadSaved]);

  useEffect(() => {
    // Ctrl+Enter runs, Ctrl+S saves (also listed on the buttons).
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

  const duplicate = (id: string) =>
    void call('scenario.duplicate', { id }).then(
      (s) => {
        setNotice(`Gekopieerd naar «${s.name}».`);
        reloadSaved();
      },
      (e: unknown) => setError(e),
    );

  const rename = (id: string, name: string): Promise<boolean> =>
    call('scenario.rename', { id, name }).then(
      (s) => {
        if (working?.savedId === id) setWorking((w) => (w ? { ...w, draft: { ...w.draft, name: s.name } } : w));
        setNotice(`Hernoemd naar «${s.name}».`);
        reloadSaved();
        return true;
      },
      (e: unknown) => {
        setError(e);
        return false;
      },
    );

  const remove = (s: SavedScenario) =>
    void call('scenario.delete', { id: s.id }).then(
      () => {
        if (working?.savedId === s.id) setWorking((w) => (w ? { ...w, savedId: null, dirty: true } : w));
        setNotice(`«${s.name}» is verwijderd.`);
        reloadSaved();
      },
      (e: unknown) => setError(e),
    );

  const candidates = useMemo(
    () => candidatesOf(working ? { draft: working.draft, valid: validation?.ok ?? false, savedId: working.savedId } : null, saved, templateList),
    [working, validation, saved, templateList],
  );
  const initialCompare = useMemo(() => {
    if (!working) return [];
    const self = working.savedId ? `saved:${working.savedId}` : 'current';
    const base = working.draft.baseline?.id;
    const baseKey = base ? (saved.some((s) => s.id === base) ? `saved:${base}` : `template:${base}`) : null;
    return baseKey ? [baseKey, self] : [self];
  }, [working, saved]);
  const baselineName = runState?.run.result.baselineId
    ? (templateList.find((t) => t.id === runState.run.result.baselineId)?.name ?? saved.find((s) => s.id === runState.run.result.baselineId)?.name ?? null)
    : null;

  if (templates.status === 'loading') return <Loading what="Scenario's" />;
  if (templates.status === 'error') return <ErrorPanel error={templates.error} />;

  return (
    <div className="screen scenarios">
      <header className="screen-header">
        <h1>Scenario's</h1>
        <p className="lede">Wat als een regeling stopt, doorloopt of wordt gebundeld: bedragen per gebied en per jaar, en de gevolgen voor woningverbetering.</p>
      </header>
      <div className="scenario-layout">
        <ScenarioList
          templates={templateList}
          saved={saved}
          openId={working?.savedId ?? null}
          onNew={newFromTemplate}
          onOpen={open}
          onDuplicate={duplicate}
          onRename={rename}
          onDelete={(s) => setPending({ kind: 'delete', scenario: s })}
        />
        <div className="scenario-work">
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
                <button type="button" className="button primary" onClick={run} disabled={!validation?.ok || busy !== null} title="Doorrekenen (Ctrl+Enter)">
                  {busy === 'run' ? 'Rekenen…' : 'Doorrekenen'}
                </button>
                <button type="button" className="button" onClick={save} disabled={!validation?.ok || busy !== null} title="Opslaan (Ctrl+S)">
                  {busy === 'save' ? 'Opslaan…' : 'Opslaan'}
                </button>
              </div>
            )}
          </div>
          <div className="segmented tabs" role="tablist" aria-label="Onderdelen">
            {(
              [
                ['parameters', 'Parameters'],
                ['resultaten', 'Resultaten'],
                ['vergelijken', 'Vergelijken'],
              ] as const
            ).map(([id, label]) => (
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
                templates={templateList}
                saved={saved}
                areas={areas}
                indicators={indicators}
                onChange={(d) => {
                  setWorking((w) => (w ? { ...w, draft: d, dirty: true } : w));
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
      </div>
      {pending?.kind === 'open' && (
        <ConfirmDialog
          title="Wijzigingen niet opgeslagen"
          confirmLabel="Wijzigingen weggooien"
          danger
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const action = pending.action;
            setPending(null);
            action();
          }}
        >
          <p>
            De wijzigingen in «{working?.draft.name}» zijn niet opgeslagen. Wilt u ze weggooien en {pending.what}?
          </p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'delete' && (
        <ConfirmDialog
          title={`«${pending.scenario.name}» verwijderen?`}
          confirmLabel="Verwijderen"
          danger
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const s = pending.scenario;
            setPending(null);
            remove(s);
          }}
        >
          <p>Het opgeslagen scenario wordt uit het project verwijderd. Dit kan niet ongedaan worden gemaakt.</p>
          {saved.some((s) => s.baselineId === pending.scenario.id) && (
            <p className="warn">
              Dit scenario is het basisscenario van {saved.filter((s) => s.baselineId === pending.scenario.id).map((s) => `«${s.name}»`).join(', ')}; daar worden dan geen verschillen meer berekend.
            </p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
