import type { CompareCell, CompareIndicator, CompareResult, CompareRow, SavedView } from '../../../shared/contract/compare';
import type { IndexDefinition } from '../../../shared/contract/composite';
import type { BriefingCell, BriefingRow, BriefingSource } from '../../../shared/domain/briefing';
import { DEFAULT_DISCLOSURE, defaultRule } from '../../../shared/domain/briefing';
import { AppError } from '../../../shared/errors';
import { contract } from '../../../shared/contract/index';
import { areaHandlers } from '../../services/areas-service';
import { compareHandlers } from '../../services/compare-service';
import { compositeHandlers } from '../../services/composite-service';
import type { ServiceContext } from '../../services/context';
import { periodText, sourceKey, storeSources, type OriginTable } from './common';

/**
 * A saved comparison view as a briefing table, through the comparison service itself
 * (`views.get`, then `compare.run` on the view's state), so a cell means in the letter what it
 * means on screen: the shown areas, then the programme total, then the reference rows. A view on
 * 'latest' gives next year's figures once next year's file is imported. Aggregated figures cite
 * their members' files and the composition ("geaggregeerd uit N wijken; samenstelling te bevestigen").
 */

/** A compare call as the shells make it: input validated by the contract (defaults filled in). */
const ASKED = { 'views.get': compareHandlers['views.get'], 'compare.run': compareHandlers['compare.run'], 'index.get': compositeHandlers['index.get'], 'indicators.list': areaHandlers['indicators.list'] };

