import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CommitRequest, ImportPreview, ImportReport, MappingSummary, SourceRemoval, SourceSummary } from '../../../shared/contract/import';
import type { JobStatus } from '../../../shared/contract/jobs';
import type { AreaChoice } from '../../../shared/contract/import-choices';
import type { Problem } from '../../../shared/contract/import-preview';
import type { Failure } from '../../../shared/errors';
import type { Services } from '../../app/services';
import { EXIT, UsageError, type CliCommand, type CliIO } from '../command';
import { printJson, printTable, unwrap } from '../output';
import { formatCount } from '../../../shared/domain/format/number';
import { severityText } from '../../../shared/domain/format/messages';

/**
 * `import FILE`: the same preview and commit as the app's wizard, without questions. What the
 * wizard asks, the options decide — and anything they leave undecided is left out and listed as an
 * issue, never guessed: rows of areas the store does not know, close name matches and ambiguous
 * names are skipped unless --create-areas, --accept-fuzzy or --alias says otherwise.
 */
const IMPORT_USAGE = 'import FILE [--sheet NAME] [--mapping auto|none|NAME] [--period YYYY] [--dry-run] [--json]\n'
  + '         [--create-areas | --no-create-areas] [--accept-fuzzy] [--alias TEXT=CODE]... [--skip-area TEXT]... [--allow-skips]\n'
  + '         [--under GM0344 [--level buurt|wijk|eigen]]\n'
  + '         [--layout wide|long|transposed|dictionary|composition] [--header-rows 3,4] [--encoding utf-8|windows-1252|…]\n'
  + '         [--separator ";"|","|tab] [--decimal ,|.] [--block N | --range B6:AB19] [--save-mapping NAME] [--note TEXT]';

const IMPORT_SUMMARY = [
  'Import a spreadsheet (.xlsx, .xls, .ods, .csv, .txt) in one transaction: all of it or nothing.',
  '      Layout, header rows, encoding, separator, period and the column → indicator mapping are detected;',
  '      a saved mapping of the same shape is applied (--mapping auto, the default) and the one used is saved.',
  '      Areas, without questions: CBS codes and confirmed names/aliases are imported; CBS codes the store',
  '      lacks (WK034403, BU03440311) are created with their parents from the code and the names in the file',
  '      (--no-create-areas skips them instead). Everything else is skipped and listed as an issue: close',
  '      name matches (--accept-fuzzy takes every suggestion), unknown or ambiguous names and publisher',
  '      codes (--alias "TEXT=CODE" links one, remembered for next time).',
  '      Areas given by name only (a municipal monitor\'s "Buurt Zuilen-noord"): --create-areas --under GM0344',
  '      makes every name no area of that gemeente has into an area of it (a generated stable code, the name as',
  '      display name and alias; --level buurt, wijk or eigen — own division, the default); the same names next',
  '      year match them. Names close to an existing area are not created: they stay to confirm (--accept-fuzzy).',
  '      Names match in their common forms ("Buurt Elinkwijk e.o." is "Elinkwijk en omgeving"; "&" is "en",',
  '      "Pr." is "Prins") and are remembered as aliases; names that are only close are offered, not taken.',
  '      Totals rows ("Buurten totaal", "Totaal") are not areas: they are checked against the sum of the rows they',
  '      total in count columns (a warning when they differ, never a refusal); "Nederland" is stored on NL00.',
  '      An import that would skip more than 5% of its figures is not committed: it exits 1 with one line',
  '      saying why ("14,030 figures skipped: 121 areas not in the store — use --create-areas"), unless',
  '      --allow-skips says that is intended.',
  '      The same file again is recognised and adds nothing — unless its earlier import left figures out and',
  '      more is importable now (areas created this time): then it is imported again as a revision. A changed',
  '      file (same name and sheet, or the same mapping) supersedes the figures it revises and keeps the old',
  '      ones as history. `sources remove ID` takes an import out whole.',
  '      Several tables stacked in one sheet are never read as one table: --block N reads the Nth, --range',
  '      B6:AB19 reads that part; without either the import refuses (exit 1), naming the blocks and their ranges.',
  '      A cell formatted as a percentage stores the percentage (0.0092 shown as 0,9 % is 0.92).',
  '      Columns with the same header, or none, become separate indicators named with the column ("Aantal',
  '      (kolom D)"); a unit in parentheses at the end of a header wins ("… binnen 1 km (aantal)" is a count).',
  '      --dry-run previews only. --json prints {committed, source_id, file, sha256, sheet, layout, header_rows,',
  '      rows_read, observations, areas_matched, areas_unmatched, indicators_new, figures_skipped, skip_summary, issues[]}.',
  '      Exit 1 when nothing could be committed, or too much would be skipped.',
].join('\n');

