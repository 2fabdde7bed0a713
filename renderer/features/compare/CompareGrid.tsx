import {
  AllCommunityModule,
  ModuleRegistry,
  type CellClickedEvent,
  type CellKeyDownEvent,
  type ColDef,
  type ColGroupDef,
  type FullWidthCellKeyDownEvent,
  type GridApi,
  type ICellRendererParams,
  type SortChangedEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo } from 'react';
import type { CompareCell, CompareIndicator, CompareViewState } from '../../../shared/contract/compare';
import { gridTheme } from '../../ui/grid-theme';
import { cellTooltip, deltaText, figureText, headerText, NO_FIGURE, unitText } from './cell-format';
import { cellColour } from './colour';
import { keepUnderAnchor, type GridModel, type GridRow, type SpreadKind } from './grid-model';
import { THEME_LABEL } from './IndicatorPicker';
import { formatValue } from '../../../shared/domain/format';

ModuleRegistry.registerModules([AllCommunityModule]);

export interface CellRef {
  cell: CompareCell;
  row: GridRow;
  ind: CompareIndicator;
  index: number;
}

export interface DisplayOptions {
  delta: boolean;
  rank: boolean;
  colours: boolean;
  spread: SpreadKind;
}

interface TRow {
  id: string;
  ind: CompareIndicator;
  index: number;
}

const STATUS_BADGE = {
  proposal: { text: 'te bevestigen', cls: 'badge confirm-badge', title: 'De samenstelling van dit focusgebied is een voorstel uit openbare bronnen; bevestig hem onder Gebieden → Samenstelling.' },
  unknown: { text: 'samenstelling onbekend', cls: 'badge kind-ontbrekend', title: 'Van dit focusgebied is niet bekend uit welke wijken en buurten het bestaat; er is dus geen cijfer te berekenen. Leg de samenstelling vast onder Gebieden → Samenstelling.' },
  confirmed: null,
} as const;

const TAG_CLASS: Record<string, string> = { totaal: 'tag tag-total', spreiding: 'tag tag-total', Nederland: 'tag tag-ref', gemeente: 'tag tag-ref' };

/** The area's name, with its role ("gemeente", "totaal") and composition status. */
function AreaCell(p: ICellRendererParams<GridRow>) {
  const r = p.data;
  if (!r) return null;
  const badge = r.compositionStatus && r.role !== 'spread' ? STATUS_BADGE[r.compositionStatus] : null;
  return (
    <span className={r.anchor ? 'area-name under' : 'area-name'}>
      {r.tag && r.role !== 'total' && r.role !== 'spread' && <span className={TAG_CLASS[r.tag] ?? 'tag'}>{r.tag}</span>}
      <span className="area-text">{r.areaName}</span>
      {badge && (
        <span className={badge.cls} title={badge.title}>
          {badge.text}
        </span>
      )}
    </span>
  );
}

/** The spread row: "3,1 – 9,8" over the shown areas with a figure, or the one value when only one has. */
function spreadText(cell: CompareCell, kind: SpreadKind): string {
  const s = cell.spread;
  const lo = kind === 'minmax' ? s?.min : s?.p10;
  const hi = kind === 'minmax' ? s?.max : s?.p90;
  if (lo === null || lo === undefined || hi === null || hi === undefined) return NO_FIGURE;
  if (lo === hi) return formatValue(lo, cell.unit);
  return `${formatValue(lo, cell.unit)} – ${formatValue(hi, cell.unit)}`;
}

/** "n=1": over how many shown areas the spread is taken, when not all of them have a figure. */
function spreadCount(cell: CompareCell, shown: number): string | null {
  const n = cell.spread?.n ?? 0;
  return n > 0 && n < shown ? `n=${n}` : null;
}

