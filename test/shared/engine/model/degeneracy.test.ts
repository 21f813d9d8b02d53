import { describe, expect, it } from 'vitest';
import {
  collapsedComponents,
  covarianceMinEigenvalues,
  DEGENERACY_FACTOR,
  degeneracyMessage,
  smallestCovarianceEigenvalue,
} from '../../../../shared/engine/model/degeneracy';
import type { CovarianceType, GaussianMixtureParams } from '../../../../shared/engine/model/types';

const params = (
  covarianceType: CovarianceType,
  K: number,
  d: number,
  covariances: number[],
): GaussianMixtureParams => ({
  covarianceType,
  nComponents: K,
  nFeatures: d,
  weights: new Float64Array(K).fill(1 / K),
  means: new Float64Array(K * d),
  covariances: Float64Array.from(covariances),
  precisionsCholesky: new Float64Array(covariances.length),
});

describe('smallestCovarianceEigenvalue', () => {
  it('full: the smallest eigenvalue over components, with the component that has it', () => {
    // [[2,1],[1,2]] has eigenvalues 3 and 1; [[5,0],[0,0.25]] has 5 and 0.25.
    const s = smallestCovarianceEigenvalue(params('full', 2, 2, [2, 1, 1, 2, 5, 0, 0, 0.25]));
    expect(s.component).toBe(1);
    expect(s.value).toBeCloseTo(0.25, 14);
  });

  it('full: a nearly singular 3 × 3 covariance reports its tiny eigenvalue accurately', () => {
    // v vᵀ + 1e-6 I with v = (1, 2, 3): eigenvalues 14 + 1e-6, 1e-6, 1e-6.
    const v = [1, 2, 3];
    const A = v.flatMap((a, i) => v.map((b, j) => a * b + (i === j ? 1e-6 : 0)));
    const s = smallestCovarianceEigenvalue(params('full', 1, 3, A));
    expect(Math.abs(s.value - 1e-6) / 1e-6).toBeLessThan(1e-6);
  });

  it('tied: the shared matrix, no component', () => {
    const s = smallestCovarianceEigenvalue(params('tied', 3, 2, [2, 1, 1, 2]));
    expect(s).toEqual({ value: expect.closeTo(1, 14), component: null });
  });

  it('diag and spherical: the smallest variance and its component', () => {
    expect(smallestCovarianceEigenvalue(params('diag', 2, 2, [1, 2, 3, 1e-6]))).toEqual({
      value: 1e-6,
      component: 1,
    });
    expect(smallestCovarianceEigenvalue(params('spherical', 3, 2, [4, 0.5, 0.5]))).toEqual({
      value: 0.5,
      component: 1,
    });
  });
});

describe('covarianceMinEigenvalues and collapsedComponents', () => {
  it('full: one smallest eigenvalue per component, in component order', () => {
    const e = covarianceMinEigenvalues(params('full', 2, 2, [2, 1, 1, 2, 5, 0, 0, 0.25]));
    expect(e.map((x) => x.component)).toEqual([0, 1]);
    expect(e[0].value).toBeCloseTo(1, 14);
    expect(e[1].value).toBeCloseTo(0.25, 14);
  });

  it('lists every collapsed component, not only the smallest', () => {
    // Components 1 and 3 sit on repeated points (variance = reg_covar in one direction).
    const p = params('diag', 4, 2, [1e-6, 3, 2, 2, 1, 9.9e-6, 0.5, 0.5]);
    expect(collapsedComponents(p, 1e-6)).toEqual([
      { value: 1e-6, component: 0 },
      { value: 9.9e-6, component: 2 },
    ]);
    expect(collapsedComponents(p, 1e-7)).toEqual([]);
  });

  it('tied: the shared matrix collapses as one, without a component', () => {
    const p = params('tied', 3, 2, [1, 1, 1, 1 + 2e-6]);
    const c = collapsedComponents(p, 1e-6);
    expect(c).toHaveLength(1);
    expect(c[0].component).toBeNull();
  });

  it('is empty for a proper fit and when reg_covar is 0', () => {
    expect(collapsedComponents(params('spherical', 2, 3, [0.4, 2]), 1e-6)).toEqual([]);
    expect(collapsedComponents(params('spherical', 2, 3, [1e-300, 2]), 0)).toEqual([]);
  });
});

describe('degeneracyMessage', () => {
  it('is null at or above 10 × reg_covar', () => {
    expect(DEGENERACY_FACTOR).toBe(10);
    expect(degeneracyMessage({ value: 1e-5, component: 0 }, 1e-6)).toBeNull();
    expect(degeneracyMessage({ value: 0.3, component: 2 }, 1e-6)).toBeNull();
  });

  it('names the component, its eigenvalue and the threshold below it', () => {
    const m = degeneracyMessage({ value: 1.2e-6, component: 4 }, 1e-6);
    expect(m).toMatch(/Component 5/);
    expect(m).toMatch(/0\.0000012/);
    expect(m).toMatch(/10 × reg_covar = 0\.00001/);
    expect(degeneracyMessage({ value: 1e-7, component: null }, 1e-6)).toMatch(/shared \(tied\) covariance/);
  });

  it('never flags a positive eigenvalue when reg_covar is 0', () => {
    expect(degeneracyMessage({ value: 1e-300, component: 0 }, 0)).toBeNull();
  });
});
