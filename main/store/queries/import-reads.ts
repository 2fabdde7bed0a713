import type { Store } from '../store-types';
import type { AreaKind } from '../../../shared/contract/model';
import type { KnownAlias, KnownArea } from '../../../shared/domain/areas/match-area';
import type { SavedRecipe } from '../../../shared/domain/import/build-preview';
import { Recipe } from '../../../shared/contract/import-recipe';

/** What an import needs to know about the store before it reads a file: areas, aliases, mappings, indicators. */
export function knownAreas(db: Store): KnownArea[] {
  const rows = db
    .prepare('SELECT a.code, a.name, a.kind, p.code AS parent_code FROM area a LEFT JOIN area p ON p.id = a.parent_id')
    .all() as { code: string; name: string; kind: AreaKind; parent_code: string | null }[];
  return rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind, parentCode: r.parent_code }));
}

/** Confirmed aliases; a publisher context ('gebiedcode15') keeps Amsterdam's "T" from meaning Zuidoost everywhere. */
export function knownAliases(db: Store): KnownAlias[] {
  const rows = db
    .prepare('SELECT al.alias, a.code, al.context FROM area_alias al JOIN area a ON a.id = al.area_id WHERE al.confirmed = 1')
    .all() as { alias: string; code: string; context: string }[];
  return rows.map((r) => ({ alias: r.alias, code: r.code, context: r.context }));
}

/** Saved mappings; one whose recipe no longer reads (written by a newer app) is left out rather than guessed at. */
export function savedRecipes(db: Store): SavedRecipe[] {
  const rows = db.prepare('SELECT name, signature, recipe_json FROM mapping ORDER BY updated_at DESC, id DESC').all() as { name: string; signature: string; recipe_json: string }[];
  const out: SavedRecipe[] = [];
  for (const r of rows) {
    const recipe = Recipe.safeParse(JSON.parse(r.recipe_json));
    if (recipe.success) out.push({ name: r.name, signature: r.signature, recipe: recipe.data });
  }
  return out;
}

export interface StoreIndicatorRow {
  id: number;
  code: string;
  name: string;
  statline_name: string | null;
  theme: string;
  unit: string;
  aggregation: string;
  weight_indicator_code: string | null;
  direction: string;
  definition: string | null;
  needs_review: 0 | 1;
}

export function storeIndicators(db: Store): StoreIndicatorRow[] {
  return db
    .prepare('SELECT id, code, name, statline_name, theme, unit, aggregation, weight_indicator_code, direction, definition, needs_review FROM indicator')
    .all() as StoreIndicatorRow[];
}

export function findImportedFile(db: Store, sha256: string, sheet: string): { id: number; importedAt: string; reportJson: string | null; observations: number } | undefined {
  // The latest revision: a file whose earlier import left figures out may be imported again.
  const row = db.prepare("SELECT id, imported_at, report_json, coalesce(observations_written, 0) AS observations FROM source WHERE kind = 'file' AND sha256 = ? AND sheet = ? ORDER BY id DESC LIMIT 1").get(sha256, sheet) as
    | { id: number; imported_at: string; report_json: string | null; observations: number }
    | undefined;
  return row ? { id: row.id, importedAt: row.imported_at, reportJson: row.report_json, observations: row.observations } : undefined;
}

/** Earlier imports a new one revises: the same file name and sheet, or the same saved mapping. */
export function earlierImports(db: Store, f: { fileName: string; sheet: string; mappingName: string | null; exceptId: number }): number[] {
  return db
    .prepare(
      `SELECT id FROM source WHERE kind = 'file' AND id <> @except
         AND ((file_name = @file AND sheet = @sheet) OR (@mapping IS NOT NULL AND mapping_name = @mapping))
       ORDER BY id`,
    )
    .pluck()
    .all({ except: f.exceptId, file: f.fileName, sheet: f.sheet, mapping: f.mappingName }) as number[];
}
