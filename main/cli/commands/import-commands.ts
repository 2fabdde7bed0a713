import type { CliCommand } from '../command';

// CLI commands of the import feature (issue 3): import, sources, mappings.
export const importCommands: CliCommand[] = [];
