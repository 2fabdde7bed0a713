import { type CellClassParams, type ColDef, type RowClassParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import type { ImportPreview } from '../../../shared/contract/import';
import { gridTheme } from '../../ui/grid-theme';

type Row = { n: number } & Record<string, string | number>;

/** The top of the sheet as it stands in the file, with the detected header and every problem cell marked. */
export function PreviewGrid({ preview }: { preview: ImportPreview }) {
  const { sample, table } = preview;
  const marks = useMemo(() => {
    const m = new Map<string, 'error' | 'warning'>();
    for (const p of preview.problems) {
      if (!p.cell || p.severity === 'info') continue;
      if (m.get(p.cell) !== 'error') m.set(p.cell, p.severity as 'error' | 'warning');
    }
    return m;
  }, [preview.problems]);
  const rows = useMemo<Row[]>(
    () => sample.rows.map((cells, i) => Object.fromEntries([['n', sample.firstRow + i], ...cells.map((text, c) => [sample.columns[c]?.column ?? String(c), text])]) as Row),
    [sample],
  );
  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'n', headerName: '', width: 64, pinned: 'left', cellClass: 'row-number', sortable: false },
      ...sample.columns.map(
        (c): ColDef<Row> => ({
          field: c.column,
          headerName: c.header ? `${c.column} · ${c.header}` : c.column,
          headerTooltip: c.header || undefined,
          tooltipField: c.column,
          minWidth: 90,
          width: Math.min(240, Math.max(100, 8 * ((c.header || '').length + c.column.length + 4))),
          sortable: false,
          cellClass: (p: CellClassParams<Row>) => {
            const mark = p.data ? marks.get(`${c.column}${p.data.n}`) : undefined;
            return mark ? `cell-${mark}` : undefined;
          },
        }),
      ),
    ],
    [sample.columns, marks],
  );
  const header = new Set(table.headerRows);
  const title = new Set(table.titleRows);
  const foot = new Set(table.footnoteRows);
  return (
    <div className="grid-box preview-grid" style={{ height: 440 }}>
      <AgGridReact<Row>
        theme={gridTheme}
        rowData={rows}
        columnDefs={columns}
        defaultColDef={{ resizable: true }}
        getRowClass={(p: RowClassParams<Row>) => {
          const n = p.data?.n ?? 0;
          return header.has(n) ? 'row-header' : title.has(n) ? 'row-title' : foot.has(n) ? 'row-footnote' : undefined;
        }}
        localeText={{ noRowsToShow: 'Het blad is leeg' }}
        enableCellTextSelection
        tooltipShowDelay={400}
      />
    </div>
  );
}