/** One figure: rank and difference (small), then the value. Light on purpose: thousands are drawn while scrolling. */
function FigureCell(p: ICellRendererParams<unknown, CellRef | null> & { display: DisplayOptions; totalCount: number }) {
  const ref = p.value;
  if (!ref) return null;
  const { cell, row } = ref;
  if (row.role === 'spread') {
    const count = spreadCount(cell, p.totalCount);
    return (
      <span className="fig spread">
        {count && <span className="rank" title={`Spreiding over ${count.slice(2)} van de ${p.totalCount} focusgebieden: de andere hebben geen cijfer`}>{count}</span>}
        {spreadText(cell, p.display.spread)}
      </span>
    );
  }
  const missing = cell.value === null && cell.low === null;
  return (
    <span className="fig">
      {p.display.rank && row.role === 'area' && <span className="rank">{cell.rank !== null ? `${cell.rank}e` : ''}</span>}
      {p.display.delta && <span className={cell.delta === null ? 'delta none' : cell.delta > 0 ? 'delta up' : cell.delta < 0 ? 'delta down' : 'delta'}>{cell.delta !== null ? deltaText(cell.delta, cell.unit) : cell.deltaNote && !missing ? 'Δ ?' : ''}</span>}
      <span className={missing ? 'val missing' : 'val'}>
        {cell.aggregated && !missing && (
          <span className="agg-mark" aria-label="berekend uit leden">
            Σ
          </span>
        )}
        {figureText(cell)}
      </span>
    </span>
  );
}

/** Nulls last whichever way the column is sorted: a missing figure is never "the lowest". */
function byValue(a: CellRef | null, b: CellRef | null, _na: unknown, _nb: unknown, desc: boolean): number {
  const x = a?.cell.value ?? null;
  const y = b?.cell.value ?? null;
  if (x === null && y === null) return 0;
  if (x === null) return desc ? -1 : 1;
  if (y === null) return desc ? 1 : -1;
  return x - y;
}

/**
 * The cell of an indicator in a row. By position, checked by code: while a new comparison replaces
 * the old one, the grid can briefly pair new rows with old columns.
 */
function cellOf(row: GridRow, ind: CompareIndicator, index: number): CellRef | null {
  const at = row.cells[index];
  const cell = at?.indicatorCode === ind.code ? at : row.cells.find((c) => c.indicatorCode === ind.code);
  return cell ? { cell, row, ind, index } : null;
}

function figureClass(ref: CellRef | null | undefined, display: DisplayOptions): string[] {
  if (!ref) return ['num'];
  const out = ['num', 'fig-cell'];
  if (ref.row.role !== 'area') out.push('ref-cell');
  if (ref.cell.aggregated) out.push('agg');
  const colour = cellColour(ref.cell, ref.ind.direction, ref.row.role);
  if (colour.className && (display.colours || colour.className === 'c-missing')) out.push(colour.className);
  return out;
}

/** Wide enough for the longest code shown (BU03440311 is ten monospace characters), never cut off. */
function codeWidth(model: GridModel): number {
  let longest = 4;
  for (const r of model.pinned) longest = Math.max(longest, r.areaCode.length);
  for (const r of model.body) longest = Math.max(longest, r.areaCode.length);
  return Math.min(170, Math.max(84, Math.ceil(longest * 8.6) + 34));
}

const AGG_TEXT: Record<CompareIndicator['aggregation'], string> = { sum: 'gebieden opgeteld', weighted_mean: 'gewogen gemiddelde', none: 'niet op te tellen uit wijken of buurten' };
const DIR_TEXT: Record<CompareIndicator['direction'], string> = { higher_better: 'hoger is beter', higher_worse: 'hoger is slechter', neutral: 'neutraal (geen beter of slechter)' };

function headerTip(ind: CompareIndicator): string {
  return [
    `${ind.name} (${ind.code})`,
    `Eenheid: ${unitText(ind.unit)} · ${DIR_TEXT[ind.direction]}`,
    `Periode: ${ind.period ?? 'geen cijfers'}${ind.comparePeriod ? ` · verschil t.o.v. ${ind.comparePeriod}` : ''}`,
    `Focusgebieden: ${AGG_TEXT[ind.aggregation]}${ind.weightIndicatorCode ? ` (gewicht ${ind.weightIndicatorCode})` : ''}`,
  ].join('\n');
}

