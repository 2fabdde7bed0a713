import { parsePeriod } from '../period';

/**
 * Where the period of the figures comes from, in order of trust: a period column (per row), the
 * column headers ("2021", "2022*", "Inwoners|2020"), the title rows ("… buurtcijfers 2021"), the
 * sheet name, the file name (kwb-2024.xlsx). A date stamp such as "25042023" in a StatLine export
 * name is the download date, not the period, so only free-standing four-digit years count.
 */
export interface HeaderPeriod {
  period: string;
  provisional: boolean;
}

// A year standing alone: not part of a longer number ("25042023") — letters or _ around it are fine.
const FREE_YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/g;

const MONTHS = 'jan(?:uari)?|feb(?:ruari)?|m(?:aa)?rt|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|aug(?:ustus)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** A date standing for its year: "1 januari 2024", "per 1 jan 2024", "peildatum 01-01-2024", "31-12-2023". */
const DATE = new RegExp(`^(?:(?:per|op|peildatum|stand)\\s+)?\\d{1,2}(?:\\s+(?:${MONTHS})\\.?\\s+|[-/.](?:0?[1-9]|1[0-2])[-/.])((?:19|20)\\d{2})(\\*{0,2})$`, 'i');
/** Words after which a year is not the figure's period: "Bouwjaar voor 2000", "Bevolkingsprognose 2015". */
const NOT_A_PERIOD_BEFORE = /(?:\b(?:voor|vóór|na|vanaf|sinds|tot|t\/m|tm|en|of|uit|sinds|bouwjaar)|prognose)\s*$/i;

/** A period written as a header part: "2021", "2022*", "2019JJ00", "2019-2020", "(2020)", "1 januari 2024". */
export function periodFromHeaderPart(part: string): HeaderPeriod | null {
  const t = part.trim().replace(/^\((.*)\)$/, '$1');
  const m = /^((?:19|20)\d{2})(?:JJ00)?(\*{0,2})$/.exec(t);
  if (m && m[1]) return { period: m[1], provisional: (m[2] ?? '') !== '' };
  const date = DATE.exec(t);
  if (date && date[1]) return { period: date[1], provisional: (date[2] ?? '') !== '' };
  const span = parsePeriod(t);
  if (span && span.yearStart !== span.yearEnd) return { period: span.period, provisional: false };
  return null;
}

/** A header's period and the label without it (the indicator's name: "inwoners 2024" → "inwoners"). */
export interface HeaderPeriodWithStem extends HeaderPeriod {
  stem: string;
}

/**
 * The period in a column's header label: the whole label, or a part after "|", or a bracketed
 * year at the end, or a year or date ending the label ("inwoners 2024", "Inwoners 1 januari 2024").
 * "Bevolkingsprognose 2015" and "Bouwjaar voor 2000" are not periods.
 */
export function periodFromHeader(label: string): HeaderPeriodWithStem | null {
  const parts = label.split('|').map((p) => p.trim()).filter(Boolean);
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = periodFromHeaderPart(parts[i] as string);
    if (p) return { ...p, stem: parts.filter((_, j) => j !== i).join('|') };
  }
  const bracket = /\(((?:19|20)\d{2})\*{0,2}\)\s*$/.exec(label);
  if (bracket && bracket[1]) return { period: bracket[1], provisional: /\*\)\s*$/.test(label), stem: label.slice(0, bracket.index).trim() };
  // A year or a date ending the label, after the name of what is counted.
  const trailing = new RegExp(`^(.*?\\S)[\\s,]+((?:(?:per|op|peildatum|stand)\\s+)?(?:\\d{1,2}(?:\\s+(?:${MONTHS})\\.?\\s+|[-/.](?:0?[1-9]|1[0-2])[-/.]))?(?:19|20)\\d{2}\\*{0,2})$`, 'i').exec(label.trim());
  if (trailing && trailing[1] && trailing[2] && !NOT_A_PERIOD_BEFORE.test(trailing[1]) && /[A-Za-zÀ-ÿ]/.test(trailing[1])) {
    const p = periodFromHeaderPart(trailing[2]);
    if (p) return { ...p, stem: trailing[1].replace(/[\s,:-]+$/, '') };
  }
  return null;
}

/** The one free-standing year in a text (title row, sheet name, file name); null for none or several. */
export function singleYearIn(text: string): string | null {
  const years = new Set<string>();
  for (const m of text.matchAll(FREE_YEAR)) if (m[1]) years.add(m[1]);
  return years.size === 1 ? ([...years][0] ?? null) : null;
}

/** A period cell: 2019, "2019", "2019JJ00", "2019*", "2019-2020". */
export function periodFromCell(text: string): HeaderPeriod | null {
  return periodFromHeaderPart(text);
}

export interface FallbackPeriod {
  period: string;
  from: 'title' | 'sheet_name' | 'file_name';
  text: string;
}

/** Period for a table that has none in a column or its headers. */
export function fallbackPeriod(titles: readonly string[], sheetName: string, fileName: string): FallbackPeriod | null {
  for (const t of titles) {
    const y = singleYearIn(t);
    if (y) return { period: y, from: 'title', text: t };
  }
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]+$/, '');
  // A CSV's only sheet is named after the file; then the year is the file name's.
  const fromSheet = sheetName === base ? null : singleYearIn(sheetName);
  if (fromSheet) return { period: fromSheet, from: 'sheet_name', text: sheetName };
  const fromFile = singleYearIn(base);
  return fromFile ? { period: fromFile, from: 'file_name', text: base } : null;
}
