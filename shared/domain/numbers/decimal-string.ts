/**
 * Exact scaling of decimal figures. "35,7" in a column headed "x 1 000 euro" must become exactly
 * 35700, not 35700.00000000001, because the stored value is compared with the cell it came from.
 * Scales are powers of ten, so shifting the decimal point in the digit string is exact.
 */

/** A canonical decimal string: optional "-", digits, optional "." and digits. */
const CANONICAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Moves the decimal point `exponent` places to the right (left when negative). */
export function shiftDecimal(canonical: string, exponent: number): string {
  const m = CANONICAL.exec(canonical);
  if (!m) throw new Error(`not a canonical decimal: ${canonical}`);
  const negative = m[1] === '-';
  let intPart = m[2] ?? '0';
  let fracPart = m[3] ?? '';
  if (exponent > 0) {
    fracPart = fracPart.padEnd(exponent, '0');
    intPart += fracPart.slice(0, exponent);
    fracPart = fracPart.slice(exponent);
  } else if (exponent < 0) {
    const k = -exponent;
    intPart = intPart.padStart(k + 1, '0');
    fracPart = intPart.slice(intPart.length - k) + fracPart;
    intPart = intPart.slice(0, intPart.length - k);
  }
  intPart = intPart.replace(/^0+(?=\d)/, '');
  fracPart = fracPart.replace(/0+$/, '');
  const body = fracPart ? `${intPart}.${fracPart}` : intPart;
  return negative && body !== '0' ? `-${body}` : body;
}

/** log10 of a scale when it is an exact power of ten (1000 → 3), else null. */
export function powerOfTen(scale: number): number | null {
  if (!(scale > 0)) return null;
  const e = Math.round(Math.log10(scale));
  return 10 ** e === scale ? e : null;
}

/** Scales a number exactly when both the number prints plainly and the scale is a power of ten. */
export function scaleNumber(value: number, scale: number): number {
  if (scale === 1) return value;
  const e = powerOfTen(scale);
  const printed = String(value);
  if (e === null || !CANONICAL.test(printed)) return value * scale;
  return Number(shiftDecimal(printed, e));
}

/** Scales a canonical decimal string by a power-of-ten exponent and returns the number. */
export function scaledValue(canonical: string, exponent: number): number {
  return Number(exponent === 0 ? canonical : shiftDecimal(canonical, exponent));
}
