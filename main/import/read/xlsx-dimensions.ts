import zlib from 'node:zlib';
import { zipEntries } from '../sniff/zip-directory';

/**
 * The size of each sheet in an .xlsx, read before parsing so an oversized workbook is refused
 * with its memory never spent. Only the ZIP directory and the first few kilobytes of each sheet
 * are inflated. Excel writes `<dimension ref="A1:DQ123"/>` at the top of every sheet, but that is
 * a hint at most: LibreOffice declares A1:AB1048576 when whole columns are formatted. What bounds
 * a sheet is its uncompressed size — no stored cell takes fewer than MIN_CELL_BYTES of XML — and
 * the cells counted while it is read (see read-workbook, open-sheet).
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

/**
 * `<c r="A1"><v>1</v></c>` is 22 bytes: no cell as Excel, LibreOffice or SheetJS write them is shorter.
 * A hand-made cell without `r` can be (`<c><v>1</v></c>`, 15 bytes): then this bound is too lenient,
 * and the cells counted while reading (open-sheet, the reading thread) are what refuses the sheet.
 */
export const MIN_CELL_BYTES = 22;

/** The cells a sheet can really hold: its declared range where that fits in its XML, else the most its XML can hold. */
export function likelyCells(d: SheetDimension): number {
  return Math.min(d.cells ?? d.maxCells, d.maxCells);
}

/** The declared last row, where the declared range fits in the sheet's XML (else it says nothing). */
export function likelyRows(d: SheetDimension): number | null {
  return d.rows !== undefined && d.cells !== undefined && d.cells <= d.maxCells ? d.rows : null;
}

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
