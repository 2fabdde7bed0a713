import { parseArgs } from 'node:util';
import type { CompareCell, CompareResult, CompositionList, SavedView } from '../../../shared/contract/compare';
import { ReferenceKind } from '../../../shared/contract/compare';
import { dutchCsv } from '../../../shared/domain/compare/dutch-csv';
import { formatValue } from '../../../shared/domain/format/figure';
import { SIGN_SYMBOL } from '../../../shared/domain/format/figure';
import type { Services } from '../../app/services';
import { EXIT, UsageError, type CliCommand, type CliIO } from '../command';
import { printJson, printTable, toSnake, unwrap } from '../output';

/**
 * Comparison on the command line (issue 12): `compare`, `composition …` and `views …`. The keys of
 * `compare --json` are the issue's, exactly; `--csv` is for Dutch Excel (';', decimal comma, BOM).
 */

/** The CLI's keys of a cell, in order (snake_case in --json and --csv). */
export const COMPARE_KEYS = ['areaCode', 'areaName', 'indicatorCode', 'indicatorName', 'period', 'value', 'unit', 'sign', 'qualifier',
  'delta', 'rank', 'aggregated', 'coverage', 'members', 'source'] as const;

function cliRows(r: CompareResult): Pick<CompareCell, (typeof COMPARE_KEYS)[number]>[] {
  return r.rows.flatMap((row) => row.cells.map((c) => Object.fromEntries(COMPARE_KEYS.map((k) => [k, c[k]])) as Pick<CompareCell, (typeof COMPARE_KEYS)[number]>));
}

const list = (text: string | undefined): string[] => (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);

const COMPARE_OPTIONS = {
  areas: { type: 'string' },
  indicators: { type: 'string' },
  themes: { type: 'string' },
  period: { type: 'string' },
  'compare-to': { type: 'string' },
  reference: { type: 'string' },
  'min-coverage': { type: 'string' },
} as const;

interface CompareArgs {
  areas?: string | undefined;
  indicators?: string | undefined;
  themes?: string | undefined;
  period?: string | undefined;
  'compare-to'?: string | undefined;
  reference?: string | undefined;
  'min-coverage'?: string | undefined;
}

/** The request (= a view's state) from the options; usage errors for what is missing or malformed. */
function requestFrom(v: CompareArgs): Record<string, unknown> {
  if (!v.areas) throw new UsageError('give --areas CODES (comma-separated codes or names) or --areas focus');
  if (!v.indicators && !v.themes) throw new UsageError('give --indicators CODES (comma-separated), e.g. --indicators a_inw,p_koopw');
  if (!v.period) throw new UsageError('give --period YYYY or --period latest');
  const references = list(v.reference);
  for (const r of references) if (!ReferenceKind.safeParse(r).success) throw new UsageError(`--reference takes ${ReferenceKind.options.join(',')} (got "${r}")`);
  const minCoverage = v['min-coverage'] === undefined ? undefined : Number(v['min-coverage'].replace(',', '.').replace(/%$/, ''));
  if (minCoverage !== undefined && !(minCoverage >= 0 && minCoverage <= 1)) throw new UsageError('--min-coverage is a share from 0 to 1 (0,8 = 80%)');
  return {
    areas: v.areas.trim() === 'focus' ? 'focus' : list(v.areas),
    indicators: list(v.indicators),
    ...(v.themes ? { themes: list(v.themes) } : {}),
    period: v.period,
    ...(v['compare-to'] ? { compareTo: v['compare-to'] } : {}),
    references,
    ...(minCoverage !== undefined ? { minCoverage } : {}),
  };
}

function printCompare(io: CliIO, r: CompareResult, format: 'json' | 'csv' | 'table'): void {
  const rows = cliRows(r);
  if (format === 'json') {
    printJson(io, rows);
    return;
  }
  if (format === 'csv') {
    const keys = COMPARE_KEYS.map((k) => Object.keys(toSnake({ [k]: 0 }) as object)[0] as string);
    io.out(dutchCsv(keys, rows.map((row) => COMPARE_KEYS.map((k) => {
      const v = row[k];
      return Array.isArray(v) ? v.join(', ') : v;
    }))));
    return;
  }
  if (r.period === 'latest') io.out(`nieuwste periode per indicator: ${r.indicators.map((i) => `${i.code} ${i.period ?? '–'}`).join(', ')}\n`);
  const cells = r.rows.flatMap((row) => row.cells.map((c) => ({ c, role: row.role, status: row.compositionStatus })));
  printTable(io, ['gebied', 'naam', 'indicator', 'periode', 'waarde', 'verschil', 'rang', 'bron of reden', 'geen verschil omdat'], cells.map(({ c, role, status }) => [
    role === 'area' ? c.areaCode : `${c.areaCode} (${role === 'total' ? 'totaal' : role === 'NL' ? 'Nederland' : 'gemeente'})`,
    `${c.areaName}${status === 'proposal' ? ' (samenstelling te bevestigen)' : ''}`,
    c.indicatorCode,
    c.period,
    c.value !== null ? formatValue(c.value, c.unit) : c.sign ? SIGN_SYMBOL[c.sign] : '–',
    c.delta !== null ? formatValue(c.delta, c.unit) : '',
    c.rank,
    c.value !== null ? c.source : c.missingReason,
    c.deltaNote,
  ]));
}