interface CliReport {
  committed: boolean;
  sourceId: number | null;
  file: string;
  sha256: string | null;
  sheet: string | null;
  layout: string | null;
  headerRows: number[];
  rowsRead: number;
  observations: number;
  areasMatched: number;
  areasUnmatched: number;
  indicatorsNew: number;
  figuresSkipped: number;
  skipSummary: string | null;
  issues: Array<{ sheet: string | null; row: number | null; column: string | null; cell: string | null; severity: string; message: string }>;
}

function cliIssues(issues: readonly Problem[]): CliReport['issues'] {
  return issues.map((i) => ({ sheet: i.sheet, row: i.row ?? null, column: i.column ?? null, cell: i.cell ?? null, severity: i.severity, message: i.message }));
}

function fromReport(r: ImportReport): CliReport {
  return {
    committed: r.committed, sourceId: r.sourceId, file: r.file, sha256: r.sha256, sheet: r.sheet, layout: r.layout, headerRows: r.headerRows,
    rowsRead: r.rowsRead, observations: r.observations, areasMatched: r.areasWithFigures, areasUnmatched: r.areasUnmatched,
    indicatorsNew: r.indicatorsNew, figuresSkipped: r.skips.figures, skipSummary: r.skips.line, issues: cliIssues(r.issues),
  };
}

/** What a commit would write, from the preview (--dry-run). */
function fromPreview(p: ImportPreview): CliReport {
  const newIndicators = new Set(p.measures.filter((m) => m.include && m.indicator.isNew).map((m) => m.indicator.code));
  return {
    committed: false, sourceId: null, file: p.file.name, sha256: p.file.sha256, sheet: p.sheet, layout: p.layout, headerRows: p.table.headerRows,
    rowsRead: p.rowsRead, observations: p.figures.toImport, areasMatched: p.areas.matched + p.areas.created, areasUnmatched: p.areas.unmatched + p.areas.needsConfirmation,
    indicatorsNew: p.layout === 'dictionary' ? (p.definitions?.new ?? 0) : newIndicators.size, figuresSkipped: p.skips.figures, skipSummary: p.skips.line, issues: cliIssues(p.problems),
  };
}

function fromFailure(file: string, error: Failure['error']): CliReport {
  const w = error.where ?? {};
  return {
    committed: false, sourceId: null, file, sha256: null, sheet: w.sheet ?? null, layout: null, headerRows: [], rowsRead: 0, observations: 0, areasMatched: 0,
    areasUnmatched: 0, indicatorsNew: 0, figuresSkipped: 0, skipSummary: null, issues: [{ sheet: w.sheet ?? null, row: w.row ?? null, column: w.column ?? null, cell: w.cell ?? null, severity: 'error', message: error.message }],
  };
}


function printHuman(io: CliIO, r: CliReport, dryRun: boolean, recognised: boolean): void {
  const where = `${r.file}${r.sheet ? ` (blad ${r.sheet})` : ''}`;
  const head = recognised
    ? `Al geïmporteerd: ${where} is bron ${r.sourceId}; niets toegevoegd.`
    : r.committed
      ? `Geïmporteerd: ${where} als bron ${r.sourceId}.`
      : dryRun
        ? `Proefimport (er is niets opgeslagen): ${where}.`
        : `Niet geïmporteerd: ${where}.`;
  io.out(`${head}\n`);
  if (!recognised && r.layout) {
    io.out(`  indeling ${r.layout}, kopregel(s) ${r.headerRows.join(', ') || '-'}, ${formatCount(r.rowsRead)} rijen gelezen\n`);
    io.out(`  ${formatCount(r.observations)} cijfers${dryRun ? ' zouden worden opgeslagen' : ''}, ${formatCount(r.areasMatched)} gebieden herkend, ${formatCount(r.areasUnmatched)} niet, ${formatCount(r.indicatorsNew)} nieuwe indicatoren\n`);
  }
  const shown = r.issues.filter((i) => i.severity !== 'info').slice(0, 25);
  const info = r.issues.filter((i) => i.severity === 'info').length;
  if (shown.length > 0) {
    io.out('\n');
    printTable(io, ['soort', 'cel', 'melding'], shown.map((i) => [severityText(i.severity), i.cell ?? (i.row !== null ? `rij ${i.row}` : ''), i.message]));
  }
  const rest = r.issues.length - shown.length - info;
  if (rest > 0 || info > 0) io.out(`\n${rest > 0 ? `${rest} meldingen meer, ` : ''}${info} ter informatie: --json toont ze alle.\n`);
}

