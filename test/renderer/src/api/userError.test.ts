import { describe, expect, it } from 'vitest';
import { MixlabError, toRejection } from '../../../../shared/api';
import { isCancelled, toUserError } from '../../../../renderer/src/api/userError';

describe('toUserError', () => {
  it('keeps a MixlabError’s code and message', () => {
    expect(toUserError(new MixlabError('no_data_rows', 'The file has a header but no data rows.'))).toEqual({
      code: 'no_data_rows',
      message: 'The file has a header but no data rows.',
    });
  });
  it('reads plain objects (errors copied across the context bridge)', () => {
    expect(toUserError({ code: 'cancelled', message: 'Cancelled.' })).toEqual({
      code: 'cancelled',
      message: 'Cancelled.',
    });
    expect(isCancelled(toUserError({ code: 'cancelled', message: 'Cancelled.' }))).toBe(true);
  });
  it('rebuilds the code and details of the plain rejection the preload sends across the bridge', () => {
    const rejection = toRejection({
      code: 'singular_component',
      message: 'Component 2 collapsed.\n    at em.ts:88',
      details: { component: 1 },
    });
    expect(toUserError(rejection)).toEqual({
      code: 'singular_component',
      message: 'Component 2 collapsed.',
      details: { component: 1 },
    });
  });
  it('treats an Error the bridge reduced to its message as internal, whatever fields it seems to have', () => {
    expect(toUserError(Object.assign(new Error('Cancelled.'), { code: 'cancelled' }))).toEqual({
      code: 'internal',
      message: 'Cancelled.',
    });
  });
  it('never shows a stack trace', () => {
    const error = new TypeError('x is undefined');
    error.message = 'x is undefined\n    at foo (a.ts:1:1)';
    expect(toUserError(error)).toEqual({ code: 'internal', message: 'x is undefined' });
  });
  it('gives an empty message (the UI shows its generic sentence) for anything unreadable', () => {
    expect(toUserError(undefined)).toEqual({ code: 'internal', message: '' });
    expect(toUserError({ code: 'x' })).toEqual({ code: 'internal', message: '' });
  });
});
