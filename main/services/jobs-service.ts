import type { Handlers } from './handler-types';

export const jobHandlers: Handlers<'jobs.status' | 'jobs.cancel'> = {
  'jobs.status': (input, ctx) => ctx.jobs.status(input.id),
  'jobs.cancel': (input, ctx) => ctx.jobs.cancel(input.id),
};
