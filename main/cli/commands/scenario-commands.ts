import type { CliCommand } from '../command';

// CLI commands of the scenario feature (issue 4): `scenario templates|template|run|schema|list|show|save|delete`.
export const scenarioCommands: CliCommand[] = [];
