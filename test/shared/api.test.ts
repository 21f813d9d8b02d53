import { describe, expect, it } from 'vitest';
import { createMixlabApi, mixlabErrorOf, MixlabError, toRejection } from '../../shared/api';
import { EngineError } from '../../shared/errors';

describe('refusals of window.mixlab calls', () => {
  it('reject with plain data (code, message, details), not an Error the context bridge would strip', async () => {
    const api = createMixlabApi(
      async () => ({
        ok: false,
        error: { code: 'project_too_new', message: 'Written by version 9.', details: { version: 9 } },
      }),
      () => () => undefined,
      { pathForDroppedFile: () => null },
    );
    const reason = await api.openProject({ path: '/p.mixlab' }).catch((e: unknown) => e);
    expect(reason).not.toBeInstanceOf(Error);
    expect(Object.getPrototypeOf(reason)).toBe(Object.prototype);
    expect(reason).toEqual({
      name: 'MixlabError',
      code: 'project_too_new',
      message: 'Written by version 9.',
      details: { version: 9 },
    });
  });

  it('leave details out when there are none', () => {
    expect(toRejection({ code: 'cancelled', message: 'Cancelled.' })).toEqual({
      name: 'MixlabError',
      code: 'cancelled',
      message: 'Cancelled.',
    });
  });

  it('are rebuilt on the page as MixlabError with code and details', () => {
    const rebuilt = mixlabErrorOf(
      toRejection({ code: 'singular_component', message: 'm', details: { component: 1 } }),
    );
    expect(rebuilt).toBeInstanceOf(MixlabError);
    expect(rebuilt).toMatchObject({ code: 'singular_component', message: 'm', details: { component: 1 } });
  });

  it('keep a coded error thrown on the page side as it is', () => {
    const own = new MixlabError('cancelled', 'Cancelled.');
    expect(mixlabErrorOf(own)).toBe(own);
    expect(mixlabErrorOf(new EngineError('constant_column', 'c', { columns: [0] }))).toMatchObject({
      code: 'constant_column',
      details: { columns: [0] },
    });
  });

  it('have no code to trust once reduced to an Error, or without a code', () => {
    const reduced = Object.assign(new Error('Cancelled.'), { code: 'cancelled' });
    expect(mixlabErrorOf(reduced)).toBeNull();
    expect(mixlabErrorOf({ message: 'm' })).toBeNull();
    expect(mixlabErrorOf({ code: '', message: 'm' })).toBeNull();
    expect(mixlabErrorOf('cancelled')).toBeNull();
    expect(mixlabErrorOf(null)).toBeNull();
  });

  it('ignore details that are not a record', () => {
    expect(mixlabErrorOf({ code: 'x', message: 'm', details: [1] })?.details).toBeUndefined();
  });
});
