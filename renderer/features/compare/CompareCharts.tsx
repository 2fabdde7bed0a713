import { useEffect, useMemo, useState } from 'react';
import type { CompareResult, ReferenceKind } from '../../../shared/contract/compare';
import { barChart } from '../../../shared/domain/charts/bar-chart';
import { limitToAreas, periodPairOf, shownAreas } from '../../../shared/domain/charts/compare-charts';
import { spreadChart } from '../../../shared/domain/charts/spread-chart';
import { trendChart } from '../../../shared/domain/charts/trend-chart';
import { formatCount } from '../../../shared/domain/format';
import { ChartFigure, type ChartSpec } from '../../ui/ChartFigure';
import '../charts/charts.css';

type Kind = 'bar' | 'spread' | 'trend';
interface Drawn {
  spec: ChartSpec;
  label: string;
  missing?: { areaCode: string; areaName: string; why: string }[];
  referenceNotes?: string[];
  breaks?: { areaName: string; note: string }[];
}
const MAX_TREND_LINES = 12;

/**
 * The chart beside the grid: the same compare.run answer the grid shows, narrowed to the rows the
 * analyst ticked (none ticked: all). Bars for one column; the spread of the focus areas around the
 * programme total when the total is shown; the two periods of a comparison with "Verschil t.o.v."
 * as a trend (a boundary change breaks the line).
 */
export function CompareCharts({
  result,
  selected,
  references,
  initialIndicator,
  onIndicator,
}: {
  result: CompareResult;
  selected: readonly string[];
  references: ReferenceKind[];
  initialIndicator: string | null;
  /** The grid scrolls the charted column into view. */
  onIndicator?: (code: string) => void;
}) {
  const [kind, setKind] = useState<Kind>('bar');
  const [picked, setPicked] = useState<string | null>(initialIndicator);
  const [order, setOrder] = useState<'desc' | 'asc'>('desc');
  const indicator = result.indicators.find((i) => i.code === picked) ?? result.indicators[0];
  const code = indicator?.code;
  useEffect(() => {
    if (code) onIndicator?.(code);
  }, [code, onIndicator]);
  const limited = useMemo(() => limitToAreas(result, selected), [result, selected]);
  const n = shownAreas(limited);
  const all = shownAreas(result);
  const hasTotal = result.rows.some((r) => r.role === 'total');
  const pair = useMemo(() => (indicator ? periodPairOf(limited, indicator.code) : null), [limited, indicator]);
  const which = selected.length > 0 ? `${formatCount(n)} gekozen van ${formatCount(all)} gebieden` : `alle ${formatCount(all)} gebieden`;

  const chart = useMemo((): Drawn | { note: string } | null => {
    if (!indicator) return null;
    if (kind === 'spread') {
      if (!hasTotal) return { note: 'De spreiding toont de focusgebieden rond hun totaal: zet de referentie “Totaal en spreiding” aan.' };
      const m = spreadChart(limited, [indicator.code]);
      const note = selected.length > 0 ? ' Het totaal en de band gelden voor alle getoonde focusgebieden.' : '';
      return { spec: { ...m, sourceLine: m.sourceLine + note }, label: `Spreiding: ${m.caption}` };
    }
    if (kind === 'trend') {
      if (!pair) return { note: 'Kies bij “Verschil t.o.v.” een eerdere periode: het verloop tekent beide periodes uit dezelfde tabel.' };
      if (n > MAX_TREND_LINES) return { note: `Het verloop tekent een lijn per gebied: kies in de tabel ten hoogste ${MAX_TREND_LINES} rijen (spatie of het vakje voor de naam).` };
      const m = trendChart(pair, indicator.code);
      const sourceLine = `${m.sourceLine} Cijfers van ${pair[0]!.period}: de vergelijkingswaarden van dezelfde tabel (bron per cel in de tabel).`;
      // Narrow beside the grid: the year axis needs no title, the legend goes under the ticks.
      const layout = { ...m.layout, xaxis: { ...(m.layout.xaxis as object), title: { text: '' } } };
      return { spec: { ...m, layout, sourceLine, height: 360 }, label: `Verloop: ${m.caption}`, breaks: m.breaks };
    }
    const m = barChart(limited, indicator.code, order, references, { compact: true });
    return { spec: { ...m, height: 110 + Math.max(m.bars, 3) * 24 }, label: `Staafdiagram: ${m.caption}`, missing: m.missing, referenceNotes: m.referenceNotes };
  }, [kind, indicator, limited, order, references, hasTotal, pair, n, selected.length]);

  if (!indicator) return null;
  return (
    <section className="compare-charts" aria-labelledby="compare-chart-title">
      <div className="grid-toolbar">
        <h2 id="compare-chart-title">
          Grafiek <span className="count">· {which}</span>
        </h2>
      </div>
      <div className="charts-controls small">
        <div className="segmented" role="tablist" aria-label="Soort grafiek">
          {(
            [
              ['bar', 'Staven'],
              ['spread', 'Spreiding'],
              ['trend', 'Verloop'],
            ] as const
          ).map(([k, label]) => (
            <button key={k} type="button" role="tab" aria-selected={kind === k} aria-pressed={kind === k} onClick={() => setKind(k)}>
              {label}
            </button>
          ))}
        </div>
        <label className="form-inline">
          Indicator
          <select className="select small" aria-label="Indicator van de grafiek" value={indicator.code} onChange={(e) => setPicked(e.target.value)}>
            {result.indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {i.name}
              </option>
            ))}
          </select>
        </label>
        {kind === 'bar' && (
          <label className="form-inline">
            Volgorde
            <select className="select small" aria-label="Volgorde van de staven" value={order} onChange={(e) => setOrder(e.target.value as 'desc' | 'asc')}>
              <option value="desc">hoogste boven</option>
              <option value="asc">laagste boven</option>
            </select>
          </label>
        )}
      </div>
      {chart && 'note' in chart && <p className="muted">{chart.note}</p>}
      {chart && 'spec' in chart && (
        <ChartFigure chart={chart.spec} label={chart.label}>
          {chart.missing && chart.missing.length > 0 && (
            <div className="chart-notes">
              Zonder cijfer, niet getekend:
              <ul>
                {chart.missing.slice(0, 20).map((m) => (
                  <li key={m.areaCode}>
                    {m.areaName} <span className="muted">({m.why})</span>
                  </li>
                ))}
                {chart.missing.length > 20 && <li className="muted">en {chart.missing.length - 20} meer</li>}
              </ul>
            </div>
          )}
          {chart.referenceNotes && chart.referenceNotes.length > 0 && <p className="chart-notes muted">Referenties zonder lijn: {chart.referenceNotes.join('; ')}.</p>}
          {chart.breaks && chart.breaks.length > 0 && <p className="chart-notes muted">Lijn onderbroken: {chart.breaks.map((b) => `${b.areaName} (${b.note})`).join('; ')}.</p>}
        </ChartFigure>
      )}
    </section>
  );
}
