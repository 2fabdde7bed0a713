import { levelFromHeader, normaliseAreaCode, type CbsLevel } from '../areas/normalise-code';

export type BoundaryKind = 'municipality' | 'district' | 'neighbourhood';

export interface FeatureIdentity {
  code: string;
  kind: BoundaryKind;
  name: string | null;
}

/**
 * The CBS code of a boundary feature, from whichever property carries it. The wijk- en buurtkaart
 * names them `buurtcode`/`wijkcode`/`gemeentecode` (2019 on), `BU_CODE`/`WK_CODE`/`GM_CODE` (older),
 * PDOK's CBS-gebiedsindelingen `statcode`. A buurt feature also carries its wijk and gemeente codes,
 * so the most specific code wins.
 */
const CODE_KEY = /^(statcode|code|(buurt|wijk|gemeente|bu|wk|gm|gem)_?code|gwb_?code(_\d+)?)$/i;
const NAME_KEY: Record<BoundaryKind, RegExp> = {
  neighbourhood: /^(buurtnaam|bu_naam|statnaam|naam|name)$/i,
  district: /^(wijknaam|wk_naam|statnaam|naam|name)$/i,
  municipality: /^(gemeentenaam|gm_naam|gemnaam|statnaam|naam|name)$/i,
};
const DEPTH: Record<BoundaryKind, number> = { municipality: 1, district: 2, neighbourhood: 3 };

export function identifyFeature(properties: Record<string, unknown> | null | undefined): FeatureIdentity | null {
  if (!properties) return null;
  let best: { code: string; kind: BoundaryKind } | null = null;
  for (const [key, raw] of Object.entries(properties)) {
    if (!CODE_KEY.test(key) || (typeof raw !== 'string' && typeof raw !== 'number')) continue;
    const level: CbsLevel | undefined = levelFromHeader(key);
    const found = normaliseAreaCode(raw, level ? { level } : { padded: /gwb/i.test(key) });
    if (!found || found.level === 'country') continue;
    const kind = found.level;
    if (!best || DEPTH[kind] > DEPTH[best.kind]) best = { code: found.code, kind };
  }
  if (!best) return null;
  const kind = best.kind;
  const nameEntry = Object.entries(properties).find(([k, v]) => NAME_KEY[kind].test(k) && typeof v === 'string' && v.trim() !== '');
  return { ...best, name: nameEntry ? String(nameEntry[1]).trim() : null };
}

/** The year a file's name or properties give (`wijkenbuurten_2024`, `jaarcode: 2024`), if one. */
export function yearFromProperties(properties: Record<string, unknown> | null | undefined): number | null {
  if (!properties) return null;
  for (const [key, raw] of Object.entries(properties)) {
    if (!/^(jaar|jaarcode|year)$/i.test(key)) continue;
    const y = Number(raw);
    if (Number.isInteger(y) && y >= 1990 && y <= 2100) return y;
  }
  return null;
}

export function yearFromFileName(name: string): number | null {
  const m = /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/.exec(name);
  return m?.[1] ? Number(m[1]) : null;
}
