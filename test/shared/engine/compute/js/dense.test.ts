/** The dense-factor kernels (full and tied covariances) compute what their formulas say. */
import { describe, expect, it } from 'vitest';
import { rowKernels } from '../../../../../shared/engine/compute/js/rowKernels';

describe('kernel arithmetic', () => {
  it('dense mahalanobis is ‖(x − μ)ᵀ P‖² and the scatter Σ r (x − μ)(x − μ)ᵀ, checked against a direct sum', () => {
    const d = 3;
    const K = 2;
    const X = Float64Array.from([1, 2, 3, -1, 0.5, 2, 4, 4, 4]);
    const means = Float64Array.from([0, 1, 2, 1, 1, 1]);
    const P = new Float64Array(K * d * d);
    P.set([1, 0.5, 0.2, 0, 2, -0.3, 0, 0, 0.7], 0);
    P.set([1, 0, 0, 0, 1, 0, 0, 0, 1], 9);
    const resp = Float64Array.from([0.25, 0.75, 1, 0, 0.5, 0.5]);
    const kernels = rowKernels('dense', d);
    const q = new Float64Array(3 * K);
    kernels.mahalanobis(X, 0, 3, K, means, P, q);
    const S = new Float64Array(K * d * d);
    kernels.scatter(X, resp, 0, 3, K, means, S, 0);
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < 3; i++) {
        const t = [0, 1, 2].map((j) => X[i * d + j] - means[k * d + j]);
        const y = [0, 1, 2].map((j) => t.reduce((s, tm, m) => s + tm * P[k * 9 + m * d + j], 0));
        expect(q[i * K + k]).toBeCloseTo(
          y.reduce((s, v) => s + v * v, 0),
          12,
        );
      }
      for (let a = 0; a < d; a++)
        for (let b = 0; b < d; b++) {
          let expected = 0;
          for (let i = 0; i < 3; i++)
            expected +=
              resp[i * K + k] * (X[i * d + a] - means[k * d + a]) * (X[i * d + b] - means[k * d + b]);
          expect(S[k * 9 + a * d + b]).toBeCloseTo(expected, 12);
        }
    }
  });
});
