import { AppError } from '../../../shared/errors';
import type { BriefingRow, BriefingSource, BriefingTable } from '../../../shared/domain/briefing';
import { DEFAULT_DISCLOSURE } from '../../../shared/domain/briefing';
import { formatNl } from '../../../shared/domain/format/number';
import {
  DEFAULT_SEED,
  PROGRAMME_AREA_CODE,
  TOTAL_STREAM_ID,
  findTemplate,
  getTemplate,
  parseScenarioDefinition,
  runMonteCarlo,
  runScenario,
  type ScenarioDefinition,
  type ScenarioDefinitionInput,
  type ScenarioResult,
} from '../../../shared/domain/scenario';
import type { BriefingOrigin } from '../../../shared/domain/briefing';
import { loadScenarioInputs } from '../../services/scenario-service';
import { listAreas } from '../../store/queries/areas';
import { findScenario, findScenarioByName } from '../../store/queries/scenarios';
import type { Store } from '../../store/open-store';
import type { OriginTable } from './common';

/**
 * A scenario's results as a briefing table: amounts per focus area and year (funding), remaining
 * poor-quality dwellings per area and year (housing), or the Monte Carlo P10/P50/P90 of the
 * programme total per year (bands). The scenario is run on the store of the day; its name and
 * parameters are the source.
 */

type ScenarioOrigin = Extract<BriefingOrigin, { kind: 'scenario' }>;

const BAND_RUNS = 1000;

function resolveScenario(db: Store, ref: string): { def: ScenarioDefinition; label: string } {
  const saved = findScenario(db, ref) ?? findScenarioByName(db, ref);
  if (saved) {
    try {
      return { def: parseScenarioDefinition(saved.definition), label: `scenario '${saved.summary.name}'` };
    } catch (err) {
      if (err instanceof AppError) throw new AppError('SCENARIO_INVALID', `Saved scenario "${saved.summary.name}" cannot be read: ${err.message}`, undefined, err.details);
      throw err;
    }
  }
  if (findTemplate(ref)) {
    const def = getTemplate(ref);
    return { def, label: `sjabloon '${def.name}'` };
  }
  throw new AppError('NOT_FOUND', `No saved scenario or template called "${ref}".`);
}

const nl = (x: number): string => formatNl(x, { decimals: 2 });

function scenarioSource(key: string, label: string, result: ScenarioResult, populationSources: string[]): BriefingSource {
  const details = result.parameters.map((p) => {
    const range = p.low !== null && p.high !== null ? ` (bandbreedte ${nl(p.low)}–${nl(p.high)}${p.dist ? `, ${p.dist === 'uniform' ? 'uniform' : 'driehoek'}` : ''})` : '';
    const status = p.status ? ', te bevestigen' : '';
    const source = p.source ? `; bron: ${p.source}` : '';
    return { label: p.label, value: `${nl(p.central)}${range}${status}${source}` };
  });
  details.push({ label: 'jaren', value: `${result.years[0]}–${result.years.at(-1)}` });
  for (const s of populationSources) details.push({ label: 'inwonertallen', value: s });
  return { key, kind: 'scenario', title: label, file: null, sheet: null, sha256: null, importedAt: null, details, always: true };
}

function yearColumns(years: number[], unit: string, rule: BriefingTable['columns'][number]['rule']): BriefingTable['columns'] {
  return years.map((y) => ({ id: String(y), label: String(y), unit, rule }));
}

