import { useEffect, useMemo, useState } from 'react';
import type { Area } from '../../../../shared/contract/model';
import type { MonteCarloRun, ScenarioRun } from '../../../../shared/contract/scenario';
import type { OutputSelector, SensitivityResult } from '../../../../shared/domain/scenario';
import { PROGRAMME_AREA_CODE, TOTAL_STREAM_ID } from '../../../../shared/domain/scenario';
import { call } from '../../../api/client';
import { Plot } from '../../../ui/Plot';
import { ProgressBar } from '../../../ui/ProgressBar';
import { EmptyState, ErrorPanel } from '../../../ui/StatusPanels';
import type { Draft } from '../editor/draft';
import { Select } from '../editor/fields';
import type { McState } from '../use-monte-carlo';
import { ACCENT, chartFile, count, GRID, mln, ORANGE, sourceLine } from './format';

interface SeriesOption {
  value: string;
  label: string;
  unit: 'mln' | 'count';
  /** For the fan chart. */
  band: (mc: MonteCarloRun) => { year: number; p10: number | null; p50: number | null; p90: number | null }[];
  det: (run: ScenarioRun) => { year: number; value: number | null }[];
  /** For the tornado: the same output in one year (the last), or the target year. */
  selector: (run: ScenarioRun) => OutputSelector;
}

function seriesOptions(run: ScenarioRun, names: Map<string, string>): SeriesOption[] {
  const r = run.result;
  const last = r.years.at(-1) as number;
  const streams = [...new Map(r.funding.filter((f) => f.areaCode === PROGRAMME_AREA_CODE).map((f) => [f.streamId, f.streamName])).entries()];
  const main = streams.find(([id]) => id === TOTAL_STREAM_ID) ?? streams[0];
  const opts: SeriesOption[] = [];
  const funding = (streamId: string, areaCode: string, measure: 'amount' | 'cumulativeDelta', label: string): SeriesOption => ({
    value: `f|${streamId}|${areaCode}|${measure}`,
    label,
    unit: 'mln',
    band: (mc) => mc.result.funding.filter((b) => b.streamId === streamId && b.areaCode === areaCode && b.measure === measure),
    det: (run2) => run2.result.funding.filter((f) => f.streamId === streamId && f.areaCode === areaCode).map((f) => ({ year: f.year, value: measure === 'amount' ? f.amount : f.cumulativeDelta })),
    selector: () => ({ kind: 'funding', streamId, areaCode, year: last, measure: measure === 'amount' ? 'cumulativeAmount' : 'cumulativeDelta' }),
  });
  if (main) {
    const [id, name] = main;
    opts.push(funding(id, PROGRAMME_AREA_CODE, 'amount', `Programma: ${id === TOTAL_STREAM_ID ? 'alle regelingen' : name} per jaar`));
    if (r.baselineId) opts.push(funding(id, PROGRAMME_AREA_CODE, 'cumulativeDelta', 'Programma: cumulatief verschil met basis'));
    const areaCodes = [...new Set(r.funding.filter((f) => f.level === 'area' && f.streamId === id).map((f) => f.areaCode))];
    for (const code of areaCodes) opts.push(funding(id, code, 'amount', `${names.get(code) ?? code} per jaar`));
  }
  for (const code of new Set(r.housing.map((h) => h.areaCode))) {
    const name = code === PROGRAMME_AREA_CODE ? 'programma' : (names.get(code) ?? code);
    opts.push({
      value: `h|${code}`,
      label: `Resterende slechte woningen, ${name}`,
      unit: 'count',
      band: (mc) => mc.result.housing.filter((b) => b.areaCode === code && b.measure === 'remainingPoorQuality'),
      det: (run2) => run2.result.housing.filter((h) => h.areaCode === code).map((h) => ({ year: h.year, value: h.remainingPoorQuality })),
      selector: () => ({ kind: 'targetYear', areaCode: code }),
    });
  }
  return opts;
}

