import type { Store } from '../store-types';

/** The composite index saved with a comparison view (view_index), as JSON the contract validates. */
export function findViewIndex(db: Store, viewId: number): string | undefined {
  return db.prepare('SELECT definition_json FROM view_index WHERE view_id = ?').pluck().get(viewId) as string | undefined;
}

export function saveViewIndex(db: Store, viewId: number, definitionJson: string, now = new Date().toISOString()): void {
  db.prepare(
    `INSERT INTO view_index (view_id, definition_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (view_id) DO UPDATE SET definition_json = excluded.definition_json, updated_at = excluded.updated_at`,
  ).run(viewId, definitionJson, now);
}
