/**
 * The one Dutch number formatter of the app (screens, exports and tests use it alike), so a figure
 * looks the same everywhere: "1.234,5", "70%", "€ 256.000.000". Built on Intl.NumberFormat('nl-NL')
 * rather than hand-written separators, as Grist does, so it follows the platform's locale data.
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

const cache = new Map<string, Intl.NumberFormat>();

function formatter(opts: FormatNlOptions): Intl.NumberFormat {
  const key = JSON.stringify(opts);
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

export function formatNl(value: number, opts: FormatNlOptions = {}): string {
  // Intl's percent style multiplies by 100; our percentages are already on the 0–100 scale.
  const shown = opts.style === 'percent' ? value / 100 : value;
  return formatter(opts).format(shown);
}