export function CompareGrid({
  indicators,
  model,
  display,
  pinned,
  transposed,
  sort,
  onOpen,
  onSort,
  onApi,
  onCopyKey,
  height,
  narrow = false,
}: {
  indicators: CompareIndicator[];
  model: GridModel;
  display: DisplayOptions;
  pinned: ReadonlySet<string>;
  transposed: boolean;
  sort: CompareViewState['sort'];
  onOpen: (ref: CellRef) => void;
  onSort: (sort: CompareViewState['sort']) => void;
  onApi: (api: GridApi | null) => void;
  onCopyKey: () => void;
  height: number | string;
  /** Beside a chart: a narrower name column and the code scrolling with the figures, so figures stay in view. */
  narrow?: boolean;
}) {
  const codeCol = useMemo(() => codeWidth(model), [model]);
  const columns = useMemo<(ColDef<GridRow> | ColGroupDef<GridRow>)[]>(() => {
    const figureCol = (ind: CompareIndicator, index: number): ColDef<GridRow> => ({
      colId: ind.code,
      headerName: headerText(ind),
      headerTooltip: headerTip(ind),
      valueGetter: (p) => (p.data ? cellOf(p.data, ind, index) : null),
      comparator: byValue,
      cellRenderer: FigureCell,
      cellRendererParams: { display, totalCount: model.totalCount },
      cellClass: (p) => figureClass(p.value as CellRef | null, display),
      tooltipValueGetter: (p) => {
        const ref = p.value as CellRef | null;
        if (!ref) return '';
        if (ref.row.role !== 'spread') return cellTooltip(ref.cell);
        const n = ref.cell.spread?.n ?? 0;
        return `Spreiding over ${n} van de ${model.totalCount} focusgebieden (${display.spread === 'minmax' ? 'laagste – hoogste' : '10e – 90e percentiel'})${n < model.totalCount ? `; ${model.totalCount - n} zonder cijfer tellen niet mee` : ''}.`;
      },
      type: 'rightAligned',
      width: 110 + (display.rank ? 34 : 0) + (display.delta ? (ind.unit === 'percent' ? 86 : 58) : 0),
      minWidth: 90,
      wrapHeaderText: true,
      autoHeaderHeight: true,
      sortable: true,
      sort: sort?.indicatorCode === ind.code ? sort.direction : null,
      pinned: pinned.has(ind.code) ? 'left' : null,
      context: { index },
    });
    const groups = new Map<string, ColDef<GridRow>[]>();
    indicators.forEach((ind, i) => {
      const list = groups.get(ind.theme) ?? [];
      list.push(figureCol(ind, i));
      groups.set(ind.theme, list);
    });
    return [
      { colId: 'code', headerName: 'Code', valueGetter: (p) => (p.data?.role === 'spread' ? '' : p.data?.areaCode), pinned: narrow ? null : 'left', width: codeCol, cellClass: 'mono muted', sortable: true, sort: null },
      {
        colId: 'area',
        headerName: 'Gebied',
        field: 'areaName',
        pinned: 'left',
        width: narrow ? 200 : 300,
        cellRenderer: AreaCell,
        sortable: true,
        sort: sort && sort.indicatorCode === null ? sort.direction : null,
        tooltipValueGetter: (p) => (p.data ? `${p.data.areaName} (${p.data.areaCode})` : ''),
      },
      ...[...groups].map(([theme, children]): ColGroupDef<GridRow> => ({ groupId: theme, headerName: THEME_LABEL[theme as CompareIndicator['theme']] ?? theme, children, marryChildren: true })),
    ];
  }, [indicators, display, pinned, sort, model.totalCount, narrow, codeCol]);

  const tRows = useMemo<TRow[]>(() => indicators.map((ind, index) => ({ id: ind.code, ind, index })), [indicators]);
  const tColumns = useMemo<(ColDef<TRow> | ColGroupDef<TRow>)[]>(() => {
    const col = (r: GridRow): ColDef<TRow> => ({
      colId: r.id,
      headerName: r.tag && r.role !== 'total' && r.role !== 'spread' ? `${r.areaName} (${r.tag})` : r.areaName,
      headerTooltip: `${r.areaName} (${r.areaCode})`,
      valueGetter: (p) => (p.data ? cellOf(r, p.data.ind, p.data.index) : null),
      cellRenderer: FigureCell,
      cellRendererParams: { display, totalCount: model.totalCount },
      cellClass: (p) => figureClass(p.value as CellRef | null, display),
      tooltipValueGetter: (p) => {
        const ref = p.value as CellRef | null;
        return ref && ref.row.role !== 'spread' ? cellTooltip(ref.cell) : '';
      },
      type: 'rightAligned',
      width: 116 + (display.rank ? 30 : 0) + (display.delta ? 64 : 0),
      wrapHeaderText: true,
      autoHeaderHeight: true,
      sortable: false,
    });
    return [
      {
        colId: 'indicator',
        headerName: 'Indicator',
        pinned: 'left',
        width: 250,
        valueGetter: (p) => (p.data ? headerText(p.data.ind) : ''),
        tooltipValueGetter: (p) => (p.data ? headerTip(p.data.ind) : ''),
        cellClass: 'indicator-cell',
      },
      { headerName: 'Referenties', groupId: 'refs', children: model.pinned.map(col) },
      { headerName: 'Gebieden', groupId: 'areas', children: model.body.map(col) },
    ];
  }, [model, display]);

  const open = useCallback(
    (value: unknown) => {
      const ref = value as CellRef | null;
      if (ref && typeof ref === 'object' && 'cell' in ref && ref.row.role !== 'spread') onOpen(ref);
    },
    [onOpen],
  );
  const onKey = useCallback(
    (e: CellKeyDownEvent<GridRow> | FullWidthCellKeyDownEvent<GridRow> | CellKeyDownEvent<TRow> | FullWidthCellKeyDownEvent<TRow>) => {
      const ev = e.event as KeyboardEvent | null | undefined;
      if (!ev) return;
      if ((ev.ctrlKey || ev.metaKey) && (ev.key === 'c' || ev.key === 'C')) {
        ev.preventDefault();
        onCopyKey();
      } else if (ev.key === 'Enter' && 'value' in e) open(e.value);
    },
    [onCopyKey, open],
  );
  const onSortChanged = useCallback(
    (e: SortChangedEvent<GridRow>) => {
      const s = e.api.getColumnState().find((c) => c.sort);
      if (!s) return onSort(undefined);
      onSort({ indicatorCode: s.colId === 'area' || s.colId === 'code' ? null : s.colId, direction: s.sort === 'desc' ? 'desc' : 'asc' });
    },
    [onSort],
  );
  const postSortRows = useCallback((p: { nodes: { data?: GridRow }[] }) => keepUnderAnchor(p.nodes, (n) => n.data), []);

  if (transposed) {
    return (
      <div className="grid-box compare-grid" style={{ height }} key="transposed">
        <AgGridReact<TRow>
          theme={gridTheme}
          rowData={tRows}
          columnDefs={tColumns}
          getRowId={(p) => p.data.id}
          onGridReady={(e) => onApi(e.api as unknown as GridApi)}
          onGridPreDestroyed={() => onApi(null)}
          onCellClicked={(e: CellClickedEvent<TRow>) => open(e.value)}
          onCellKeyDown={onKey}
          defaultColDef={{ resizable: true }}
          localeText={{ noRowsToShow: 'Geen indicatoren gekozen' }}
          tooltipShowDelay={400}
          suppressDragLeaveHidesColumns
        />
      </div>
    );
  }
  return (
    <div className="grid-box compare-grid" style={{ height }} key="areas">
      <AgGridReact<GridRow>
        theme={gridTheme}
        rowData={model.body}
        pinnedTopRowData={model.pinned}
        columnDefs={columns}
        getRowId={(p) => p.data.id}
        getRowClass={(p) => (p.data?.role === 'area' ? undefined : p.data?.role === 'total' || p.data?.role === 'spread' ? 'row-total' : 'row-ref')}
        rowSelection={{ mode: 'multiRow', checkboxes: (p) => p.node.rowPinned == null, headerCheckbox: true, enableClickSelection: false, selectAll: 'filtered' }}
        selectionColumnDef={{ pinned: 'left', width: 44, headerTooltip: 'Rijen kiezen om te kopiëren (spatie)' }}
        onGridReady={(e) => onApi(e.api as unknown as GridApi)}
        onGridPreDestroyed={() => onApi(null)}
        onCellClicked={(e: CellClickedEvent<GridRow>) => open(e.value)}
        onCellKeyDown={onKey}
        onSortChanged={onSortChanged}
        postSortRows={model.interleaved ? postSortRows : undefined}
        suppressColumnVirtualisation={indicators.length <= 40}
        defaultColDef={{ resizable: true }}
        localeText={{ noRowsToShow: 'Geen gebieden gekozen' }}
        tooltipShowDelay={400}
        suppressDragLeaveHidesColumns
      />
    </div>
  );
}
