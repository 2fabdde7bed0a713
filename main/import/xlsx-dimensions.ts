import zlib from 'node:zlib';

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
  /** The most cells the sheet's XML can hold, from its uncompressed size. */
  maxCells: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** `<c r="A1"><v>1</v></c>` is 22 bytes; no cell with content is shorter. */
const MIN_CELL_BYTES = 22;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function cellsInRef(ref: string): number | undefined {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
  if (!m || !m[1] || !m[2]) return undefined;
  if (!m[3] || !m[4]) return 1;
  return (Number(m[4]) - Number(m[2]) + 1) * (colNumber(m[3]) - colNumber(m[1]) + 1);
}

function findEocd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** Sheet sizes, or null when the ZIP directory cannot be read this way (ZIP64, damage): then the parse decides. */
export function xlsxSheetDimensions(buf: Buffer): SheetDimension[] | null {
  const eocd = findEocd(buf);
  if (eocd < 0) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out: SheetDimension[] = [];
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return null;
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const uncompressed = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const path = buf.toString('utf8', at + 46, at + 46 + nameLen);
    at += 46 + nameLen + extraLen + commentLen;
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(path)) continue;
    if (compressed === 0xffffffff || uncompressed === 0xffffffff || buf.readUInt32LE(local) !== LOCAL) return null;
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const slice = buf.subarray(dataStart, dataStart + Math.min(compressed, 16 * 1024));
    let head: string;
    try {
      head = (method === 8 ? zlib.inflateRawSync(slice, { finishFlush: zlib.constants.Z_SYNC_FLUSH }) : slice).toString('utf8', 0, 8192);
    } catch {
      // An unreadable head is damage the full parse will report with its own reason.
      return null;
    }
    const ref = /<dimension\s+ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/.exec(head)?.[1];
    const cells = ref ? cellsInRef(ref) : undefined;
    out.push({ path, ...(cells !== undefined ? { cells } : {}), maxCells: Math.floor(uncompressed / MIN_CELL_BYTES) });
  }
  return out;
}
