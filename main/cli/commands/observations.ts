import { parseArgs } from 'node:util';
import type { Observation } from '../../../shared/contract/model';
import { EXIT, UsageError, type CliCommand } from '../command';
import { printJson, printTable, unwrap } from '../output';

export const observationsCommand: CliCommand = {
  name: 'observations',
  summary: 'List figures for an area or from one import, with their source.',
  usage: 'observations (--area CODE|NAME [--indicator CODE] | --source ID) [--history] [--json]',
  run: async (args, services, io) => {
    const { values } = parseArgs({
      args,
      options: {
        area: { type: 'string' },
        indicator: { type: 'string' },
        source: { type: 'string' },
        history: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (values.area === undefined && values.source === undefined) throw new UsageError('give --area CODE or --source ID');
    const sourceId = values.source === undefined ? undefined : Number(values.source);
    if (sourceId !== undefined && !(Number.isInteger(sourceId) && sourceId > 0)) throw new UsageError('--source takes a source id (a positive whole number)');
    const res = unwrap<Observation[]>(
      io,
      await services.call('observations.list', {
        ...(values.area !== undefined ? { areaCode: values.area } : {}),
        ...(values.indicator !== undefined ? { indicatorCode: values.indicator } : {}),
        ...(sourceId !== undefined ? { sourceId } : {}),
        ...(values.history ? { includeSuperseded: true } : {}),
      }),
    );
    if (!res.ok) return res.code;
    if (values.json) {
      printJson(
        io,
        res.value.map((o) => ({
          areaCode: o.areaCode,
          indicatorCode: o.indicatorCode,
          period: o.period,
          value: o.value,
          low: o.low,
          high: o.high,
          qualifier: o.qualifier,
          sign: o.sign,
          unit: o.unit,
          superseded: o.superseded,
          source: { id: o.source.id, title: o.source.title, file: o.source.file, sheet: o.source.sheet, cell: o.source.cell, raw: o.source.raw },
        })),
      );
    } else {
      printTable(
        io,
        ['gebied', 'indicator', 'periode', 'waarde', 'laag', 'hoog', 'kwalificatie', 'teken', 'bron'],
        res.value.map((o) => [o.areaCode, o.indicatorCode, o.period, o.value, o.low, o.high, o.qualifier, o.sign,
          [o.source.file ?? o.source.title, o.source.sheet, o.source.cell].filter(Boolean).join(' / ')]),
      );
    }
    return EXIT.ok;
  },
};
