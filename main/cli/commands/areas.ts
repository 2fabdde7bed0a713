import { parseArgs } from 'node:util';
import type { Area, Indicator } from '../../../shared/contract/model';
import { AreaKind } from '../../../shared/contract/model';
import { EXIT, UsageError, type CliCommand } from '../command';
import { printJson, printTable, unwrap } from '../output';

export const areasCommand: CliCommand = {
  name: 'areas',
  summary: 'List the areas in the store.',
  usage: 'areas [--kind country|municipality|district|neighbourhood|focus_area|programme] [--json]',
  run: async (args, services, io) => {
    const { values } = parseArgs({ args, options: { kind: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
    const kind = values.kind === undefined ? undefined : AreaKind.safeParse(values.kind);
    if (kind && !kind.success) throw new UsageError(`--kind must be one of ${AreaKind.options.join(', ')}`);
    const res = unwrap<Area[]>(io, await services.call('areas.list', kind ? { kind: kind.data } : {}));
    if (!res.ok) return res.code;
    if (values.json) {
      printJson(io, res.value.map((a) => ({ code: a.code, name: a.name, kind: a.kind, parentCode: a.parentCode })));
    } else {
      printTable(io, ['code', 'naam', 'soort', 'ligt in', 'gemeente'], res.value.map((a) => [a.code, a.name, a.kind, a.parentName, a.kind === 'municipality' ? null : a.municipalityName]));
    }
    return EXIT.ok;
  },
};

export const indicatorsCommand: CliCommand = {
  name: 'indicators',
  summary: 'List the indicators in the store.',
  usage: 'indicators [--json]',
  run: async (args, services, io) => {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
    const res = unwrap<Indicator[]>(io, await services.call('indicators.list', {}));
    if (!res.ok) return res.code;
    if (values.json) printJson(io, res.value);
    else printTable(io, ['code', 'naam', 'thema', 'eenheid', 'aggregatie'], res.value.map((i) => [i.code, i.name, i.theme, i.unit, i.aggregation]));
    return EXIT.ok;
  },
};
