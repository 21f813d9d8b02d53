import { describe, expect, it } from 'vitest';
import {
  binomialProblem,
  categoricalProblem,
  levelsProblem,
  meansProblem,
  poissonRatesProblem,
  positiveDefiniteProblem,
  precisionsCholeskyProblem,
  weightsProblem,
} from '../../../shared/project/modelChecks';
import { sklearnParams } from './projectFixture';

const f64 = (...v: number[]) => Float64Array.from(v);

describe('weightsProblem', () => {
  it('accepts positive weights summing to 1 within the tolerance', () => {
    expect(weightsProblem(f64(0.25, 0.75), 1e-8)).toBeNull();
    expect(weightsProblem(f64(0.333, 0.333, 0.334), 1e-8)).toBeNull();
  });
  it('refuses a zero or negative weight by its index, and a sum off 1', () => {
    expect(weightsProblem(f64(0, 1), 1e-8)).toBe('weights[0] must be positive (got 0)');
    expect(weightsProblem(f64(0.5, -0.5, 1), 1e-8)).toBe('weights[1] must be positive (got -0.5)');
    expect(weightsProblem(f64(0.5, 0.6), 1e-8)).toBe('weights must lie in [0, 1] and sum to 1 (sum is 1.1)');
    expect(weightsProblem(f64(0.5, 0.5 + 1e-7), 1e-8)).toMatch(/sum to 1/);
    expect(weightsProblem(f64(0.5, 0.5 + 1e-7), 1e-6)).toBeNull();
  });
});

describe('meansProblem', () => {
  it('names the first non-finite mean by component and feature', () => {
    expect(meansProblem(f64(1, 2, 3, 4), 2)).toBeNull();
    expect(meansProblem(f64(1, 2, NaN, 4), 2)).toBe('means[1][0] is not a finite number (got NaN)');
  });
});

describe('positiveDefiniteProblem', () => {
  it('accepts scikit-learn fitted covariances of every type', () => {
    for (const type of ['full', 'tied', 'diag', 'spherical']) {
      const p = sklearnParams(`iris__${type}__k3.json`);
      expect(
        positiveDefiniteProblem('covariance', p.covarianceType, p.covariances, p.nComponents, p.nFeatures),
        type,
      ).toBeNull();
    }
  });

  it('refuses an asymmetric matrix (Cholesky alone reads one triangle and would accept it)', () => {
    // [[2, 1], [0.5, 2]]: its lower triangle is a valid covariance.
    const cov = f64(1, 0, 0, 1, 2, 1, 0.5, 2);
    expect(positiveDefiniteProblem('covariance', 'full', cov, 2, 2)).toBe(
      'the covariance of component 2 is not symmetric: entry [1][0] is 0.5 but [0][1] is 1',
    );
    expect(positiveDefiniteProblem('precision', 'tied', f64(2, 1, 0.5, 2), 3, 2)).toBe(
      'the tied precision is not symmetric: entry [1][0] is 0.5 but [0][1] is 1',
    );
  });

  it('tolerates rounding-level asymmetry relative to the diagonal, whatever the units', () => {
    const tiny = 1e-20;
    const cov = f64(4 * tiny, 2 * tiny * (1 + 1e-12), 2 * tiny, 4 * tiny);
    expect(positiveDefiniteProblem('covariance', 'tied', cov, 1, 2)).toBeNull();
  });

  it('refuses a symmetric matrix that is not positive definite, and non-positive variances', () => {
    expect(positiveDefiniteProblem('covariance', 'full', f64(1, 2, 2, 1), 1, 2)).toBe(
      'the covariance of component 1 is not positive definite',
    );
    expect(positiveDefiniteProblem('covariance', 'diag', f64(1, 1, 1, 0), 2, 2)).toBe(
      'the covariance of component 2 is not positive definite',
    );
    expect(positiveDefiniteProblem('covariance', 'spherical', f64(1, 1, -3), 3, 5)).toBe(
      'the covariance of component 3 is not positive definite',
    );
    expect(positiveDefiniteProblem('covariance', 'full', f64(1, 0, 0, Infinity), 1, 2)).toMatch(
      /component 1 is not (symmetric|positive definite)/,
    );
  });
});

