import { AllCommunityModule, ModuleRegistry, themeQuartz, type ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import type { Area, AreaKind } from '../../../shared/contract/model';

ModuleRegistry.registerModules([AllCommunityModule]);

export const KIND_LABEL: Record<AreaKind, string> = {
  country: 'Land',
  programme: 'Programma',
  municipality: 'Gemeente',
  focus_area: 'Focusgebied',
  district: 'Wijk',
  neighbourhood: 'Buurt',
  other: 'Overig',
};

export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  rowHeight: 32,
  headerHeight: 36,
  accentColor: '#1f5f8b',
  borderColor: '#dcdfe3',
  headerBackgroundColor: '#f1f3f5',
});

export function AreasGrid({ areas, onOpen }: { areas: Area[]; onOpen?: (code: string) => void }) {
  const columns = useMemo<ColDef<Area>[]>(
    () => [
      { field: 'name', headerName: 'Naam', flex: 2, sort: 'asc' },
      {
        headerName: 'Gemeente',
        flex: 1.4,
        valueGetter: (p) => (p.data?.kind === 'municipality' ? p.data.name : p.data?.kind === 'focus_area' ? p.data.parentName : ''),
      },
      { field: 'code', headerName: 'Code', width: 120, cellClass: 'mono' },
      { field: 'kind', headerName: 'Soort', width: 140, valueFormatter: (p) => (p.value ? KIND_LABEL[p.value as AreaKind] : '') },
      { field: 'source', headerName: 'Bron van de indeling', flex: 2, tooltipField: 'source', cellClass: 'muted' },
    ],
    [],
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
        onRowClicked={(e) => e.data && onOpen?.(e.data.code)}
      />
    </div>
  );
}
