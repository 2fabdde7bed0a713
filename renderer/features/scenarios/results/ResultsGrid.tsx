import { AllCommunityModule, ModuleRegistry, type ColDef, type ICellRendererParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import type { Area } from '../../../../shared/contract/model';
import type { ScenarioRun } from '../../../../shared/contract/scenario';
import { PROGRAMME_AREA_CODE, TOTAL_STREAM_ID } from '../../../../shared/domain/scenario';
import { gridTheme } from '../../../ui/grid-theme';
import { Select } from '../editor/fields';
import { euro2, mln, mlnSigned, sourceLine, UNKNOWN } from './format';

ModuleRegistry.registerModules([AllCommunityModule]);

type Measure = 'amount' | 'cumulativeAmount' | 'perResident' | 'delta' | 'cumulativeDelta';

interface GridRow {
  key: string;
  areaCode: string;
  area: string;
  level: string;
  stream: string;
  /** year → value; null with a reason when unknown. */
  values: Record<string, number | null>;
  reason: string | null;
  total: number | null;
}

const LEVEL = { programme: 'Programma', municipality: 'Gemeente', area: 'Focusgebied' } as const;

const MEASURES: { value: Measure; label: string; unit: string }[] = [
  { value: 'amount', label: 'Bedrag', unit: '€ mln' },
  { value: 'cumulativeAmount', label: 'Cumulatief bedrag', unit: '€ mln' },
  { value: 'perResident', label: 'Per inwoner', unit: '€ per inwoner' },
  { value: 'delta', label: 'Verschil met basis', unit: '€ mln' },
  { value: 'cumulativeDelta', label: 'Cumulatief verschil met basis', unit: '€ mln' },
];

/** A missing figure shows "." with the reason as tooltip, never an empty cell that reads as zero. */
function Cell(p: ICellRendererParams<GridRow, number | null> & { fmt: (x: number | null) => string }) {
  if (p.value === null || p.value === undefined) return <span title={p.data?.reason ?? 'Geen cijfer'}>{UNKNOWN}</span>;
  return <>{p.fmt(p.value)}</>;
}

/** Every figure of the run: rows area × stream, columns years, one measure at a time. */
export function ResultsGrid({ run, areas }: { run: ScenarioRun; areas: readonly Area[] }) {
  const r = run.result;
  const [measure, setMeasure] = useState<Measure>('amount');
  const names = useMemo(() => new Map(areas.map((a) => [a.code, a.name])), [areas]);
  const spec = (MEASURES.find((m) => m.value === measure) ?? MEASURES[0]) as (typeof MEASURES)[number];
  const fmt = measure === 'perResident' ? euro2 : measure === 'delta' || measure === 'cumulativeDelta' ? mlnSigned : mln;
  const multiStream = new Set(r.funding.map((f) => f.streamId)).size > 1;
  const rows = useMemo<GridRow[]>(() => {
    const byKey = new Map<string, GridRow>();
    for (const f of r.funding) {
      const key = `${f.areaCode}|${f.streamId}`;
      let row = byKey.get(key);
      if (!row) {
        row = {
          key,
          areaCode: f.areaCode,
          area: f.areaCode === PROGRAMME_AREA_CODE ? 'Programma (NPLV)' : (names.get(f.areaCode) ?? f.areaCode),
          level: LEVEL[f.level],
          stream: f.streamId === TOTAL_STREAM_ID ? 'Totaal' : f.streamName,
          values: {},
          reason: null,
          total: null,
        };
        byKey.set(key, row);
      }
      const v = f[measure];
      row.values[String(f.year)] = v;
      if (v === null) row.reason = measure === 'perResident' ? f.perResidentReason : 'Geen basisscenario';
    }
    for (const row of byKey.values()) {
      const xs = Object.values(row.values);
      const sums = measure === 'amount' || measure === 'delta';
      row.total = sums && xs.every((x) => x !== null) ? xs.reduce<number>((a, b) => a + (b as number), 0) : null;
    }
    return [...byKey.values()];
  }, [r, measure, names]);
  const columns = useMemo<ColDef<GridRow>[]>(
    () => [
      { field: 'area', headerName: 'Gebied', pinned: 'left', width: 200, tooltipValueGetter: (p) => (p.data ? `${p.data.level}, code ${p.data.areaCode}` : '') },
      ...(multiStream ? [{ field: 'stream', headerName: 'Regeling', width: 170, pinned: 'left' } as ColDef<GridRow>] : []),
      ...r.years.map(
        (y): ColDef<GridRow> => ({
          colId: String(y),
          headerName: String(y),
          valueGetter: (p) => p.data?.values[String(y)] ?? null,
          cellRenderer: Cell,
          cellRendererParams: { fmt },
          type: 'rightAligned',
          cellClass: 'num',
          flex: 1,
          minWidth: 76,
          sortable: true,
        }),
      ),
      ...(measure === 'amount' || measure === 'delta'
        ? [{ colId: 'total', headerName: 'Totaal', valueGetter: (p: { data: GridRow | undefined }) => p.data?.total ?? null, cellRenderer: Cell, cellRendererParams: { fmt }, type: 'rightAligned', cellClass: 'num strong', flex: 1.1, minWidth: 86 } as ColDef<GridRow>]
        : []),
    ],
    [r.years, fmt, measure, multiStream],
  );
  return (
    <figure className="chart-card">
      <div className="section-bar">
        <figcaption>
          Tabel: {spec.label.toLowerCase()} per jaar ({spec.unit})
        </figcaption>
        <Select<Measure> label="Maatstaf in de tabel" value={measure} options={MEASURES.filter((m) => r.baselineId || (m.value !== 'delta' && m.value !== 'cumulativeDelta'))} onChange={setMeasure} />
      </div>
      <div className="grid-box" style={{ height: Math.min(38 + 32 * rows.length + 8, 560) }}>
        <AgGridReact<GridRow>
          theme={gridTheme}
          rowData={rows}
          columnDefs={columns}
          defaultColDef={{ resizable: true, sortable: true }}
          getRowId={(p) => p.data.key}
          localeText={{ noRowsToShow: 'Geen bedragen in dit scenario' }}
          enableCellTextSelection
          suppressColumnVirtualisation
          tooltipShowDelay={300}
        />
      </div>
      <p className="source-line">{sourceLine(run, 'een punt (.) betekent: geen cijfer, de reden staat in de tooltip')}</p>
    </figure>
  );
}
