import { useMemo, useState } from 'react';
import type { Area } from '../../../../shared/contract/model';
import type { ScenarioRun } from '../../../../shared/contract/scenario';
import { PROGRAMME_AREA_CODE } from '../../../../shared/domain/scenario';
import { Plot } from '../../../ui/Plot';
import { Select } from '../editor/fields';
import { chartFile, count, countSigned, GRID, mln, PALETTE, pct, sourceLine } from './format';

/** Remaining poor-quality dwellings per year, the target year, and the yearly flows as a table. */
export function HousingResults({ run, areas }: { run: ScenarioRun; areas: readonly Area[] }) {
  const r = run.result;
  const names = useMemo(() => new Map(areas.map((a) => [a.code, a.name])), [areas]);
  const codes = useMemo(() => [...new Set(r.housing.map((h) => h.areaCode))], [r.housing]);
  const [code, setCode] = useState(codes[0] ?? PROGRAMME_AREA_CODE);
  const shown = codes.includes(code) ? code : (codes[0] ?? PROGRAMME_AREA_CODE);
  const nameOf = (c: string) => (c === PROGRAMME_AREA_CODE ? 'Programma (NPLV)' : (names.get(c) ?? c));
  const data = useMemo(
    () =>
      codes.map((c, i) => {
        const rows = r.housing.filter((h) => h.areaCode === c);
        const name = c === PROGRAMME_AREA_CODE ? 'Programma (NPLV)' : (names.get(c) ?? c);
        return {
          type: 'scatter',
          mode: 'lines+markers',
          name,
          x: rows.map((h) => h.year),
          y: rows.map((h) => h.remainingPoorQuality),
          line: { color: PALETTE[i % PALETTE.length], width: 2 },
          hovertemplate: `${name}<br>%{x}: %{y:,.0f} slechte woningen<extra></extra>`,
        };
      }),
    [codes, r.housing, names],
  );
  const layout = useMemo(() => {
    const years = [...new Set(r.housing.map((h) => h.year))];
    return {
      xaxis: { tickmode: 'array', tickvals: years, ticktext: years.map(String) },
      yaxis: { title: { text: 'woningen', standoff: 8 }, gridcolor: GRID, tickformat: ',.0f', rangemode: 'tozero', automargin: true },
      legend: { orientation: 'h', y: -0.18, x: 0 },
      showlegend: true,
      margin: { l: 16, r: 16, t: 8, b: 56 },
    };
  }, [r.housing]);
  const rows = r.housing.filter((h) => h.areaCode === shown);
  const hasDelta = rows.some((h) => h.remainingDelta !== null);
  const hasStock = rows.some((h) => h.stock !== null);
  const hasCost = rows.some((h) => h.cost !== null);
  return (
    <>
      <figure className="chart-card housing-chart">
        <figcaption>Resterende slechte woningen (eind van het jaar)</figcaption>
        <Plot data={data} layout={layout} height={300} label="Resterende slechte woningen per jaar" save={chartFile(run, 'Resterende slechte woningen (eind van het jaar)')} />
        <ul className="targets">
          {r.housingTargets.map((t) => (
            <li key={t.areaCode}>
              <strong>{nameOf(t.areaCode)}</strong>: {t.message} <span className="muted">(doel: ten hoogste {count(t.targetRemaining)})</span>
            </li>
          ))}
        </ul>
        <p className="source-line">{sourceLine(run)}</p>
      </figure>
      <div className="table-scroll">
        {codes.length > 1 && <Select label="Gebied in de tabel" value={shown} options={codes.map((c) => ({ value: c, label: nameOf(c) }))} onChange={setCode} />}
        <table className="figures dense" aria-label={`Woningen ${nameOf(shown)} per jaar`}>
          <thead>
            <tr>
              <th>Jaar</th>
              <th className="num">Resterend slecht</th>
              {hasDelta && <th className="num">t.o.v. basis</th>}
              <th className="num">Gestart</th>
              <th className="num">Verbeterd</th>
              <th className="num">In uitvoering</th>
              <th className="num">Cum. verbeterd</th>
              <th className="num">Nieuwbouw</th>
              <th className="num">Sloop</th>
              {hasStock && <th className="num">Sociale huur</th>}
              {hasCost && <th className="num">Kosten € mln</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <tr key={h.year}>
                <td>{h.year}</td>
                <td className="num">{count(h.remainingPoorQuality)}</td>
                {hasDelta && <td className="num">{countSigned(h.remainingDelta)}</td>}
                <td className="num">{count(h.started)}</td>
                <td className="num">{count(h.improved)}</td>
                <td className="num">{count(h.inProgress)}</td>
                <td className="num">{count(h.cumulativeImproved)}</td>
                <td className="num">{count(h.newDwellings)}</td>
                <td className="num">{count(h.demolished)}</td>
                {hasStock && <td className="num">{pct(h.socialRentSharePct)}</td>}
                {hasCost && <td className="num">{mln(h.cost)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="source-line">Aantallen woningen; breuken van woningen worden pas bij het tonen afgerond.</p>
      </div>
    </>
  );
}
