import { useEffect, useMemo, useState } from 'react';
import type { CompareResult } from '../../../shared/contract/compare';
import type { MapKind } from '../../../shared/contract/maps';
import type { Observation } from '../../../shared/contract/model';
import { formatFigure, unitLabel } from '../../../shared/domain/format/figure';
import { buildMapModel, figureFromObservation, figuresFromCompare, type BreakChoice, type MapFigure } from '../../../shared/domain/maps/map-model';
import { periodLabel } from '../../../shared/domain/period';
import { call } from '../../api/client';
import { EmptyState, ErrorPanel, Loading } from '../../ui/StatusPanels';
import { useCall } from '../../ui/use-call';
import '../charts/charts.css';
import { BoundaryImport, CBS_KWB_MAP_URL } from './BoundaryImport';
import { ChoroplethMap } from './ChoroplethMap';

const KINDS: { kind: MapKind; label: string }[] = [
  { kind: 'focus_area', label: 'Focusgebieden' },
  { kind: 'municipality', label: 'Gemeenten' },
  { kind: 'district', label: 'Wijken' },
  { kind: 'neighbourhood', label: 'Buurten' },
];

/** Kaart: areas coloured by an indicator on the outlines the analyst imported. */
export function MapScreen() {
  const [sets, reloadSets] = useCall('maps.sets', {});
  const [kind, setKind] = useState<MapKind>('district');
  const [municipality, setMunicipality] = useState('');
  const [indicatorCode, setIndicatorCode] = useState('');
  const [period, setPeriod] = useState('');
  const [year, setYear] = useState<number | undefined>(undefined);
  const [method, setMethod] = useState<'quantile' | 'fixed'>('quantile');
  const [classes, setClasses] = useState(5);
  const [fixedText, setFixedText] = useState('');
  const [municipalities] = useCall('areas.list', { kind: 'municipality' });
  const [indicators] = useCall('indicators.list', {});
  const [map, reloadMap] = useCall('maps.get', {
    kind,
    ...(year !== undefined ? { year } : {}),
    ...(municipality && kind !== 'focus_area' && kind !== 'municipality' ? { municipalityCode: municipality } : {}),
    // Focus areas take their figures from compare (aggregated from their members), not from maps.get.
    ...(indicatorCode && kind !== 'focus_area' ? { indicatorCode } : {}),
    ...(period && kind !== 'focus_area' ? { period } : {}),
  });
  const focusCodes = kind === 'focus_area' && map.status === 'ok' ? map.value.features.map((f) => f.code) : [];
  const focus = useFocusFigures(focusCodes, indicatorCode, period);
  const indicator = indicators.status === 'ok' ? indicators.value.find((i) => i.code === indicatorCode) : undefined;
  const choice: BreakChoice = method === 'quantile' ? { method, classes } : { method, thresholds: parseThresholds(fixedText) };
  const figures = useMemo<MapFigure[] | null>(() => {
    if (kind === 'focus_area') return focus.result && indicatorCode ? figuresFromCompare(focus.result, indicatorCode) : null;
    return map.status === 'ok' ? map.value.figures.map(figureFromObservation) : null;
  }, [kind, focus.result, indicatorCode, map]);
  const model = useMemo(
    () => (map.status === 'ok' && indicator && figures ? buildMapModel(map.value.features, figures, indicator, choice) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [map, figures, indicator, method, classes, fixedText],
  );
  const periods = useMemo(() => [...new Set((figures ?? []).map((f) => f.period).filter((p): p is string => !!p))].sort().reverse(), [figures]);
  const aggregated = useMemo(() => (model ? [...model.classed.map((c) => c.figure), ...model.missing.flatMap((m) => (m.figure ? [m.figure] : []))].filter((f) => f.aggregated) : []), [model]);
  const names = useMemo(() => new Map((map.status === 'ok' ? map.value.features : []).map((f) => [f.code, f.name])), [map]);
  // A map of one city's districts is compared with that city even when no gemeente was picked.
  const featureMunicipalities = map.status === 'ok' ? [...new Set(map.value.features.map((f) => (/^(WK|BU)(\d{4})/.exec(f.code)?.[2] ?? '')))] : [];
  const refMunicipality = municipality || (featureMunicipalities.length === 1 && featureMunicipalities[0] ? `GM${featureMunicipalities[0]}` : '');
  const refPeriod = period || mostCommon((figures ?? []).flatMap((f) => (f.period ? [f.period] : [])));
  const noBoundaries = sets.status === 'ok' && sets.value.length === 0;

  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Kaart</h1>
        <p className="lede">Gebieden gekleurd naar een indicator, op de gebiedsgrenzen die u importeert. Werkt zonder internet.</p>
      </header>
      <BoundaryImport
        onImported={() => {
          reloadSets();
          reloadMap();
        }}
      />
      {sets.status === 'error' && <ErrorPanel error={sets.error} />}
      {noBoundaries && (
        <div className="empty-state map-empty">
          <strong>Nog geen gebiedsgrenzen in dit project</strong>
          <p>
            De kaart tekent gebieden op grenzen die u zelf importeert; de app haalt niets van internet. Download de <em>Wijk- en buurtkaart</em> van het CBS
            (GeoPackage aanbevolen, of GeoJSON/TopoJSON; in RD New of WGS84) via <a href={CBS_KWB_MAP_URL} target="_blank" rel="noreferrer">{CBS_KWB_MAP_URL}</a> en
            importeer het bestand hierboven. Gebieden worden op CBS-code gekoppeld (gemeentecode, wijkcode, buurtcode of statcode); een focusgebied wordt getekend als de
            samenvoeging van zijn wijken of buurten.
          </p>
        </div>
      )}
      {!noBoundaries && (
        <section aria-labelledby="map-title">
          <div className="chart-controls map-controls">
            <div className="segmented" role="group" aria-label="Soort gebied">
              {KINDS.map((k) => (
                <button key={k.kind} type="button" aria-pressed={kind === k.kind} onClick={() => setKind(k.kind)}>
                  {k.label}
                </button>
              ))}
            </div>
            {(kind === 'district' || kind === 'neighbourhood') && (
              <label className="form-inline small">
                Gemeente
                <select value={municipality} onChange={(e) => setMunicipality(e.target.value)} aria-label="Gemeente">
                  <option value="">alle</option>
                  {municipalities.status === 'ok' && municipalities.value.map((m) => <option key={m.code} value={m.code}>{m.name}</option>)}
                </select>
              </label>
            )}
            <label className="form-inline small">
              Indicator
              <select value={indicatorCode} onChange={(e) => { setIndicatorCode(e.target.value); setPeriod(''); }} aria-label="Indicator">
                <option value="">(alleen grenzen)</option>
                {indicators.status === 'ok' && indicators.value.map((i) => <option key={i.code} value={i.code}>{i.name} ({unitLabel(i.unit)})</option>)}
              </select>
            </label>
            {indicatorCode && (
              <label className="form-inline small">
                Periode
                <select value={period} onChange={(e) => setPeriod(e.target.value)} aria-label="Periode">
                  <option value="">laatste per gebied</option>
                  {periods.map((p) => <option key={p} value={p}>{periodLabel(p)}</option>)}
                </select>
              </label>
            )}
            {map.status === 'ok' && map.value.years.length > 1 && (
              <label className="form-inline small">
                Grenzen van
                <select value={map.value.year ?? ''} onChange={(e) => setYear(Number(e.target.value))} aria-label="Jaar van de grenzen">
                  {map.value.years.map((y) => <option key={y} value={y}>{y}</option>)}
                </select>
              </label>
            )}
            {indicatorCode && (
              <span className="form-inline small">
                Klassen
                <select value={method} onChange={(e) => setMethod(e.target.value as 'quantile' | 'fixed')} aria-label="Klassenindeling">
                  <option value="quantile">kwantielen</option>
                  <option value="fixed">vaste grenzen</option>
                </select>
                {method === 'quantile' ? (
                  <select value={classes} onChange={(e) => setClasses(Number(e.target.value))} aria-label="Aantal klassen">
                    {[3, 4, 5, 6, 7].map((n) => <option key={n} value={n}>{n}</option>)}
                  </select>
                ) : (
                  <input className="w-md" value={fixedText} onChange={(e) => setFixedText(e.target.value)} placeholder="bijv. 10; 20; 30" aria-label="Klassegrenzen" />
                )}
              </span>
            )}
          </div>
          {map.status === 'loading' && <Loading what="Kaart" />}
          {focus.error !== null && <ErrorPanel error={focus.error} />}
          {map.status === 'error' && <ErrorPanel error={map.error} />}
          {map.status === 'ok' && map.value.features.length === 0 && (
            <EmptyState
              title={`Geen grenzen voor ${KINDS.find((k) => k.kind === kind)?.label.toLowerCase()}${municipality ? ' in deze gemeente' : ''}`}
              next={kind === 'focus_area' ? 'Een focusgebied krijgt een omtrek zodra zijn samenstelling (wijken of buurten) is geïmporteerd en die wijken of buurten grenzen hebben.' : 'Importeer de wijk- en buurtkaart met dit niveau, of kies een ander niveau.'}
            />
          )}
          {map.status === 'ok' && map.value.features.length > 0 && (
            <div className="map-layout">
              <figure className="map-figure">
                <h2 id="map-title" className="chart-title">
                  {indicator ? `${indicator.name} (${unitLabel(indicator.unit)})` : 'Gebiedsgrenzen'} — {KINDS.find((k) => k.kind === kind)?.label.toLowerCase()}, grenzen {map.value.year}
                </h2>
                <ChoroplethMap features={map.value.features} model={model} label={`Kaart van ${map.value.features.length} gebieden`} />
                <figcaption className="source-line">
                  Grenzen: {sets.status === 'ok' ? sets.value.filter((s) => s.year === map.value.year).map((s) => s.fileName).join(', ') : ''} ({map.value.year}).
                  {indicator && model && ` Cijfers: ${[...new Set(model.classed.flatMap((c) => c.figure.files))].join(', ') || '—'}.`}
                  {aggregated.length > 0 &&
                    ` ${aggregated.length} ${aggregated.length === 1 ? 'cijfer is' : 'cijfers zijn'} samengesteld (Σ) uit de wijken en buurten van het focusgebied, zoals in Vergelijken${aggregated.some((f) => f.proposal) ? '; samenstelling: voorstel, te bevestigen' : ''}.`}
                </figcaption>
              </figure>
              <aside className="map-side">
                {model && (
                  <>
                    <h3>Legenda</h3>
                    <ul className="legend" aria-label="Legenda">
                      {model.legend.map((l) => (
                        <li key={l.label}>
                          <span className="swatch" style={{ background: l.colour }} aria-hidden="true" />
                          <span className="num">{l.label}</span> <span className="muted">({l.count})</span>
                        </li>
                      ))}
                      <li>
                        <span className="swatch swatch-missing" aria-hidden="true" /> geen cijfer <span className="muted">({model.missing.length})</span>
                      </li>
                    </ul>
                    <p className="muted small">
                      {model.breaks.method === 'quantile' ? 'Kwantielen: ongeveer evenveel gebieden per klasse.' : 'Vaste klassegrenzen.'}{' '}
                      {indicator?.direction === 'higher_worse' ? 'Oranje is ongunstig (hoger is slechter).' : indicator?.direction === 'higher_better' ? 'Oranje is ongunstig (lager is slechter).' : 'Donkerder is meer (geen richting).'}
                    </p>
                    <References indicatorCode={indicatorCode} municipality={refMunicipality} period={refPeriod} />
                    {aggregated.length > 0 && (
                      <>
                        <h3>Samengesteld uit leden (Σ)</h3>
                        <ul className="missing-list aggregated-list" aria-label="Samengestelde cijfers">
                          {aggregated.map((f) => (
                            <li key={f.areaCode}>
                              {names.get(f.areaCode) ?? f.areaCode}
                              {f.proposal && <> <span className="badge confirm-badge">te bevestigen</span></>}
                              <span className="muted"> — {f.members?.length ?? 0} {(f.members?.length ?? 0) === 1 ? 'lid' : 'leden'}: {(f.members ?? []).slice(0, 8).join(', ')}{(f.members?.length ?? 0) > 8 ? ' …' : ''}</span>
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                    {model.missing.length > 0 && (
                      <>
                        <h3>Zonder cijfer ({model.missing.length})</h3>
                        <ul className="missing-list">
                          {model.missing.slice(0, 60).map((m) => (
                            <li key={m.code}>
                              {m.name} <span className="muted">({m.code}): {m.why}</span>
                            </li>
                          ))}
                          {model.missing.length > 60 && <li className="muted">en {model.missing.length - 60} meer</li>}
                        </ul>
                      </>
                    )}
                  </>
                )}
                {map.value.withoutBoundary.length > 0 && (
                  <>
                    <h3>Zonder grens ({map.value.withoutBoundary.length})</h3>
                    <p className="muted small">{map.value.withoutBoundary.map((a) => a.name).join(', ')}</p>
                  </>
                )}
              </aside>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

/**
 * A focus-area map's figures: compare.run over the focus areas drawn, so each is the aggregate of
 * its members exactly as Vergelijken shows it (coverage threshold: all members).
 */
function useFocusFigures(codes: string[], indicatorCode: string, period: string): { result: CompareResult | null; error: unknown } {
  const [state, setState] = useState<{ result: CompareResult | null; error: unknown }>({ result: null, error: null });
  const key = codes.length > 0 && indicatorCode ? JSON.stringify({ areas: codes, indicators: [indicatorCode], period: period || 'latest' }) : '';
  useEffect(() => {
    setState({ result: null, error: null });
    if (!key) return;
    let live = true;
    const req = JSON.parse(key) as { areas: string[]; indicators: string[]; period: string };
    call('compare.run', { ...req, references: [] }).then(
      (result) => live && setState({ result, error: null }),
      (error: unknown) => live && setState({ result: null, error }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}

/** Municipality and Nederland as text beside the map: a reference is a figure, not a colour. */
function References({ indicatorCode, municipality, period }: { indicatorCode: string; municipality: string; period: string | undefined }) {
  const [nl] = useCall('observations.list', { areaCode: 'NL00', indicatorCode: indicatorCode || '-' });
  const [gm] = useCall('observations.list', { areaCode: municipality || 'NL00', indicatorCode: indicatorCode || '-' });
  if (!indicatorCode) return null;
  const pick = (figs: Observation[]): Observation | undefined => figs.find((f) => f.period === period) ?? figs[figs.length - 1];
  const rows: { label: string; figure: Observation | undefined }[] = [{ label: 'Nederland', figure: nl.status === 'ok' ? pick(nl.value) : undefined }];
  if (municipality) rows.unshift({ label: gm.status === 'ok' ? (gm.value[0]?.areaName ?? municipality) : municipality, figure: gm.status === 'ok' ? pick(gm.value) : undefined });
  return (
    <>
      <h3>Ter vergelijking</h3>
      <ul className="references">
        {rows.map((r) => (
          <li key={r.label}>
            {r.label}: {r.figure ? <span className="num">{formatFigure(r.figure)} <span className="muted">({periodLabel(r.figure.period)})</span></span> : <span className="muted">geen cijfer in het project</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

function parseThresholds(text: string): number[] {
  return text
    .split(/[;\s]+/)
    .map((t) => Number(t.replace(/\./g, '').replace(',', '.')))
    .filter((n) => Number.isFinite(n) && text.trim() !== '');
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
