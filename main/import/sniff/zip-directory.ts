import zlib from 'node:zlib';

/**
 * The entries of a ZIP archive (an .xlsx or .ods is one), read from its central directory only:
 * names, sizes and where each entry's data starts — nothing is inflated. Sniffing a file's kind
 * and checking sheet sizes need no more, and inflating a 15 MB workbook just to list it costs
 * over a second.
 */
export interface ZipEntry {
  path: string;
  method: number;
  compressed: number;
  uncompressed: number;
  /** Offset of the entry's (compressed) data in the archive. */
  dataStart: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEocd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/**
 * Whether the archive ends with its directory record. A ZIP is written front to back and its
 * directory last, so a file cut off while copying or downloading has none: it is incomplete,
 * whatever its first entries happen to be.
 */
export function hasZipDirectory(buf: Buffer): boolean {
  return buf.length >= 22 && findEocd(buf) >= 0;
}

/** The entries, or null when the directory cannot be read this way (damaged, ZIP64). */
export function zipEntries(buf: Buffer): ZipEntry[] | null {
  if (buf.length < 22) return null;
  const eocd = findEocd(buf);
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return null;
    const nameLen = buf.readUInt16LE(at + 28);
    const compressed = buf.readUInt32LE(at + 20);
    const uncompressed = buf.readUInt32LE(at + 24);
    const local = buf.readUInt32LE(at + 42);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff || local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) return null;
    out.push({
      path: buf.toString('utf8', at + 46, at + 46 + nameLen),
      method: buf.readUInt16LE(at + 10),
      compressed,
      uncompressed,
      dataStart: local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28),
    });
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}

/** One entry's contents as text (stored or deflated), for the small parts that describe a package. */
export function zipEntryText(buf: Buffer, e: ZipEntry): string {
  const data = buf.subarray(e.dataStart, e.dataStart + e.compressed);
  return (e.method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
}