function formatOf(v: { json?: boolean | undefined; csv?: boolean | undefined }): 'json' | 'csv' | 'table' {
  if (v.json && v.csv) throw new UsageError('give --json or --csv, not both');
  return v.json ? 'json' : v.csv ? 'csv' : 'table';
}

async function runAndPrint(services: Services, io: CliIO, request: Record<string, unknown>, format: 'json' | 'csv' | 'table'): Promise<number> {
  const res = unwrap<CompareResult>(io, await services.call('compare.run', request));
  if (!res.ok) return res.code;
  printCompare(io, res.value, format);
  return EXIT.ok;
}

export const compareCommand: CliCommand = {
  name: 'compare',
  summary: 'Compare areas × indicators for a period: value, delta, rank, aggregates from members, with their sources.',
  usage: 'compare --areas CODES|focus --indicators CODES --period YYYY|latest [--compare-to YYYY]\n'
    + '         [--reference municipality,NL,total] [--min-coverage 0..1] [--themes wonen,…] [--json|--csv]',
  run: async (args, services, io) => {
    const { values } = parseArgs({ args, options: { ...COMPARE_OPTIONS, json: { type: 'boolean', default: false }, csv: { type: 'boolean', default: false } }, strict: true });
    return runAndPrint(services, io, requestFrom(values), formatOf(values));
  },
};

// ---- composition

const STATUS_NL = { proposal: 'te bevestigen', confirmed: 'bevestigd' } as const;

interface CompositionRow {
  focusAreaCode: string;
  focusAreaName: string;
  memberCode: string | null;
  memberName: string | null;
  status: string;
  source: string | null;
}

function printComposition(io: CliIO, c: CompositionList, json: boolean): void {
  const rows = c.focusAreas.flatMap((f): CompositionRow[] => {
    const own = c.members.filter((m) => m.focusAreaCode === f.focusAreaCode);
    if (own.length === 0) return [{ focusAreaCode: f.focusAreaCode, focusAreaName: f.focusAreaName, memberCode: null, memberName: null, status: 'samenstelling onbekend', source: null }];
    return own.map((m) => ({ focusAreaCode: m.focusAreaCode, focusAreaName: m.focusAreaName, memberCode: m.memberCode, memberName: m.memberName, status: STATUS_NL[m.status], source: m.source }));
  });
  if (json) printJson(io, rows);
  else printTable(io, ['focusgebied', 'naam', 'lid', 'naam lid', 'status', 'bron'], rows.map((r) => [r.focusAreaCode, r.focusAreaName, r.memberCode, r.memberName, r.status, r.source]));
}

const compositionSubs: Record<string, CliCommand['run']> = {
  list: async (args, services, io) => {
    const { values } = parseArgs({ args, options: { area: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
    const res = unwrap<CompositionList>(io, await services.call('composition.list', values.area ? { areaCode: values.area } : {}));
    if (!res.ok) return res.code;
    printComposition(io, res.value, values.json);
    return EXIT.ok;
  },
  set: async (args, services, io) => {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } }, strict: true });
    const [area, ...members] = positionals;
    if (!area || members.length === 0) throw new UsageError('give a focus area and its member codes: composition set NPLV15 WK034403 …');
    const res = unwrap<CompositionList>(io, await services.call('composition.set', { areaCode: area, memberCodes: members }));
    if (!res.ok) return res.code;
    printComposition(io, res.value, values.json);
    return EXIT.ok;
  },
  confirm: async (args, services, io) => {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } }, strict: true });
    const [area, ...members] = positionals;
    if (!area) throw new UsageError('give a focus area, and optionally the members to confirm (default: all)');
    const res = unwrap<CompositionList>(io, await services.call('composition.confirm', { areaCode: area, ...(members.length ? { memberCodes: members } : {}) }));
    if (!res.ok) return res.code;
    printComposition(io, res.value, values.json);
    return EXIT.ok;
  },
  import: async (args, services, io) => {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } }, strict: true });
    if (positionals.length !== 1) throw new UsageError('give one CSV file shaped like focus-area-composition.csv');
    const res = unwrap<{ file: string; focusAreas: string[]; members: number; areasCreated: number; issues: string[] }>(io, await services.call('composition.import', { filePath: positionals[0] }));
    if (!res.ok) return res.code;
    if (values.json) printJson(io, res.value);
    else {
      io.out(`${res.value.file}: ${res.value.members} leden gelezen, ${res.value.areasCreated} gebieden aangemaakt; gewijzigd: ${res.value.focusAreas.join(', ') || 'geen'}\n`);
      for (const i of res.value.issues) io.out(`  - ${i}\n`);
    }
    return EXIT.ok;
  },
};

