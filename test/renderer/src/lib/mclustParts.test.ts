import { describe, expect, it } from 'vitest';
import type { CovarianceType, GaussianMixtureParams } from '../../../../shared/engine/model/types';
import { mclustPartsTable, partLetters } from '../../../../renderer/src/lib/mclustParts';

const d = 2;
const rotation = (angle: number) => [Math.cos(angle), -Math.sin(angle), Math.sin(angle), Math.cos(angle)];

/** λ D A Dᵀ for a 2 × 2 rotation D (row-major) and A = diag(a). */
function sigma(lambda: number, a: number[], D: number[]): number[] {
  const S = [0, 0, 0, 0];
  for (let r = 0; r < d; r++)
    for (let c = 0; c < d; c++)
      for (let j = 0; j < d; j++) S[r * d + c] += lambda * D[r * d + j] * a[j] * D[c * d + j];
  return S;
}

function params(type: CovarianceType, covariances: number[], K: number): GaussianMixtureParams {
  return {
    covarianceType: type,
    nComponents: K,
    nFeatures: d,
    weights: new Float64Array(K).fill(1 / K),
    means: new Float64Array(K * d),
    covariances: Float64Array.from(covariances),
    precisionsCholesky: new Float64Array(covariances.length),
  };
}

describe('mclustPartsTable', () => {
  it('recovers known volume, shape and orientation of a VVV fit', () => {
    const lambda = [2, 0.5];
    const shape = [
      [2, 0.5],
      [4, 0.25],
    ];
    const D = [rotation(0.3), rotation(1.1)];
    const table = mclustPartsTable(
      params('VVV', [...sigma(2, shape[0], D[0]), ...sigma(0.5, shape[1], D[1])], 2),
    )!;
    expect(table.name).toBe('VVV');
    expect(table.letters).toEqual({ volume: 'V', shape: 'V', orientation: 'V' });
    for (let k = 0; k < 2; k++) {
      expect(table.volume[k]).toBeCloseTo(lambda[k], 12);
      // Axes by decreasing variance, so the shape comes back in the order it was built.
      expect(table.shape[k][0]).toBeCloseTo(shape[k][0], 12);
      expect(table.shape[k][1]).toBeCloseTo(shape[k][1], 12);
      expect(table.shape[k][0] * table.shape[k][1]).toBeCloseTo(1, 12);
      // Each axis up to its sign: |cos| between the found and the built column is 1.
      const got = table.orientation![k];
      for (let j = 0; j < d; j++) {
        const dot = got[j] * D[k][j] + got[d + j] * D[k][d + j];
        expect(Math.abs(dot)).toBeCloseTo(1, 12);
      }
    }
  });

  it('shows an EEI fit’s equal volume and shape and no orientation', () => {
    // EEI stores K diagonals: λ A with one λ and one A for both clusters.
    const table = mclustPartsTable(params('EEI', [3 * 2, 3 * 0.5, 3 * 2, 3 * 0.5], 2))!;
    expect(table.letters).toEqual({ volume: 'E', shape: 'E', orientation: 'I' });
    expect(table.volume).toEqual([expect.closeTo(3, 12), expect.closeTo(3, 12)]);
    expect(table.shape[1]).toEqual([expect.closeTo(2, 12), expect.closeTo(0.5, 12)]);
    expect(table.orientation).toBeNull();
  });

  it('gives no parts for scikit-learn’s names, even where they are the same model', () => {
    expect(mclustPartsTable(params('full', sigma(1, [1, 1], rotation(0)), 1))).toBeNull();
  });

  it('reads E and V (one column) as the volume alone', () => {
    expect(partLetters('V')).toEqual({ volume: 'V', shape: 'I', orientation: 'I' });
    expect(partLetters('EVE')).toEqual({ volume: 'E', shape: 'V', orientation: 'E' });
  });
});
