import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readWorkbook } from '../../../main/import/read/read-workbook';
import type { ReadOptions, Workbook } from '../../../main/import/read/workbook-types';
import type { KnownAlias, KnownArea } from '../../../shared/domain/areas/match-area';
import { buildAreaIndex } from '../../../shared/domain/areas/match-area';
import { buildPreview, type BuildPreviewInput, type BuiltPreview } from '../../../shared/domain/import/build-preview';
import { cellAddress, parseCellAddress } from '../../../shared/domain/import/cell-address';
import { extractRecords, type FigureRecord } from '../../../shared/domain/import/extract-records';
import { loadCatalogue, type IndicatorCatalogue } from '../../../shared/domain/import/indicator-catalogue';
import { ImportPreview } from '../../../shared/domain/import/preview-schema';
import { areaResolver } from '../../../shared/domain/import/resolve-areas';
import { repoRoot } from '../../helpers/real-data';

/** Shared by the importer's integration tests: read a file, build its preview, find figures. */
export function kwbCatalogue(): IndicatorCatalogue {
  const file = path.join(repoRoot, 'resources/indicators/kwb-catalogue.json');
  return loadCatalogue(JSON.parse(readFileSync(file, 'utf8')));
}

export interface Previewed extends BuiltPreview {
  workbook: Workbook;
  figures: Map<string, FigureRecord>;
}

export async function previewFile(
  file: string,
  extra: Partial<Omit<BuildPreviewInput, 'grid' | 'file' | 'catalogue'>> & { read?: ReadOptions; sheet?: string } = {},
): Promise<Previewed> {
  const workbook = await readWorkbook(file, extra.read ?? {});
  const grid = extra.sheet ? workbook.sheets.find((s) => s.name === extra.sheet) : workbook.sheets[0];
  if (!grid) throw new Error(`no sheet ${extra.sheet ?? '(first)'} in ${file}`);
  const built = buildPreview({
    grid,
    file: {
      name: workbook.file.name,
      sha256: workbook.file.sha256,
      format: workbook.file.format,
      sizeBytes: workbook.file.sizeBytes,
      encoding: workbook.csv?.encoding ?? null,
      separator: workbook.csv?.separator ?? null,
    },
    sheetNames: workbook.sheets.map((s) => s.name),
    areas: extra.areas ?? [],
    ...(extra.aliases ? { aliases: extra.aliases } : {}),
    catalogue: kwbCatalogue(),
    ...(extra.recipes ? { recipes: extra.recipes } : {}),
    ...(extra.recipeName !== undefined ? { recipeName: extra.recipeName } : {}),
    ...(extra.overrides ? { overrides: extra.overrides } : {}),
  });
  // The preview crosses the contract boundary: it must satisfy its own schema.
  ImportPreview.parse(built.preview);
  const figures = new Map<string, FigureRecord>();
  const resolver = areaResolver(buildAreaIndex(extra.areas ?? [], extra.aliases ?? []), built.plan.area);
  for (const e of extractRecords(grid, built.plan, resolver)) {
    if (e.kind === 'figure') figures.set(cellAddress(e.r, e.c), e);
  }
  return { ...built, workbook, figures };
}

/** The figure read from `cell`, failing the test loudly when the importer did not read one there. */
export function figureAt(p: Previewed, cell: string): FigureRecord {
  const f = p.figures.get(cell);
  if (!f) throw new Error(`no figure was read from ${cell} (address ${JSON.stringify(parseCellAddress(cell))})`);
  return f;
}

/** Areas known to the store in these tests: every gemeente, wijk and buurt of the CBS 2019 table. */
export async function areasFromC1(file: string): Promise<KnownArea[]> {
  const wb = await readWorkbook(file);
  const s = wb.sheets[0];
  if (!s) throw new Error('C1 table has no sheet');
  const areas: KnownArea[] = [];
  const seen = new Set<string>();
  const add = (a: KnownArea) => {
    if (!seen.has(a.code)) {
      seen.add(a.code);
      areas.push(a);
    }
  };
  for (let r = 1; r < s.rows; r++) {
    const gm = `GM${String(s.cell(r, 1).value).padStart(4, '0')}`;
    if (gm === 'GM9999') continue;
    const wk = `WK${String(s.cell(r, 3).value).padStart(6, '0')}`;
    add({ code: gm, name: s.cell(r, 2).text, kind: 'municipality' });
    add({ code: wk, name: s.cell(r, 4).text, kind: 'district', parentCode: gm });
    add({ code: `BU${String(s.cell(r, 5).value).padStart(8, '0')}`, name: s.cell(r, 6).text, kind: 'neighbourhood', parentCode: wk });
  }
  return areas;
}

export type { KnownAlias, KnownArea };