/** Monte Carlo bands (P10/P50/P90) as a fan chart and one-at-a-time sensitivity as a tornado. */
export function UncertaintyPanel({
  run,
  draft,
  draftKey,
  areas,
  mc,
  onStart,
  onCancel,
}: {
  run: ScenarioRun;
  draft: Draft;
  draftKey: string;
  areas: readonly Area[];
  mc: McState;
  onStart: () => void;
  onCancel: () => void;
}) {
  const names = useMemo(() => new Map(areas.map((a) => [a.code, a.name])), [areas]);
  const options = useMemo(() => seriesOptions(run, names), [run, names]);
  const [choice, setChoice] = useState('');
  const option = options.find((o) => o.value === choice) ?? options[0];
  const ranged = run.result.parameters.filter((p) => p.dist !== null);
  const runs = draft.uncertainty?.runs ?? 2000;
  const seed = draft.uncertainty?.seed ?? 1;

  if (ranged.length === 0) {
    return (
      <EmptyState
        title="Geen parameters met een bandbreedte"
        next="Geef in het formulier een parameter een bandbreedte (knop ‘bandbreedte’ naast het veld): dan rekent Monte Carlo P10/P50/P90-banden en toont het tornadodiagram welke parameter het meest uitmaakt."
      />
    );
  }
  return (
    <div className="uncertainty">
      <div className="form-inline">
        <button type="button" className="button primary" onClick={onStart} disabled={mc.status === 'running'}>
          Onzekerheid doorrekenen
        </button>
        <span className="muted">
          {count(runs)} trekkingen, seed {seed}, {ranged.length} {ranged.length === 1 ? 'parameter' : 'parameters'} met een bandbreedte: {ranged.map((p) => p.label).join('; ')}
        </span>
      </div>
      {mc.status === 'running' && (
        <ProgressBar label="Monte Carlo" done={mc.progress.done} total={mc.progress.total} etaMs={mc.progress.etaMs} unit="trekkingen" onCancel={onCancel} cancelling={mc.cancelling} />
      )}
      {mc.status === 'cancelled' && (
        <p className="notice" role="status">
          Geannuleerd na {count(mc.done)} van {count(mc.total)} trekkingen; er is niets opgeslagen.
        </p>
      )}
      {mc.status === 'error' && <ErrorPanel error={mc.error} />}
      {option && (
        <div className="chart-controls">
          <Select label="Reeks voor banden en tornado" value={option.value} options={options.map((o) => ({ value: o.value, label: o.label }))} onChange={setChoice} />
        </div>
      )}
      <div className="two-col">
        {option && mc.status === 'done' ? (
          <FanChart run={run} mc={mc.run} option={option} stale={mc.key !== draftKey} elapsedMs={mc.elapsedMs} />
        ) : (
          <div className="empty-state">
            <strong>Nog geen banden</strong>
            <p>Kies ‘Onzekerheid doorrekenen’ voor P10/P50/P90 per jaar.</p>
          </div>
        )}
        {option && <Tornado run={run} draft={draft} option={option} />}
      </div>
      {mc.status === 'done' && mc.run.result.targetYears.length > 0 && (
        <table className="figures dense narrow" aria-label="Doeljaar met onzekerheid">
          <thead>
            <tr>
              <th>Doeljaar</th>
              <th className="num">P10</th>
              <th className="num">P50</th>
              <th className="num">P90</th>
              <th className="num">Bereikt vóór horizon</th>
            </tr>
          </thead>
          <tbody>
            {mc.run.result.targetYears.map((t) => (
              <tr key={t.areaCode}>
                <td>{t.areaCode === PROGRAMME_AREA_CODE ? 'Programma' : (names.get(t.areaCode) ?? t.areaCode)}</td>
                <td className="num">{t.p10 ?? `na ${t.horizon}`}</td>
                <td className="num">{t.p50 ?? `na ${t.horizon}`}</td>
                <td className="num">{t.p90 ?? `na ${t.horizon}`}</td>
                <td className="num">{Math.round(t.reachedShare * 100)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function FanChart({ run, mc, option, stale, elapsedMs }: { run: ScenarioRun; mc: MonteCarloRun; option: SeriesOption; stale: boolean; elapsedMs: number }) {
  const scale = option.unit === 'mln' ? 1e6 : 1;
  const data = useMemo(() => {
    const b = option.band(mc);
    const det = option.det(run);
    const v = (x: number | null) => (x === null ? null : x / scale);
    const years = b.map((x) => x.year);
    const fmt = option.unit === 'mln' ? '€ %{y:,.2f} mln' : '%{y:,.0f}';
    return [
      { type: 'scatter', mode: 'lines', x: years, y: b.map((x) => v(x.p10)), line: { width: 0 }, showlegend: false, hoverinfo: 'skip' },
      { type: 'scatter', mode: 'lines', name: 'P10–P90', x: years, y: b.map((x) => v(x.p90)), fill: 'tonexty', fillcolor: 'rgba(224,138,46,0.28)', line: { width: 0 }, hovertemplate: `P90 %{x}: ${fmt}<extra></extra>` },
      { type: 'scatter', mode: 'lines+markers', name: 'P50', x: years, y: b.map((x) => v(x.p50)), line: { color: ORANGE, width: 2 }, marker: { size: 5 }, hovertemplate: `P50 %{x}: ${fmt}<extra></extra>` },
      { type: 'scatter', mode: 'lines', name: 'Centrale waarden', x: det.map((x) => x.year), y: det.map((x) => v(x.value)), line: { color: ACCENT, width: 2, dash: 'dash' }, hovertemplate: `Centraal %{x}: ${fmt}<extra></extra>` },
    ];
  }, [run, mc, option, scale]);
  const layout = useMemo(
    () => ({
      xaxis: { tickmode: 'array', tickvals: run.result.years, ticktext: run.result.years.map(String) },
      yaxis: { title: { text: option.unit === 'mln' ? '€ mln' : 'woningen', standoff: 8 }, gridcolor: GRID, tickformat: option.unit === 'mln' ? '' : ',.0f', automargin: true, rangemode: 'tozero' },
      legend: { orientation: 'h', y: -0.18, x: 0 },
      margin: { l: 16, r: 16, t: 8, b: 56 },
    }),
    [run.result.years, option.unit],
  );
  return (
    <figure className="chart-card">
      <figcaption>Waaier: {option.label} (P10, P50, P90)</figcaption>
      {stale && <p className="notice">Deze banden horen bij een eerdere versie van het scenario; reken de onzekerheid opnieuw door.</p>}
      <Plot data={data} layout={layout} height={300} label={`Waaierdiagram ${option.label}`} save={chartFile(run, `Waaier: ${option.label} (P10, P50, P90)`, `Monte Carlo: ${count(mc.result.runs)} trekkingen, seed ${mc.result.seed}`)} />
      <p className="source-line">{sourceLine(run, `Monte Carlo: ${count(mc.result.runs)} trekkingen, seed ${mc.result.seed}, ${count(elapsedMs)} ms`)}</p>
    </figure>
  );
}

/** Break a long parameter label over lines so the bars keep their room. */
function wrapLabel(label: string, width = 30): string {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join('<br>');
}

function Tornado({ run, draft, option }: { run: ScenarioRun; draft: Draft; option: SeriesOption }) {
  const selector = useMemo(() => option.selector(run), [option, run]);
  const [state, setState] = useState<{ key: string; result?: SensitivityResult; error?: unknown } | null>(null);
  const key = JSON.stringify([selector, draft]);
  useEffect(() => {
    let live = true;
    call('scenario.sensitivity', { definition: draft, output: selector }).then(
      (result) => live && setState({ key, result }),
      (error: unknown) => live && setState({ key, error }),
    );
    return () => {
      live = false;
    };
  }, [key, draft, selector]);
  const isYear = selector.kind === 'targetYear';
  const what =
    selector.kind === 'targetYear'
      ? 'doeljaar'
      : selector.kind === 'funding'
        ? `${selector.measure === 'cumulativeDelta' ? 'cumulatief verschil' : 'cumulatief bedrag'} t/m ${selector.year} (€ mln)`
        : '';
  const result = state?.key === key ? state.result : undefined;
  const data = useMemo(() => {
    if (!result) return [];
    const rows = [...result.rows].reverse().map((r) => ({ ...r, label: wrapLabel(r.label) }));
    const scale = isYear ? 1 : 1e6;
    const base = (result.base ?? 0) / scale;
    const side = (pick: 'outputAtLow' | 'outputAtHigh', name: string, color: string) => ({
      type: 'bar',
      orientation: 'h',
      name,
      y: rows.map((r) => r.label),
      base: rows.map(() => base),
      x: rows.map((r) => (r[pick] === null ? 0 : (r[pick] as number) / scale - base)),
      marker: { color },
      customdata: rows.map((r) => (pick === 'outputAtLow' ? r.low : r.high)),
      hovertemplate: `%{y}<br>${name} (%{customdata:,.2f}): %{x:+,.2f}<extra></extra>`,
    });
    return [side('outputAtLow', 'bij ondergrens', ACCENT), side('outputAtHigh', 'bij bovengrens', ORANGE)];
  }, [result, isYear]);
  const layout = useMemo(
    () => ({
      barmode: 'overlay',
      xaxis: { title: { text: what, standoff: 6 }, gridcolor: GRID, tickformat: isYear ? 'd' : ',.0f', zeroline: false, automargin: true, ...(isYear ? { dtick: 1 } : { nticks: 6 }) },
      yaxis: { automargin: true },
      legend: { orientation: 'h', y: 1.02, yanchor: 'bottom', x: 0 },
      margin: { l: 16, r: 24, t: 28, b: 16 },
      shapes: result?.base !== null && result?.base !== undefined ? [{ type: 'line', x0: result.base / (isYear ? 1 : 1e6), x1: result.base / (isYear ? 1 : 1e6), yref: 'paper', y0: 0, y1: 1, line: { color: '#20323f', width: 1 } }] : [],
    }),
    [what, isYear, result],
  );
  return (
    <figure className="chart-card">
      <figcaption>Tornado: gevoeligheid van het {what}</figcaption>
      {state?.error !== undefined && state.key === key && <ErrorPanel error={state.error} />}
      {result && result.rows.length > 0 && <Plot data={data} layout={layout} height={Math.max(220, 110 + 56 * result.rows.length)} label={`Tornadodiagram ${what}`} save={chartFile(run, `Tornado: gevoeligheid van het ${what}`, 'elke parameter met een bandbreedte apart op onder- en bovengrens, de rest op de centrale waarde')} />}
      {result && (
        <p className="source-line">
          {sourceLine(run, `elke parameter met een bandbreedte apart op onder- en bovengrens, de rest op de centrale waarde; centraal: ${isYear ? (result.base ?? `niet vóór de horizon`) : `€ ${mln(result.base)} mln`}`)}
        </p>
      )}
    </figure>
  );
}