export function scenarioTable(db: Store, origin: ScenarioOrigin): OriginTable {
  const { def, label } = resolveScenario(db, origin.scenario);
  const { inputs, info } = loadScenarioInputs(db, def);
  const resolveBaseline = (id: string): ScenarioDefinitionInput | undefined => findScenario(db, id)?.definition as ScenarioDefinitionInput | undefined;
  const result = runScenario(def, inputs, { resolveBaseline });
  const key = `scenario:${def.id}`;
  const names = new Map(listAreas(db).map((a) => [a.code, a.name]));
  const fig = (value: number, unit: string, period: string) => ({
    figure: { value, low: null, high: null, qualifier: null, sign: null, unit, period, sources: [key] },
  });
  const toConfirm = result.parameters.filter((p) => p.status).length;
  const notes = [
    ...(toConfirm > 0 ? [`${toConfirm} parameter(s) van het scenario zijn te bevestigen.`] : []),
    ...result.assumptions.map((a) => `${a.kind === 'te-bevestigen' ? 'Te bevestigen' : a.kind === 'aanname' ? 'Aanname' : 'Ontbrekend'}: ${a.message}`),
  ];
  const source = scenarioSource(key, label, result, info.populationSources);
  const base = { number: 1, subtitle: null, footnotes: [], sources: [source], disclosure: DEFAULT_DISCLOSURE };

  if (origin.table === 'funding') {
    const areaRows = result.funding.filter((r) => r.level === 'area');
    const totals = areaRows.some((r) => r.streamId === TOTAL_STREAM_ID) ? areaRows.filter((r) => r.streamId === TOTAL_STREAM_ID) : areaRows;
    const sums = new Map<string, Map<number, number>>();
    for (const r of totals) {
      const m = sums.get(r.areaCode) ?? new Map<number, number>();
      m.set(r.year, (m.get(r.year) ?? 0) + r.amount);
      sums.set(r.areaCode, m);
    }
    const rows: BriefingRow[] = [...sums.entries()].map(([code, m]) => ({
      id: code,
      kind: 'data',
      label: names.get(code) ?? code,
      level: 'focus_area',
      markers: [],
      cells: Object.fromEntries(result.years.map((y) => [String(y), fig(m.get(y) ?? 0, 'euro', String(y))])),
    }));
    return {
      table: {
        ...base,
        caption: `Middelen per focusgebied — ${def.name}`,
        subtitle: `Bedragen per jaar, alle regelingen samen; ${label}`,
        stubHeader: 'Focusgebied',
        columns: yearColumns(result.years, 'euro', { kind: 'money_mln', decimals: 1 }),
        rows,
        total: { label: 'Totaal' },
      },
      origin: `Scenario '${def.name}' (bedragen per focusgebied)`,
      notes,
    };
  }

  if (origin.table === 'housing') {
    const codes = [...new Set(result.housing.map((h) => h.areaCode))];
    const rows: BriefingRow[] = codes.map((code) => ({
      id: code,
      kind: 'data',
      label: code === PROGRAMME_AREA_CODE ? 'NPLV (20 focusgebieden)' : (names.get(code) ?? code),
      level: code === PROGRAMME_AREA_CODE ? 'programme' : 'focus_area',
      markers: [],
      cells: Object.fromEntries(result.housing.filter((h) => h.areaCode === code).map((h) => [String(h.year), fig(h.remainingPoorQuality, 'count', String(h.year))])),
    }));
    if (rows.length === 0) throw new AppError('EXPORT_EMPTY', `Scenario "${def.name}" has no housing part; choose --table funding.`);
    return {
      table: {
        ...base,
        caption: `Resterende slechte woningen — ${def.name}`,
        subtitle: `Aantal woningen van slechte kwaliteit aan het eind van het jaar; ${label}`,
        stubHeader: 'Gebied',
        columns: yearColumns(result.years, 'count', { kind: 'count', step: 1 }),
        rows,
        total: null,
      },
      origin: `Scenario '${def.name}' (woningen)`,
      notes,
    };
  }

  const runs = origin.runs ?? BAND_RUNS;
  const mc = runMonteCarlo(def, inputs, { runs, seed: DEFAULT_SEED, resolveBaseline });
  // The programme total over all streams; a scenario of one stream has no separate total.
  const programme = mc.funding.filter((b) => b.areaCode === PROGRAMME_AREA_CODE && b.measure === 'amount');
  const streams = new Set(programme.map((b) => b.streamId));
  const bandRows = programme.filter((b) => b.streamId === (streams.has(TOTAL_STREAM_ID) ? TOTAL_STREAM_ID : streams.size === 1 ? [...streams][0] : null));
  const housing = bandRows.length === 0 ? mc.housing.filter((b) => b.measure === 'remainingPoorQuality') : [];
  const money = bandRows.length > 0;
  const bands = money ? bandRows : housing;
  if (bands.length === 0) throw new AppError('EXPORT_EMPTY', `Scenario "${def.name}" gives no bands to export.`);
  const unit = money ? 'euro' : 'count';
  const rule = money ? ({ kind: 'money_mln', decimals: 1 } as const) : ({ kind: 'count', step: 1 } as const);
  const cell = (v: number | null, year: number) =>
    v === null ? { figure: { value: null, low: null, high: null, qualifier: null, sign: 'unknown' as const, unit, period: String(year), sources: [key] } } : fig(v, unit, String(year));
  source.details.push({ label: 'Monte Carlo', value: `${runs} trekkingen, seed ${DEFAULT_SEED}` });
  return {
    table: {
      ...base,
      caption: money ? `Bandbreedte programmamiddelen per jaar — ${def.name}` : `Bandbreedte resterende slechte woningen — ${def.name}`,
      subtitle: `P10, P50 en P90 uit ${runs} trekkingen (Monte Carlo); ${label}`,
      stubHeader: 'Jaar',
      columns: [
        { id: 'p10', label: 'P10', unit, rule },
        { id: 'p50', label: 'P50 (mediaan)', unit, rule },
        { id: 'p90', label: 'P90', unit, rule },
      ],
      rows: bands.map((b) => ({
        id: `${b.areaCode}:${b.year}`,
        kind: 'data' as const,
        label: money ? String(b.year) : `${b.year} — ${names.get(b.areaCode) ?? b.areaCode}`,
        level: null,
        markers: [],
        cells: { p10: cell(b.p10, b.year), p50: cell(b.p50, b.year), p90: cell(b.p90, b.year) },
      })),
      total: null,
    },
    origin: `Scenario '${def.name}' (Monte Carlo-banden)`,
    notes: [...notes, `Monte Carlo: ${runs} trekkingen met seed ${DEFAULT_SEED}; dezelfde invoer geeft dezelfde banden.`],
  };
}
