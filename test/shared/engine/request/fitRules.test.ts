/**
 * The fit options' rules are one set: the request schema enforces exactly these ranges, and the
 * shapes of explicit starts are checked by one function whichever side asks.
 */
import { describe, expect, it } from 'vitest';
import { fitOptionsSchema } from '../../../../shared/engine/request/fitRequest';
import {
  INIT_PARAM_SHAPE,
  INTEGER_OPTION_RANGES,
  REAL_OPTION_MINIMA,
  shapeProblem,
} from '../../../../shared/engine/request/fitRules';

const accepts = (field: string, value: number) =>
  fitOptionsSchema.safeParse({ nComponents: 2, [field]: value }).success;

describe('fit option rules', () => {
  it.each(Object.entries(INTEGER_OPTION_RANGES))(
    'the request schema takes %s as an integer from its min to its max, no further',
    (field, { min, max }) => {
      expect([min, max, min - 1, max + 1, min + 0.5].map((v) => accepts(field, v))).toEqual([
        true,
        true,
        false,
        false,
        false,
      ]);
    },
  );

  it.each(Object.entries(REAL_OPTION_MINIMA))(
    'the request schema takes %s as a finite number from %s up',
    (field, min) => {
      expect([min, min + 1e6, min - 1e-9, Infinity, NaN].map((v) => accepts(field, v))).toEqual([
        true,
        true,
        false,
        false,
        false,
      ]);
    },
  );

  it("shapes explicit starts as scikit-learn's weights_init, means_init and covariances by type", () => {
    const [k, d] = [3, 2];
    expect(INIT_PARAM_SHAPE.weights('full', k, d)).toEqual([3]);
    expect(INIT_PARAM_SHAPE.means('spherical', k, d)).toEqual([3, 2]);
    expect(
      (['full', 'tied', 'diag', 'spherical'] as const).map((t) => INIT_PARAM_SHAPE.covariances(t, k, d)),
    ).toEqual([[3, 2, 2], [2, 2], [3, 2], [3]]);
    expect(INIT_PARAM_SHAPE.precisions('tied', k, d)).toEqual(INIT_PARAM_SHAPE.covariances('tied', k, d));
  });

  it('shapeProblem finds the first mismatch by path', () => {
    expect(
      shapeProblem(
        [
          [1, 2],
          [3, 4],
        ],
        [2, 2],
      ),
    ).toBeNull();
    expect(shapeProblem([[1, 2], [3]], [2, 2])).toEqual({ path: [1], message: 'expected 2 entries, got 1' });
    expect(
      shapeProblem(
        [
          [1, 2],
          [3, NaN],
        ],
        [2, 2],
      ),
    ).toEqual({ path: [1, 1], message: 'expected a finite number' });
  });
});
