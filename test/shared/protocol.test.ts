/**
 * What the main side accepts from the engine: an error reply is rebuilt field by field, so only a
 * string code, a string message and plain-object details reach the caller.
 */
import { describe, expect, it } from 'vitest';
import { parseFromEngineMessage } from '../../shared/protocol';

const errorReply = (error: unknown) => parseFromEngineMessage({ type: 'error', id: 7, error });

describe('parseFromEngineMessage: error replies', () => {
  it('keeps code, message and plain-object details', () => {
    expect(
      errorReply({
        code: 'singular_component',
        message: 'Component 2 collapsed.',
        details: { component: 1 },
      }),
    ).toEqual({
      type: 'error',
      id: 7,
      error: { code: 'singular_component', message: 'Component 2 collapsed.', details: { component: 1 } },
    });
  });

  it('leaves out details that are not a plain object, and any other field', () => {
    for (const details of [[1, 2], 'text', 3, null, new Date(0), new Float64Array(2)]) {
      expect(errorReply({ code: 'internal', message: 'Boom.', details, stack: 'at x' })).toEqual({
        type: 'error',
        id: 7,
        error: { code: 'internal', message: 'Boom.' },
      });
    }
  });

  it('refuses an error without a string code and message, or without a valid id', () => {
    expect(errorReply({ code: 5, message: 'Boom.' })).toBeNull();
    expect(errorReply({ code: 'internal' })).toBeNull();
    expect(errorReply('internal')).toBeNull();
    expect(
      parseFromEngineMessage({ type: 'error', id: -1, error: { code: 'internal', message: 'x' } }),
    ).toBeNull();
  });
});
