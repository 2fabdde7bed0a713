import { isLessThanHalfLegend, isWrittenZero, standaloneSign, takeProvisionalStars } from './cbs-signs';
import { powerOfTen, scaleNumber, scaledValue } from './decimal-string';
import { takeQualifier, takeScale, takeUnit } from './number-words';
import type { CellUnit, ColumnContext, ParsedCell, ParsedNumber, RawCell } from './parsed-cell';
import { parseNumberToken } from './parse-number-token';

/**
 * One cell → a typed figure, sign, text or "invalid" with a reason. Never throws and never guesses
 * silently: "." stays unknown (not 0), "-" is a real zero, "1.400" without any hint is read the
 * Dutch way and flagged, and anything with digits that still cannot be read is `invalid`.
 */

// Non-breaking and narrow spaces come from Excel's Dutch formats and from Intl output.
const ODD_SPACES = /[\u00a0\u202f\u2007\u2009]/g;
const RANGE = /^(?:tussen\s+)?(.+?)\s*(?:\s(?:tot en met|t\/m|tot|to|à|en)\s|[–—-])\s*(.+)$/i;

interface Figure {
  canonical: string;
  ambiguous: boolean;
  unit?: CellUnit;
  exponent?: number;
}

/** Unit and magnitude words may sit on either side: "€ 256 miljoen", "256 mln euro", "70 procent". */
function readFigure(text: string, decimal: ColumnContext['decimalSeparator']): Figure | null {
  let rest = text;
  const first = takeUnit(rest);
  rest = first.rest;
  const scale = takeScale(rest);
  rest = scale.rest;
  const second = first.unit ? { rest } : takeUnit(rest);
  rest = second.rest;
  const token = parseNumberToken(rest, decimal);
  if (!token) return null;
  const unit = first.unit ?? second.unit;
  return {
    canonical: token.canonical,
    ambiguous: token.ambiguous,
    ...(unit ? { unit } : {}),
    ...(scale.exponent !== undefined ? { exponent: scale.exponent } : {}),
  };
}

function valueOf(fig: Figure, ctx: ColumnContext): number {
  // A magnitude written in the cell beats the header's "x 1 000": the cell says what it means.
  if (fig.exponent !== undefined) return scaledValue(fig.canonical, fig.exponent);
  const columnScale = ctx.scale ?? 1;
  const e = powerOfTen(columnScale);
  return e === null ? Number(fig.canonical) * columnScale : scaledValue(fig.canonical, e);
}

function parseRange(text: string, ctx: ColumnContext): ParsedNumber | null {
  const m = RANGE.exec(text);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const right = readFigure(m[2], ctx.decimalSeparator);
  const left = readFigure(m[1], ctx.decimalSeparator);
  if (!left || !right) return null;
  // "5 tot 10 miljoen": the magnitude and unit written once apply to both ends.
  const shared: Figure = { ...left, ...(left.exponent === undefined && right.exponent !== undefined ? { exponent: right.exponent } : {}) };
  const low = valueOf(shared, ctx);
  const high = valueOf(right, ctx);
  if (!(low <= high)) return null;
  const unit = left.unit ?? right.unit;
  return {
    kind: 'number',
    value: (low + high) / 2,
    low,
    high,
    ...(unit ? { unit } : {}),
    ...(left.ambiguous || right.ambiguous ? { ambiguous: true as const } : {}),
  };
}

function fromWorkbookValue(value: number, text: string, ctx: ColumnContext): ParsedCell {
  // Excel stores 70% as 0.7 and shows "70%"; we keep percentages on the 0–100 scale CBS uses.
  // (\s includes the odd spaces, so the text as it stands will do.)
  const percent = text.includes('%') && /%\s*$/.test(text);
  const asShown = percent ? scaleNumber(value, 100) : value;
  const result: ParsedNumber = { kind: 'number', value: scaleNumber(asShown, ctx.scale ?? 1) };
  if (percent) result.unit = 'percent';
  if (value === 0 && ctx.zeroIsLessThanHalfUnit) result.sign = 'less_than_half_unit';
  return result;
}