const LEVELS = ['buurt', 'wijk', 'eigen'] as const;

/** --under GM0344 [--level buurt|wijk|eigen]: whose names these are, and at which level they are created. */
function namedAreaOptions(values: { 'no-create-areas'?: boolean; under?: string; level?: string }): { under?: string; level?: (typeof LEVELS)[number] } {
  if (values.under === undefined) {
    if (values.level !== undefined) throw new UsageError('--level says at which level names become areas: give --under GM… with it');
    return {};
  }
  const under = values.under.trim().toUpperCase();
  if (!/^GM\d{4}$/.test(under)) throw new UsageError(`--under takes the code of the gemeente the names belong to (GM and four digits, e.g. GM0344), not "${values.under}"`);
  if (values['no-create-areas']) throw new UsageError('--under creates areas from names; it contradicts --no-create-areas');
  const level = values.level ?? 'eigen';
  if (!(LEVELS as readonly string[]).includes(level)) throw new UsageError(`--level takes buurt, wijk or eigen, not "${level}"`);
  return { under, level: level as (typeof LEVELS)[number] };
}

function areaOptions(values: { 'create-areas'?: boolean; 'no-create-areas'?: boolean; 'accept-fuzzy'?: boolean; alias?: string[]; 'skip-area'?: string[]; under?: string; level?: string }): CommitRequest['choices'] {
  if (values['create-areas'] && values['no-create-areas']) throw new UsageError('--create-areas and --no-create-areas contradict each other: give one');
  const named = namedAreaOptions(values);
  const choices: AreaChoice[] = [];
  for (const a of values.alias ?? []) {
    const at = a.lastIndexOf('=');
    if (at <= 0 || at === a.length - 1) throw new UsageError(`--alias takes TEXT=CODE (the area as the file writes it, = the store's area code), not "${a}"`);
    choices.push({ label: a.slice(0, at).trim(), action: 'use', code: a.slice(at + 1).trim() });
  }
  for (const s of values['skip-area'] ?? []) choices.push({ label: s.trim(), action: 'skip' });
  return { measures: [], areas: { newAreas: values['no-create-areas'] ? 'skip' : 'create', fuzzy: values['accept-fuzzy'] ? 'accept' : 'ask', choices, remember: true, ...named } };
}

const SEPARATORS: Record<string, ';' | ',' | '\t' | '|'> = { ';': ';', ',': ',', tab: '\t', '\t': '\t', '|': '|' };

