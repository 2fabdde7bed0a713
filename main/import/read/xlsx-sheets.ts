import { xlsxSheetDimensions, type SheetDimension } from './xlsx-dimensions';
import { zipEntries, zipEntryText } from '../sniff/zip-directory';

/**
 * The sheets of an .xlsx by name, in workbook order, with the part that holds each and its size —
 * read from xl/workbook.xml and its relationships without parsing any sheet, so a large workbook
 * can be streamed (and its size checked) before a single cell is expanded.
 */
export interface XlsxSheet {
  name: string;
  /** The part's path in the archive, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
  /** The number in the part's file name: ExcelJS's streaming reader calls the sheet by it. */
  partNo: number | null;
  dimension: SheetDimension | null;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** A character reference's character; one outside Unicode (&#1114112;) stays as written rather than throwing. */
function codePoint(n: number, written: string): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : written;
}

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) =>
    e.startsWith('#x') || e.startsWith('#X') ? codePoint(parseInt(e.slice(2), 16), m) : e.startsWith('#') ? codePoint(Number(e.slice(1)), m) : (XML_ENTITIES[e] ?? m),
  );
}

/** The sheets, or null when the workbook's parts cannot be read this way (then SheetJS decides). */
export function xlsxSheets(buf: Buffer): XlsxSheet[] | null {
  const entries = zipEntries(buf);
  if (!entries) return null;
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const workbook = byPath.get('xl/workbook.xml');
  const rels = byPath.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return null;
  let wbXml: string;
  let relXml: string;
  try {
    wbXml = zipEntryText(buf, workbook);
    relXml = zipEntryText(buf, rels);
  } catch {
    // Damage the full parse will report with its own reason.
    return null;
  }
  const targets = new Map<string, string>();
  for (const m of relXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const dims = new Map((xlsxSheetDimensions(buf) ?? []).map((d) => [d.path, d]));
  const out: XlsxSheet[] = [];
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id') ?? /\s\w+:id="([^"]*)"/.exec(m[0])?.[1];
    const path = rid ? targets.get(rid) : undefined;
    if (name === undefined || !path) continue;
    const partNo = /sheet(\d+)\.xml$/i.exec(path)?.[1];
    out.push({ name: unescapeXml(name), path, partNo: partNo ? Number(partNo) : null, dimension: dims.get(path) ?? null });
  }
  return out.length > 0 ? out : null;
}
