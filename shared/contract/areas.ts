import { z } from 'zod';
import { call } from './define';
import { Area, AreaKind, Indicator, Observation, Theme } from './model';

const Code = z.string().trim().min(1).max(64);

export const areaCalls = {
  'areas.list': call(
    z.object({ kind: AreaKind.optional() }).strict(),
    z.array(Area),
    'Areas in the store, optionally of one kind.',
  ),
  'indicators.list': call(
    z.object({ theme: Theme.optional() }).strict(),
    z.array(Indicator),
    'Indicators in the store, optionally of one theme.',
  ),
  'observations.list': call(
    z
      .object({
        areaCode: Code.optional(),
        indicatorCode: Code.optional(),
        sourceId: z.number().int().positive().optional(),
        includeSuperseded: z.boolean().optional(),
      })
      .strict()
      .refine((v) => v.areaCode !== undefined || v.sourceId !== undefined, {
        message: 'give an areaCode or a sourceId',
      }),
    z.array(Observation),
    'Figures for an area (optionally one indicator) or from one source, each with its provenance.',
  ),
};
