import { describe, expect, it } from 'vitest';
import { sweepDuration } from '../../../../renderer/src/lib/sweepDuration';

describe('sweepDuration', () => {
  it('reads whole seconds, never 0, under a minute and a half', () => {
    expect(sweepDuration(0.2)).toEqual({ unit: 'seconds', n: 1 });
    expect(sweepDuration(42.6)).toEqual({ unit: 'seconds', n: 43 });
    expect(sweepDuration(89.4)).toEqual({ unit: 'seconds', n: 89 });
  });

  it('reads whole minutes from a minute and a half', () => {
    expect(sweepDuration(90)).toEqual({ unit: 'minutes', n: 2 });
    expect(sweepDuration(301)).toEqual({ unit: 'minutes', n: 5 });
  });
});