export const importCommand: CliCommand = {
  name: 'import',
  summary: IMPORT_SUMMARY,
  usage: IMPORT_USAGE,
  run: async (args, services, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        sheet: { type: 'string' },
        mapping: { type: 'string' },
        period: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'create-areas': { type: 'boolean', default: false },
        'no-create-areas': { type: 'boolean', default: false },
        'allow-skips': { type: 'boolean', default: false },
        'accept-fuzzy': { type: 'boolean', default: false },
        alias: { type: 'string', multiple: true },
        'skip-area': { type: 'string', multiple: true },
        under: { type: 'string' },
        level: { type: 'string' },
        layout: { type: 'string' },
        'header-rows': { type: 'string' },
        block: { type: 'string' },
        range: { type: 'string' },
        encoding: { type: 'string' },
        separator: { type: 'string' },
        decimal: { type: 'string' },
        'save-mapping': { type: 'string' },
        note: { type: 'string' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('give one file to import');
    const filePath = path.resolve(positionals[0] as string);
    let headerRows: number[] | undefined;
    if (values['header-rows'] !== undefined) {
      headerRows = values['header-rows'].split(',').map((x) => Number(x.trim()));
      if (headerRows.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError('--header-rows takes row numbers, e.g. 3 or 3,4');
    }
    let block: number | undefined;
    if (values.block !== undefined) {
      block = Number(values.block);
      if (!Number.isInteger(block) || block < 1) throw new UsageError('--block takes the number of a table in the sheet (1, 2, …; a preview lists them)');
    }
    if (values.range !== undefined && !/^[A-Za-z]{1,3}[1-9]\d*:[A-Za-z]{1,3}[1-9]\d*$/.test(values.range)) throw new UsageError(`--range takes a range of cells such as B6:AB19, not "${values.range}"`);
    if (block !== undefined && values.range !== undefined) throw new UsageError('--block and --range both say which part of the sheet to read: give one');
    let separator: ';' | ',' | '\t' | '|' | undefined;
    if (values.separator !== undefined) {
      separator = SEPARATORS[values.separator];
      if (!separator) throw new UsageError('--separator takes ";", ",", "|" or tab');
    }
    const request = {
      filePath,
      ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
      ...(values.mapping !== undefined ? { mapping: values.mapping } : {}),
      ...(values.period !== undefined ? { period: values.period } : {}),
      ...(values.layout !== undefined ? { layout: values.layout } : {}),
      ...(headerRows ? { headerRows } : {}),
      ...(block !== undefined ? { block } : {}),
      ...(values.range !== undefined ? { range: values.range.toUpperCase() } : {}),
      ...(values.encoding !== undefined ? { encoding: values.encoding } : {}),
      ...(separator ? { separator } : {}),
      ...(values.decimal !== undefined ? { decimalSeparator: values.decimal } : {}),
      choices: areaOptions(values),
    };
    const fileName = path.basename(filePath);
    const print = (r: CliReport, recognised = false): void => (values.json ? printJson(io, r) : printHuman(io, r, values['dry-run'], recognised));

    if (values['dry-run']) {
      const env = await services.call('import.preview', request);
      const res = unwrap<ImportPreview>(io, env);
      if (!res.ok) {
        if (values.json) print(fromFailure(fileName, (env as Failure).error));
        return res.code;
      }
      const p = res.value;
      print(fromPreview(p));
      if (!p.blockChosen) {
        io.err(`${fileName}: sheet ${p.sheet} holds ${p.blocks.length} tables, one below the other: ${p.blocks.map((b) => `block ${b.index} ${b.range}${b.title ? ` "${b.title}"` : ''}`).join(', ')}; choose one with --block N or --range (e.g. --range ${p.blocks[0]?.range ?? 'B6:AB19'})\n`);
        return EXIT.data;
      }
      if (p.skips.tooMany && !values['allow-skips']) {
        io.err(`${fileName}: ${p.skips.line ?? ''}; an import would not be committed (--allow-skips imports the rest)\n`);
        return EXIT.data;
      }
      return p.figures.toImport + (p.definitions?.total ?? 0) + (p.composition?.total ?? 0) > 0 ? EXIT.ok : EXIT.data;
    }

    const started = await services.call('import.commit', {
      ...request,
      ...(values['save-mapping'] !== undefined ? { saveMappingAs: values['save-mapping'] } : {}),
      ...(values.note !== undefined ? { note: values.note } : {}),
      allowSkips: values['allow-skips'],
    });
    const job = unwrap<{ jobId: string }>(io, started);
    if (!job.ok) {
      if (values.json) print(fromFailure(fileName, (started as Failure).error));
      return job.code;
    }
    const status: JobStatus = await services.ctx.jobs.wait(job.value.jobId);
    if (status.state !== 'done') {
      const error = status.error ?? { code: 'INTERNAL' as const, message: `the import ended as ${status.state}` };
      if (values.json) print(fromFailure(fileName, error));
      unwrap(io, { ok: false, error });
      return EXIT.data;
    }
    const report = status.result as ImportReport;
    print(fromReport(report), report.recognised);
    if (!report.committed && report.skips.tooMany) io.err(`${report.file}: ${report.skips.line ?? ''}; nothing was imported (--allow-skips imports the rest)\n`);
    else if (report.committed && report.skips.line && !values.json) io.out(`\n${report.skips.line}\n`);
    if (report.recognised && values.json) io.err(`${report.file}: already imported as source ${report.sourceId}; nothing added\n`);
    return report.committed || report.recognised ? EXIT.ok : EXIT.data;
  },
};

export const sourcesCommand: CliCommand = {
  name: 'sources',
  summary: 'List the sources in the store: imported files (sha256, sheet, counts) and cited documents; `sources remove ID` removes an imported file whole.',
  usage: [
    'sources [--json]',
    'sources remove ID [--json]',
    '  remove: removes the import with that id (see `sources`) in one transaction and says what went',
    '  with it: its figures (current and replaced), the areas it created that nothing else uses; the',
    '  earlier figures it had replaced are current again. Indicators and saved mappings stay.',
    '  Shipped documents cannot be removed. --json prints {source_id, file, sheet, figures, current,',
    '  superseded, restored, areas_removed, areas_kept, members_removed, indicators_without_figures,',
    '  mapping_name}.',
  ].join('\n'),
  run: async (args, services, io) => {
    const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
    if (positionals[0] === 'remove') return removeSourceCommand(positionals.slice(1), values.json, services, io);
    if (positionals.length > 0) throw new UsageError(`unknown sources command "${positionals[0]}": give none (list) or remove ID`);
    const res = unwrap<SourceSummary[]>(io, await services.call('sources.list', {}));
    if (!res.ok) return res.code;
    if (values.json) printJson(io, res.value);
    else {
      printTable(
        io,
        ['id', 'bestand of document', 'blad', 'sha256', 'geïmporteerd', 'cijfers', 'vervangen'],
        res.value.map((s) => [s.id, s.file ?? s.title, s.sheet, s.sha256 ? s.sha256.slice(0, 12) : null, s.importedAt.slice(0, 16).replace('T', ' '), s.current, s.superseded]),
      );
    }
    return EXIT.ok;
  },
};

async function removeSourceCommand(rest: string[], json: boolean, services: Services, io: CliIO): Promise<number> {
  const id = Number(rest[0]);
  if (rest.length !== 1 || !Number.isInteger(id) || id < 1) throw new UsageError('sources remove takes one source id (a whole number; see `sources`)');
  const res = unwrap<SourceRemoval>(io, await services.call('sources.remove', { id }));
  if (!res.ok) return res.code;
  const r = res.value;
  if (json) {
    printJson(io, r);
    return EXIT.ok;
  }
  const what = `${r.file ?? `bron ${r.sourceId}`}${r.sheet ? `, blad ${r.sheet}` : ''}`;
  io.out(`Bron ${r.sourceId} (${what}) verwijderd.\n`);
  io.out(`  ${formatCount(r.figures)} cijfers verwijderd (${formatCount(r.current)} actueel, ${formatCount(r.superseded)} al vervangen door een latere import)\n`);
  if (r.restored > 0) io.out(`  ${formatCount(r.restored)} eerdere cijfers die deze import had vervangen zijn weer actueel\n`);
  if (r.areasRemoved + r.areasKept > 0) io.out(`  ${formatCount(r.areasRemoved)} gebieden die deze import aanmaakte verwijderd${r.areasKept > 0 ? `; ${formatCount(r.areasKept)} blijven (andere cijfers of samenstellingen gebruiken ze)` : ''}\n`);
  if (r.membersRemoved > 0) io.out(`  ${formatCount(r.membersRemoved)} voorgestelde leden van focusgebieden verwijderd\n`);
  if (r.indicatorsWithoutFigures > 0) io.out(`  ${formatCount(r.indicatorsWithoutFigures)} indicatoren hebben nu geen actuele cijfers meer; ze blijven bestaan\n`);
  if (r.mappingName) io.out(`  de opgeslagen koppeling "${r.mappingName}" blijft\n`);
  return EXIT.ok;
}

export const mappingsCommand: CliCommand = {
  name: 'mappings',
  summary: 'List the saved import mappings (applied automatically to files of the same shape).',
  usage: 'mappings [--json]',
  run: async (args, services, io) => {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
    const res = unwrap<MappingSummary[]>(io, await services.call('mappings.list', {}));
    if (!res.ok) return res.code;
    if (values.json) printJson(io, res.value);
    else printTable(io, ['naam', 'indeling', 'kolommen', 'bijgewerkt', 'laatst gebruikt'], res.value.map((m) => [m.name, m.layout, m.measures, m.updatedAt.slice(0, 10), m.lastUsedAt?.slice(0, 10) ?? null]));
    return EXIT.ok;
  },
};

// CLI commands of the import feature (issue 3): import, sources, mappings.
export const importCommands: CliCommand[] = [importCommand, sourcesCommand, mappingsCommand];
