import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPreview } from '../../../shared/domain/import/build-preview';
import { gridFromRows, type CellInput } from '../../../shared/domain/import/grid';
import { loadCatalogue } from '../../../shared/domain/import/indicator-catalogue';
import { readingSize } from '../../../main/import/walk/open-sheet';
import { problemText } from '../../../renderer/features/import/problem-text';
import { repoRoot } from '../../helpers/real-data';

const catalogue = loadCatalogue(JSON.parse(readFileSync(path.join(repoRoot, 'resources/indicators/kwb-catalogue.json'), 'utf8')) as unknown);

function nothing(rows: CellInput[][]) {
  const { preview } = buildPreview({ grid: gridFromRows('Blad1', rows), file: { name: 'x-2024.csv', format: 'csv' }, areas: [], catalogue });
  return { preview, problem: preview.problems.find((p) => p.kind === 'nothing_imported') };
}

describe('a table with nothing to import says why (hostile corpus)', () => {
  it('an empty sheet', () => {
    const { problem } = nothing([]);
    expect(problem).toMatchObject({ severity: 'error', message: 'nothing in x-2024.csv can be imported: sheet "Blad1" is empty' });
    expect(problemText(problem!)).toBe('Het blad is leeg; er is niets te importeren.');
  });

  it('a header without rows', () => {
    const { problem } = nothing([['Gemeentecode', 'Inwoners']]);
    expect(problem?.message).toBe('nothing in x-2024.csv can be imported: sheet "Blad1" has a header but no rows below it');
  });

  it('no column of figures: names the first text cell, quoting only the start of a long one', () => {
    const { preview, problem } = nothing([['Gemeentecode', 'Inwoners'], ['GM0363', '=1+1'], ['GM0599', "=cmd|' /C calc'!A0"]]);
    expect(preview.figures.toImport).toBe(0);
    expect(problem).toMatchObject({ cell: 'B2', raw: '=1+1', message: 'nothing in x-2024.csv can be imported: no column of sheet "Blad1" holds figures (numbers or CBS signs): column B ("Inwoners") holds text, such as "=1+1"' });
    expect(problemText(problem!)).toBe('Geen kolom bevat cijfers (getallen of CBS-tekens): cel B2 bevat tekst, zoals "=1+1". Formules en tekst worden niet als cijfer geïmporteerd.');
    const long = nothing([['Gemeentecode', 'Inwoners'], ['GM0363', '7'.repeat(100_000)]]).problem;
    expect(long?.message).toMatch(/such as "7{40}… \(100,000 characters\)"$/);
  });

  it('says nothing extra when there are figures', () => {
    expect(nothing([['Gemeentecode', 'Inwoners'], ['GM0363', 5]]).problem).toBeUndefined();
  });
});

describe('readingSize: the cells that decide whether a sheet is streamed', () => {
  it('believes a declared range, unless it is tiny for the XML (a zip bomb declaring A1:B2)', () => {
    expect(readingSize({ path: 'x', cells: 2_000_000, rows: 100_000, maxCells: 3_000_000 })).toBe(2_000_000);
    expect(readingSize({ path: 'x', cells: 4, rows: 2, maxCells: 12_700_000 })).toBe(12_700_000);
    expect(readingSize({ path: 'x', cells: 100, rows: 10, maxCells: 6_400 })).toBe(100);
    expect(readingSize({ path: 'x', maxCells: 5_000 })).toBe(5_000);
  });
});
