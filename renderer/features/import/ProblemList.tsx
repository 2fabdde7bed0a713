import { useMemo, useState } from 'react';
import type { Problem } from '../../../shared/domain/import/preview-schema';
import { nl } from './labels';
import { SEVERITY_TEXT } from '../../../shared/domain/format/messages';
import { KIND_NL, problemText } from './problem-text';

type Filter = 'all' | Problem['severity'];
const SHOW = 300;

/** Every problem with the file, sheet, row, column and cell it is about, in Dutch. */
export function ProblemList({ problems, counts, file }: { problems: Problem[]; counts: Record<string, number>; file: string }) {
  const [filter, setFilter] = useState<Filter>(problems.some((p) => p.severity !== 'info') ? 'error' : 'all');
  const bySeverity = useMemo(() => {
    const n: Record<string, number> = { error: 0, warning: 0, info: 0 };
    for (const p of problems) n[p.severity] = (n[p.severity] ?? 0) + 1;
    return n;
  }, [problems]);
  const effective: Filter = filter !== 'all' && (bySeverity[filter] ?? 0) === 0 ? 'all' : filter;
  const shown = problems.filter((p) => effective === 'all' || p.severity === effective);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (problems.length === 0) return <p className="notice ok">Geen meldingen: elke cel is gelezen zoals verwacht.</p>;
  return (
    <div className="problems">
      <div className="section-bar">
        <h3>
          Meldingen <span className="count">({nl(total)})</span>
        </h3>
        <div className="segmented" role="group" aria-label="Meldingen tonen">
          {(['error', 'warning', 'info', 'all'] as const).map((f) => (
            <button key={f} type="button" aria-pressed={effective === f} onClick={() => setFilter(f)} disabled={f !== 'all' && (bySeverity[f] ?? 0) === 0}>
              {f === 'all' ? 'Alle' : `${SEVERITY_TEXT[f][0]?.toUpperCase()}${SEVERITY_TEXT[f].slice(1)}`} {f !== 'all' && `(${nl(bySeverity[f] ?? 0)})`}
            </button>
          ))}
        </div>
      </div>
      <div className="table-scroll problems-scroll">
        <table className="figures dense problem-table">
          <thead>
            <tr>
              <th>Ernst</th>
              <th>Soort</th>
              <th>Bestand</th>
              <th>Blad</th>
              <th className="num">Rij</th>
              <th>Kolom</th>
              <th>Cel</th>
              <th>Melding</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, SHOW).map((p, i) => (
              <tr key={`${p.kind}-${p.cell ?? p.row ?? ''}-${i}`} className={`severity-${p.severity}`}>
                <td>
                  <span className={`badge sev-${p.severity}`}>{SEVERITY_TEXT[p.severity]}</span>
                </td>
                <td>{KIND_NL[p.kind]}</td>
                <td className="muted">{file}</td>
                <td className="muted">{p.sheet}</td>
                <td className="num">{p.row ?? ''}</td>
                <td className="mono">{p.column ?? ''}</td>
                <td className="mono">{p.cell ?? ''}</td>
                <td>{problemText(p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(shown.length > SHOW || total > problems.length) && (
        <p className="muted small">
          {shown.length > SHOW ? `De eerste ${SHOW} getoond. ` : ''}
          {total > problems.length ? `Per soort worden er ten hoogste 200 opgesomd; de aantallen tellen alles (${nl(total)}).` : ''}
        </p>
      )}
    </div>
  );
}
