import { useCallback, useMemo, useState } from 'react';
import type { CompareViewState, ReferenceKind } from '../../../shared/contract/compare';
import type { Indicator } from '../../../shared/contract/model';
import { barChart } from '../../../shared/domain/charts/bar-chart';
import { scatterChart } from '../../../shared/domain/charts/scatter-chart';
import { spreadChart } from '../../../shared/domain/charts/spread-chart';
import { unitLabel } from '../../../shared/domain/format/figure';
import { ErrorPanel, Loading } from '../../ui/StatusPanels';
import { useCall } from '../../ui/use-call';
import { ChartFigure } from '../../ui/ChartFigure';

type Areas = CompareViewState['areas'];

let webgl: boolean | undefined;
/** Whether this browser can draw WebGL (headless or GPU-less machines often cannot). */
function webglAvailable(): boolean {
  if (webgl === undefined) {
    try {
      const canvas = document.createElement('canvas');
      const gl = canvas.getContext('webgl', { preserveDrawingBuffer: true }) as WebGLRenderingContext | null;
      // The extensions Plotly's WebGL traces (regl) insist on; a context without them shows Plotly's "not supported" notice.
      webgl = Boolean(gl && gl.getExtension('ANGLE_instanced_arrays') && gl.getExtension('OES_element_index_uint'));
    } catch {
      webgl = false;
    }
  }
  return webgl;
}

function MissingList({ items, what }: { items: { areaCode: string; areaName: string; why?: string }[]; what: string }) {
  if (items.length === 0) return null;
  return (
    <div className="chart-notes" aria-label={what}>
      <strong>{what} ({items.length}):</strong>
      <ul>
        {items.slice(0, 40).map((m) => (
          <li key={m.areaCode}>
            {m.areaName} <span className="muted">({m.areaCode}){m.why ? `: ${m.why}` : ''}</span>
          </li>
        ))}
        {items.length > 40 && <li className="muted">en {items.length - 40} meer</li>}
      </ul>
    </div>
  );
}

export function BarPanel({ areas, indicator, period, references }: { areas: Areas; indicator: string; period: string; references: ReferenceKind[] }) {
  const [order, setOrder] = useState<'desc' | 'asc'>('desc');
  const [res] = useCall('compare.run', { areas, indicators: [indicator], period, references });
  const model = useMemo(() => (res.status === 'ok' ? barChart(res.value, indicator, order, references) : null), [res, indicator, order, references]);
  if (res.status === 'loading') return <Loading what="Cijfers" />;
  if (res.status === 'error') return <ErrorPanel error={res.error} />;
  if (!model) return null;
  return (
    <>
      <label className="form-inline small">
        Volgorde
        <select aria-label="Volgorde" value={order} onChange={(e) => setOrder(e.target.value as 'desc' | 'asc')}>
          <option value="desc">hoogste boven</option>
          <option value="asc">laagste boven</option>
        </select>
      </label>
      <ChartFigure chart={{ ...model, height: 110 + Math.max(model.bars, 3) * 26 }} label={`Staafdiagram: ${model.caption}`}>
        <MissingList items={model.missing} what="Zonder cijfer, niet getekend" />
        {model.referenceNotes.length > 0 && <p className="chart-notes muted">Referenties zonder lijn: {model.referenceNotes.join('; ')}.</p>}
      </ChartFigure>
    </>
  );
}

export function ScatterPanel(props: {
  areas: Areas;
  x: string;
  y: string;
  size: string;
  period: string;
  references: ReferenceKind[];
  indicators: Indicator[];
  onY: (code: string) => void;
  onSize: (code: string) => void;
}) {
  const { indicators, y, size } = props;
  return (
    <>
      <div className="form-inline small">
        <label className="form-inline">
          Tegen (y-as)
          <select aria-label="Tweede indicator" value={y} onChange={(e) => props.onY(e.target.value)}>
            <option value="">kies…</option>
            {indicators.map((i) => <option key={i.code} value={i.code}>{i.name} ({unitLabel(i.unit)})</option>)}
          </select>
        </label>
        <label className="form-inline">
          Grootte
          <select aria-label="Grootte naar" value={size} onChange={(e) => props.onSize(e.target.value)}>
            <option value="">gelijk</option>
            {indicators.filter((i) => i.unit === 'count').map((i) => <option key={i.code} value={i.code}>{i.name}</option>)}
          </select>
        </label>
      </div>
      {/* Figures are fetched once both axes are chosen: a comparison of 17.000 buurten is not free. */}
      {y ? <Scatter {...props} /> : <p className="muted">Kies de indicator voor de y-as.</p>}
    </>
  );
}

function Scatter({ areas, x, y, size, period, references }: { areas: Areas; x: string; y: string; size: string; period: string; references: ReferenceKind[] }) {
  const codes = [x, y, size].filter((c, i, all) => c && all.indexOf(c) === i);
  // Thousands of points: no per-member detail (the source line still says which figures are aggregates).
  const [res] = useCall('compare.run', { areas, indicators: codes, period, references: references.filter((r) => r !== 'municipality'), memberDetail: false });
  const [svgOnly, setSvgOnly] = useState(false);
  const model = useMemo(() => (res.status === 'ok' ? scatterChart(res.value, x, y, size || undefined, { webgl: !svgOnly && webglAvailable() }) : null), [res, x, y, size, svgOnly]);
  const noWebgl = useCallback(() => {
    webgl = false;
    setSvgOnly(true);
  }, []);
  return (
    <>
      {res.status === 'loading' && <Loading what="Cijfers" />}
      {res.status === 'error' && <ErrorPanel error={res.error} />}
      {model && (
        <ChartFigure chart={{ ...model, height: 560 }} label={`Puntenwolk: ${model.caption}`} onWebglFailure={model.data[0]?.type === 'scattergl' ? noWebgl : undefined}>
          <MissingList items={model.missing} what="Zonder beide cijfers, niet getekend" />
        </ChartFigure>
      )}
    </>
  );
}

export function SpreadPanel({ areas, first, period, indicators }: { areas: Areas; first: string; period: string; indicators: Indicator[] }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const codes = chosen.length ? chosen : [first];
  const [res] = useCall('compare.run', { areas, indicators: codes, period, references: ['total'] });
  const model = useMemo(() => (res.status === 'ok' ? spreadChart(res.value) : null), [res]);
  return (
    <>
      <label className="form-inline small">
        Indicatoren (Ctrl-klik voor meer)
        <select multiple size={5} aria-label="Indicatoren voor spreiding" value={codes} onChange={(e) => setChosen([...e.target.selectedOptions].map((o) => o.value))}>
          {indicators.map((i) => <option key={i.code} value={i.code}>{i.name} ({unitLabel(i.unit)})</option>)}
        </select>
      </label>
      {res.status === 'loading' && <Loading what="Cijfers" />}
      {res.status === 'error' && <ErrorPanel error={res.error} />}
      {model && <ChartFigure chart={model} label={`Spreiding: ${model.caption}`} />}
    </>
  );
}
