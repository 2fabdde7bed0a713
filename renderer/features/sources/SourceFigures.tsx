import { type CellClickedEvent, type ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import type { SourceFigure } from '../../../shared/contract/import';
import { formatFigure, SIGN_TEXT, unitLabel } from '../../../shared/domain/format/figure';
import { periodLabel } from '../../../shared/domain/period';
import { SourcePopover } from '../../ui/SourcePopover';
import { EmptyState, ErrorPanel, Loading } from '../../ui/StatusPanels';
import { useCall } from '../../ui/use-call';
import { gridTheme } from '../areas/AreasGrid';
import { formatCount } from '../../../shared/domain/format/number';

const UNIT_EXTRA: Record<string, string> = { number: 'getal', per_1000_households: 'per 1.000 huishoudens', euro_x1000000: 'x € 1 mln', km2: 'km²', per_km2: 'per km²', m3: 'm³', kwh: 'kWh', code: 'code' };

/**
 * A source's figures, in file order: area, indicator, period, the figure (CBS signs shown as signs),
 * the cell it came from and its text there. Clicking a figure opens "where does this come from".
 */
export function SourceFigures({ sourceId, height = 520 }: { sourceId: number; height?: number }) {
  const [state] = useCall('sources.get', { id: sourceId, limit: 5000 });
  const [open, setOpen] = useState<SourceFigure | null>(null);
  const columns = useMemo<ColDef<SourceFigure>[]>(
    () => [
      { headerName: 'Gebied', valueGetter: (p) => p.data?.areaName, tooltipValueGetter: (p) => p.data?.areaName, flex: 1.2, minWidth: 120 },
      { field: 'areaCode', headerName: 'Code', width: 108, cellClass: 'mono' },
      { headerName: 'Indicator', valueGetter: (p) => p.data?.indicatorName, tooltipValueGetter: (p) => `${p.data?.indicatorName ?? ''} (${p.data?.indicatorCode ?? ''})`, flex: 2, minWidth: 150 },
      { headerName: 'Periode', valueGetter: (p) => (p.data ? periodLabel(p.data.period) : ''), width: 106 },
      {
        headerName: 'Cijfer',
        colId: 'figure',
        valueGetter: (p) => (p.data ? formatFigure(p.data) : ''),
        width: 120,
        type: 'rightAligned',
        cellClass: 'num figure-cell',
        tooltipValueGetter: (p) => (p.data?.sign ? SIGN_TEXT[p.data.sign] : 'Klik voor de herkomst'),
      },
      { headerName: 'Eenheid', valueGetter: (p) => (p.data ? (UNIT_EXTRA[p.data.unit] ?? unitLabel(p.data.unit)) : ''), width: 110, cellClass: 'muted' },
      { field: 'breakdown', headerName: 'Uitsplitsing', width: 120, cellClass: 'muted' },
      { headerName: 'Cel', colId: 'cell', valueGetter: (p) => p.data?.source.cell, width: 78, cellClass: 'mono' },
      { headerName: 'Tekst in de cel', colId: 'raw', valueGetter: (p) => p.data?.source.raw, width: 138, cellClass: 'mono raw-cell' },
      { headerName: 'Status', valueGetter: (p) => (p.data?.superseded ? 'vervangen' : 'actueel'), width: 100, cellClass: (p) => (p.value === 'vervangen' ? 'muted' : '') },
    ],
    [],
  );
  const figures = state.status === 'ok' ? state.value.figures : null;
  // A breakdown column only for files that have one (CBS's table per postcode).
  const shown = useMemo(() => (figures?.some((f) => f.breakdown !== null) ? columns : columns.filter((c) => c.field !== 'breakdown')), [figures, columns]);
  if (state.status === 'loading') return <Loading what="Cijfers" />;
  if (state.status === 'error') return <ErrorPanel error={state.error} />;
  const { total } = state.value;
  if (total === 0) return <EmptyState title="Deze bron heeft geen cijfers" next="Een woordenlijst of samenstelling voegt definities of wijken toe, geen cijfers." />;
  return (
    <>
      <p className="muted small">
        {total > state.value.figures.length ? `De eerste ${formatCount(state.value.figures.length)} van ${formatCount(total)} cijfers, in de volgorde van het bestand.` : `${formatCount(total)} cijfers, in de volgorde van het bestand.`} Klik op een
        cijfer voor de herkomst.
      </p>
      <div className="grid-box source-figures" style={{ height }}>
        <AgGridReact<SourceFigure>
          theme={gridTheme}
          rowData={state.value.figures}
          columnDefs={shown}
          defaultColDef={{ resizable: true, sortable: true, filter: true }}
          getRowId={(p) => String(p.data.id)}
          onCellClicked={(e: CellClickedEvent<SourceFigure>) => e.colDef.colId === 'figure' && e.data && setOpen(e.data)}
          localeText={{ noRowsToShow: 'Geen cijfers' }}
          enableCellTextSelection
          tooltipShowDelay={300}
        />
      </div>
      {open && <SourcePopover observation={open} onClose={() => setOpen(null)} />}
    </>
  );
}