async function ask<T>(ctx: ServiceContext, name: keyof typeof ASKED, input: unknown): Promise<T> {
  const parsed = contract[name].input.safeParse(input);
  if (!parsed.success) {
    throw new AppError('INPUT_INVALID', `Invalid input for ${name}.`, undefined, parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`));
  }
  return (await ASKED[name](parsed.data as never, ctx)) as T;
}

const KIND_PLURAL: Record<string, [string, string]> = {
  district: ['wijk', 'wijken'],
  neighbourhood: ['buurt', 'buurten'],
  focus_area: ['focusgebied', 'focusgebieden'],
  municipality: ['gemeente', 'gemeenten'],
};

function memberWords(n: number, kind: string | undefined): string {
  const [one, many] = KIND_PLURAL[kind ?? ''] ?? ['deelgebied', 'deelgebieden'];
  return `${n} ${n === 1 ? one : many}`;
}

/** The composition behind a row's aggregates, as a source of its own. */
function compositionSource(row: CompareRow): BriefingSource | null {
  const aggregated = row.cells.filter((c) => c.aggregated && c.members);
  if (aggregated.length === 0) return null;
  const members = [...new Set(aggregated.flatMap((c) => c.members ?? []))];
  const kind = aggregated.find((c) => c.memberDetail?.length)?.memberDetail?.[0]?.kind;
  const proposal = row.compositionStatus === 'proposal';
  return {
    key: `composition:${row.areaCode}`,
    kind: 'composition',
    title: `${row.areaName} geaggregeerd uit ${memberWords(members.length, kind)}${proposal ? '; samenstelling te bevestigen' : ''}`,
    file: null,
    sheet: null,
    sha256: null,
    importedAt: null,
    details: [
      { label: `${row.areaName}: leden`, value: members.join(', ') },
      { label: `${row.areaName}: samenstelling`, value: proposal ? 'voorstel, te bevestigen' : row.compositionStatus === 'confirmed' ? 'bevestigd' : 'CBS-indeling' },
    ],
    always: false,
  };
}

const NUMBER_NL = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 3 });

/**
 * The view's composite index (issue 13), when it has one, as a source of its own: each indicator
 * with its weight, the reference set of the z-scores and the handling of missing figures — the
 * parameters that make the index, on the source line and in the Verantwoording sheet.
 */
export function indexSource(viewName: string, def: IndexDefinition, indicators: Pick<CompareIndicator, 'code' | 'name'>[]): BriefingSource {
  const names = new Map(indicators.map((i) => [i.code, i.name]));
  const total = def.components.reduce((s, c) => s + c.weight, 0);
  const reference = def.reference === 'shown' ? 'de gebieden van de vergelijking' : def.reference === 'focus' ? 'de 20 focusgebieden' : `${def.reference.areaCodes.length} gekozen gebieden (${def.reference.areaCodes.slice(0, 20).join(', ')}${def.reference.areaCodes.length > 20 ? ', …' : ''})`;
  return {
    key: `index:${viewName}`,
    kind: 'index',
    title: `samengestelde index van '${viewName}'`,
    file: null,
    sheet: null,
    sha256: null,
    importedAt: null,
    details: [
      ...def.components.map((c) => ({ label: names.get(c.indicatorCode) ?? c.indicatorCode, value: `gewicht ${NUMBER_NL.format(c.weight)} (${NUMBER_NL.format(Math.round((c.weight / total) * 1000) / 10)}%)` })),
      { label: 'z-scores tegen', value: reference },
      { label: 'ontbrekend cijfer', value: def.missing === 'exclude' ? 'gebied weggelaten' : 'herwogen over de indicatoren met een cijfer' },
      { label: 'richting', value: 'omgedraaid waar hoger slechter is' },
    ],
    always: true,
  };
}

function cellSources(cell: CompareCell, compositionKey: string | null): { keys: string[]; ids: number[] } {
  const ids = cell.sourceRef ? [cell.sourceRef.sourceId] : (cell.memberDetail ?? []).flatMap((m) => (m.source ? [m.source.sourceId] : []));
  const keys = ids.map(sourceKey);
  if (cell.aggregated && compositionKey) keys.push(compositionKey);
  return { keys, ids };
}

export async function viewTable(ctx: ServiceContext, name: string): Promise<OriginTable> {
  let view: SavedView;
  try {
    view = await ask<SavedView>(ctx, 'views.get', { name });
  } catch (err) {
    if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'INPUT_INVALID')) throw new AppError('NOT_FOUND', `No saved comparison view called "${name}".`);
    throw err;
  }
  const s = view.state;
  const result = await ask<CompareResult>(ctx, 'compare.run', {
    areas: s.areas,
    indicators: s.indicators,
    ...(s.themes ? { themes: s.themes } : {}),
    period: s.period,
    ...(s.compareTo ? { compareTo: s.compareTo } : {}),
    references: s.references,
    ...(s.minCoverage !== undefined ? { minCoverage: s.minCoverage } : {}),
  });

  const index = await ask<IndexDefinition | null>(ctx, 'index.get', { view: view.name });

  const periods = [...new Set(result.indicators.map((i) => i.period).filter((p): p is string => p !== null))];
  const onePeriod = periods.length === 1 ? periods[0] : null;
  const columns = result.indicators.map((i) => ({
    id: i.code,
    label: onePeriod || !i.period ? i.name : `${i.name} (${periodText(i.period)})`,
    unit: i.unit,
    rule: defaultRule(i.unit),
  }));
  const columnPeriod = new Map(result.indicators.map((i) => [i.code, i.period]));

  const sources: BriefingSource[] = [];
  const sourceIds: number[] = [];
  const toRow = (row: CompareRow, kind: BriefingRow['kind']): BriefingRow => {
    const comp = compositionSource(row);
    if (comp) sources.push(comp);
    const cells: Record<string, BriefingCell | null> = {};
    for (const c of row.cells) {
      const { keys, ids } = cellSources(c, comp?.key ?? null);
      sourceIds.push(...ids);
      const colPeriod = columnPeriod.get(c.indicatorCode) ?? null;
      cells[c.indicatorCode] = {
        figure: {
          value: c.value,
          low: c.low,
          high: c.high,
          qualifier: c.qualifier,
          sign: c.sign,
          unit: c.unit,
          period: c.period,
          note: c.period && c.period !== colPeriod ? periodText(c.period) : null,
          sources: keys,
        },
      };
    }
    return { id: `${row.role}:${row.areaCode}`, kind, label: row.areaName, level: row.areaKind, cells, markers: [] };
  };

  let areaRows = result.rows.filter((r) => r.role === 'area');
  if (s.sort?.indicatorCode) {
    const i = result.indicators.findIndex((x) => x.code === s.sort?.indicatorCode);
    const dir = s.sort.direction === 'asc' ? 1 : -1;
    if (i >= 0) areaRows = [...areaRows].sort((a, b) => ((a.cells[i]?.value ?? Number.NEGATIVE_INFINITY) - (b.cells[i]?.value ?? Number.NEGATIVE_INFINITY)) * dir);
  }
  const rows: BriefingRow[] = areaRows.map((r) => toRow(r, 'data'));
  for (const t of result.rows.filter((r) => r.role === 'total')) {
    const total = toRow(t, 'total');
    // The total is computed from the shown areas: it rests on their sources.
    for (const col of columns) {
      const cell = total.cells[col.id];
      if (cell && 'figure' in cell) {
        const fromAreas = rows.flatMap((r) => {
          const x = r.cells[col.id];
          return x && 'figure' in x ? x.figure.sources : [];
        });
        cell.figure.sources = [...new Set([...cell.figure.sources, ...fromAreas])];
      }
    }
    rows.push(total);
  }
  const refs = result.rows.filter((r) => r.role === 'municipality' || r.role === 'NL');
  if (refs.length > 0) {
    rows.push({ id: 'group:references', kind: 'group', label: 'Ter vergelijking', level: null, cells: {}, markers: [] });
    for (const r of refs) rows.push(toRow(r, 'data'));
  }

  const notes = result.rows
    .filter((r) => r.role === 'area' && (r.compositionStatus === 'proposal' || r.compositionStatus === 'unknown'))
    .map((r) => `${r.areaName}: ${r.compositionStatus === 'proposal' ? 'samenstelling is een voorstel, te bevestigen' : 'samenstelling onbekend; geen cijfers uit wijken of buurten'}.`);
  const missing = result.rows.flatMap((r) => r.cells.filter((c) => c.value === null && c.missingReason).map((c) => `${r.areaName}, ${c.indicatorName}: ${c.missingReason}`));
  return {
    table: {
      number: 1,
      caption: view.name,
      subtitle: [onePeriod ? `Peiljaar ${periodText(onePeriod)}` : null, `vergelijking '${view.name}'`].filter(Boolean).join('; '),
      stubHeader: 'Gebied',
      columns,
      rows,
      total: null,
      footnotes: [],
      sources: [...storeSources(ctx.db, sourceIds), ...sources, ...(index ? [indexSource(view.name, index, [...result.indicators, ...(await ask<{ code: string; name: string }[]>(ctx, 'indicators.list', {}))])] : [])],
      disclosure: DEFAULT_DISCLOSURE,
    },
    origin: `Vergelijking '${view.name}' (periode ${s.period === 'latest' ? 'laatste' : s.period})`,
    notes: [...notes, ...missing.slice(0, 50).map((m) => `Geen cijfer — ${m}`)],
  };
}
