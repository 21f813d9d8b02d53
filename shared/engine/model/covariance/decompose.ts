/**
 * A fitted model's covariances as mclust's parts, Σ_k = λ_k D_k A_k D_kᵀ (volume λ_k = |Σ_k|^{1/d},
 * shape A_k diagonal with det 1, orientation D_k orthogonal), for the model file and displays. The
 * parts follow the model's structure, read from its mclust name (the third letter is the
 * orientation): identity orientation (…I, and E, V in one dimension) — A_k is the variances over
 * their geometric mean; variable orientation (…V) — each Σ_k's own eigen-decomposition, axes by
 * decreasing variance; equal orientation (…E) — one D for all components, the eigenvectors of a
 * weighted sum of the Σ_k / λ_k (distinct weights, so a shape with repeated values in one component
 * cannot leave D undetermined), with each A_k in D's column order.
 */
import type { CovarianceType } from '../types';
import type { CovarianceParts } from './model';
import { COVARIANCE_MODELS } from './index';
import { jacobiEigen } from '../../../stats/jacobi';

/** covariances: the model's layout (model/types.ts). Shapes of the result as in CovarianceParts. */
export function decomposeCovariances(
  type: CovarianceType,
  covariances: Float64Array,
  K: number,
  d: number,
): CovarianceParts {
  const model = COVARIANCE_MODELS[type];
  const name = model.mclustName;
  const orientation = name.length === 1 ? 'I' : name[2];
  const parts = decomposeByOrientation(orientation, model, covariances, K, d);
  // Parts the name says are equal are equal mathematically; computed per component they differ in
  // the last bits. Report one value (their mean) so that a reader sees them equal.
  if (name[0] === 'E') parts.scale.fill(parts.scale.reduce((a, b) => a + b, 0) / K);
  if (name.length === 3 && name[1] === 'E')
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += parts.shape[k * d + j];
      for (let k = 0; k < K; k++) parts.shape[k * d + j] = s / K;
    }
  return parts;
}

function decomposeByOrientation(
  orientation: string,
  model: (typeof COVARIANCE_MODELS)[CovarianceType],
  covariances: Float64Array,
  K: number,
  d: number,
): CovarianceParts {
  const dense = Array.from({ length: K }, (_, k) => {
    const S = new Float64Array(d * d);
    model.denseCovariance(covariances, k, d, S);
    return S;
  });
  const scale = new Float64Array(K);
  const shape = new Float64Array(K * d);
  if (orientation === 'I') {
    dense.forEach((S, k) => {
      const variances = Float64Array.from({ length: d }, (_, j) => S[j * d + j]);
      setVolumeShape(variances, k, d, scale, shape);
    });
    return { scale, shape, orientation: null };
  }
  const axes = new Float64Array(K * d * d);
  if (orientation === 'V') {
    dense.forEach((S, k) => {
      const { values, vectors } = jacobiEigen(S, d);
      setVolumeShape(values, k, d, scale, shape);
      axes.set(vectors, k * d * d);
    });
    return { scale, shape, orientation: axes };
  }
  const M = new Float64Array(d * d);
  dense.forEach((S, k) => {
    const weight = (1 + Math.SQRT2 * (k + 1)) / Math.exp(logDet(S, d) / d);
    for (let e = 0; e < d * d; e++) M[e] += weight * S[e];
  });
  const D = jacobiEigen(M, d).vectors;
  dense.forEach((S, k) => {
    const projected = new Float64Array(d);
    for (let j = 0; j < d; j++)
      for (let r = 0; r < d; r++)
        for (let c = 0; c < d; c++) projected[j] += D[r * d + j] * S[r * d + c] * D[c * d + j];
    setVolumeShape(projected, k, d, scale, shape);
    axes.set(D, k * d * d);
  });
  return { scale, shape, orientation: axes };
}

/** λ_k = geometric mean of the values, A_k = values / λ_k. */
function setVolumeShape(
  values: Float64Array,
  k: number,
  d: number,
  scale: Float64Array,
  shape: Float64Array,
): void {
  let s = 0;
  for (let j = 0; j < d; j++) s += Math.log(values[j]);
  // One value is its own geometric mean: exactly, so that one column's shape is exactly 1.
  scale[k] = d === 1 ? values[0] : Math.exp(s / d);
  for (let j = 0; j < d; j++) shape[k * d + j] = values[j] / scale[k];
}

/** log |S| from its eigenvalues. */
function logDet(S: Float64Array, d: number): number {
  return jacobiEigen(S, d).values.reduce((a, v) => a + Math.log(v), 0);
}
