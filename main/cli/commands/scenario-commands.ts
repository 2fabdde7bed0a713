import { parseArgs } from 'node:util';
import type { TemplateInfo } from '../../../shared/domain/scenario';
import { EXIT, UsageError, type CliCommand } from '../command';
import { printJson, unwrap } from '../output';
import { printDefinition, printNlTable } from './scenario/common';
import { scenarioRun } from './scenario/run';
import { scenarioDelete, scenarioDuplicate, scenarioList, scenarioRename, scenarioSave, scenarioShow } from './scenario/saved';

const USAGE = [
  'scenario templates [--json]',
  '  scenario template ID                        (a template as a definition: edit it, then run or save it)',
  '  scenario run FILE.json|--template ID|--saved ID [--seed N] [--runs N] [--json]',
  '  scenario schema                             (JSON schema of a definition)',
  '  scenario list [--json] | show ID [--json] | delete ID | rename ID NAME | duplicate ID [--id NEW] [--name NAME]',
  '  scenario save FILE.json [--id ID] [--name NAME] [--template ID] [--replace]',
].join('\n');

type Sub = CliCommand['run'];

const subcommands: Record<string, Sub> = {
  templates: async (args, services, io) => {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
    const res = unwrap<TemplateInfo[]>(io, await services.call('scenario.templates', {}));
    if (!res.ok) return res.code;
    if (values.json) printJson(io, res.value);
    else printNlTable(io, ['id', 'naam', 'omschrijving'], res.value.map((t) => [t.id, t.name, t.description]), () => false);
    return EXIT.ok;
  },
  template: async (args, services, io) => {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } }, strict: true });
    if (positionals.length !== 1) throw new UsageError('give one template id (see: scenario templates)');
    const res = unwrap(io, await services.call('scenario.template', { id: positionals[0] }));
    if (!res.ok) return res.code;
    printDefinition(io, res.value);
    return EXIT.ok;
  },
  schema: async (args, services, io) => {
    parseArgs({ args, options: { json: { type: 'boolean', default: true } }, strict: true });
    const res = unwrap(io, await services.call('scenario.schema', {}));
    if (!res.ok) return res.code;
    printDefinition(io, res.value);
    return EXIT.ok;
  },
  run: scenarioRun,
  list: scenarioList,
  show: scenarioShow,
  save: scenarioSave,
  delete: scenarioDelete,
  rename: scenarioRename,
  duplicate: scenarioDuplicate,
};

/**
 * `scenario` is one command with subcommands. Definitions print as the schema writes them
 * (camelCase), so `scenario template ID > f.json` can be edited and fed back to `run` or `save`;
 * run results follow the CLI's JSON convention (snake_case keys).
 */
export const scenarioCommand: CliCommand = {
  name: 'scenario',
  summary: 'Funding and housing scenarios: templates, runs with P10/P50/P90 bands, saved scenarios.',
  usage: USAGE,
  run: async (args, services, io) => {
    const [sub, ...rest] = args;
    if (sub === undefined) throw new UsageError(`give a subcommand: ${Object.keys(subcommands).join(', ')}`);
    const run = subcommands[sub];
    if (!run) throw new UsageError(`unknown subcommand "${sub}" (known: ${Object.keys(subcommands).join(', ')})`);
    return run(rest, services, io);
  },
};

// CLI commands of the scenario feature (issue 4).
export const scenarioCommands: CliCommand[] = [scenarioCommand];
