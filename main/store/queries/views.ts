import type { Store } from '../store-types';

/** Saved comparison views (saved_view, kind 'compare'): a name and the view's state as JSON. */

export interface ViewRow {
  id: number;
  name: string;
  state_json: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, name, state_json, created_at, updated_at';

export function listViews(db: Store): ViewRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM saved_view WHERE kind = 'compare' ORDER BY name COLLATE NOCASE, id`).all() as ViewRow[];
}

export function findView(db: Store, name: string): ViewRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM saved_view WHERE kind = 'compare' AND name = ?`).get(name) as ViewRow | undefined;
}

/** Insert or replace the state of the view with this name; returns its row. */
export function saveView(db: Store, name: string, stateJson: string, now = new Date().toISOString()): ViewRow {
  db.prepare(
    `INSERT INTO saved_view (name, kind, state_json, created_at, updated_at) VALUES (?, 'compare', ?, ?, ?)
     ON CONFLICT (kind, name) DO UPDATE SET state_json = excluded.state_json, updated_at = excluded.updated_at`,
  ).run(name, stateJson, now, now);
  return findView(db, name) as ViewRow;
}

export function renameView(db: Store, name: string, newName: string, now = new Date().toISOString()): number {
  return db.prepare("UPDATE saved_view SET name = ?, updated_at = ? WHERE kind = 'compare' AND name = ?").run(newName, now, name).changes;
}

export function deleteView(db: Store, name: string): number {
  return db.prepare("DELETE FROM saved_view WHERE kind = 'compare' AND name = ?").run(name).changes;
}
