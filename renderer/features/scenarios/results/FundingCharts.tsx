import { useMemo, useState } from 'react';
import type { Area } from '../../../../shared/contract/model';
import type { ScenarioRun } from '../../../../shared/contract/scenario';
import { PROGRAMME_AREA_CODE, TOTAL_STREAM_ID } from '../../../../shared/domain/scenario';
import { Plot } from '../../../ui/Plot';
import { Select } from '../editor/fields';
import { chartFile, GRID, ORANGE, PALETTE, sourceLine } from './format';

const yAxis = (title: string) => ({ title: { text: title, standoff: 8 }, gridcolor: GRID, zerolinecolor: '#b8bec5', automargin: true });
const xAxis = (years: number[]) => ({ tickmode: 'array', tickvals: years, ticktext: years.map(String), tickangle: 0 });

/** Stacked bars per stream for the programme, with the baseline total as a dashed line. */
export function StreamBars({ run, baselineName }: { run: ScenarioRun; baselineName: string | null }) {
  const r = run.result;
  const data = useMemo(() => {
    const programme = r.funding.filter((f) => f.areaCode === PROGRAMME_AREA_CODE && f.streamId !== TOTAL_STREAM_ID);
    const streams = [...new Map(programme.map((f) => [f.streamId, f.streamName])).entries()];
    const traces: Record<string, unknown>[] = streams.map(([id, name], i) => {
      const rows = programme.filter((f) => f.streamId === id);
      return {
        type: 'bar',
        name,
        x: rows.map((f) => f.year),
        y: rows.map((f) => f.amount / 1e6),
        marker: { color: PALETTE[i % PALETTE.length] },
        hovertemplate: `${name}<br>%{x}: € %{y:,.2f} mln<extra></extra>`,
      };
    });
    if (r.baselineId) {
      const base = new Map<number, number>();
      for (const f of programme) base.set(f.year, (base.get(f.year) ?? 0) + (f.baselineAmount ?? 0));
      traces.push({
        type: 'scatter',
        mode: 'lines+markers',
        name: `Basis: ${baselineName ?? r.baselineId}`,
        x: [...base.keys()],
        y: [...base.values()].map((v) => v / 1e6),
        line: { color: '#20323f', dash: 'dash', width: 2 },
        marker: { size: 5 },
        hovertemplate: `Basis<br>%{x}: € %{y:,.2f} mln<extra></extra>`,
      });
    }
    return traces;
  }, [r, baselineName]);
  const layout = useMemo(
    () => ({ barmode: 'stack', xaxis: xAxis(r.years), yaxis: yAxis('€ mln per jaar'), legend: { orientation: 'h', y: -0.18, x: 0 }, margin: { l: 16, r: 16, t: 8, b: 56 } }),
    [r.years],
  );
  return (
    <figure className="chart-card">
      <figcaption>Programma: bedrag per jaar per regeling (€ mln)</figcaption>
      <Plot data={data} layout={layout} height={320} label="Gestapelde staven per regeling voor het programma" save={chartFile(run, 'Programma: bedrag per jaar per regeling (€ mln)')} />
      <p className="source-line">{sourceLine(run)}</p>
    </figure>
  );
}

type AreaMeasure = 'amount' | 'perResident' | 'delta' | 'cumulativeDelta';

