import type { ScenarioRun } from '../../../../shared/contract/scenario';
import { count, euro, mln, pct } from './format';

const KIND_LABEL = { 'te-bevestigen': 'te bevestigen', aanname: 'aanname', ontbrekend: 'ontbreekt' } as const;

function unitOf(path: string): (x: number) => string {
  if (/Pct|pct/.test(path)) return pct;
  if (/leadTime/.test(path)) return (x) => `${count(x)} jaar`;
  if (/amount|budget|amounts/.test(path)) return (x) => `€ ${mln(x)} mln`;
  if (/cost/.test(path)) return (x) => `€ ${euro(x)}`;
  return count;
}

/** Which parameters made these figures, and what the analyst still has to confirm. */
export function RunSummary({ run, baselineName }: { run: ScenarioRun; baselineName: string | null }) {
  const r = run.result;
  const i = run.inputs;
  const order = { 'te-bevestigen': 0, ontbrekend: 1, aanname: 2 } as const;
  const assumptions = [...r.assumptions].sort((a, b) => order[a.kind] - order[b.kind]);
  return (
    <div className="run-summary">
      <p className="lede">
        <strong>{r.scenarioName}</strong> · {r.years[0]}–{r.years.at(-1)} · {r.baselineId ? <>vergeleken met «{baselineName ?? r.baselineId}»</> : 'zonder basisscenario'} · inwonertal
        in de opslag voor {i.areasWithPopulation} van {i.areas} gebieden
        {i.populationSources.length > 0 && ` (${i.populationSources.join('; ')})`}
      </p>
      <div className="assumptions" aria-label="Aannames en te bevestigen parameters">
        <h3>Aannames en te bevestigen parameters ({assumptions.length})</h3>
        <ul>
          {assumptions.map((a, k) => (
            <li key={k}>
              <span className={`badge kind-${a.kind}`}>{KIND_LABEL[a.kind]}</span> {a.message}
            </li>
          ))}
        </ul>
      </div>
      <details className="parameters">
        <summary>Parameters van deze berekening ({r.parameters.length})</summary>
        <table className="figures">
          <thead>
            <tr>
              <th>Parameter</th>
              <th className="num">Waarde</th>
              <th className="num">Bandbreedte</th>
              <th>Bron</th>
            </tr>
          </thead>
          <tbody>
            {r.parameters.map((p) => {
              const f = unitOf(p.path);
              return (
                <tr key={p.path}>
                  <td>
                    {p.label} {p.status && <span className="badge kind-te-bevestigen">te bevestigen</span>}
                  </td>
                  <td className="num">{f(p.central)}</td>
                  <td className="num">{p.low !== null && p.high !== null ? `${f(p.low)} – ${f(p.high)} (${p.dist === 'triangular' ? 'driehoekig' : 'uniform'})` : ''}</td>
                  <td className="muted">{p.source ?? 'ingevoerd'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </div>
  );
}
