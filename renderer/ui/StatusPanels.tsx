import { errorText } from './error-text';

export function Loading({ what }: { what: string }) {
  return <p className="muted" role="status">{what} laden…</p>;
}

export function ErrorPanel({ error }: { error: unknown }) {
  const { title, detail } = errorText(error);
  return (
    <div className="error-panel" role="alert">
      <strong>{title}</strong>
      {detail && <p>{detail}</p>}
    </div>
  );
}

export function EmptyState({ title, next }: { title: string; next: string }) {
  return (
    <div className="empty-state">
      <strong>{title}</strong>
      <p>{next}</p>
    </div>
  );
}
