import type { CliCommand } from '../command';
import { areasCommand, indicatorsCommand } from './areas';
import { observationsCommand } from './observations';

/** Every CLI command. Add a new one here; `--help` and docs/cli.md list them from this array. */
export const commands: CliCommand[] = [areasCommand, indicatorsCommand, observationsCommand];