/** One line per area (or municipality, for money without a per-area earmark); one area highlighted. */
export function AreaLines({ run, areas }: { run: ScenarioRun; areas: readonly Area[] }) {
  const r = run.result;
  const [measure, setMeasure] = useState<AreaMeasure>('amount');
  const [highlight, setHighlight] = useState<string>('');
  const names = useMemo(() => new Map(areas.map((a) => [a.code, a.name])), [areas]);
  const streams = new Set(r.funding.map((f) => f.streamId));
  const streamId = streams.has(TOTAL_STREAM_ID) ? TOTAL_STREAM_ID : [...streams][0];
  const hasAreas = r.funding.some((f) => f.level === 'area');
  const level = hasAreas ? 'area' : 'municipality';
  const rows = useMemo(() => r.funding.filter((f) => f.level === level && (level === 'municipality' || f.streamId === streamId)), [r, level, streamId]);
  const codes = useMemo(() => [...new Set(rows.map((f) => f.areaCode))], [rows]);
  const perResident = measure === 'perResident';
  const missing = perResident && rows.every((f) => f.perResident === null);
  const data = useMemo(
    () =>
      codes.map((code) => {
        const mine = rows.filter((f) => f.areaCode === code);
        const on = code === highlight;
        const value = (f: (typeof mine)[number]): number | null => {
          if (perResident) return f.perResident;
          const x = measure === 'amount' ? f.amount : measure === 'delta' ? f.delta : f.cumulativeDelta;
          return x === null ? null : x / 1e6;
        };
        const name = names.get(code) ?? code;
        return {
          type: 'scatter',
          mode: 'lines',
          name,
          x: mine.map((f) => f.year),
          y: mine.map(value),
          line: { color: on ? ORANGE : 'rgba(31,95,139,0.45)', width: on ? 3 : 1.2 },
          hovertemplate: `${name}<br>%{x}: ${perResident ? '€ %{y:,.0f} per inwoner' : '€ %{y:,.2f} mln'}<extra></extra>`,
          showlegend: on,
        };
      }),
    [codes, rows, highlight, perResident, measure, names],
  );
  const layout = useMemo(
    () => ({ xaxis: xAxis(r.years), yaxis: yAxis(perResident ? '€ per inwoner' : '€ mln'), showlegend: true, legend: { orientation: 'h', y: -0.18, x: 0 }, margin: { l: 16, r: 16, t: 8, b: 56 } }),
    [r.years, perResident],
  );
  if (codes.length === 0) return null;
  return (
    <figure className="chart-card">
      <figcaption>
        {level === 'area' ? 'Per gebied' : 'Per gemeente (geen oormerk per gebied)'}
        {streamId === TOTAL_STREAM_ID ? ', alle regelingen samen' : ''}
      </figcaption>
      <div className="chart-controls">
        <Select<AreaMeasure>
          label="Maatstaf per gebied"
          value={measure}
          options={[
            { value: 'amount', label: 'bedrag (€ mln)' },
            { value: 'perResident', label: 'per inwoner (€)' },
            ...(r.baselineId ? [{ value: 'delta' as const, label: 'verschil met basis (€ mln)' }, { value: 'cumulativeDelta' as const, label: 'cumulatief verschil (€ mln)' }] : []),
          ]}
          onChange={setMeasure}
        />
        <Select label="Gebied uitlichten" value={highlight} options={[{ value: '', label: '(geen gebied uitgelicht)' }, ...codes.map((c) => ({ value: c, label: names.get(c) ?? c }))]} onChange={setHighlight} />
      </div>
      {missing ? (
        <div className="empty-state">
          <strong>Geen bedragen per inwoner</strong>
          <p>Het inwonertal ontbreekt in de opslag ({run.inputs.areasWithPopulation} van {run.inputs.areas} gebieden bekend). Importeer het aantal inwoners (CBS-indicator a_inw) per focusgebied.</p>
        </div>
      ) : (
        <Plot data={data} layout={layout} height={320} label={`Lijnen per ${level === 'area' ? 'gebied' : 'gemeente'}`} save={chartFile(run, `${level === 'area' ? 'Per gebied' : 'Per gemeente'}: ${perResident ? '€ per inwoner' : measure === 'amount' ? 'bedrag (€ mln)' : measure === 'delta' ? 'verschil met basis (€ mln)' : 'cumulatief verschil (€ mln)'}${highlight ? `, ${names.get(highlight) ?? highlight} uitgelicht` : ''}`)} />
      )}
      <p className="source-line">{sourceLine(run, codes.length > 1 && rows.every((f, _i, all) => f.amount === all.find((g) => g.year === f.year)?.amount) ? 'alle lijnen vallen samen: de verdeling is gelijk over de gebieden' : undefined)}</p>
    </figure>
  );
}
