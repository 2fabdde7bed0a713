import { CallError } from '../../api/client';
import { ErrorPanel } from '../../ui/StatusPanels';
import { errorText, whereText } from '../../ui/error-text';
import { importErrorText } from './import-error-text';

export function ImportError({ error, file }: { error: unknown; file: string }) {
  if (!(error instanceof CallError)) return <ErrorPanel error={error} />;
  const { code, message, where } = error.failure;
  const text = importErrorText(code, message, where?.file ?? file);
  if (!text) return <ErrorPanel error={error} />;
  const at = whereText({ ...where, file: undefined });
  return (
    <div className="error-panel" role="alert">
      <strong>{errorText(error).title}</strong>
      <p>
        {text}
        {at && <span className="muted"> ({at})</span>}
      </p>
    </div>
  );
}
