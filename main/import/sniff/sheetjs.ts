import { createRequire } from 'node:module';
import type * as XLSX from 'xlsx';

/**
 * SheetJS, loaded on first use. Loading it takes a quarter of a second, which every CLI command
 * and every reading thread paid at start even when the file needs no SheetJS (a CSV, a large
 * .xlsx that is streamed). `__filename` is there both in the CommonJS bundles and under Vitest.
 */
let lib: typeof XLSX | undefined;

export function sheetjs(): typeof XLSX {
  lib ??= createRequire(__filename)('xlsx') as typeof XLSX;
  return lib;
}

export type { XLSX };
