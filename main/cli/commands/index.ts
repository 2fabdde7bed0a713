import type { CliCommand } from '../command';
import { areasCommand, indicatorsCommand } from './areas';
import { backupCommand } from './backup';
import { importCommands } from './import-commands';
import { observationsCommand } from './observations';
import { scenarioCommands } from './scenario-commands';
import { compareCommands } from './compare-commands';
import { exportCommands } from './export-commands';
import { indexCommand } from './index-command';

/** Every CLI command. Add a new one here; `--help` and docs/cli.md list them from this array. */
export const commands: CliCommand[] = [areasCommand, indicatorsCommand, observationsCommand, ...importCommands, ...scenarioCommands,
  ...compareCommands,
  backupCommand,
  ...exportCommands,
  indexCommand,
];
