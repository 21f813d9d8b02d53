/**
 * Test helper: a scikit-learn fixture model (fitted in original units) re-expressed in the
 * standardised space the workspace fits in, z = (x − center) / scale. EM is affine-equivariant,
 * so this is exactly the model a standardised fit reaches; mapping it back must give the fixture's
 * own numbers. `originalCov` reads the fixture's nested covariances by hand (the oracle), without
 * the engine's covariance models.
 */
import type {
  GaussianMixtureParams,
  Preprocessing,
  SklearnCovarianceType,
} from '../../../shared/engine/model/types';
import type { EmFixture } from '../engine/emFixtures';
import { flat, loadMatrix } from '../engine/emFixtures';

type Nested = number | Nested[];

/** Σ_k[a][b] of the fixture's final model in original units, from its type-shaped array. */
export function originalCov(f: EmFixture, k: number, a: number, b: number): number {
  const c = f.final.covariances as Nested[];
  const byType: Record<SklearnCovarianceType, () => number> = {
    full: () => ((c[k] as Nested[])[a] as number[])[b],
    tied: () => (c[a] as number[])[b],
    diag: () => (a === b ? (c[k] as number[])[a] : 0),
    spherical: () => (a === b ? (c[k] as number) : 0),
  };
  return byType[f.covariance_type]();
}

/** Population mean and standard deviation of each fitted column (as buildFitMatrix standardises). */
export function columnScaling(f: EmFixture): {
  center: number[];
  scale: number[];
  X: Float64Array;
  n: number;
} {
  const { X, n, d } = loadMatrix(f.csv, f.columns);
  const center = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) center[j] += X[i * d + j] / n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) scale[j] += (X[i * d + j] - center[j]) ** 2 / n;
  return { center, scale: scale.map(Math.sqrt), X, n };
}

/** The fixture's final model in z-space plus the preprocessing that maps it back. */
export function standardisedModel(f: EmFixture): { params: GaussianMixtureParams; pre: Preprocessing } {
  const columns = columnScaling(f);
  const K = f.n_components;
  const d = f.n_features;
  // A spherical model stays spherical only under an equal scaling of all features: use their mean.
  const common = columns.scale.reduce((a, b) => a + b, 0) / d;
  const scale = f.covariance_type === 'spherical' ? columns.scale.map(() => common) : columns.scale;
  const center = columns.center;
  const means = Float64Array.from(flat(f.final.means));
  for (let k = 0; k < K; k++)
    for (let j = 0; j < d; j++) means[k * d + j] = (means[k * d + j] - center[j]) / scale[j];
  const cov = Float64Array.from(flat(f.final.covariances));
  // Σ_z = D⁻¹ Σ D⁻¹: per type, each stored entry scales by 1/(s_a s_b).
  const byType: Record<SklearnCovarianceType, (i: number) => number> = {
    full: (i) => 1 / (scale[Math.floor(i / d) % d] * scale[i % d]),
    tied: (i) => 1 / (scale[Math.floor(i / d)] * scale[i % d]),
    diag: (i) => 1 / scale[i % d] ** 2,
    spherical: () => 1 / common ** 2,
  };
  for (let i = 0; i < cov.length; i++) cov[i] *= byType[f.covariance_type](i);
  const pre: Preprocessing = {
    columns: f.columns.map((_, j) => j),
    columnNames: [...f.columns],
    log: f.columns.map(() => false),
    standardize: true,
    center,
    scale,
  };
  return {
    params: {
      covarianceType: f.covariance_type,
      nComponents: K,
      nFeatures: d,
      weights: Float64Array.from(f.final.weights),
      means,
      covariances: cov,
      precisionsCholesky: new Float64Array(cov.length),
    },
    pre,
  };
}
