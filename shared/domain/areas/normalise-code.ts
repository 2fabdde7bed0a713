import type { AreaKind } from '../../contract/model';

/**
 * CBS area codes in every form they turn up in: "GM0363", "gm363", StatLine's right-padded
 * "GM0363    ", KWB's digits-only "0344"/"034401"/"03440111" (gwb_code_8), and the maatwerk
 * tables' integers without leading zeros (gemeente 3, wijk 300, buurt 30000), which only make
 * sense together with the column they stand in. A wijk code is its gemeente code plus two digits
 * and a buurt code its wijk code plus two, so the hierarchy follows from the code itself.
 */

export type CbsLevel = 'country' | 'municipality' | 'district' | 'neighbourhood';

export interface CbsCode {
  code: string;
  level: CbsLevel;
}

const PREFIX: Record<Exclude<CbsLevel, 'country'>, { prefix: string; digits: number }> = {
  municipality: { prefix: 'GM', digits: 4 },
  district: { prefix: 'WK', digits: 6 },
  neighbourhood: { prefix: 'BU', digits: 8 },
};

const BY_PREFIX: Record<string, Exclude<CbsLevel, 'country'>> = { GM: 'municipality', WK: 'district', BU: 'neighbourhood' };
const BY_LENGTH: Record<number, Exclude<CbsLevel, 'country'>> = { 4: 'municipality', 6: 'district', 8: 'neighbourhood' };

export const LEVEL_KIND: Record<CbsLevel, AreaKind> = {
  country: 'country',
  municipality: 'municipality',
  district: 'district',
  neighbourhood: 'neighbourhood',
};

function withPrefix(level: Exclude<CbsLevel, 'country'>, digits: string): CbsCode | null {
  const spec = PREFIX[level];
  if (digits.length > spec.digits) return null;
  return { code: spec.prefix + digits.padStart(spec.digits, '0'), level };
}

export interface NormaliseOptions {
  /** The level the column holds (from its header: "Gemeentecode", "wijkcode", "gemnr"). */
  level?: CbsLevel;
  /**
   * Digits-only codes keep their leading zeros (KWB's gwb_code_8: "0344", "034401"), so their
   * length gives the level. Set by the preview when a whole column has lengths 4, 6 and 8.
   */
  padded?: boolean;
}

/** A CBS code for the raw cell, or null when it is not one (a name, a BBGA "T", an empty cell). */
export function normaliseAreaCode(raw: string | number, opts: NormaliseOptions = {}): CbsCode | null {
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || raw < 0) return null;
    return opts.level && opts.level !== 'country' ? withPrefix(opts.level, String(raw)) : null;
  }
  const t = raw.trim().toUpperCase();
  if (/^NL0?[01]?$/.test(t)) return { code: 'NL00', level: 'country' };
  const prefixed = /^(GM|WK|BU)\s*(\d{1,8})$/.exec(t);
  if (prefixed && prefixed[1] && prefixed[2]) {
    const level = BY_PREFIX[prefixed[1]];
    return level ? withPrefix(level, prefixed[2]) : null;
  }
  if (!/^\d{1,8}$/.test(t)) return null;
  if (opts.level && opts.level !== 'country') return withPrefix(opts.level, t);
  const byLength = BY_LENGTH[t.length];
  if (byLength && (opts.padded || t.startsWith('0'))) return withPrefix(byLength, t);
  // Without a leading zero or a column hint, only 7 or 8 digits are unambiguous (buurt codes).
  if (t.length >= 7) return withPrefix('neighbourhood', t);
  return null;
}

export function levelOfCode(code: string): CbsLevel | null {
  if (code === 'NL00') return 'country';
  const m = /^(GM|WK|BU)(\d+)$/.exec(code);
  if (!m || !m[1] || !m[2]) return null;
  const level = BY_PREFIX[m[1]];
  return level && m[2].length === PREFIX[level].digits ? level : null;
}

/** BU03440311 → WK034403 → GM0344 → NL00 → null. */
export function parentCode(code: string): string | null {
  const level = levelOfCode(code);
  if (level === 'neighbourhood') return `WK${code.slice(2, 8)}`;
  if (level === 'district') return `GM${code.slice(2, 6)}`;
  if (level === 'municipality') return 'NL00';
  return null;
}

/** The gemeente a CBS code belongs to (itself for a GM code). */
export function municipalityOf(code: string): string | null {
  const level = levelOfCode(code);
  if (level === 'country' || level === null) return null;
  return `GM${code.slice(2, 6)}`;
}

/** The level a column header announces: "Gemeentecode", "gemnr", "Wijkcode", "buurtcode". */
export function levelFromHeader(header: string): CbsLevel | undefined {
  const h = header.toLowerCase();
  if (/buurt/.test(h)) return 'neighbourhood';
  if (/wijk/.test(h)) return 'district';
  if (/gemeente|\bgem_?(nr|naam|code)\b|\bgm_?(code|naam)\b|gemcode/.test(h)) return 'municipality';
  return undefined;
}
