import { AppError } from '../../shared/errors';
import type { Handlers } from './handler-types';

type CompareCall =
  | 'compare.run'
  | 'composition.list' | 'composition.set' | 'composition.add' | 'composition.remove' | 'composition.confirm'
  | 'composition.history' | 'composition.import'
  | 'areas.search'
  | 'views.save' | 'views.list' | 'views.get' | 'views.rename' | 'views.delete';

const notYet = (name: string) => (): never => {
  throw new AppError('INTERNAL', `${name} is not implemented yet (issue 12, branch compare)`);
};

export const compareHandlers: Handlers<CompareCall> = {
  'compare.run': notYet('compare.run'),
  'composition.list': notYet('composition.list'),
  'composition.set': notYet('composition.set'),
  'composition.add': notYet('composition.add'),
  'composition.remove': notYet('composition.remove'),
  'composition.confirm': notYet('composition.confirm'),
  'composition.history': notYet('composition.history'),
  'composition.import': notYet('composition.import'),
  'areas.search': notYet('areas.search'),
  'views.save': notYet('views.save'),
  'views.list': notYet('views.list'),
  'views.get': notYet('views.get'),
  'views.rename': notYet('views.rename'),
  'views.delete': notYet('views.delete'),
};
