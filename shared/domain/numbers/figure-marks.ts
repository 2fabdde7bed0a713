import { z } from 'zod';

/**
 * What a stored figure carries beside its value: the CBS sign and the source's qualifier. The
 * contract (shared/contract/model.ts) and the formatter (shared/domain/format/figure.ts) take
 * them from here. (A cell being read has a narrower set: ./parsed-cell.ts.)
 */

/** CBS signs are data with a meaning, never zeros. */
export const Sign = z.enum(['unknown', 'secret', 'nil', 'provisional', 'revised_provisional', 'less_than_half_unit', 'cannot_occur']);
export type Sign = z.infer<typeof Sign>;
export const Qualifier = z.enum(['about', 'nearly', 'at_least', 'at_most', 'more_than', 'estimate']);
export type Qualifier = z.infer<typeof Qualifier>;
