import { ErrorPanel, Loading } from '../../ui/StatusPanels';
import { ScenarioDialogs } from './ScenarioDialogs';
import { ScenarioList } from './ScenarioList';
import { ScenarioWorkspace } from './ScenarioWorkspace';
import { useOpenedScenario } from './use-opened-scenario';
import { useScenarioLibrary } from './use-scenario-library';

/**
 * Scenario's: build from a template, edit, run, see results and uncertainty, compare, save.
 * The library (templates, saved scenarios, areas) and the opened scenario are hooks; the open
 * scenario's work (form, run, Monte Carlo, comparison) is ScenarioWorkspace, mounted anew for
 * each opening so its results stay with it.
 */
export function ScenariosScreen() {
  const library = useScenarioLibrary();
  const scenario = useOpenedScenario(library);
  const { opened, pending, setPending } = scenario;

  if (library.templatesState.status === 'loading') return <Loading what="Scenario's" />;
  if (library.templatesState.status === 'error') return <ErrorPanel error={library.templatesState.error} />;

  return (
    <div className="screen scenarios">
      <header className="screen-header">
        <h1>Scenario's</h1>
        <p className="lede">Wat als een regeling stopt, doorloopt of wordt gebundeld: bedragen per gebied en per jaar, en de gevolgen voor woningverbetering.</p>
      </header>
      <div className="scenario-layout">
        <ScenarioList
          templates={library.templates}
          saved={library.saved}
          openId={opened?.working.savedId ?? null}
          onNew={scenario.newFromTemplate}
          onOpen={scenario.open}
          onDuplicate={scenario.duplicate}
          onRename={scenario.rename}
          onDelete={(s) => setPending({ kind: 'delete', scenario: s })}
        />
        <ScenarioWorkspace key={opened?.session ?? 0} scenario={scenario} library={library} />
      </div>
      <ScenarioDialogs pending={pending} workingName={opened?.working.draft.name} saved={library.saved} onCancel={() => setPending(null)} onDelete={scenario.remove} />
    </div>
  );
}
