import { type ColDef, type RowClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import type { SourceRemoval, SourceSummary } from '../../../shared/contract/import';
import { EmptyState, ErrorPanel, Loading } from '../../ui/StatusPanels';
import { useCall } from '../../ui/use-call';
import { gridTheme } from '../../ui/grid-theme';
import { BackupAction } from './BackupAction';
import { SourceFigures } from './SourceFigures';
import { RemoveSource, removalText } from './RemoveSource';
import { formatCount } from '../../../shared/domain/format/number';

const KIND_NL: Record<SourceSummary['kind'], string> = { file: 'bestand', document: 'document', seed: 'meegeleverd' };
const LAYOUT_NL: Record<string, string> = { wide: 'breed', long: 'lang', transposed: 'gekanteld', dictionary: 'woordenlijst', composition: 'samenstelling' };
const when = (iso: string): string => new Date(iso).toLocaleString('nl-NL', { dateStyle: 'short', timeStyle: 'short' });

/** Bronnen: every imported file and cited document, and the figures of the one you pick. */
export function SourcesScreen() {
  const [state, reload] = useCall('sources.list', {});
  const [picked, setPicked] = useState<number | null>(null);
  const [removed, setRemoved] = useState<SourceRemoval | null>(null);
  const sources = useMemo(() => (state.status === 'ok' ? state.value : []), [state]);
  const files = sources.filter((s) => s.kind === 'file');
  const selected = sources.find((s) => s.id === picked) ?? files[0] ?? null;
  const columns = useMemo<ColDef<SourceSummary>[]>(
    () => [
      { headerName: 'Bestand of document', valueGetter: (p) => p.data?.file ?? p.data?.title, flex: 2, minWidth: 160, tooltipValueGetter: (p) => p.data?.title },
      { field: 'sheet', headerName: 'Blad', flex: 1, minWidth: 72, tooltipField: 'sheet' },
      { headerName: 'Soort', valueGetter: (p) => (p.data ? (p.data.layout ? `${KIND_NL[p.data.kind]}, ${LAYOUT_NL[p.data.layout] ?? p.data.layout}` : KIND_NL[p.data.kind]) : ''), flex: 1, minWidth: 90 },
      { headerName: 'sha256', valueGetter: (p) => p.data?.sha256?.slice(0, 12) ?? '', width: 128, cellClass: 'mono', tooltipValueGetter: (p) => p.data?.sha256 ?? '' },
      { headerName: 'Geïmporteerd', valueGetter: (p) => (p.data ? when(p.data.importedAt) : ''), width: 146 },
      { headerName: 'Cijfers', valueGetter: (p) => p.data?.current, valueFormatter: (p) => formatCount(Number(p.value ?? 0)), width: 80, type: 'rightAligned', cellClass: 'num' },
      { headerName: 'Vervangen', valueGetter: (p) => p.data?.superseded, valueFormatter: (p) => formatCount(Number(p.value ?? 0)), width: 108, type: 'rightAligned', cellClass: 'num' },
      { headerName: 'Nieuwe gebieden', valueGetter: (p) => p.data?.areasCreated, valueFormatter: (p) => (p.value === null || p.value === undefined ? '' : formatCount(Number(p.value))), width: 146, type: 'rightAligned', cellClass: 'num' },
      { headerName: 'Meldingen', valueGetter: (p) => p.data?.issues, valueFormatter: (p) => (p.value === null || p.value === undefined ? '' : formatCount(Number(p.value))), width: 108, type: 'rightAligned', cellClass: 'num' },
    ],
    [],
  );

  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Bronnen</h1>
        <p className="lede">Elk geïmporteerd bestand en elk document waaruit de cijfers komen, met per cijfer het blad, de cel en de tekst zoals die er stond.</p>
      </header>
      <section aria-labelledby="sources-title">
        <div className="section-bar">
          <h2 id="sources-title">
            Bronnen {state.status === 'ok' && <span className="count">({sources.length})</span>}
          </h2>
          <BackupAction />
        </div>
        {state.status === 'loading' && <Loading what="Bronnen" />}
        {state.status === 'error' && <ErrorPanel error={state.error} />}
        {removed && (
          <p className="notice ok" role="status">
            {removalText(removed)}
          </p>
        )}
        {state.status === 'ok' && sources.length === 0 && (
          <EmptyState title="Nog geen bronnen" next="Importeer een spreadsheet via Importeren (Alt+3); daarna staat het hier, met al zijn cijfers en hun herkomst." />
        )}
        {state.status === 'ok' && sources.length > 0 && files.length === 0 && (
          <p className="notice" data-testid="no-files-yet">
            U hebt nog geen bestanden geïmporteerd. Hieronder {sources.length === 1 ? 'staat de bron' : `staan de ${sources.length} bronnen`} die met Wijkverkenner {sources.length === 1 ? 'is' : 'zijn'} meegeleverd
            (documenten en gegevens waaruit de meegeleverde cijfers komen). Importeer een spreadsheet via Importeren (Alt+3); daarna staat het hier ook, met al zijn cijfers en hun herkomst.
          </p>
        )}
        {state.status === 'ok' && sources.length > 0 && (
          <div className="grid-box" style={{ height: Math.min(36 + 32 * sources.length + 24, 340) }}>
            <AgGridReact<SourceSummary>
              theme={gridTheme}
              rowData={sources}
              columnDefs={columns}
              defaultColDef={{ resizable: true, sortable: true }}
              getRowId={(p) => String(p.data.id)}
              rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
              onRowClicked={(e: RowClickedEvent<SourceSummary>) => e.data && setPicked(e.data.id)}
              getRowClass={(p) => (p.data?.id === selected?.id ? 'row-picked' : undefined)}
              localeText={{ noRowsToShow: 'Geen bronnen' }}
              enableCellTextSelection
              tooltipShowDelay={300}
            />
          </div>
        )}
      </section>
      {selected && (
        <section aria-labelledby="figures-title">
          <div className="section-bar">
            <h2 id="figures-title">
              Cijfers uit {selected.file ?? selected.title}
              {selected.sheet && selected.kind === 'file' && <span className="count"> · blad {selected.sheet}</span>}
            </h2>
            <RemoveSource
              key={selected.id}
              source={selected}
              onRemoved={(r) => {
                setRemoved(r);
                setPicked(null);
                reload();
              }}
            />
          </div>
          {selected.supersedesSourceId !== null && <p className="notice">Deze import vervangt cijfers uit bron {selected.supersedesSourceId}; de oude cijfers blijven bewaard als geschiedenis.</p>}
          <SourceFigures key={selected.id} sourceId={selected.id} />
        </section>
      )}
    </div>
  );
}
