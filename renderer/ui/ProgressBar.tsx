import { formatCount } from '../../shared/domain/format/number';

function timeLeft(ms: number | null): string {
  if (ms === null) return 'tijd over wordt berekend';
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `nog ${s} s`;
  return `nog ${Math.floor(s / 60)} min ${s % 60} s`;
}

/**
 * A determinate progress bar for long work (imports, Monte Carlo): what is being done, how much of how
 * much, the time left, and a cancel button that really stops the work.
 */
export function ProgressBar({
  label,
  done,
  total,
  etaMs,
  unit,
  onCancel,
  cancelling = false,
}: {
  label: string;
  done: number;
  total: number | null;
  etaMs: number | null;
  /** What is counted, plural ("trekkingen", "rijen"). */
  unit: string;
  onCancel?: () => void;
  cancelling?: boolean;
}) {
  const pct = total ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <div className="progress" role="group" aria-label={label}>
      <div className="progress-text">
        <span>{label}</span>
        <span className="num">
          {formatCount(done)}
          {total !== null && ` van ${formatCount(total)}`} {unit}
          {pct !== null && ` · ${pct}%`} · {timeLeft(etaMs)}
        </span>
      </div>
      <div className="progress-track">
        <div
          className="progress-fill"
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={total ?? undefined}
          aria-valuenow={done}
          style={{ width: `${pct ?? 0}%` }}
        />
      </div>
      {onCancel && (
        <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
          {cancelling ? 'Annuleren…' : 'Annuleren'}
        </button>
      )}
    </div>
  );
}
