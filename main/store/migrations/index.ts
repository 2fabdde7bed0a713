// The ordered list of schema migrations. The schema version is the length of this list.
// `?raw` imports the file's text (Vite/Vitest natively; the esbuild build has a small plugin).
import m0001 from './0001-initial.sql?raw';
import m0002 from './0002-import.sql?raw';
import m0003 from './0003-observation-lean.sql?raw';
import m0004 from './0004-latest-period.sql?raw';
import m0005 from './0005-area-first.sql?raw';
import m0006 from './0006-source-extent.sql?raw';
import m0007 from './0007-composition-history.sql?raw';
import m0008 from './0008-boundaries.sql?raw';
import m0009 from './0009-view-index.sql?raw';
import m0010 from './0010-source-revisions.sql?raw';
import m0011 from './0011-area-kind.sql?raw';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: '0001-initial', sql: m0001 },
  { version: 2, name: '0002-import', sql: m0002 },
  { version: 3, name: '0003-observation-lean', sql: m0003 },
  { version: 4, name: '0004-latest-period', sql: m0004 },
  { version: 5, name: '0005-area-first', sql: m0005 },
  { version: 6, name: '0006-source-extent', sql: m0006 },
  { version: 7, name: '0007-composition-history', sql: m0007 },
  { version: 8, name: '0008-boundaries', sql: m0008 },
  { version: 9, name: '0009-view-index', sql: m0009 },
  { version: 10, name: '0010-source-revisions', sql: m0010 },
  { version: 11, name: '0011-area-kind', sql: m0011 },
];

export const latestVersion = migrations.length;
