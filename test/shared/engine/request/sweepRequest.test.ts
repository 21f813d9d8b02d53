import { describe, expect, it } from 'vitest';
import { DEFAULT_SWEEP_KS, sweepRequestSchema } from '../../../../shared/engine/request/sweepRequest';

describe('sweepRequestSchema', () => {
  it("defaults to K = 1…9, every covariance type, scikit-learn's fit defaults and refinement on", () => {
    const r = sweepRequestSchema.parse({ datasetId: 'd', columns: [0, 1] });
    expect(r.ks).toEqual([...DEFAULT_SWEEP_KS]);
    expect(DEFAULT_SWEEP_KS).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.covarianceTypes).toEqual(['full', 'tied', 'diag', 'spherical']);
    expect(r.options).toEqual({ init: 'kmeans', nInit: 1, seed: 0, maxIter: 100, tol: 1e-3, regCovar: 1e-6 });
    expect(r.refine).toBe(true);
    expect(r.standardize).toBe(false);
  });

  it.each([
    [{ ks: [1, 2, 2] }, 'ks'],
    [{ ks: [0, 1] }, 'ks'],
    [{ ks: [] }, 'ks'],
    [{ covarianceTypes: ['full', 'full'] }, 'covarianceTypes'],
    [{ covarianceTypes: ['banana'] }, 'covarianceTypes'],
    [{ options: { nComponents: 3 } }, 'options'],
    [{ options: { initParams: {} } }, 'options'],
    [{ columns: [1, 1] }, 'columns'],
    [{ logColumns: [4] }, 'logColumns'],
    [{ threads: 0 }, 'threads'],
  ])('rejects %j (at %s)', (extra, where) => {
    const r = sweepRequestSchema.safeParse({ datasetId: 'd', columns: [0, 1], ...extra });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0].path[0]).toBe(where);
  });
});
