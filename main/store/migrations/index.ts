// The ordered list of schema migrations. The schema version is the length of this list.
// `?raw` imports the file's text (Vite/Vitest natively; the esbuild build has a small plugin).
import m0001 from './0001-initial.sql?raw';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [{ version: 1, name: '0001-initial', sql: m0001 }];

export const latestVersion = migrations.length;
