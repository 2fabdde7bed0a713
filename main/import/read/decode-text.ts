import iconv from 'iconv-lite';

/**
 * Text files arrive as UTF-8 (with or without BOM, from StatLine and most tools), UTF-16 (Excel's
 * "Unicode text") or Windows-1252 (Dutch Excel's "CSV (gescheiden door lijstscheidingsteken)").
 * A BOM decides; otherwise a file that is valid UTF-8 is UTF-8 — Windows-1252 text with accents
 * is almost never valid UTF-8 by accident — and anything else is read as Windows-1252. A file that
 * mixes the two (lines pasted together from both) is read line by line when detected: each line
 * that is valid UTF-8 as UTF-8, the others as Windows-1252, so "’s-Gravenhage" in a UTF-8 line
 * does not become "â€™s-Gravenhage" because another line has a Windows-1252 "ú".
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** True when the encoding was detected, false when the caller forced it. */
  detected: boolean;
}

function isValidUtf8(buf: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    // A decoding error is the answer to the question, not a failure to report.
    return false;
  }
}

function isContinuation(b: number | undefined): boolean {
  return b !== undefined && b >= 0x80 && b <= 0xbf;
}

/** Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence (a pure Windows-1252 text almost never does). */
function hasUtf8Sequence(buf: Uint8Array): boolean {
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i] as number;
    if (b < 0xc2 || b > 0xf4) continue;
    const need = b <= 0xdf ? 1 : b <= 0xef ? 2 : 3;
    let ok = true;
    for (let k = 1; k <= need && ok; k++) ok = isContinuation(buf[i + k]);
    if (ok) return true;
  }
  return false;
}

/** Line by line: UTF-8 where a line is valid UTF-8, else Windows-1252. */
function decodeMixed(bytes: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const out: string[] = [];
  for (let start = 0; start < bytes.length; ) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl + 1;
    const line = bytes.subarray(start, end);
    try {
      out.push(utf8.decode(line));
    } catch {
      // Not UTF-8: this line is Windows-1252.
      out.push(iconv.decode(line, 'win1252'));
    }
    start = end;
  }
  return out.join('');
}

export function detectEncoding(buf: Uint8Array): TextEncoding {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8-bom';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return isValidUtf8(buf) ? 'utf-8' : 'windows-1252';
}

export function decodeText(buf: Uint8Array, forced?: TextEncoding): DecodedText {
  const encoding = forced ?? detectEncoding(buf);
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let text: string;
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      text = bytes.toString('utf8');
      break;
    case 'utf-16le':
      text = bytes.toString('utf16le');
      break;
    case 'utf-16be':
      text = iconv.decode(bytes, 'utf-16be');
      break;
    case 'windows-1252':
      text = forced === undefined && hasUtf8Sequence(bytes) ? decodeMixed(bytes) : iconv.decode(bytes, 'win1252');
      break;
  }
  // The BOM is an encoding mark, not content: it must not stick to the first header label.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding, detected: forced === undefined };
}
