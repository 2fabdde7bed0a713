import { resolveStorePath } from '../app/store-path';
import { startServices, APP_VERSION } from '../app/services';
import { isAppError } from '../../shared/errors';
import { EXIT, UsageError, type CliIO } from './command';
import { commands } from './commands/index';
import { outputClosed } from './closed-output';
import { terminalSafe } from './terminal-safe';

// Once the reader of a pipe has gone (`| head`), further output is dropped; cli-main ends the process.
// Control characters and direction overrides from files are shown escaped, never sent to the terminal.
const io: CliIO = {
  out: (t) => void (outputClosed(process.stdout) || process.stdout.write(terminalSafe(t))),
  err: (t) => void (outputClosed(process.stderr) || process.stderr.write(terminalSafe(t))),
};

export function helpText(): string {
  const lines = [
    `wijkverkenner ${APP_VERSION}: NPLV figures from the command line`,
    '',
    'Usage: wijkverkenner [--db PATH] <command> [options]',
    '',
    'Global options:',
    '  --db PATH   the store (SQLite file); else $WIJKVERKENNER_DB, else the app\'s own store.',
    '              A new path is created, migrated and filled with the NPLV default data.',
    '  --help      this text; `<command> --help` for one command',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    'Exit codes: 0 success, 1 data or validation error, 2 usage error.',
  ];
  return `${lines.join('\n')}\n`;
}

/** Split global options (before the command) from the command and its own arguments. */
function splitArgs(argv: string[]): { db?: string; help: boolean; command?: string; rest: string[] } {
  let db: string | undefined;
  let help = false;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--db') {
      db = argv[++i];
      if (db === undefined) throw new UsageError('--db needs a path');
    } else if (a.startsWith('--db=')) db = a.slice(5);
    else if (a === '--help' || a === '-h') help = true;
    else if (a.startsWith('-')) throw new UsageError(`unknown global option ${a}`);
    else break;
  }
  const command = argv[i];
  const rest = argv.slice(i + 1);
  // Allow --db after the command too (people type it there).
  const dbAt = rest.indexOf('--db');
  if (dbAt >= 0) {
    db = rest[dbAt + 1];
    if (db === undefined) throw new UsageError('--db needs a path');
    rest.splice(dbAt, 2);
  }
  return { ...(db !== undefined ? { db } : {}), help, ...(command !== undefined ? { command } : {}), rest };
}

export async function runCli(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof splitArgs>;
  try {
    parsed = splitArgs(argv);
  } catch (err) {
    io.err(`wijkverkenner: ${(err as Error).message}\n\n${helpText()}`);
    return EXIT.usage;
  }
  if (parsed.command === undefined) {
    (parsed.help ? io.out : io.err)(helpText());
    return parsed.help ? EXIT.ok : EXIT.usage;
  }
  const command = commands.find((c) => c.name === parsed.command);
  if (!command) {
    io.err(`wijkverkenner: unknown command "${parsed.command}"\n\n${helpText()}`);
    return EXIT.usage;
  }
  if (parsed.help || parsed.rest.includes('--help')) {
    io.out(`Usage: wijkverkenner [--db PATH] ${command.usage}\n${command.summary}\n`);
    return EXIT.ok;
  }
  let services: ReturnType<typeof startServices> | undefined;
  try {
    services = startServices(resolveStorePath(parsed.db), 'cli');
    return await command.run(parsed.rest, services, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`wijkverkenner ${command.name}: ${(err as Error).message}\nUsage: wijkverkenner ${command.usage}\n`);
      return EXIT.usage;
    }
    if (isAppError(err)) {
      io.err(`error ${err.code}: ${err.message}\n`);
      for (const d of err.details ?? []) io.err(`  - ${d}\n`);
      return EXIT.data;
    }
    io.err(`wijkverkenner: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT.data;
  } finally {
    services?.close();
  }
}
