/**
 * The web shell's answers on the wire: a long array of objects that all have the same keys (the
 * cells of a comparison of 13,800 neighbourhoods: 138,000 objects of 28 keys) is sent as one key
 * list and rows of values — the key names were three quarters of the bytes. Lossless and
 * reversible: `unpackTables(JSON.parse(JSON.stringify(packTables(x))))` deep-equals `x` for any
 * JSON value. Pure; the server packs (main/web/server.ts), the page unpacks (renderer/api/http-transport.ts).
 */

/** The key that marks a packed table; not a key any contract object has. */
export const PACKED = '\u0000table';

/** Arrays shorter than this are left as they are (packing would not pay). */
const MIN_ROWS = 8;

interface Packed {
  [PACKED]: [keys: string[], rows: unknown[][]];
}

/** obj[key] = value, also for the key "__proto__" (which JSON.parse makes an own key, as this does). */
function put(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

function sameKeys(items: readonly unknown[]): string[] | null {
  const first = items[0];
  if (!isPlainObject(first)) return null;
  const keys = Object.keys(first);
  if (keys.length === 0 || keys.includes(PACKED)) return null;
  for (let i = 1; i < items.length; i++) {
    const item = items[i];
    if (!isPlainObject(item)) return null;
    let n = 0;
    for (const k in item) {
      if (k !== keys[n]) return null;
      n++;
    }
    if (n !== keys.length) return null;
  }
  return keys;
}

export function packTables(value: unknown): unknown {
  if (Array.isArray(value)) {
    const keys = value.length >= MIN_ROWS ? sameKeys(value) : null;
    if (!keys) return value.map(packTables);
    const rows = new Array<unknown[]>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as Record<string, unknown>;
      const row = new Array<unknown>(keys.length);
      for (let k = 0; k < keys.length; k++) {
        const v = item[keys[k] as string];
        // JSON leaves out a key whose value is undefined: such an array is sent as it is
        if (v === undefined) return value.map(packTables);
        row[k] = typeof v === 'object' && v !== null ? packTables(v) : v;
      }
      rows[i] = row;
    }
    return { [PACKED]: [keys, rows] } satisfies Record<string, unknown>;
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const k in value) {
      const v = value[k];
      put(out, k, typeof v === 'object' && v !== null ? packTables(v) : v);
    }
    return out;
  }
  return value;
}

export function unpackTables(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unpackTables);
  if (!isPlainObject(value)) return value;
  const packed = (value as Partial<Packed>)[PACKED];
  if (packed && Object.keys(value).length === 1) {
    const [keys, rows] = packed;
    return rows.map((row) => {
      const item: Record<string, unknown> = {};
      for (let k = 0; k < keys.length; k++) {
        const v = row[k];
        put(item, keys[k] as string, typeof v === 'object' && v !== null ? unpackTables(v) : v);
      }
      return item;
    });
  }
  const out: Record<string, unknown> = {};
  for (const k in value) {
    const v = value[k];
    put(out, k, typeof v === 'object' && v !== null ? unpackTables(v) : v);
  }
  return out;
}
