import { useMemo } from 'react';
import type { Area } from '../../../../shared/contract/model';
import type { CompareResult } from '../../../../shared/contract/scenario';
import { PROGRAMME_AREA_CODE } from '../../../../shared/domain/scenario';
import { Plot } from '../../../ui/Plot';
import { count, countSigned, GRID, mln, mlnSigned, PALETTE } from '../results/format';

/**
 * Scenarios side by side (the result of scenario.compare): programme totals per year with the
 * differences from the first, per focus area, housing, and each scenario's assumptions.
 */
export function Comparison({ result, areas }: { result: CompareResult; areas: readonly Area[] }) {
  const names = useMemo(() => new Map(areas.map((a) => [a.code, a.name])), [areas]);
  const cols = result.columns;
  const sources = `Bron: scenarioberekeningen Wijkverkenner (${cols.map((c) => `«${c.name}»`).join(', ')}); parameters en aannames per scenario hieronder. Verschillen ten opzichte van «${cols[0]?.name}».`;
  const hasFunding = cols.some((c) => c.streams.length > 0);
  const hasAreas = cols.some((c) => c.areas.length > 0);
  const hasHousing = cols.some((c) => c.housing.length > 0);
  return (
    <div className="comparison">
      {hasFunding && <FundingComparison result={result} sources={sources} />}
      {hasAreas && <AreaComparison result={result} names={names} />}
      {hasHousing && <HousingComparison result={result} names={names} sources={sources} />}
      <AssumptionsComparison result={result} />
    </div>
  );
}

type Part = { result: CompareResult };

/** Programme totals per year: bars per scenario, the cumulative difference, and the table. */
function FundingComparison({ result, sources }: Part & { sources: string }) {
  const cols = result.columns;
  const ref = cols[0];
  const years = result.years;
  const bars = useMemo(
    () =>
      cols.map((c, i) => ({
        type: 'bar',
        name: c.name,
        x: years,
        y: c.total.map((x) => (x === null ? null : x / 1e6)),
        marker: { color: PALETTE[i % PALETTE.length] },
        hovertemplate: `${c.name}<br>%{x}: € %{y:,.2f} mln<extra></extra>`,
      })),
    [cols, years],
  );
  const cum = useMemo(
    () =>
      cols.slice(1).map((c, i) => ({
        type: 'scatter',
        mode: 'lines+markers',
        name: c.name,
        x: years,
        y: c.cumulativeDelta.map((x) => (x === null ? null : x / 1e6)),
        line: { color: PALETTE[(i + 1) % PALETTE.length], width: 2 },
        hovertemplate: `${c.name}<br>t/m %{x}: € %{y:+,.2f} mln<extra></extra>`,
      })),
    [cols, years],
  );
  const axis = useMemo(() => ({ tickmode: 'array', tickvals: years, ticktext: years.map(String) }), [years]);
  const barLayout = useMemo(() => ({ barmode: 'group', xaxis: axis, yaxis: { title: { text: '€ mln per jaar', standoff: 8 }, gridcolor: GRID, automargin: true }, legend: { orientation: 'h', y: -0.18, x: 0 }, margin: { l: 16, r: 16, t: 8, b: 56 } }), [axis]);
  const cumLayout = useMemo(() => ({ xaxis: axis, yaxis: { title: { text: '€ mln, cumulatief', standoff: 8 }, gridcolor: GRID, zerolinecolor: '#20323f', automargin: true }, legend: { orientation: 'h', y: -0.18, x: 0 }, showlegend: true, margin: { l: 16, r: 16, t: 8, b: 56 } }), [axis]);
  return (
    <>
      <div className="two-col">
        <figure className="chart-card">
          <figcaption>Programma: bedrag per jaar, alle regelingen (€ mln)</figcaption>
          <Plot data={bars} layout={barLayout} height={320} label="Staven per jaar per scenario" save={comparisonFile(result, 'Programma: bedrag per jaar, alle regelingen (€ mln)')} />
          <p className="source-line">{sources}</p>
        </figure>
        {cols.length > 1 ? (
          <figure className="chart-card">
            <figcaption>Cumulatief verschil met «{ref?.name}» (€ mln)</figcaption>
            <Plot data={cum} layout={cumLayout} height={320} label="Cumulatief verschil per scenario" save={comparisonFile(result, `Cumulatief verschil met «${ref?.name}» (€ mln)`)} />
            <p className="source-line">{sources}</p>
          </figure>
        ) : (
          <div />
        )}
      </div>
      <TotalsTable result={result} />
      <p className="source-line">{sources} Een punt (.) betekent: dit jaar valt buiten het scenario (geen cijfer, geen nul).</p>
    </>
  );
}

