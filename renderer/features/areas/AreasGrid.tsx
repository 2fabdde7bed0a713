import { type ColDef, type ICellRendererParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import type { CompositionSummary } from '../../../shared/contract/compare';
import type { Area, AreaKind } from '../../../shared/contract/model';
import { gridTheme } from '../../ui/grid-theme';

export const KIND_LABEL: Record<AreaKind, string> = {
  country: 'Land',
  programme: 'Programma',
  municipality: 'Gemeente',
  focus_area: 'Focusgebied',
  district: 'Wijk',
  neighbourhood: 'Buurt',
  other: 'Overig',
};

/** A focus area's composition status, as a button that opens its editor (Samenstelling). */
function CompositionCell(p: ICellRendererParams<Area> & { compositions?: ReadonlyMap<string, CompositionSummary>; onOpen?: (a: Area) => void }) {
  const a = p.data;
  if (!a || a.kind !== 'focus_area' || !p.onOpen) return null;
  const c = p.compositions?.get(a.code);
  const text = !c ? 'Samenstelling' : c.status === 'unknown' ? 'samenstelling onbekend' : `${c.members} ${c.members === 1 ? 'lid' : 'leden'}${c.proposals > 0 ? ' · te bevestigen' : ' · bevestigd'}`;
  return (
    <button type="button" className={c?.status === 'confirmed' ? 'link-button' : 'link-button warn'} onClick={() => p.onOpen?.(a)} aria-label={`Samenstelling van ${a.name}: ${text}`}>
      {text}
    </button>
  );
}

export function AreasGrid({ areas, compositions, onOpenComposition, onOpen }: {
  areas: Area[];
  compositions?: ReadonlyMap<string, CompositionSummary>;
  onOpenComposition?: (a: Area) => void;
  /** Opens an area's profile (a click on its row, not on its composition button). */
  onOpen?: (code: string) => void;
}) {
  const columns = useMemo<ColDef<Area>[]>(
    () => [
      { field: 'name', headerName: 'Naam', flex: 2, sort: 'asc' },
      {
        headerName: 'Gemeente',
        flex: 1.4,
        valueGetter: (p) => p.data?.municipalityName ?? '',
      },
      { field: 'code', headerName: 'Code', width: 120, cellClass: 'mono' },
      { field: 'kind', headerName: 'Soort', width: 140, valueFormatter: (p) => (p.value ? KIND_LABEL[p.value as AreaKind] : '') },
      ...(onOpenComposition && areas.some((a) => a.kind === 'focus_area')
        ? [{ colId: 'composition', headerName: 'Samenstelling', width: 210, cellRenderer: CompositionCell, cellRendererParams: { compositions, onOpen: onOpenComposition }, sortable: false, filter: false } as ColDef<Area>]
        : []),
      { field: 'source', headerName: 'Bron van de indeling', flex: 2, tooltipField: 'source', cellClass: 'muted' },
    ],
    [areas, compositions, onOpenComposition],
  );
  return (
    <div className="grid-box" style={{ height: Math.min(36 + 32 * areas.length + 6, 720) }}>
      <AgGridReact<Area>
        theme={gridTheme}
        rowData={areas}
        columnDefs={columns}
        defaultColDef={{ resizable: true, sortable: true, filter: true }}
        getRowId={(p) => p.data.code}
        localeText={{ noRowsToShow: 'Geen gebieden' }}
        enableCellTextSelection
        onRowClicked={(e) => {
          if (e.event?.target instanceof Element && e.event.target.closest('button')) return;
          if (e.data) onOpen?.(e.data.code);
        }}
      />
    </div>
  );
}
