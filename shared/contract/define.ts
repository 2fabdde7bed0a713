import type { z } from 'zod';

/** One contract call: its input and output schemas. The schema is the type. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line, English, for docs and the CLI's help. */
  summary: string;
}

export function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string): CallSpec<I, O> {
  return { input, output, summary };
}
