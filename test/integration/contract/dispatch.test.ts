import { afterAll, describe, expect, it } from 'vitest';
import { handlers } from '../../../main/services/handlers';
import { contract } from '../../../shared/contract/index';
import { freshServices } from '../../helpers/services';

describe('dispatch: the one way into the services', () => {
  const services = freshServices();
  afterAll(() => services.close());

  it('implements every call of the contract, and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('answers a valid call with a value that matches the contract', async () => {
    const env = await services.call('areas.list', { kind: 'focus_area' });
    expect(env.ok).toBe(true);
    if (env.ok) expect((env.value as unknown[]).length).toBe(20);
  });

  it('rejects a malformed payload with INPUT_INVALID and says which field', async () => {
    const env = await services.call('areas.list', { kind: 'wijk-ish', extra: 1 });
    expect(env).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID', message: 'Invalid input for areas.list.' } });
    if (!env.ok) {
      expect(env.error.details?.some((d) => d.startsWith('kind:'))).toBe(true);
      expect(env.error.details?.some((d) => d.includes('extra'))).toBe(true);
    }
  });

  it('rejects a payload that is not an object, or misses what the call needs', async () => {
    expect(await services.call('observations.list', 'NPLV')).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    expect(await services.call('observations.list', {})).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID', details: [expect.stringContaining('areaCode or a sourceId')] } });
  });

  it('rejects an unknown call by name', async () => {
    expect(await services.call('store.dropEverything', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    expect(await services.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
  });

  it('turns an AppError into data and a crash into INTERNAL without a stack', async () => {
    const notFound = await services.call('observations.list', { areaCode: 'Atlantis' });
    expect(notFound).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'No area with code or name "Atlantis".' } });
    const original = handlers['app.info'];
    handlers['app.info'] = () => {
      throw new TypeError('boom');
    };
    try {
      expect(await services.call('app.info', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
    } finally {
      handlers['app.info'] = original;
    }
  });

  it('refuses an answer that breaks the contract (OUTPUT_INVALID)', async () => {
    const original = handlers['areas.list'];
    handlers['areas.list'] = () => [{ code: 'GM0363', name: 'Amsterdam', kind: 'city' }] as never;
    try {
      expect(await services.call('areas.list', {})).toMatchObject({ ok: false, error: { code: 'OUTPUT_INVALID' } });
    } finally {
      handlers['areas.list'] = original;
    }
  });

  it('finds an area by name or alias as well as by code', async () => {
    for (const q of ['NPLV09', 'Rotterdam Zuid', 'rotterdam-zuid']) {
      const env = await services.call('observations.list', { areaCode: q });
      expect(env.ok, q).toBe(true);
    }
  });
});