function withSubcommands(name: string, subs: Record<string, CliCommand['run']>): CliCommand['run'] {
  return async (args, services, io) => {
    const [sub, ...rest] = args;
    if (sub === undefined) throw new UsageError(`give a subcommand: ${Object.keys(subs).join(', ')}`);
    const run = subs[sub];
    if (!run) throw new UsageError(`unknown ${name} subcommand "${sub}" (known: ${Object.keys(subs).join(', ')})`);
    return run(rest, services, io);
  };
}

export const compositionCommand: CliCommand = {
  name: 'composition',
  summary: "Focus areas' compositions in CBS districts and neighbourhoods: proposals (te bevestigen) and confirmed members.",
  usage: 'composition list [--area CODE] [--json]\n'
    + '  composition set CODE MEMBER_CODE…           (replaces the members; status bevestigd)\n'
    + '  composition confirm CODE [MEMBER_CODE…]     (confirms proposals: the ones given, or all)\n'
    + '  composition import FILE                     (a CSV shaped like focus-area-composition.csv; members as proposals)',
  run: withSubcommands('composition', compositionSubs),
};

// ---- views

const viewSubs: Record<string, CliCommand['run']> = {
  save: async (args, services, io) => {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...COMPARE_OPTIONS, json: { type: 'boolean', default: false } }, strict: true });
    if (positionals.length !== 1) throw new UsageError('give the view a name: views save NAME --areas … --indicators … --period …');
    const res = unwrap<SavedView>(io, await services.call('views.save', { name: positionals[0], state: requestFrom(values) }));
    if (!res.ok) return res.code;
    if (values.json) printJson(io, res.value);
    else io.out(`weergave "${res.value.name}" bewaard\n`);
    return EXIT.ok;
  },
  list: async (args, services, io) => {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
    const res = unwrap<SavedView[]>(io, await services.call('views.list', {}));
    if (!res.ok) return res.code;
    if (values.json) printJson(io, res.value);
    else printTable(io, ['naam', 'gebieden', 'indicatoren', 'periode', 'vergeleken met', 'gewijzigd'], res.value.map((v) => [
      v.name, v.state.areas === 'focus' ? 'focus' : v.state.areas.join(','), v.state.indicators.join(','), v.state.period, v.state.compareTo ?? null, v.updatedAt,
    ]));
    return EXIT.ok;
  },
  show: async (args, services, io) => {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false }, csv: { type: 'boolean', default: false } }, strict: true });
    if (positionals.length !== 1) throw new UsageError('give the name of a saved view (see: views list)');
    const format = formatOf(values);
    const view = unwrap<SavedView>(io, await services.call('views.get', { name: positionals[0] }));
    if (!view.ok) return view.code;
    const { sort: _sort, transposed: _transposed, ...request } = view.value.state;
    if (format === 'table') io.out(`weergave "${view.value.name}"\n`);
    return runAndPrint(services, io, request, format);
  },
  delete: async (args, services, io) => {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 1) throw new UsageError('give the name of a saved view');
    const res = unwrap<{ deleted: boolean }>(io, await services.call('views.delete', { name: positionals[0] }));
    if (!res.ok) return res.code;
    if (!res.value.deleted) {
      io.err(`error NOT_FOUND: no saved view named "${positionals[0]}"\n`);
      return EXIT.data;
    }
    io.out(`weergave "${positionals[0]}" verwijderd\n`);
    return EXIT.ok;
  },
};

export const viewsCommand: CliCommand = {
  name: 'views',
  summary: 'Saved comparison views: save, list, show (its rows, as compare prints them), delete.',
  usage: 'views save NAME --areas CODES|focus --indicators CODES --period YYYY|latest [--compare-to YYYY] [--reference …]\n'
    + '  views list [--json] | views show NAME [--json|--csv] | views delete NAME',
  run: withSubcommands('views', viewSubs),
};

// CLI commands of the comparison feature (issue 12).
export const compareCommands: CliCommand[] = [compareCommand, compositionCommand, viewsCommand];
