import type Database from 'better-sqlite3';

/** An open project store (one SQLite file). Queries take it; open-store.ts makes one. */
export type Store = Database.Database;
