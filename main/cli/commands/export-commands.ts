import { parseArgs } from 'node:util';
import type { ExportFormat, ExportWritten, SavedBriefing } from '../../../shared/contract/export';
import type { BriefingLayoutSpec, BriefingOrigin, BriefingSpecInput } from '../../../shared/domain/briefing';
import { formatOfPath } from '../../export/files';
import { EXIT, UsageError, type CliCommand, type CliIO } from '../command';
import { printJson, unwrap } from '../output';
import type { Services } from '../../app/services';
import { printNlTable } from './scenario/common';

/**
 * Briefing export (issue 14): `export` writes a table from a saved view, a scenario, a saved
 * briefing or the programme facts; `briefings` saves the recipe by name so it can be re-run on the
 * store of the day (`export --briefing NAME` after next year's import).
 */

const FORMATS = ['xlsx', 'csv', 'html'] as const;

const originOptions = {
  view: { type: 'string' },
  scenario: { type: 'string' },
  programme: { type: 'boolean', default: false },
  table: { type: 'string' },
} as const;

/** The one origin the options name (a usage error for none or several). */
function originOf(values: { view?: string | undefined; scenario?: string | undefined; programme?: boolean | undefined; table?: string | undefined }, extra: number): BriefingOrigin | null {
  const given = [values.view !== undefined, values.scenario !== undefined, values.programme === true].filter(Boolean).length + extra;
  if (given !== 1) throw new UsageError('give exactly one of --view NAME, --scenario NAME, --briefing NAME or --programme');
  if (values.table !== undefined && values.scenario === undefined) throw new UsageError('--table goes with --scenario');
  if (values.view !== undefined) return { kind: 'view', view: values.view };
  if (values.scenario !== undefined) {
    const table = values.table ?? 'funding';
    if (table !== 'funding' && table !== 'housing' && table !== 'bands') throw new UsageError('--table is funding, housing or bands');
    return { kind: 'scenario', scenario: values.scenario, table };
  }
  if (values.programme) return { kind: 'programme' };
  return null;
}

function formatOf(format: string | undefined, out: string): ExportFormat {
  if (format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError('--format is xlsx, csv or html');
    const byName = formatOfPath(out);
    if (byName !== null && byName !== format) throw new UsageError(`--out ${out} names a .${byName} file but --format is ${format}`);
    return format as ExportFormat;
  }
  return formatOfPath(out) ?? 'xlsx';
}

async function exportRun(args: string[], services: Services, io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...originOptions, briefing: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  const origin = originOf(values, values.briefing !== undefined ? 1 : 0);
  if (values.out === undefined || values.out === '') throw new UsageError('give --out PATH');
  const format = formatOf(values.format, values.out);
  let spec: BriefingSpecInput;
  if (origin) spec = { origin, layout: {} };
  else {
    const saved = unwrap<SavedBriefing>(io, await services.call('briefings.get', { name: values.briefing }));
    if (!saved.ok) return saved.code;
    spec = saved.value.spec;
  }
  const res = unwrap<ExportWritten>(io, await services.call('export.write', { spec, format, path: values.out }));
  if (!res.ok) return res.code;
  if (values.json) printJson(io, res.value);
  else io.out(`Geschreven: ${res.value.file} (${res.value.format}; ${res.value.rows} rijen, ${res.value.columns} kolommen)\nBronnen: ${res.value.sources.join('; ') || '—'}\n`);
  return EXIT.ok;
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Write a briefing table (.xlsx in house style, CSV for Dutch Excel, HTML for Word) from a saved view, a scenario (--table funding|housing|bands), a saved briefing or the programme facts; prints {file, format, rows, columns, sources}.',
  usage: 'export --view NAME|--scenario NAME [--table funding|housing|bands]|--briefing NAME|--programme [--format xlsx|csv|html] --out PATH [--json]',
  run: exportRun,
};

// ---- briefings

function one(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`give one ${what}`);
  return positionals[0] as string;
}

