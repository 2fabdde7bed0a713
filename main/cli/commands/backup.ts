import { parseArgs } from 'node:util';
import type { BackupResult } from '../../../shared/contract/app';
import { EXIT, UsageError, type CliCommand } from '../command';
import { printJson, unwrap } from '../output';
import { formatInteger } from '../../../shared/domain/format/number';


export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Write a consistent copy of the store to PATH while it may be in use (SQLite online backup; checked before it gets its name). Restore by copying it back with the app closed.',
  usage: 'backup PATH [--overwrite] [--json]',
  run: async (args, services, io) => {
    const { values, positionals } = parseArgs({
      args,
      options: { overwrite: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('give one PATH for the backup');
    const res = unwrap<BackupResult>(io, await services.call('app.backup', { path: positionals[0], ...(values.overwrite ? { overwrite: true } : {}) }));
    if (!res.ok) return res.code;
    const b = res.value;
    if (values.json) printJson(io, b);
    else {
      io.out(`Reservekopie gemaakt: ${b.path} (${formatInteger(Math.round(b.bytes / 1024))} kB, schemaversie ${b.schemaVersion})\n`);
      io.out(`  ${formatInteger(b.counts.sources)} bronnen, ${formatInteger(b.counts.observations)} cijfers, ${formatInteger(b.counts.areas)} gebieden, ${formatInteger(b.counts.scenarios)} scenario's\n`);
    }
    return EXIT.ok;
  },
};
