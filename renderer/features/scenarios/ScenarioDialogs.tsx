import type { SavedScenario } from '../../../shared/contract/scenario';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import type { Pending } from './use-opened-scenario';

/** "Discard changes?" before opening another scenario, and "delete?" before deleting a saved one. */
export function ScenarioDialogs({
  pending,
  workingName,
  saved,
  onCancel,
  onDelete,
}: {
  pending: Pending | null;
  workingName: string | undefined;
  saved: readonly SavedScenario[];
  onCancel: () => void;
  onDelete: (s: SavedScenario) => void;
}) {
  if (pending?.kind === 'open') {
    return (
      <ConfirmDialog
        title="Wijzigingen niet opgeslagen"
        confirmLabel="Wijzigingen weggooien"
        danger
        onCancel={onCancel}
        onConfirm={() => {
          onCancel();
          pending.action();
        }}
      >
        <p>
          De wijzigingen in «{workingName}» zijn niet opgeslagen. Wilt u ze weggooien en {pending.what}?
        </p>
      </ConfirmDialog>
    );
  }
  if (pending?.kind === 'delete') {
    const dependants = saved.filter((s) => s.baselineId === pending.scenario.id);
    return (
      <ConfirmDialog
        title={`«${pending.scenario.name}» verwijderen?`}
        confirmLabel="Verwijderen"
        danger
        onCancel={onCancel}
        onConfirm={() => {
          onCancel();
          onDelete(pending.scenario);
        }}
      >
        <p>Het opgeslagen scenario wordt uit het project verwijderd. Dit kan niet ongedaan worden gemaakt.</p>
        {dependants.length > 0 && (
          <p className="warn">
            Dit scenario is het basisscenario van {dependants.map((s) => `«${s.name}»`).join(', ')}; daar worden dan geen verschillen meer berekend.
          </p>
        )}
      </ConfirmDialog>
    );
  }
  return null;
}
