import { useMemo, useState } from 'react';
import type { ReferenceKind } from '../../../shared/contract/compare';
import { unitLabel } from '../../../shared/domain/format/figure';
import { EmptyState, ErrorPanel, Loading } from '../../ui/StatusPanels';
import { useCall } from '../../ui/use-call';
import './charts.css';
import { BarPanel, ScatterPanel, SpreadPanel } from './ChartPanels';
import { IndexPanel } from './IndexPanel';
import { TrendPanel } from './TrendPanel';
import { ALL_REFERENCES, useAreaCodes, type AreaChoice } from './use-selection';

type Tab = 'bars' | 'trend' | 'scatter' | 'spread' | 'index';
const TABS: { id: Tab; label: string }[] = [
  { id: 'bars', label: 'Staafdiagram' },
  { id: 'trend', label: 'Trend' },
  { id: 'scatter', label: 'Puntenwolk' },
  { id: 'spread', label: 'Spreiding' },
  { id: 'index', label: 'Index' },
];

/**
 * Grafieken: the pictures of a comparison. Every chart draws compare.run's cells — the figures the
 * Vergelijken grid shows, aggregates and references included — and says where they came from.
 */
export function ChartsScreen() {
  const [tab, setTab] = useState<Tab>('bars');
  const [choice, setChoice] = useState<AreaChoice>({ kind: 'focus' });
  const [refs, setRefs] = useState<ReferenceKind[]>(['municipality', 'NL', 'total']);
  const [indicator, setIndicator] = useState('');
  const [indicator2, setIndicator2] = useState('');
  const [sizeBy, setSizeBy] = useState('a_inw');
  const [period, setPeriod] = useState('latest');
  const [indicators] = useCall('indicators.list', {});
  const [municipalities] = useCall('areas.list', { kind: 'municipality' });
  const [views] = useCall('views.list', {});
  const { areas, view } = useAreaCodes(choice);
  const choiceKey = choice.kind === 'focus' ? 'focus' : choice.kind === 'view' ? `view:${choice.name}` : `${choice.kind}:${choice.municipality}`;
  const indicatorList = useMemo(() => (indicators.status === 'ok' ? indicators.value : []), [indicators]);
  const first = indicator || view?.indicators[0] || '';
  const periodText = period.trim() === '' ? 'latest' : period.trim();

  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Grafieken</h1>
        <p className="lede">Staven, trends, puntenwolken, spreiding en een eigen index — met dezelfde cijfers als Vergelijken, elk met bron.</p>
      </header>
      <div className="charts-controls">
        <label className="form-inline small">
          Gebieden
          <select
            aria-label="Gebieden"
            value={choiceKey}
            onChange={(e) => {
              const v = e.target.value;
              if (v === 'focus') setChoice({ kind: 'focus' });
              else if (v.startsWith('view:')) setChoice({ kind: 'view', name: v.slice(5) });
              else {
                const [kind, municipality] = v.split(':') as ['district' | 'neighbourhood', string];
                setChoice({ kind, municipality });
              }
            }}
          >
            <option value="focus">de 20 focusgebieden</option>
            {municipalities.status === 'ok' &&
              municipalities.value.map((m) => (
                <optgroup key={m.code} label={m.name}>
                  <option value={`district:${m.code}`}>wijken van {m.name}</option>
                  <option value={`neighbourhood:${m.code}`}>buurten van {m.name}</option>
                </optgroup>
              ))}
            {views.status === 'ok' && views.value.length > 0 && (
              <optgroup label="Opgeslagen weergaven">
                {views.value.map((v) => <option key={v.id} value={`view:${v.name}`}>{v.name}</option>)}
              </optgroup>
            )}
          </select>
        </label>
        <label className="form-inline small">
          Indicator
          <select aria-label="Indicator" value={first} onChange={(e) => setIndicator(e.target.value)}>
            <option value="">kies…</option>
            {indicatorList.map((i) => <option key={i.code} value={i.code}>{i.name} ({unitLabel(i.unit)})</option>)}
          </select>
        </label>
        <label className="form-inline small">
          Periode
          <input className="w-sm" aria-label="Periode" value={period === 'latest' ? '' : period} placeholder="laatste" onChange={(e) => setPeriod(e.target.value || 'latest')} />
        </label>
        <span className="form-inline small" role="group" aria-label="Referenties">
          Referenties:
          {ALL_REFERENCES.map((r) => (
            <label key={r.kind} className="check">
              <input type="checkbox" checked={refs.includes(r.kind)} onChange={(e) => setRefs(e.target.checked ? [...refs, r.kind] : refs.filter((x) => x !== r.kind))} />
              {r.label}
            </label>
          ))}
        </span>
      </div>
      <div className="segmented charts-tabs" role="tablist" aria-label="Soort grafiek">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} aria-pressed={tab === t.id} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      {indicators.status === 'error' && <ErrorPanel error={indicators.error} />}
      {indicators.status === 'loading' && <Loading what="Indicatoren" />}
      {areas === null && <EmptyState title="Geen gebieden in deze keuze" next="Importeer de kerncijfers wijken en buurten van deze gemeente, of kies een andere gemeente." />}
      {areas !== null && !first && tab !== 'index' && <EmptyState title="Kies een indicator" next="De grafiek toont de cijfers van de gekozen gebieden voor die indicator." />}
      {areas !== null && first && tab === 'bars' && <BarPanel areas={areas} indicator={first} period={periodText} references={refs} />}
      {areas !== null && first && tab === 'trend' && <TrendPanel areas={areas} indicator={first} references={refs} />}
      {areas !== null && first && tab === 'scatter' && (
        <ScatterPanel areas={areas} x={first} y={indicator2} size={sizeBy} period={periodText} references={refs} indicators={indicatorList} onY={setIndicator2} onSize={setSizeBy} />
      )}
      {areas !== null && first && tab === 'spread' && <SpreadPanel areas={areas} first={first} period={periodText} indicators={indicatorList} />}
      {areas !== null && tab === 'index' && <IndexPanel areas={areas} period={periodText} viewName={choice.kind === 'view' ? choice.name : null} indicators={indicatorList} />}
    </div>
  );
}
