import { distance } from 'fastest-levenshtein';
import { nameKey } from '../areas/normalise-name';
import type { UnitCode } from '../numbers/units';
import type { IndicatorCatalogue } from './indicator-catalogue';
import { statlineStem } from './indicator-catalogue';

/**
 * Suggests the indicator a column (or a long table's variable, or a transposed table's row)
 * holds: by CBS short code, by StatLine key, by Dutch name, then by a close name (to confirm).
 * Anything else becomes a new indicator flagged for review, with a code made from its label.
 */
export interface IndicatorSuggestion {
  code: string;
  name: string;
  isNew: boolean;
  /** 1 for code, StatLine and exact name matches; the similarity for a fuzzy match; 0 for new. */
  confidence: number;
  via: 'code' | 'statline' | 'name' | 'fuzzy' | 'new' | 'recipe';
  unit?: UnitCode;
}

const PERIOD_PART = /\s*\|\s*(19|20)\d{2}\*{0,2}\s*$|^\s*(19|20)\d{2}\*{0,2}\s*\|\s*/g;
const UNIT_PART = /\s*\((%|x?\s*€?\s*1[\s.]?000\s*(euro)?|x\s*1000\s*euro|aantal|getal|km|ha|euro|per 1[\s.]?000 inwoners)\)\s*/gi;

/** The label without period, unit brackets and estimate stars: "Inwoners|2020" → "Inwoners". */
export function cleanLabel(label: string): string {
  return label.replace(PERIOD_PART, '').replace(UNIT_PART, ' ').replace(/\*+\s*$/, '').replace(/\s+/g, ' ').trim();
}

export function slugFor(label: string, unitIsPercent = false): string {
  const base = nameKey(label.replace(/%/g, ' pct ')).replace(/ /g, '_').slice(0, 48).replace(/_+$/, '');
  const slug = /^[a-z]/.test(base) ? base : `v_${base}`;
  return unitIsPercent && !slug.startsWith('pct_') && !/(^|_)pct(_|$)/.test(slug) ? `pct_${slug}` : slug || 'indicator';
}

function fuzzyByName(cat: IndicatorCatalogue, key: string): { code: string; score: number } | null {
  let best: { code: string; score: number } | null = null;
  for (const i of cat.indicators) {
    const other = nameKey(i.name);
    const longest = Math.max(key.length, other.length);
    if (longest === 0 || Math.abs(key.length - other.length) / longest > 0.15) continue;
    const score = 1 - distance(key, other) / longest;
    if (score >= 0.85 && (!best || score > best.score)) best = { code: i.code, score: Math.round(score * 1000) / 1000 };
  }
  return best;
}

/**
 * @param label the column's combined header label (or the variable / row label)
 * @param taken codes already given to other new indicators in this file, so they stay unique
 */
export function suggestIndicator(label: string, cat: IndicatorCatalogue, taken: Set<string> = new Set(), unitIsPercent = false): IndicatorSuggestion {
  const trimmed = label.trim();
  const found = (code: string, via: IndicatorSuggestion['via'], confidence = 1): IndicatorSuggestion | null => {
    const i = cat.byCode.get(code);
    return i ? { code: i.code, name: i.name, isNew: false, confidence, via, unit: i.unit } : null;
  };

  const direct = found(trimmed, 'code');
  if (direct) return direct;
  if (/^[A-Za-z][A-Za-z0-9_]*$/.test(trimmed)) {
    const stat = cat.byStatline.get(statlineStem(trimmed));
    if (stat) return { ...(found(stat.code, 'statline') as IndicatorSuggestion) };
    // A publisher's variable code ("BEVTOTAAL") names the indicator its dictionary defined ("bevtotaal").
    const defined = found(slugFor(trimmed), 'code');
    if (defined) return defined;
  }
  const cleaned = cleanLabel(trimmed) || trimmed;
  const parts = cleaned.split(/\s*[|/]\s*/).filter(Boolean);
  for (const candidate of [cleaned, parts[parts.length - 1] ?? cleaned]) {
    const byName = cat.byName.get(nameKey(candidate));
    if (byName && byName.length === 1 && byName[0]) return found(byName[0].code, 'name') as IndicatorSuggestion;
  }
  const near = fuzzyByName(cat, nameKey(cleaned));
  if (near) return found(near.code, 'fuzzy', near.score) as IndicatorSuggestion;

  // A StatLine path ("Theme|Subject|Measure|Binnen 1 km") is named after its most specific parts.
  const slugSource = parts.length >= 3 ? parts.slice(-2).join(' ') : cleaned;
  let code = slugFor(slugSource, unitIsPercent);
  for (let n = 2; cat.byCode.has(code) || taken.has(code); n++) code = `${slugFor(slugSource, unitIsPercent)}_${n}`;
  taken.add(code);
  return { code, name: cleaned, isNew: true, confidence: 0, via: 'new' };
}
