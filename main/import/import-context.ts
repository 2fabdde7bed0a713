import kwbCatalogueJson from '../../resources/indicators/kwb-catalogue.json';
import type { ParsedCommitRequest, ParsedImportRequest } from './import-requests';
import { Aggregation, Direction, Theme } from '../../shared/contract/model';
import type { KnownAlias, KnownArea } from '../../shared/domain/areas/match-area';
import type { PipelineInput, SavedRecipe } from '../../shared/domain/import/build-preview';
import { loadCatalogue, type CatalogueIndicator, type IndicatorCatalogue } from '../../shared/domain/import/indicator-catalogue';
import { UnitCode } from '../../shared/domain/numbers/units';
import type { Store } from '../store/open-store';
import { knownAliases, knownAreas, savedRecipes, storeIndicators, type StoreIndicatorRow } from '../store/queries/import-reads';
import type { OpenSheetOptions } from './walk/open-sheet';

/**
 * What an import reads from the store before it reads the file: the areas and confirmed aliases to
 * match against, the saved mappings, and the indicators to suggest — the shipped CBS catalogue
 * plus the store's own (so a file's new indicator is recognised by name the next time).
 */
export interface ImportContext {
  areas: KnownArea[];
  aliases: KnownAlias[];
  recipes: SavedRecipe[];
  /** The shipped catalogue and the store's indicators, for suggestions. */
  catalogue: IndicatorCatalogue;
  /** The shipped catalogue alone: a code from it that the store lacks is created from it. */
  shipped: IndicatorCatalogue;
}

let shipped: IndicatorCatalogue | undefined;
export function shippedCatalogue(): IndicatorCatalogue {
  shipped ??= loadCatalogue(kwbCatalogueJson);
  return shipped;
}
export const SHIPPED_CATALOGUE_SOURCE: string = (kwbCatalogueJson as { source: string }).source;

/** A store indicator as a catalogue entry, when it has what a suggestion needs (the NPLV programme figures do not). */
function asCatalogueEntry(r: StoreIndicatorRow, codes: ReadonlySet<string>): CatalogueIndicator | null {
  const unit = UnitCode.safeParse(r.unit);
  const theme = Theme.safeParse(r.theme);
  const aggregation = Aggregation.safeParse(r.aggregation);
  const direction = Direction.safeParse(r.direction);
  if (!unit.success || !theme.success || !aggregation.success || !direction.success || !/^[a-z0-9_]+$/.test(r.code)) return null;
  const weighted = aggregation.data === 'weighted_mean';
  if (weighted && (!r.weight_indicator_code || !codes.has(r.weight_indicator_code))) return null;
  return {
    code: r.code, name: r.name, statline: r.statline_name, unit: unit.data, theme: theme.data, aggregation: aggregation.data,
    weight: weighted ? r.weight_indicator_code : null, direction: direction.data, definition: r.definition,
  };
}

export function loadImportContext(db: Store): ImportContext {
  const kwb = shippedCatalogue();
  const rows = storeIndicators(db).filter((r) => !kwb.byCode.has(r.code) && !r.code.startsWith('nplv_'));
  const codes = new Set([...kwb.byCode.keys(), ...rows.map((r) => r.code)]);
  const own = rows.map((r) => asCatalogueEntry(r, codes)).filter((i): i is CatalogueIndicator => i !== null);
  return {
    areas: knownAreas(db),
    aliases: knownAliases(db),
    recipes: savedRecipes(db),
    catalogue: loadCatalogue(kwbCatalogueJson, { catalogue: 'store', title: 'Indicators in the store', source: 'store', indicators: own }),
    shipped: kwb,
  };
}

export function readOptions(req: ParsedImportRequest): OpenSheetOptions {
  return { sheet: req.sheet, ...(req.encoding ? { encoding: req.encoding } : {}), ...(req.separator ? { separator: req.separator } : {}) };
}

export function pipelineInput(req: ParsedImportRequest | ParsedCommitRequest, ctx: ImportContext): PipelineInput {
  const mapping = req.mapping ?? 'auto';
  return {
    areas: ctx.areas,
    aliases: ctx.aliases,
    catalogue: ctx.catalogue,
    recipes: ctx.recipes,
    ...(mapping === 'none' ? { recipeName: null } : mapping === 'auto' ? {} : { recipeName: mapping }),
    overrides: {
      ...(req.layout ? { layout: req.layout } : {}),
      ...(req.headerRows ? { headerRows: req.headerRows.map((r) => r - 1) } : {}),
      ...(req.period ? { period: req.period } : {}),
      ...(req.decimalSeparator ? { decimalSeparator: req.decimalSeparator } : {}),
    },
    ...(req.choices ? { choices: req.choices } : {}),
    ...(req.block !== undefined || req.range ? { part: { ...(req.block !== undefined ? { block: req.block } : {}), ...(req.range ? { range: req.range } : {}) } } : {}),
  };
}
