import { useEffect, useMemo, useState } from 'react';
import type { CompareViewState } from '../../../shared/contract/compare';
import type { IndexDefinition, IndexResult } from '../../../shared/contract/composite';
import type { Indicator } from '../../../shared/contract/model';
import { indexChart } from '../../../shared/domain/charts/index-chart';
import { unitLabel } from '../../../shared/domain/format/figure';
import { call } from '../../api/client';
import { ErrorPanel } from '../../ui/StatusPanels';
import { ChartFigure } from '../../ui/ChartFigure';

const DIRECTION = { higher_better: 'hoger is beter', higher_worse: 'hoger is slechter', neutral: 'geen richting (telt als hoger is meer)' } as const;
const nl = (x: number | null, d = 2): string => (x === null ? '—' : x.toLocaleString('nl-NL', { minimumFractionDigits: d, maximumFractionDigits: d }));

/** A composite index of the analyst's own: indicators and weights, reference set, missing rule. */
export function IndexPanel({ areas, period, viewName, indicators }: { areas: CompareViewState['areas']; period: string; viewName: string | null; indicators: Indicator[] }) {
  const [weights, setWeights] = useState<Record<string, string>>({});
  const [reference, setReference] = useState<'shown' | 'focus'>('shown');
  const [missing, setMissing] = useState<'exclude' | 'reweight'>('exclude');
  const [result, setResult] = useState<IndexResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    // A saved view brings its own index.
    if (!viewName) return;
    call('index.get', { view: viewName }).then((d) => {
      if (!d) return;
      setWeights(Object.fromEntries(d.components.map((c) => [c.indicatorCode, String(c.weight).replace('.', ',')])));
      setReference(d.reference === 'focus' ? 'focus' : 'shown');
      setMissing(d.missing);
    }, setError);
  }, [viewName]);
  const definition = useMemo((): IndexDefinition | null => {
    const components = Object.entries(weights)
      .map(([indicatorCode, w]) => ({ indicatorCode, weight: Number(w.replace(',', '.')) }))
      .filter((c) => Number.isFinite(c.weight) && c.weight > 0);
    return components.length ? { components, reference, missing } : null;
  }, [weights, reference, missing]);
  const state: CompareViewState = { areas, indicators: definition?.components.map((c) => c.indicatorCode) ?? [], period: period as CompareViewState['period'], references: [] };
  const run = (): void => {
    if (!definition) return;
    setError(null);
    call('index.run', { state, definition }).then(setResult, setError);
  };
  const chart = useMemo(() => (result ? indexChart(result) : null), [result]);
  return (
    <section aria-label="Samengestelde index">
      <p className="muted small">
        Kies indicatoren en gewichten. Elke indicator wordt een z-score tegen de referentiegebieden, gedraaid naar de richting van de indicator (hoger is beter), gewogen en opgeteld.
      </p>
      <div className="index-weights">
        <label className="form-inline">
          Indicator toevoegen
          <select aria-label="Indicator toevoegen" value="" onChange={(e) => e.target.value && setWeights({ ...weights, [e.target.value]: '1' })}>
            <option value="">kies…</option>
            {indicators.filter((i) => !(i.code in weights)).map((i) => <option key={i.code} value={i.code}>{i.name} ({unitLabel(i.unit)})</option>)}
          </select>
        </label>
        <span />
        <span />
        {Object.entries(weights).map(([code, w]) => {
          const ind = indicators.find((i) => i.code === code);
          return (
            <div key={code} style={{ display: 'contents' }}>
              <span>{ind?.name ?? code} <span className="muted">({ind ? DIRECTION[ind.direction] : code})</span></span>
              <input className="num-input w-sm" aria-label={`Gewicht ${code}`} value={w} onChange={(e) => setWeights({ ...weights, [code]: e.target.value })} />
              <button type="button" className="link-button" onClick={() => setWeights(Object.fromEntries(Object.entries(weights).filter(([k]) => k !== code)))}>verwijderen</button>
            </div>
          );
        })}
      </div>
      <div className="form-inline small">
        <label className="form-inline">
          z-scores tegen
          <select aria-label="Referentie" value={reference} onChange={(e) => setReference(e.target.value as 'shown' | 'focus')}>
            <option value="shown">de getoonde gebieden</option>
            <option value="focus">de 20 focusgebieden</option>
          </select>
        </label>
        <label className="form-inline">
          Ontbrekend cijfer
          <select aria-label="Ontbrekend cijfer" value={missing} onChange={(e) => setMissing(e.target.value as 'exclude' | 'reweight')}>
            <option value="exclude">gebied weglaten</option>
            <option value="reweight">herwegen over wat er is</option>
          </select>
        </label>
        <button type="button" className="button primary" disabled={!definition} onClick={run}>Index berekenen</button>
        {viewName && definition && (
          <button type="button" className="button" onClick={() => call('index.save', { view: viewName, definition }).then(() => setSaved(viewName), setError)}>
            Bewaren bij weergave “{viewName}”
          </button>
        )}
        {saved && <span role="status" className="muted">Bewaard bij “{saved}”.</span>}
      </div>
      {error !== null && <ErrorPanel error={error} />}
      {result && chart && (
        <ChartFigure chart={chart} label={`Index: ${chart.caption}`}>
          <table className="index-table" aria-label="Indexscores">
            <thead>
              <tr>
                <th className="num">Rang</th>
                <th>Gebied</th>
                <th className="num">Score</th>
                {result.stats.map((s) => <th key={s.indicatorCode} className="num" title={s.indicatorName}>{s.indicatorCode}</th>)}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.areaCode}>
                  <td className="num">{r.rank}</td>
                  <td>{r.areaName}{r.missing.length > 0 && <span className="muted"> (herwogen: zonder {r.missing.join(', ')})</span>}</td>
                  <td className="num">{nl(r.score)}</td>
                  {result.stats.map((s) => <td key={s.indicatorCode} className="num">{r.contributions[s.indicatorCode] === undefined ? '—' : nl(r.contributions[s.indicatorCode]!)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="chart-notes muted">
            {result.stats.map((s) => `${s.indicatorName}: gemiddelde ${nl(s.mean, 1)}, standaardafwijking ${nl(s.sd, 1)} over ${s.n} gebieden${s.unusable ? ` — niet gebruikt: ${s.unusable}` : ''}`).join('; ')}.
            {result.excluded.length > 0 && ` Weggelaten (ontbrekend cijfer): ${result.excluded.map((e) => e.areaName).join(', ')}.`}
          </p>
        </ChartFigure>
      )}
    </section>
  );
}
