import { z } from 'zod';

/**
 * The typed result of reading one cell as a figure. A cell is never reduced to a bare number:
 * CBS signs, qualifiers and ranges are data the analyst must be able to see again later, so the
 * result keeps them next to the value (and the raw text is kept by the caller, with the address).
 */

/** Words like "ca.", "bijna", "ruim", "<" in front of a figure. */
export const Qualifier = z.enum(['about', 'nearly', 'at_least', 'at_most']);
export type Qualifier = z.infer<typeof Qualifier>;

/** CBS signs that qualify a figure that is still there. */
export const FigureSign = z.enum(['provisional', 'revised_provisional', 'less_than_half_unit']);
export type FigureSign = z.infer<typeof FigureSign>;

/** CBS signs that stand in place of a figure. `nil` is a real zero; the others have no value. */
export const MissingSign = z.enum(['unknown', 'secret', 'cannot_occur']);
export type MissingSign = z.infer<typeof MissingSign>;

/** A unit written in the cell itself ("70%", "€ 12"), as opposed to the column's unit. */
export const CellUnit = z.enum(['percent', 'per_mille', 'euro']);
export type CellUnit = z.infer<typeof CellUnit>;

export const ParsedNumber = z.object({
  kind: z.literal('number'),
  /** The figure in the column's base unit; for a range, the midpoint of low and high. */
  value: z.number(),
  low: z.number().optional(),
  high: z.number().optional(),
  qualifier: Qualifier.optional(),
  sign: FigureSign.optional(),
  unit: CellUnit.optional(),
  /**
   * True when "1.400" / "1,400" could be read either way and neither the cell nor the column
   * settled it, so the Dutch reading was assumed. The preview lists such cells.
   */
  ambiguous: z.literal(true).optional(),
});
export type ParsedNumber = z.infer<typeof ParsedNumber>;

export const ParsedSign = z.union([
  z.object({ kind: z.literal('sign'), sign: z.literal('nil'), value: z.literal(0) }),
  z.object({ kind: z.literal('sign'), sign: MissingSign, value: z.null() }),
]);
export type ParsedSign = z.infer<typeof ParsedSign>;

export const ParsedText = z.object({ kind: z.literal('text'), text: z.string() });
export type ParsedText = z.infer<typeof ParsedText>;

export const ParsedInvalid = z.object({ kind: z.literal('invalid'), reason: z.string() });
export type ParsedInvalid = z.infer<typeof ParsedInvalid>;

export const ParsedCell = z.union([ParsedNumber, ParsedSign, ParsedText, ParsedInvalid]);
export type ParsedCell = z.infer<typeof ParsedCell>;

/** What the column says about its cells; everything optional, decided by the preview. */
export interface ColumnContext {
  /** Decimal separator detected over the whole column (or sheet); decides "1.400". */
  decimalSeparator?: ',' | '.';
  /**
   * Multiplier from the header ("x 1 000", "(x € 1.000)") towards the unit the figure is stored
   * in. Ignored for cells that state their own magnitude ("€ 256 miljoen").
   */
  scale?: number;
  /**
   * CBS tables write a figure that rounds to zero as "0" or "0,0" ("less than half the unit");
   * a true zero is "-". Only set this for CBS-style tables: elsewhere 0 just means zero.
   */
  zeroIsLessThanHalfUnit?: boolean;
  /**
   * What an empty cell means. In CBS tables an empty cell is "cannot occur"; in most other files
   * it simply means the figure is missing. Defaults to 'cannot_occur' as the design prescribes.
   */
  emptyMeans?: 'cannot_occur' | 'unknown';
}

/** One cell as read from the workbook: the text as shown, and the number if the cell holds one. */
export interface RawCell {
  text: string;
  value?: number | undefined;
}