/** The programme total per year for each scenario, and each one's difference from the reference. */
function TotalsTable({ result }: Part) {
  const cols = result.columns;
  const ref = cols[0];
  const years = result.years;
  return (
    <table className="figures compare-table" aria-label="Scenario's naast elkaar">
      <caption>Programma: bedrag per jaar (€ mln), alle regelingen samen; verschil ten opzichte van «{ref?.name}»</caption>
      <thead>
        <tr>
          <th rowSpan={2}>Jaar</th>
          {cols.map((c, i) => (
            <th key={c.id + i} colSpan={i === 0 ? 1 : 2} className="group">
              {c.name}
              <div className="muted small">{i === 0 ? 'referentie' : c.origin === 'template' ? 'sjabloon' : c.origin === 'saved' ? 'opgeslagen' : 'huidig'}</div>
            </th>
          ))}
        </tr>
        <tr>
          {cols.map((c, i) =>
            i === 0 ? (
              <th key={`${c.id}${i}a`} className="num">bedrag</th>
            ) : (
              [
                <th key={`${c.id}${i}a`} className="num">bedrag</th>,
                <th key={`${c.id}${i}d`} className="num">verschil</th>,
              ]
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {years.map((y, yi) => (
          <tr key={y}>
            <td>{y}</td>
            {cols.map((c, i) =>
              i === 0 ? (
                <td key={`${c.id}${i}a`} className="num" title={c.total[yi] === null ? 'Geen cijfer: dit jaar valt buiten het scenario' : undefined}>{mln(c.total[yi])}</td>
              ) : (
                [
                  <td key={`${c.id}${i}a`} className="num" title={c.total[yi] === null ? 'Geen cijfer: dit jaar valt buiten het scenario' : undefined}>{mln(c.total[yi])}</td>,
                  <td key={`${c.id}${i}d`} className={`num delta ${sign(c.delta[yi] ?? null)}`}>{mlnSigned(c.delta[yi] ?? null)}</td>,
                ]
              ),
            )}
          </tr>
        ))}
        <tr className="total-row">
          <td>Totaal</td>
          {cols.map((c, i) => {
            const last = lastNonNull(c.cumulative);
            return i === 0 ? (
              <td key={`${c.id}${i}a`} className="num">{mln(last)}</td>
            ) : (
              [
                <td key={`${c.id}${i}a`} className="num">{mln(last)}</td>,
                <td key={`${c.id}${i}d`} className={`num delta ${sign(lastNonNull(c.cumulativeDelta))}`}>{mlnSigned(lastNonNull(c.cumulativeDelta))}</td>,
              ]
            );
          })}
        </tr>
      </tbody>
    </table>
  );
}

/** Per focus area: the sum over the years all scenarios share, with the differences. */
function AreaComparison({ result, names }: Part & { names: Map<string, string> }) {
  const cols = result.columns;
  const span = (ys: number[]) => (ys.length > 0 ? `${ys[0]}–${ys.at(-1)}` : '');
  const areaCodes = [...new Set(cols.flatMap((c) => c.areas.map((a) => a.areaCode)))];
  return (
    <details className="compare-areas">
      <summary>Per focusgebied: som over {span(result.commonYears)} (€ mln)</summary>
      <table className="figures dense">
        <thead>
          <tr>
            <th>Gebied</th>
            {cols.map((c, i) => (
              <th key={c.id + i} className="num">
                {c.name}
                {i > 0 && ' (verschil)'}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {areaCodes.map((code) => (
            <tr key={code}>
              <td>{names.get(code) ?? code}</td>
              {cols.map((c, i) => {
                const a = c.areas.find((x) => x.areaCode === code);
                return (
                  <td key={c.id + i} className="num">
                    {mln(a?.total)}
                    {i > 0 && <span className={`delta ${sign(a?.delta ?? null)}`}> ({mlnSigned(a?.delta)})</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Remaining poor-quality dwellings per scenario, and where each ends. */
function HousingComparison({ result, names, sources }: Part & { names: Map<string, string>; sources: string }) {
  const cols = result.columns;
  const years = result.years;
  const housingCodes = [...new Set(cols.flatMap((c) => c.housing.map((h) => h.areaCode)))];
  const axis = useMemo(() => ({ tickmode: 'array', tickvals: years, ticktext: years.map(String) }), [years]);
  const housingLines = useMemo(
    () =>
      cols.flatMap((c, i) =>
        c.housing.map((h) => ({
          type: 'scatter',
          mode: 'lines+markers',
          name: housingCodes.length > 1 ? `${c.name} — ${h.areaCode}` : c.name,
          x: years,
          y: h.remaining,
          line: { color: PALETTE[i % PALETTE.length], width: 2 },
          hovertemplate: `${c.name}<br>%{x}: %{y:,.0f} slechte woningen<extra></extra>`,
        })),
      ),
    [cols, years, housingCodes.length],
  );
  const housingLayout = useMemo(() => ({ xaxis: axis, yaxis: { title: { text: 'woningen', standoff: 8 }, gridcolor: GRID, rangemode: 'tozero', tickformat: ',.0f', automargin: true }, legend: { orientation: 'h', y: -0.18, x: 0 }, showlegend: true, margin: { l: 16, r: 16, t: 8, b: 56 } }), [axis]);
  return (
    <div className="two-col">
      <figure className="chart-card">
        <figcaption>Resterende slechte woningen</figcaption>
        <Plot data={housingLines} layout={housingLayout} height={300} label="Resterende slechte woningen per scenario" save={comparisonFile(result, 'Resterende slechte woningen')} />
        <p className="source-line">{sources}</p>
      </figure>
      <table className="figures dense">
        <thead>
          <tr>
            <th>Scenario</th>
            <th>Gebied</th>
            <th>Doel</th>
            <th className="num">Resterend {years.at(-1)}</th>
            <th className="num">Verschil</th>
          </tr>
        </thead>
        <tbody>
          {cols.flatMap((c, i) =>
            c.housing.map((h) => (
              <tr key={`${c.id}${i}${h.areaCode}`}>
                <td>{c.name}</td>
                <td>{h.areaCode === PROGRAMME_AREA_CODE ? 'Programma' : (names.get(h.areaCode) ?? h.areaCode)}</td>
                <td>{h.target ?? ''}</td>
                <td className="num">{count(lastNonNull(h.remaining))}</td>
                <td className="num">{i === 0 ? '' : countSigned(lastNonNull(h.delta))}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Each scenario's assumptions, "te bevestigen" first counted. */
function AssumptionsComparison({ result }: Part) {
  const cols = result.columns;
  return (
    <div className="compare-assumptions">
      {cols.map((c, i) => (
        <details key={c.id + i}>
          <summary>
            «{c.name}»: {c.toConfirm} te bevestigen, {c.assumptions.length - c.toConfirm} {c.assumptions.length - c.toConfirm === 1 ? 'andere aanname' : 'andere aannames'}
          </summary>
          <ul>
            {c.assumptions.map((a, k) => (
              <li key={k}>
                <span className={`badge kind-${a.kind}`}>{a.kind === 'te-bevestigen' ? 'te bevestigen' : a.kind === 'ontbrekend' ? 'ontbreekt' : 'aanname'}</span> {a.message}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}

/**
 * A saved side-by-side chart: the scenarios it compares, the reference, and each scenario's
 * assumptions (what produced the figures) in the source line, since the list on screen is not in the file.
 */
function comparisonFile(result: CompareResult, caption: string): { caption: string; sourceLine: string } {
  const cols = result.columns;
  const assumptions = cols.map((c) => `«${c.name}»: ${c.assumptions.length === 0 ? 'geen aannames' : c.assumptions.slice(0, 12).map((a) => `${a.message}${a.kind === 'te-bevestigen' ? ' (te bevestigen)' : ''}`).join('; ')}${c.assumptions.length > 12 ? `; en ${c.assumptions.length - 12} meer` : ''}`);
  return {
    caption: `${caption} — scenario's ${cols.map((c) => `«${c.name}»`).join(', ')}`,
    sourceLine: `Bron: scenarioberekeningen Wijkverkenner (${cols.map((c) => `«${c.name}»`).join(', ')}); verschillen ten opzichte van «${cols[0]?.name}». Aannames: ${assumptions.join(' | ')}.`,
  };
}

function lastNonNull(xs: (number | null)[]): number | null {
  for (let i = xs.length - 1; i >= 0; i--) if (xs[i] !== null && xs[i] !== undefined) return xs[i] as number;
  return null;
}

function sign(x: number | null): string {
  if (x === null || Math.abs(x) < 0.5) return '';
  return x > 0 ? 'up' : 'down';
}
