import { parseArgs } from 'node:util';
import type { Services } from '../../../app/services';
import type { SavedScenario } from '../../../../shared/contract/scenario';
import { EXIT, UsageError, type CliIO } from '../../command';
import { printJson, unwrap } from '../../output';
import { printDefinition, printNlTable, readDefinitionFile } from './common';

function one(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`give one ${what}`);
  return positionals[0] as string;
}

export async function scenarioList(args: string[], services: Services, io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
  const res = unwrap<SavedScenario[]>(io, await services.call('scenario.list', {}));
  if (!res.ok) return res.code;
  if (values.json) printJson(io, res.value);
  else if (res.value.length === 0) io.out('Nog geen opgeslagen scenario\'s. Sla er een op met: scenario save FILE.json\n');
  else {
    printNlTable(
      io,
      ['id', 'naam', 'jaren', 'regelingen', 'woningen', 'basis', 'gewijzigd'],
      res.value.map((s) => [s.id, s.name, `${s.years.from}–${s.years.to}`, String(s.streams), s.hasHousing ? 'ja' : 'nee', s.baselineId ?? '', s.updatedAt.slice(0, 16).replace('T', ' ')]),
      (i) => i === 3,
    );
  }
  return EXIT.ok;
}

/** Prints the saved definition (editable, runnable); --json adds the summary around it. */
export async function scenarioShow(args: string[], services: Services, io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } }, strict: true });
  const res = unwrap<{ scenario: SavedScenario; definition: unknown }>(io, await services.call('scenario.get', { id: one(positionals, 'scenario id') }));
  if (!res.ok) return res.code;
  if (values.json) io.out(`${JSON.stringify(res.value, null, 2)}\n`);
  else printDefinition(io, res.value.definition);
  return EXIT.ok;
}

export async function scenarioSave(args: string[], services: Services, io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { id: { type: 'string' }, name: { type: 'string' }, template: { type: 'string' }, replace: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  const def = readDefinitionFile(one(positionals, 'definition file'));
  if (values.id !== undefined) def.id = values.id;
  if (values.name !== undefined) def.name = values.name;
  const res = unwrap<SavedScenario>(io, await services.call('scenario.save', { definition: def, replace: values.replace, ...(values.template ? { templateId: values.template } : {}) }));
  if (!res.ok) return res.code;
  if (values.json) printJson(io, res.value);
  else io.out(`Opgeslagen: ${res.value.name} (${res.value.id})\n`);
  return EXIT.ok;
}

export async function scenarioDelete(args: string[], services: Services, io: CliIO): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
  const res = unwrap<{ id: string }>(io, await services.call('scenario.delete', { id: one(positionals, 'scenario id') }));
  if (!res.ok) return res.code;
  io.out(`Verwijderd: ${res.value.id}\n`);
  return EXIT.ok;
}

export async function scenarioRename(args: string[], services: Services, io: CliIO): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
  if (positionals.length !== 2) throw new UsageError('give a scenario id and the new name');
  const res = unwrap<SavedScenario>(io, await services.call('scenario.rename', { id: positionals[0], name: positionals[1] }));
  if (!res.ok) return res.code;
  io.out(`Hernoemd: ${res.value.id} heet nu ${res.value.name}\n`);
  return EXIT.ok;
}

export async function scenarioDuplicate(args: string[], services: Services, io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { id: { type: 'string' }, name: { type: 'string' } }, strict: true });
  const res = unwrap<SavedScenario>(
    io,
    await services.call('scenario.duplicate', { id: one(positionals, 'scenario id'), ...(values.id ? { newId: values.id } : {}), ...(values.name ? { name: values.name } : {}) }),
  );
  if (!res.ok) return res.code;
  io.out(`Gekopieerd naar: ${res.value.name} (${res.value.id})\n`);
  return EXIT.ok;
}