async function briefingsSave(args: string[], services: Services, io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...originOptions,
      caption: { type: 'string' },
      subtitle: { type: 'string' },
      number: { type: 'string' },
      footnote: { type: 'string', multiple: true },
      columns: { type: 'string' },
      rows: { type: 'string' },
      total: { type: 'boolean' },
      threshold: { type: 'string' },
      suppress: { type: 'boolean' },
      replace: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const name = one(positionals, 'briefing name');
  const origin = originOf(values, 0) as BriefingOrigin;
  const list = (s: string | undefined): string[] | undefined => (s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter(Boolean));
  const int = (s: string | undefined, what: string): number | undefined => {
    if (s === undefined) return undefined;
    const n = Number(s);
    if (!Number.isInteger(n)) throw new UsageError(`${what} must be a whole number`);
    return n;
  };
  const threshold = int(values.threshold, '--threshold');
  const number = int(values.number, '--number');
  const layout: BriefingLayoutSpec = {
    ...(values.caption !== undefined ? { caption: values.caption } : {}),
    ...(values.subtitle !== undefined ? { subtitle: values.subtitle } : {}),
    ...(number !== undefined ? { number } : {}),
    ...(values.footnote ? { footnotes: values.footnote.map((text, i) => ({ marker: `${i + 1})`, text })) } : {}),
    ...(list(values.columns) ? { columns: list(values.columns) } : {}),
    ...(list(values.rows) ? { rows: list(values.rows) } : {}),
    ...(values.total !== undefined ? { total: values.total } : {}),
    ...(threshold !== undefined || values.suppress !== undefined
      ? { disclosure: { ...(threshold !== undefined ? { threshold } : {}), ...(values.suppress !== undefined ? { suppress: values.suppress } : {}) } }
      : {}),
  };
  const res = unwrap<SavedBriefing>(io, await services.call('briefings.save', { name, spec: { origin, layout }, replace: values.replace }));
  if (!res.ok) return res.code;
  if (values.json) printJson(io, res.value);
  else io.out(`Opgeslagen: briefing ${res.value.name}. Maak hem opnieuw met: export --briefing "${res.value.name}" --out PAD\n`);
  return EXIT.ok;
}

function describeOrigin(o: BriefingOrigin): string {
  switch (o.kind) {
    case 'programme':
      return 'programmacijfers';
    case 'scenario':
      return `scenario ${o.scenario} (${o.table})`;
    case 'view':
      return `vergelijking ${o.view}`;
    case 'figures':
      return `cijfers ${o.areas.length} gebieden × ${o.indicators.length} indicatoren`;
  }
}

async function briefingsList(args: string[], services: Services, io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
  const res = unwrap<SavedBriefing[]>(io, await services.call('briefings.list', {}));
  if (!res.ok) return res.code;
  if (values.json) printJson(io, res.value);
  else if (res.value.length === 0) io.out('Nog geen opgeslagen briefings. Sla er een op met: briefings save NAAM --view NAAM\n');
  else printNlTable(io, ['naam', 'uitgangspunt', 'titel', 'gewijzigd'], res.value.map((b) => [b.name, describeOrigin(b.spec.origin), b.spec.layout.caption ?? '', b.updatedAt.slice(0, 16).replace('T', ' ')]), () => false);
  return EXIT.ok;
}

async function briefingsShow(args: string[], services: Services, io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } }, strict: true });
  const res = unwrap<SavedBriefing>(io, await services.call('briefings.get', { name: one(positionals, 'briefing name') }));
  if (!res.ok) return res.code;
  if (values.json) printJson(io, res.value);
  else io.out(`${res.value.name}: ${describeOrigin(res.value.spec.origin)}\n${JSON.stringify(res.value.spec.layout, null, 2)}\n`);
  return EXIT.ok;
}

async function briefingsDelete(args: string[], services: Services, io: CliIO): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
  const res = unwrap<{ name: string }>(io, await services.call('briefings.delete', { name: one(positionals, 'briefing name') }));
  if (!res.ok) return res.code;
  io.out(`Verwijderd: briefing ${res.value.name}\n`);
  return EXIT.ok;
}

const briefingSubs: Record<string, CliCommand['run']> = { save: briefingsSave, list: briefingsList, show: briefingsShow, delete: briefingsDelete };

export const briefingsCommand: CliCommand = {
  name: 'briefings',
  summary: 'Saved briefings (origin + table layout), re-run with `export --briefing NAME` on the store of the day.',
  usage: [
    'briefings save NAME --view NAME|--scenario NAME [--table T]|--programme [--caption TEXT] [--subtitle TEXT] [--number N]',
    '                    [--footnote TEXT]… [--columns ID,…] [--rows ID,…] [--total|--no-total] [--threshold N] [--suppress] [--replace] [--json]',
    '  briefings list [--json] | show NAME [--json] | delete NAME',
  ].join('\n'),
  run: async (args, services, io) => {
    const [sub, ...rest] = args;
    if (sub === undefined) throw new UsageError(`give a subcommand: ${Object.keys(briefingSubs).join(', ')}`);
    const run = briefingSubs[sub];
    if (!run) throw new UsageError(`unknown subcommand "${sub}" (known: ${Object.keys(briefingSubs).join(', ')})`);
    return run(rest, services, io);
  },
};

// CLI commands of the export feature (issue 14).
export const exportCommands: CliCommand[] = [exportCommand, briefingsCommand];