/**
 * The longest text read as a figure. The longest real one ("ca. € 1.234.567.890,12 miljoen*")
 * is far shorter; a longer cell is text, or — made of digits — refused as too long. Without this
 * bound a CSV cell of 60 MB of digits went through every word and number pattern (2.5 µs a
 * character: 146 s of CPU) and came back as Infinity, quoted whole in its problem message.
 */
export const MAX_FIGURE_TEXT = 200;
const FIGURE_CHARS = /^[\d\s.,'’+\-−–€%*()]+$/;

/** A cell's text for a message: its start, and how long it is when that is not all of it. */
function quoted(text: string): string {
  return text.length <= 40 ? `"${text}"` : `"${text.slice(0, 40)}…" (${text.length} characters)`;
}

/** A cell too long to be a figure: text, unless it is made of digits (then a clear refusal). */
function tooLong(text: string): ParsedCell {
  // Only the start is looked at: a 60 MB cell is judged by its first characters, in constant time.
  const head = text.slice(0, MAX_FIGURE_TEXT).trim();
  if (!/\d/.test(head)) return { kind: 'text', text };
  if (FIGURE_CHARS.test(head)) return { kind: 'invalid', reason: `"${head.slice(0, 40)}…" is too long to be a figure (${text.length} characters; at most ${MAX_FIGURE_TEXT})` };
  return { kind: 'text', text };
}

export function parseCell(raw: RawCell, ctx: ColumnContext = {}): ParsedCell {
  // A number the workbook stores as a number needs nothing from its text but a trailing "%".
  if (raw.value !== undefined && Number.isFinite(raw.value)) return fromWorkbookValue(raw.value, raw.text, ctx);
  if (raw.text.length > MAX_FIGURE_TEXT * 4) return tooLong(raw.text);
  const text = raw.text.replace(ODD_SPACES, ' ').trim();
  if (text.length > MAX_FIGURE_TEXT) return tooLong(text);

  if (text === '') {
    return { kind: 'sign', sign: ctx.emptyMeans ?? 'cannot_occur', value: null };
  }
  const sign = standaloneSign(text);
  if (sign === 'nil') return { kind: 'sign', sign: 'nil', value: 0 };
  if (sign) return { kind: 'sign', sign, value: null };
  if (isLessThanHalfLegend(text)) return { kind: 'number', value: 0, sign: 'less_than_half_unit' };

  const stars = takeProvisionalStars(text);
  const qualified = takeQualifier(stars.rest);
  const body = qualified.rest;

  let result: ParsedNumber | null = null;
  const single = readFigure(body, ctx.decimalSeparator);
  if (single) {
    result = { kind: 'number', value: valueOf(single, ctx) };
    if (single.unit) result.unit = single.unit;
    if (single.ambiguous) result.ambiguous = true;
    const zero = ctx.zeroIsLessThanHalfUnit && !stars.sign && !qualified.qualifier && isWrittenZero(body);
    if (zero) result.sign = 'less_than_half_unit';
  } else {
    result = parseRange(body, ctx);
  }

  if (!result) {
    if (!/\d/.test(text)) return { kind: 'text', text };
    if (/^\(.*\d.*\)$/.test(text)) {
      return { kind: 'invalid', reason: `${quoted(text)}: a figure in brackets is negative in accounts but "unreliable" in statistics; confirm which` };
    }
    return { kind: 'invalid', reason: `${quoted(text)} is not a number` };
  }
  if (![result.value, result.low ?? 0, result.high ?? 0].every(Number.isFinite)) return { kind: 'invalid', reason: `${quoted(text)} is too large to be a figure` };
  if (stars.sign) result.sign = stars.sign;
  if (qualified.qualifier) result.qualifier = qualified.qualifier;
  return result;
}