describe('precisionsCholeskyProblem', () => {
  it('accepts the factors the engine computes (upper triangular, positive diagonal)', () => {
    for (const type of ['full', 'tied', 'diag', 'spherical']) {
      const p = sklearnParams(`iris__${type}__k3.json`);
      expect(
        precisionsCholeskyProblem(p.covarianceType, p.precisionsCholesky, p.nComponents, p.nFeatures),
        type,
      ).toBeNull();
    }
  });

  it('refuses an entry below the diagonal, a zero or negative diagonal, a non-finite entry', () => {
    expect(precisionsCholeskyProblem('full', f64(1, 0, 0, 1, 1, 0.5, 0.25, 1), 2, 2)).toBe(
      'the precision Cholesky factor of component 2 is not upper triangular: entry [1][0] below the diagonal is 0.25',
    );
    expect(precisionsCholeskyProblem('tied', f64(1, 0.5, 0, 0), 4, 2)).toBe(
      'the tied precision Cholesky factor has diagonal entry [1][1] = 0; it must be positive and finite',
    );
    expect(precisionsCholeskyProblem('full', f64(-1, 0, 0, 1), 1, 2)).toMatch(/\[0\]\[0\] = -1/);
    expect(precisionsCholeskyProblem('full', f64(1, Infinity, 0, 1), 1, 2)).toBe(
      'the precision Cholesky factor of component 1 has entry [0][1] = Infinity',
    );
    expect(precisionsCholeskyProblem('diag', f64(1, 1, 0, 1), 2, 2)).toBe(
      'the precision Cholesky factor of component 2 must be positive and finite (got 0)',
    );
  });
});

describe('the discrete families’ checks', () => {
  it('categorical: each class row in [0, 1] summing to 1; zeros allowed (a level a class never takes)', () => {
    expect(categoricalProblem('c', f64(0, 1, 0.25, 0.75), 2, 2)).toBeNull();
    expect(categoricalProblem('c', f64(0.1 + 0.2, 0.7, 0.5, 0.5), 2, 2)).toBeNull();
    expect(categoricalProblem('c', f64(0.5, 0.5, 0.5, 0.6), 2, 2)).toBe(
      '"c": the probabilities of class 2 must sum to 1 (sum is 1.1)',
    );
    expect(categoricalProblem('c', f64(1.5, -0.5), 1, 2)).toBe(
      '"c": the probability of level 1 in class 1 must lie in [0, 1] (got 1.5)',
    );
    expect(categoricalProblem('c', f64(NaN, 1), 1, 2)).toContain('(got NaN)');
  });
  it('Poisson rates finite and ≥ 0; binomial probabilities in [0, 1]', () => {
    expect(poissonRatesProblem('n', f64(0, 3.5))).toBeNull();
    expect(poissonRatesProblem('n', f64(1, -0.1))).toBe(
      '"n": the rate of class 2 must be a finite number ≥ 0 (got -0.1)',
    );
    expect(poissonRatesProblem('n', f64(Infinity))).toContain('(got Infinity)');
    expect(binomialProblem('b', f64(0, 1))).toBeNull();
    expect(binomialProblem('b', f64(0.5, 1 + 1e-9))).toContain('class 2 must lie in [0, 1]');
  });
  it('levels: at least one, none twice', () => {
    expect(levelsProblem('c', ['a', 'b'])).toBeNull();
    expect(levelsProblem('c', [])).toBe('"c" has no levels');
    expect(levelsProblem('c', ['a', 'b', 'a'])).toBe('"c" lists the level "a" twice');
  });
});
