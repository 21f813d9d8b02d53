import { describe, expect, it } from 'vitest';
import {
  correlationMatrix,
  displayParameters,
  fittedParameters,
} from '../../../shared/stats/componentParameters';
import { loadEmFixture } from '../engine/emFixtures';
import { originalCov, standardisedModel } from './standardisedModel';

describe('displayParameters', () => {
  it("gives Li Hang's example 9.3 back in the data's units from a standardised fit", () => {
    // Li Hang, Statistical Learning Methods, example 9.3, as fitted by scikit-learn.
    const f = loadEmFixture('li_hang_9_3__full__k2');
    const { params, pre } = standardisedModel(f);
    const p = displayParameters(params, pre);
    const byMean = [...p].sort((a, b) => a.mean[0] - b.mean[0]);
    expect(byMean.map((c) => Number(c.weight.toFixed(3)))).toEqual([0.133, 0.867]);
    expect(byMean.map((c) => Number(c.mean[0].toFixed(2)))).toEqual([-57.51, 32.98]);
    expect(byMean.map((c) => Number(c.variance[0].toFixed(2)))).toEqual([90.25, 429.46]);
    expect(byMean[0].sd[0]).toBeCloseTo(Math.sqrt(90.24987867717947), 9);
  });

  for (const type of ['full', 'tied', 'diag', 'spherical'])
    it(`maps every ${type} covariance back to the fixture's own numbers (iris)`, () => {
      const f = loadEmFixture(`iris__${type}__k3`);
      const { params, pre } = standardisedModel(f);
      const p = displayParameters(params, pre);
      const d = f.n_features;
      for (let k = 0; k < 3; k++)
        for (let a = 0; a < d; a++)
          for (let b = 0; b < d; b++) {
            const expected = originalCov(f, k, a, b);
            expect(p[k].covariance[a * d + b]).toBeCloseTo(expected, 10);
            if (a === b) expect(p[k].variance[a]).toBeCloseTo(expected, 10);
          }
    });

  it('leaves correlations unchanged by standardising', () => {
    const f = loadEmFixture('iris__full__k3');
    const { params, pre } = standardisedModel(f);
    const z = fittedParameters(params);
    const x = displayParameters(params, pre);
    for (let k = 0; k < 3; k++)
      for (let i = 0; i < 16; i++) expect(x[k].correlation[i]).toBeCloseTo(z[k].correlation[i], 12);
    // Fitted units are the standardised ones: the means are not the data's.
    expect(z[0].mean[0]).not.toBeCloseTo(x[0].mean[0], 3);
  });
});

describe('correlationMatrix', () => {
  it('divides by the standard deviations and has a unit diagonal', () => {
    const r = correlationMatrix(Float64Array.of(4, 3, 3, 9), 2);
    expect(Array.from(r)).toEqual([1, 0.5, 0.5, 1]);
  });

  it('is NaN off the diagonal when a variance is 0 (a collapsed feature has no correlation)', () => {
    const r = correlationMatrix(Float64Array.of(0, 0, 0, 1), 2);
    expect(Number.isNaN(r[1])).toBe(true);
    expect(r[3]).toBe(1);
  });
});
