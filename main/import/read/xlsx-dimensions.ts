import zlib from 'node:zlib';
import { zipEntries } from '../sniff/zip-directory';

/**
 * The size of each sheet in an .xlsx, read before parsing so an oversized workbook is refused
 * with its memory never spent. Only the ZIP directory and the first few kilobytes of each sheet
 * are inflated: Excel writes `<dimension ref="A1:DQ123"/>` at the top of every sheet. Writers
 * that leave it out (ExcelJS's streaming writer does) get an upper bound from the sheet's
 * uncompressed size instead — no stored cell takes fewer than MIN_CELL_BYTES of XML.
 */
export interface SheetDimension {
  path: string;
  /** Cells in the declared range, when the sheet declares one. */
  cells?: number;
  /** The declared range's last row (1-based), when the sheet declares one. */
  rows?: number;
  /** The most cells the sheet's XML can hold, from its uncompressed size. */
  maxCells: number;
}

/** `<c r="A1"><v>1</v></c>` is 22 bytes; no cell with content is shorter. */
const MIN_CELL_BYTES = 22;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function lastRowInRef(ref: string): number | undefined {
  const m = /(\d+)$/.exec(ref);
  return m?.[1] ? Number(m[1]) : undefined;
}

function cellsInRef(ref: string): number | undefined {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
  if (!m || !m[1] || !m[2]) return undefined;
  if (!m[3] || !m[4]) return 1;
  return (Number(m[4]) - Number(m[2]) + 1) * (colNumber(m[3]) - colNumber(m[1]) + 1);
}

/** Sheet sizes, or null when the ZIP directory cannot be read this way (ZIP64, damage): then the parse decides. */
export function xlsxSheetDimensions(buf: Buffer): SheetDimension[] | null {
  const entries = zipEntries(buf);
  if (!entries) return null;
  const out: SheetDimension[] = [];
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(e.path)) continue;
    const slice = buf.subarray(e.dataStart, e.dataStart + Math.min(e.compressed, 16 * 1024));
    let head: string;
    try {
      head = (e.method === 8 ? zlib.inflateRawSync(slice, { finishFlush: zlib.constants.Z_SYNC_FLUSH }) : slice).toString('utf8', 0, 8192);
    } catch {
      // An unreadable head is damage the full parse will report with its own reason.
      return null;
    }
    const ref = /<dimension\s+ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/.exec(head)?.[1];
    const cells = ref ? cellsInRef(ref) : undefined;
    const rows = ref ? lastRowInRef(ref) : undefined;
    out.push({ path: e.path, ...(cells !== undefined ? { cells } : {}), ...(rows !== undefined ? { rows } : {}), maxCells: Math.floor(e.uncompressed / MIN_CELL_BYTES) });
  }
  return out;
}
