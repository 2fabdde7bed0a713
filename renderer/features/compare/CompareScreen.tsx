import type { GridApi, IRowNode } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CompareResult, CompareViewState, ReferenceKind, SavedView } from '../../../shared/contract/compare';
import { formatCount } from '../../../shared/domain/format';
import { periodLabel } from '../../../shared/domain/period';
import { call } from '../../api/client';
import { onDataChanged } from '../../ui/data-events';
import { EmptyState, ErrorPanel, Loading } from '../../ui/StatusPanels';
import { useCall } from '../../ui/use-call';
import { AreaChoice, type AreaMode } from './AreaChoice';
import { CellPanel } from './CellPanel';
import { CompareCharts } from './CompareCharts';
import { writeClipboard } from './clipboard';
import { LEGEND } from './colour';
import { CompareGrid, type CellRef, type DisplayOptions } from './CompareGrid';
import { buildCopyTable, toHtml, toTsv } from './copy';
import { buildGridModel, periodsSummary, type GridRow } from './grid-model';
import { DEFAULT_INDICATORS, IndicatorPicker } from './IndicatorPicker';
import { SavedViews } from './SavedViews';

const DEFAULT_STATE: CompareViewState = { areas: 'focus', indicators: DEFAULT_INDICATORS, period: 'latest', references: ['municipality', 'NL', 'total'], minCoverage: 1 };

const REFERENCES: { kind: ReferenceKind; label: string }[] = [
  { kind: 'municipality', label: 'Gemeente' },
  { kind: 'NL', label: 'Nederland' },
  { kind: 'total', label: 'Totaal en spreiding' },
];

const COVERAGE = [1, 0.9, 0.75, 0.5];
const MAX_TRANSPOSE = 300;

