import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../../services/context';
import type { OriginTable } from './common';

/**
 * A saved comparison view as a briefing table. The views arrive with the comparison feature
 * (branch compare); until it is merged no view can be found.
 */
export function viewTable(_ctx: ServiceContext, name: string): OriginTable {
  throw new AppError('NOT_FOUND', `No saved comparison view called "${name}".`);
}
