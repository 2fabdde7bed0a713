import { useEffect, useMemo, useState } from 'react';
import type { CompareResult, CompareViewState, ReferenceKind } from '../../../shared/contract/compare';
import { trendChart } from '../../../shared/domain/charts/trend-chart';
import { call } from '../../api/client';
import { ErrorPanel, Loading } from '../../ui/StatusPanels';
import { useCall } from '../../ui/use-call';
import { ChartFigure } from '../../ui/ChartFigure';

/** Years looked back from the latest period with a figure. */
const YEARS_BACK = 10;

/**
 * A trend for chosen areas (two by default) and the references: one compare.run per year, each
 * against the year before (compareTo), so compare's boundary check can break the line.
 */
export function TrendPanel({ areas, indicator, references }: { areas: CompareViewState['areas']; indicator: string; references: ReferenceKind[] }) {
  const [latest] = useCall('compare.run', { areas, indicators: [indicator], period: 'latest', references: [] });
  const shown = useMemo(() => (latest.status === 'ok' ? latest.value.rows.filter((r) => r.role === 'area').map((r) => ({ code: r.areaCode, name: r.areaName })) : []), [latest]);
  const [picked, setPicked] = useState<string[] | null>(null);
  const chosen = picked ?? shown.slice(0, 2).map((a) => a.code);
  const lastYear = latest.status === 'ok' ? Number(latest.value.indicators[0]?.period?.slice(-4) ?? NaN) : NaN;
  const [series, setSeries] = useState<{ period: string; result: CompareResult }[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = JSON.stringify({ chosen, indicator, references, lastYear });
  useEffect(() => {
    if (!Number.isFinite(lastYear) || chosen.length === 0) return;
    let live = true;
    setSeries(null);
    setError(null);
    const years = Array.from({ length: YEARS_BACK }, (_, k) => lastYear - YEARS_BACK + 1 + k);
    Promise.all(
      years.map((y) =>
        call('compare.run', { areas: chosen, indicators: [indicator], period: String(y), compareTo: String(y - 1), references }).then((result) => ({ period: String(y), result })),
      ),
    ).then(
      (all) => live && setSeries(all.filter((s) => s.result.rows.some((r) => r.cells[0]?.value !== null && r.cells[0]?.value !== undefined))),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const model = useMemo(() => (series && series.length ? trendChart(series, indicator) : null), [series, indicator]);
  return (
    <>
      <div className="area-picks" role="group" aria-label="Gebieden in de trend">
        {shown.slice(0, 60).map((a) => (
          <label key={a.code} className="check">
            <input type="checkbox" checked={chosen.includes(a.code)} onChange={(e) => setPicked(e.target.checked ? [...chosen, a.code] : chosen.filter((c) => c !== a.code))} />
            {a.name}
          </label>
        ))}
      </div>
      {latest.status === 'error' && <ErrorPanel error={latest.error} />}
      {error !== null && <ErrorPanel error={error} />}
      {(latest.status === 'loading' || (series === null && error === null && chosen.length > 0)) && <Loading what="Reeks" />}
      {series && series.length === 0 && <p className="muted">Geen cijfers voor deze gebieden in de jaren {lastYear - YEARS_BACK + 1}–{lastYear}.</p>}
      {model && (
        <ChartFigure chart={{ ...model, height: 420 }} label={`Trend: ${model.caption}`}>
          {model.breaks.length > 0 && (
            <p className="chart-notes warn">
              Lijn onderbroken: {model.breaks.map((b) => `${b.areaName} in ${b.period} — ${b.note}`).join('; ')}.
            </p>
          )}
        </ChartFigure>
      )}
    </>
  );
}
