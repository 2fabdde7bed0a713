/**
 * The app's only Dutch number formatter: every screen, the CLI's Dutch output and the exports format
 * numbers through these functions, so a figure looks the same everywhere: "1.234,5", "70%",
 * "€ 256.000.000". Built on Intl.NumberFormat('nl-NL') rather than hand-written separators, so it
 * follows the platform's locale data. (A figure with its unit, qualifier and CBS sign: ./figure.ts.)
 */

export interface FormatNlOptions {
  /** Maximum number of decimals (default 3, Intl's own default). */
  decimals?: number;
  /** Minimum number of decimals, e.g. 1 to show "16,0" as CBS does. */
  minDecimals?: number;
  /** 'percent' takes a value on the 0–100 scale (70 → "70%"). */
  style?: 'decimal' | 'percent' | 'euro';
  /** Thousands grouping (default true). */
  grouping?: boolean;
}

/** What follows a percentage: "0,9%" (no space, as the screens have always printed it). */
export const PERCENT_SIGN = '%';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(opts: FormatNlOptions): Intl.NumberFormat {
  const key = `${opts.style ?? ''}|${opts.decimals ?? ''}|${opts.minDecimals ?? ''}|${opts.grouping ?? ''}`;
  let f = cache.get(key);
  if (!f) {
    const max = opts.decimals ?? (opts.style === 'euro' ? 2 : 3);
    const min = Math.min(opts.minDecimals ?? (opts.style === 'euro' ? Math.min(2, max) : 0), max);
    f = new Intl.NumberFormat('nl-NL', {
      style: opts.style === 'euro' ? 'currency' : opts.style === 'percent' ? 'percent' : 'decimal',
      ...(opts.style === 'euro' ? { currency: 'EUR' } : {}),
      maximumFractionDigits: max,
      minimumFractionDigits: min,
      useGrouping: opts.grouping ?? true,
    });
    cache.set(key, f);
  }
  return f;
}

/** Any number the Dutch way; the helpers below are the common cases. */
export function formatNl(value: number, opts: FormatNlOptions = {}): string {
  // Intl's percent style multiplies by 100; our percentages are already on the 0–100 scale.
  const shown = opts.style === 'percent' ? value / 100 : value;
  return formatter(opts).format(shown);
}

/** A count with thousands separators and at most three decimals (Intl's default): "12.345". */
export const formatCount = (n: number): string => formatNl(n);

/** Rounded to a whole number: "12.346". */
export const formatInteger = (n: number): string => formatNl(n, { decimals: 0 });

/** Exactly `decimals` decimals: formatFixed(85.333, 2) → "85,33", formatFixed(16, 1) → "16,0". */
export const formatFixed = (n: number, decimals: number): string => formatNl(n, { decimals, minDecimals: decimals });

/** At most `decimals` decimals, trailing zeros dropped: formatDecimal(2.5, 2) → "2,5". */
export const formatDecimal = (n: number, decimals: number): string => formatNl(n, { decimals });

/** Without thousands separators (years, codes typed by the analyst): "2028". */
export const formatPlain = (n: number, decimals = 3): string => formatNl(n, { decimals, grouping: false });

/** Euro as millions, without the unit (it goes in a column header "€ mln"): 85_333_000 → "85,33". */
export const formatMillions = (euro: number, decimals = 2): string => formatFixed(euro / 1e6, decimals);

/** A percentage on the 0–100 scale with exactly `decimals` decimals: 0.9 → "0,9%". */
export const formatPercent = (pct: number, decimals = 1): string => `${formatFixed(pct, decimals)}${PERCENT_SIGN}`;

/** A file size as the import wizard shows it: "512 bytes", "24 kB", "3,5 MB". */
export function formatBytes(n: number): string {
  // A small export is a few hundred bytes: "0 kB" would say it is empty.
  if (n < 1024) return `${formatCount(n)} bytes`;
  if (n < 1024 * 1024) return `${formatInteger(n / 1024)} kB`;
  return `${formatDecimal(n / (1024 * 1024), 1)} MB`;
}
