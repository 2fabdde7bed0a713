import { CallError } from '../../api/client';
import { ErrorPanel } from '../../ui/StatusPanels';
import { errorText } from '../../ui/error-text';
import type { Draft } from './editor/draft';
import { messageNl, pathLabel } from './editor/validation-nl';

/**
 * A scenario error in Dutch: the services' messages are English (for logs and scripts); here each
 * problem gets its Dutch label and text, with the English original kept as a tooltip.
 */
export function ScenarioError({ error, draft }: { error: unknown; draft?: Draft }) {
  if (!(error instanceof CallError) || (error.failure.code !== 'SCENARIO_INVALID' && error.failure.code !== 'NOT_FOUND')) return <ErrorPanel error={error} />;
  const { title } = errorText(error);
  const lines = error.failure.details && error.failure.details.length > 0 && error.failure.message.startsWith('Invalid scenario definition') ? error.failure.details : [error.failure.message];
  return (
    <div className="error-panel" role="alert">
      <strong>{title}</strong>
      <ul>
        {lines.map((line) => {
          const at = line.indexOf(': ');
          const looksLikePath = at > 0 && /^[A-Za-z][\w.[\]]*$/.test(line.slice(0, at));
          const text = looksLikePath ? `${pathLabel(line.slice(0, at), draft)}: ${messageNl(line.slice(at + 2))}` : messageNl(line);
          return (
            <li key={line} title={line}>
              {text.charAt(0).toUpperCase() + text.slice(1)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
