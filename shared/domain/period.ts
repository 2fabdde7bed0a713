/**
 * Periods as the store keeps them: '2024' (a year), '2023-2025' (a span of years) or
 * '2019-01-01' (a reference date). year_start/year_end make them sortable and filterable.
 */
export interface PeriodRange {
  period: string;
  yearStart: number;
  yearEnd: number;
}

export function parsePeriod(text: string): PeriodRange | null {
  const t = text.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m) return { period: t, yearStart: Number(m[1]), yearEnd: Number(m[1]) };
  m = /^(\d{4})\s*[-–/]\s*(\d{4})$/.exec(t);
  if (m && Number(m[2]) >= Number(m[1])) return { period: `${m[1]}-${m[2]}`, yearStart: Number(m[1]), yearEnd: Number(m[2]) };
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return { period: t, yearStart: Number(m[1]), yearEnd: Number(m[1]) };
  return null;
}

/** Dutch label for display: '2023–2025', '1-1-2019'. */
export function periodLabel(period: string): string {
  const span = /^(\d{4})-(\d{4})$/.exec(period);
  if (span) return `${span[1]}–${span[2]}`;
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (date) return `${Number(date[3])}-${Number(date[2])}-${date[1]}`;
  return period;
}
