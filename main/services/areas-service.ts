import { AppError } from '../../shared/errors';
import { aliasKey } from '../../shared/domain/text/alias-key';
import { listAreas, resolveAreaCode } from '../store/queries/areas';
import { listIndicators } from '../store/queries/indicators';
import { listObservations } from '../store/queries/observations';
import type { Handlers } from './handler-types';

export const areaHandlers: Handlers<'areas.list' | 'indicators.list' | 'observations.list'> = {
  'areas.list': (input, ctx) => listAreas(ctx.db, input.kind),
  'indicators.list': (input, ctx) => listIndicators(ctx.db, input.theme),
  'observations.list': (input, ctx) => {
    let areaCode: string | undefined;
    if (input.areaCode !== undefined) {
      areaCode = resolveAreaCode(ctx.db, input.areaCode, aliasKey(input.areaCode));
      if (!areaCode) throw new AppError('NOT_FOUND', `No area with code or name "${input.areaCode}".`);
    }
    return listObservations(ctx.db, { ...input, areaCode });
  },
};