/** compare.run, keeping the previous answer on screen while the next one loads (no flicker). */
function useCompare(request: Parameters<typeof call<'compare.run'>>[1] | null) {
  const [result, setResult] = useState<CompareResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const key = request ? JSON.stringify(request) : '';
  useEffect(() => onDataChanged(() => setTick((t) => t + 1)), []);
  useEffect(() => {
    if (!key) {
      setResult(null);
      return;
    }
    let live = true;
    setLoading(true);
    setError(null);
    call('compare.run', JSON.parse(key) as Parameters<typeof call<'compare.run'>>[1]).then(
      (r) => {
        if (!live) return;
        setResult(r);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  return { result, error, loading };
}

/** As tall as its rows need (a few areas: no empty box), at most what the window leaves, at least 420px when the rows need it. */
function gridHeight(model: { pinned: unknown[]; body: unknown[] }, indicators: number, transposed: boolean): string {
  const rows = transposed ? indicators : model.pinned.length + model.body.length;
  const need = 96 + 32 * rows + 18;
  return `max(${Math.min(need, 420)}px, min(${need}px, calc(100vh - 390px)))`;
}

function areasLabel(state: CompareViewState, mode: AreaMode): string {
  if (state.areas === 'focus') return 'de 20 focusgebieden';
  const n = formatCount(state.areas.length);
  if (mode === 'municipalities') return `${n} gemeenten`;
  if (mode === 'districts') return `${n} wijken`;
  if (mode === 'neighbourhoods' || mode === 'all_neighbourhoods') return `${n} buurten`;
  return `${n} gekozen gebieden`;
}

/** Vergelijken: areas × indicators for a period, with reference rows, deltas, ranks and colours. */
export function CompareScreen() {
  const [state, setState] = useState<CompareViewState>(DEFAULT_STATE);
  const [areaMode, setAreaMode] = useState<AreaMode>('focus');
  const [display, setDisplay] = useState<DisplayOptions>({ delta: true, rank: true, colours: true, spread: 'minmax' });
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());
  const [openView, setOpenView] = useState<SavedView | null>(null);
  const [panel, setPanel] = useState<CellRef | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [showChart, setShowChart] = useState(false);
  const [chosenRows, setChosenRows] = useState<string[]>([]);
  const api = useRef<GridApi | null>(null);
  const [indicators] = useCall('indicators.list', {});
  const [info] = useCall('app.info', {});

  const known = useMemo(() => (indicators.status === 'ok' ? indicators.value : []), [indicators]);
  const chosen = useMemo(() => {
    const have = new Set(known.map((i) => i.code));
    return state.indicators.filter((c) => have.has(c));
  }, [known, state.indicators]);
  const request = useMemo(
    () =>
      indicators.status === 'ok' && chosen.length > 0 && (state.areas === 'focus' || state.areas.length > 0)
        ? {
            areas: state.areas,
            indicators: chosen,
            period: state.period,
            ...(state.compareTo ? { compareTo: state.compareTo } : {}),
            references: state.references,
            minCoverage: state.minCoverage ?? 1,
            // A lean answer: values, signs, deltas, ranks and coverage, and the files once. Each
            // figure's file, sheet and cell, and an aggregate's members with theirs, are fetched when
            // its panel opens (a tenth of the bytes for thousands of rows; half the time for the 20
            // focus areas — npm run bench -- compare).
            memberDetail: false,
            lean: true,
          }
        : null,
    [indicators.status, chosen, state.areas, state.period, state.compareTo, state.references, state.minCoverage],
  );
  const { result, error, loading } = useCompare(request);
  const model = useMemo(() => (result ? buildGridModel(result) : null), [result]);
  const names = useMemo(() => new Map((result?.rows ?? []).map((r) => [r.areaCode, r.areaName])), [result]);
  const hasFigures = useMemo(() => (result ? result.rows.some((r) => r.cells.some((c) => c.value !== null || c.low !== null)) : false), [result]);

  const latestYear = info.status === 'ok' && info.value.latestPeriod ? Number(info.value.latestPeriod.slice(0, 4)) : new Date().getFullYear();
  const years = useMemo(() => Array.from({ length: 12 }, (_, i) => String(latestYear - i)), [latestYear]);
  const update = (patch: Partial<CompareViewState>): void => setState((s) => ({ ...s, ...patch }));

  const copy = useCallback(() => {
    if (!result || !model) return;
    const a = api.current;
    let rows: GridRow[] = [...model.pinned, ...model.body];
    let which = 'de hele tabel';
    let order = result.indicators.map((_, i) => i);
    if (a && !state.transposed) {
      const selected = new Set((a.getSelectedRows() as GridRow[]).map((r) => r.id));
      const body: GridRow[] = [];
      a.forEachNodeAfterFilterAndSort((n: IRowNode<GridRow>) => {
        if (n.data && (selected.size === 0 || selected.has(n.data.id))) body.push(n.data);
      });
      rows = selected.size > 0 ? body : [...model.pinned, ...body];
      if (selected.size > 0) which = `${selected.size} gekozen ${selected.size === 1 ? 'rij' : 'rijen'}`;
      const index = new Map(result.indicators.map((ind, i) => [ind.code, i]));
      const shown = a
        .getAllDisplayedColumns()
        .map((c) => index.get(c.getColId()))
        .filter((i): i is number => i !== undefined);
      if (shown.length === order.length) order = shown;
    }
    const inds = order.map((i) => result.indicators[i]).filter((x) => x !== undefined);
    const reordered = rows.map((r) => ({ ...r, cells: order.map((i) => r.cells[i]).filter((x) => x !== undefined) }));
    const table = buildCopyTable(reordered, inds, {
      caption: `Vergelijking van ${areasLabel(state, areaMode)}, ${state.period === 'latest' ? 'laatste periode per indicator' : `periode ${periodLabel(state.period)}`}${state.compareTo ? `, verschil t.o.v. ${periodLabel(state.compareTo)}` : ''}`,
      delta: display.delta && !!state.compareTo,
      rank: display.rank,
      spread: display.spread,
      shownCount: model.shownCount,
    });
    const cellFiles = rows.flatMap((r) => r.cells.flatMap((c) => [c.sourceRef?.file ?? c.sourceRef?.title, ...(c.memberDetail ?? []).map((m) => m.source?.file ?? m.source?.title)]));
    // a lean answer (thousands of rows) carries its files once, not per cell
    const files = [...new Set([...cellFiles, ...(request?.lean ? result.sourceTitles : [])].filter((f): f is string => !!f))];
    if (files.length > 0) table.notes.push(`Bron: ${files.join('; ')} (via Wijkverkenner).`);
    const ok = writeClipboard(toTsv(table), toHtml(table));
    setNotice(ok ? `Gekopieerd: ${which} (${formatCount(table.rows.length)} rijen, ${inds.length} indicatoren). Plak in Excel of Word.` : 'Kopiëren lukte niet: de browser weigerde het klembord.');
  }, [result, model, state, areaMode, display, request?.lean]);

  const togglePin = (code: string): void =>
    setPinned((p) => {
      const next = new Set(p);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  const showColumn = useCallback((code: string) => {
    if (!state.transposed) api.current?.ensureColumnVisible(code);
  }, [state.transposed]);
  const closePanel = useCallback(() => {
    const a = api.current;
    const focused = a?.getFocusedCell();
    setPanel(null);
    if (a && focused) a.setFocusedCell(focused.rowIndex, focused.column, focused.rowPinned);
  }, []);

  const transposeBlocked = state.areas !== 'focus' && state.areas.length > MAX_TRANSPOSE;
  const latestNote = openView && openView.state.period === 'latest' && result ? `Opgeslagen met “laatste periode”; toont nu ${periodsSummary(result)}.` : null;

  return (
    <div className="screen compare-screen">
      <header className="screen-header">
        <h1>Vergelijken</h1>
        <p className="lede">Gebieden naast elkaar, met hun gemeente, Nederland en de focusgebieden samen. Klik op een cijfer (of Enter) voor de herkomst.</p>
      </header>
      <div className="compare-layout">
        <aside className="compare-side">
          <section aria-labelledby="views-title">
            <h2 id="views-title">Weergaven</h2>
            <SavedViews
              current={{ ...state, indicators: chosen }}
              openName={openView?.name ?? null}
              onOpen={(v) => {
                setOpenView(v);
                setState({ ...DEFAULT_STATE, ...v.state, minCoverage: v.state.minCoverage ?? 1 });
                setAreaMode(v.state.areas === 'focus' ? 'focus' : 'custom');
                setPanel(null);
                setNotice(null);
              }}
              onSave={(v) => {
                setOpenView(v);
                setNotice(`Weergave “${v.name}” opgeslagen.`);
              }}
            />
          </section>
          <section aria-labelledby="indicators-title">
            <h2 id="indicators-title">Indicatoren</h2>
            {indicators.status === 'loading' && <Loading what="Indicatoren" />}
            {indicators.status === 'error' && <ErrorPanel error={indicators.error} />}
            {indicators.status === 'ok' && <IndicatorPicker indicators={known} chosen={chosen} onChange={(codes) => update({ indicators: codes, sort: undefined })} />}
          </section>
        </aside>

        <div className={showChart && result && hasFigures ? 'compare-main with-chart' : 'compare-main'}>
          <section className="compare-controls" aria-label="Keuzes">
            <AreaChoice
              value={state.areas}
              mode={areaMode}
              names={names}
              onChange={(areas, mode) => {
                setAreaMode(mode);
                update({ areas });
              }}
            />
            <div className="control-row">
              <label className="control">
                <span>Periode</span>
                <select className="select" aria-label="Periode" value={state.period} onChange={(e) => update({ period: e.target.value })}>
                  <option value="latest">Laatste per indicator</option>
                  {years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </label>
              <label className="control">
                <span>Verschil t.o.v.</span>
                <select className="select" aria-label="Verschil ten opzichte van" value={state.compareTo ?? ''} onChange={(e) => update({ compareTo: e.target.value || undefined })}>
                  <option value="">geen</option>
                  {years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </label>
              <fieldset className="control refs">
                <legend>Referenties</legend>
                {REFERENCES.map((r) => (
                  <label key={r.kind} className="check">
                    <input
                      type="checkbox"
                      checked={state.references.includes(r.kind)}
                      onChange={(e) => update({ references: e.target.checked ? REFERENCES.map((x) => x.kind).filter((k) => k === r.kind || state.references.includes(k)) : state.references.filter((k) => k !== r.kind) })}
                    />
                    {r.label}
                  </label>
                ))}
              </fieldset>
              <label className="control" title="Een focusgebied zonder eigen cijfer krijgt een cijfer uit zijn wijken en buurten als ten minste dit deel van de leden (en van het gewicht) een cijfer heeft.">
                <span>Dekking leden</span>
                <select className="select" aria-label="Minimale dekking van de leden" value={String(state.minCoverage ?? 1)} onChange={(e) => update({ minCoverage: Number(e.target.value) })}>
                  {COVERAGE.map((c) => (
                    <option key={c} value={String(c)}>
                      {c === 1 ? 'alle leden' : `ten minste ${c * 100}%`}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          </section>

          <section className="compare-table" aria-labelledby="grid-title">
            <div className="grid-toolbar">
              <h2 id="grid-title">
                {openView ? openView.name : 'Tabel'}
                {result && <span className="count"> · {areasLabel(state, areaMode)} · {periodsSummary(result)}</span>}
              </h2>
              <div className="toolbar-actions">
                <label className="check small">
                  <input type="checkbox" checked={display.delta} onChange={(e) => setDisplay((d) => ({ ...d, delta: e.target.checked }))} disabled={!state.compareTo} />
                  Verschil
                </label>
                <label className="check small">
                  <input type="checkbox" checked={display.rank} onChange={(e) => setDisplay((d) => ({ ...d, rank: e.target.checked }))} />
                  Rang
                </label>
                <label className="check small">
                  <input type="checkbox" checked={display.colours} onChange={(e) => setDisplay((d) => ({ ...d, colours: e.target.checked }))} />
                  Kleuren
                </label>
                <select className="select small" aria-label="Spreiding" value={display.spread} onChange={(e) => setDisplay((d) => ({ ...d, spread: e.target.value as DisplayOptions['spread'] }))}>
                  <option value="minmax">Spreiding: min–max</option>
                  <option value="p10p90">Spreiding: P10–P90</option>
                </select>
                <select className="select small pin-select" aria-label="Kolom vastzetten" value="" onChange={(e) => e.target.value && togglePin(e.target.value)} disabled={!result || state.transposed}>
                  <option value="">Kolom vastzetten…</option>
                  {result?.indicators.map((i) => (
                    <option key={i.code} value={i.code}>
                      {pinned.has(i.code) ? '✓ ' : ''}
                      {i.name}
                    </option>
                  ))}
                </select>
                <button type="button" className="button" aria-pressed={!!state.transposed} onClick={() => update({ transposed: !state.transposed })} disabled={transposeBlocked} title={transposeBlocked ? `Kantelen kan tot ${MAX_TRANSPOSE} gebieden` : 'Gebieden als kolommen, indicatoren als rijen'}>
                  Kantelen
                </button>
                <button type="button" className="button" aria-pressed={showChart} onClick={() => setShowChart((v) => !v)} disabled={!result || !hasFigures} title="Een grafiek van de getoonde cijfers naast de tabel (gekozen rijen, of alle)">
                  Grafiek
                </button>
                <button type="button" className="button primary" onClick={copy} disabled={!result} title="Gekozen rijen, of de hele tabel (Ctrl+C in de tabel)">
                  Kopiëren
                </button>
              </div>
            </div>
            {latestNote && <p className="notice">{latestNote}</p>}
            {model && model.municipalitiesLeftOut > 0 && (
              <p className="notice">
                De {formatCount(model.municipalitiesLeftOut)} gemeenten van deze gebieden staan niet als referentierij in de tabel: te veel om bovenaan vast te zetten, en onder elk gebied zou dezelfde gemeente honderden keren terugkomen. Kies ‘Buurten van een gemeente’ om een gemeente naast haar buurten te zien, of ‘Gemeenten’ om de gemeenten met elkaar te vergelijken.
              </p>
            )}
            {model && hasFigures && model.areasWithoutFigures.length > 0 && (
              <p className="notice">
                {model.areasWithoutFigures.length === model.shownCount ? 'Geen van de gebieden' : `${formatCount(model.areasWithoutFigures.length)} van de ${formatCount(model.shownCount)} gebieden`} {model.areasWithoutFigures.length === 1 ? 'heeft' : 'hebben'} geen enkel cijfer in deze kolommen
                {model.areasWithoutFigures.length <= 4 ? ` (${model.areasWithoutFigures.join(', ')})` : ''}: hun wijken en buurten staan niet in de opslag, of hun samenstelling is onbekend. Importeer de KWB-cijfers van hun gemeenten; beweeg over een cel voor de reden.
              </p>
            )}
            {notice && (
              <p className="notice ok" role="status">
                {notice}
              </p>
            )}
            {error !== null && <ErrorPanel error={error} />}
            {chosen.length === 0 && indicators.status === 'ok' && !known.some((i) => DEFAULT_INDICATORS.includes(i.code)) && (
              <EmptyState
                title="Nog geen cijfers per gebied"
                next="Importeer de Kerncijfers Wijken en Buurten (KWB) van CBS via Importeren (Alt+3), bijvoorbeeld het bestand van uw gemeente. Daarna staan hier de focusgebieden met hun cijfers, berekend uit hun wijken en buurten, naast hun gemeente en Nederland."
              />
            )}
            {chosen.length === 0 && indicators.status === 'ok' && known.some((i) => DEFAULT_INDICATORS.includes(i.code)) && <EmptyState title="Kies indicatoren" next="Vink links een of meer indicatoren aan; zoek op naam of code, of filter op thema." />}
            {request && !result && !error && <Loading what="Vergelijking" />}
            {result && model && chosen.length > 0 && !hasFigures && (
              <EmptyState
                title="Nog geen cijfers voor deze gebieden"
                next="Importeer de Kerncijfers Wijken en Buurten (KWB) van CBS via Importeren (Alt+3). Focusgebieden krijgen dan een cijfer uit hun wijken en buurten; Nederland en de gemeenten verschijnen als referentie zodra hun cijfers er zijn."
              />
            )}
            {result && model && chosen.length > 0 && hasFigures && (
              <>
                <div className={loading ? 'grid-wrap busy' : 'grid-wrap'} aria-busy={loading}>
                  <CompareGrid
                    indicators={result.indicators}
                    model={model}
                    display={{ ...display, delta: display.delta && !!result.compareTo }}
                    pinned={pinned}
                    transposed={!!state.transposed}
                    sort={state.sort}
                    onOpen={setPanel}
                    onSort={(sort) => setState((s) => (JSON.stringify(s.sort) === JSON.stringify(sort) ? s : { ...s, sort }))}
                    onApi={(a) => {
                      api.current = a;
                      setChosenRows([]);
                      a?.addEventListener('selectionChanged', () => setChosenRows((a.getSelectedRows() as GridRow[]).filter((r) => r.role === 'area').map((r) => r.areaCode)));
                    }}
                    onCopyKey={copy}
                    height={gridHeight(model, result.indicators.length, !!state.transposed)}
                    narrow={showChart}
                  />
                </div>
                <div className="grid-foot small">
                  <ul className="legend" aria-label="Kleuren">
                    {LEGEND.map((l) => (
                      <li key={l.className}>
                        <span className={`swatch ${l.className}`} /> {l.label}
                      </li>
                    ))}
                    <li>
                      <span className="agg-mark">Σ</span> berekend uit wijken/buurten
                    </li>
                    {state.compareTo && (
                      <li>
                        <span className="muted">Δ ?</span> geen verschil: indeling gewijzigd of geen cijfer in {state.compareTo} (zie de cel)
                      </li>
                    )}
                  </ul>
                  <p className="muted">
                    Toetsen: pijltjes bewegen, Enter toont de herkomst, spatie kiest een rij, Ctrl+C kopieert de gekozen rijen (of alles). Rang en kleur gelden onder de {model.shownCount} getoonde gebieden; referentierijen tellen niet mee.
                    {' '}
                    Teken: . onbekend, x geheim, - nihil, n.b. geen cijfer.
                  </p>
                  {model.withoutFigures.length > 0 && (
                    <p className="muted">
                      Geen cijfers voor de gemeente{model.withoutFigures.length > 1 ? 'n' : ''} {model.withoutFigures.slice(0, 6).join(', ')}
                      {model.withoutFigures.length > 6 ? ` en ${model.withoutFigures.length - 6} andere` : ''}: importeer hun KWB-cijfers om ze als referentie te tonen.
                    </p>
                  )}
                </div>
              </>
            )}
          </section>
          {showChart && result && hasFigures && <CompareCharts result={result} selected={chosenRows} references={state.references} initialIndicator={state.sort?.indicatorCode ?? null} onIndicator={showColumn} />}
        </div>
      </div>
      {panel && model && <CellPanel refCell={panel} minCoverage={state.minCoverage ?? 1} shownCount={model.shownCount} pinned={pinned.has(panel.ind.code)} onPin={() => togglePin(panel.ind.code)} onClose={closePanel} />}
    </div>
  );
}
