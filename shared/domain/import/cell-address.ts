/**
 * A1 addresses as the analyst sees them in Excel ("F23"). Internally rows and columns are 0-based;
 * every address, row number and column letter shown to the analyst or stored as provenance goes
 * through here, so the off-by-one lives in one place. In a CSV, row 1 is the file's first line.
 */

/** 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD". */
export function columnLetter(c: number): string {
  if (!Number.isInteger(c) || c < 0) throw new RangeError(`column index ${c} is not a non-negative integer`);
  let n = c + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26; case-insensitive. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`"${letters}" is not a column letter`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (0, 0) → "A1"; (22, 5) → "F23". */
export function cellAddress(r: number, c: number): string {
  if (!Number.isInteger(r) || r < 0) throw new RangeError(`row index ${r} is not a non-negative integer`);
  return `${columnLetter(c)}${r + 1}`;
}

/** "F23" → { r: 22, c: 5 }; null when the text is not an A1 address. */
export function parseCellAddress(address: string): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m || !m[1] || !m[2]) return null;
  const row = Number(m[2]);
  if (row < 1) return null;
  return { r: row - 1, c: columnIndex(m[1]) };
}

/** The 1-based row number the analyst sees for a 0-based row index. */
export function rowNumber(r: number): number {
  return r + 1;
}
