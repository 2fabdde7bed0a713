import zlib from 'node:zlib';
import { zipEntries } from '../sniff/zip-directory';

/** A cell's start tag, with or without a namespace prefix (`<c r="A1">`, `<c>`, `<x:c/>`); not `<col>` or `<cfRule>`. */
const CELL_TAG = /<(?:[A-Za-z_][\w.-]*:)?c[\s>/]/g;
/** Bytes carried from one inflated chunk to the next, so a tag split between them is still seen. */
const CARRY = 64;

/**
 * Counts the cell tags of one part of an .xlsx by inflating it as a stream — no parsing, nothing
 * kept — and stops as soon as there are more than `limit`. For a sheet whose declared range is not
 * believed (a zip bomb declaring A1:B2 over hundreds of megabytes of XML): refused in about a
 * second instead of after reading ten million cells. @returns the count, at most limit + 1; null
 * when the part is not in the ZIP directory (then the reading counts).
 */
export function countCellTags(buf: Buffer, partPath: string, limit: number): Promise<number | null> {
  const entry = (zipEntries(buf) ?? []).find((e) => e.path === partPath);
  if (!entry || (entry.method !== 8 && entry.method !== 0)) return Promise.resolve(null);
  const data = buf.subarray(entry.dataStart, entry.dataStart + entry.compressed);
  if (entry.method === 0) return Promise.resolve(count(data.toString('latin1'), limit));
  return new Promise((resolve) => {
    const inflate = zlib.createInflateRaw();
    let n = 0;
    let carry = '';
    let done = false;
    const finish = (value: number | null): void => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(value);
    };
    inflate.on('data', (chunk: Buffer) => {
      const text = carry + chunk.toString('latin1');
      // Tags wholly inside the carried tail were counted with the chunk before.
      CELL_TAG.lastIndex = 0;
      for (let m = CELL_TAG.exec(text); m; m = CELL_TAG.exec(text)) {
        if (m.index + m[0].length > carry.length) n++;
      }
      carry = text.slice(-CARRY);
      if (n > limit) finish(n);
    });
    inflate.on('end', () => finish(n));
    // Damage is the full read's to report, with its own words.
    inflate.on('error', () => finish(null));
    inflate.end(data);
  });
}

function count(text: string, limit: number): number {
  let n = 0;
  CELL_TAG.lastIndex = 0;
  for (let m = CELL_TAG.exec(text); m && n <= limit; m = CELL_TAG.exec(text)) n++;
  return n;
}
