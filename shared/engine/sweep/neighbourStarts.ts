/**
 * Extra EM starts for a sweep cell taken from its neighbours in K: split a component of the
 * K − 1 fit, or merge two components of the K + 1 fit (the split and merge moves of Ueda, Nakano,
 * Ghahramani & Hinton, "SMEM algorithm for mixture models", Neural Computation 12, 2000). A sweep
 * fits the neighbours anyway, and their optima are usually close to the cell's own: a k-means start
 * lands in a poor local optimum for some K (two clusters sharing a component, one cluster cut in
 * two), which a split or merge of the neighbour's good solution repairs. Candidates are ranked as
 * in SMEM, and only the best few are tried:
 *
 *   split  component j by w_j · λ_max(Σ_j) (the heaviest, most spread-out component), new means
 *          μ_j ± ½ √λ_max · v_max along its principal axis, each with half the weight and Σ_j;
 *   merge  pair (i, j) by J_merge = r_i · r_j / (‖r_i‖ ‖r_j‖) (responsibility overlap, Ueda's
 *          criterion), merged by matching the first two moments of the pair.
 *
 * The starts are explicit parameters in scikit-learn's shapes for the target covariance type.
 */
import type {
  CovarianceType,
  GaussianMixtureParams,
  InitParams,
  SklearnCovarianceType,
} from '../model/types';
import { COVARIANCE_LAYOUT } from '../model/types';
import { COVARIANCE_MODELS } from '../model/covariance/index';
import { jacobiEigen } from '../../stats/jacobi';

/** Dense d × d covariance of every component (tied: the shared matrix K times). */
function denseCovariances(p: GaussianMixtureParams): Float64Array[] {
  const model = COVARIANCE_MODELS[p.covarianceType];
  const d = p.nFeatures;
  return Array.from({ length: p.nComponents }, (_, k) => {
    const out = new Float64Array(d * d);
    model.denseCovariance(p.covariances, k, d, out);
    return out;
  });
}

const rows = (S: Float64Array, d: number): number[][] =>
  Array.from({ length: d }, (_, i) => Array.from(S.subarray(i * d, i * d + d)));
const trace = (S: Float64Array, d: number): number => {
  let t = 0;
  for (let i = 0; i < d; i++) t += S[i * d + i];
  return t;
};

/**
 * Dense component covariances → `covariances` in the target model's layout (model/types.ts): full
 * as is, diag the diagonals, spherical the mean variance, tied the weight-averaged matrix. A start
 * need not lie in an mclust model's family: EM's first M-step puts it there.
 */
const SHAPE_COVARIANCES: Record<
  SklearnCovarianceType,
  (covs: Float64Array[], weights: number[], d: number) => InitParams['covariances']
> = {
  full: (covs, _w, d) => covs.map((S) => rows(S, d)),
  diag: (covs, _w, d) => covs.map((S) => Array.from({ length: d }, (_, i) => S[i * d + i])),
  spherical: (covs, _w, d) => covs.map((S) => trace(S, d) / d),
  tied: (covs, weights, d) => {
    const T = new Float64Array(d * d);
    covs.forEach((S, k) => S.forEach((v, e) => (T[e] += weights[k] * v)));
    return rows(T, d);
  },
};

interface Components {
  weights: number[];
  means: number[][];
  covs: Float64Array[];
}

function components(p: GaussianMixtureParams): Components {
  const d = p.nFeatures;
  return {
    weights: Array.from(p.weights),
    means: Array.from({ length: p.nComponents }, (_, k) => Array.from(p.means.subarray(k * d, k * d + d))),
    covs: denseCovariances(p),
  };
}

function toInitParams(c: Components, type: CovarianceType, d: number): InitParams {
  const total = c.weights.reduce((a, b) => a + b, 0);
  const weights = c.weights.map((w) => w / total);
  return {
    weights,
    means: c.means,
    covariances: SHAPE_COVARIANCES[COVARIANCE_LAYOUT[type]](c.covs, weights, d),
  };
}

/** Up to `count` starts with K + 1 components from a K-component fit, best split candidates first. */
export function splitStarts(p: GaussianMixtureParams, count: number): InitParams[] {
  const d = p.nFeatures;
  const c = components(p);
  const axes = c.covs.map((S) => {
    const { values, vectors } = jacobiEigen(S, d);
    return { lambda: Math.max(values[0], 0), v: Array.from({ length: d }, (_, i) => vectors[i * d]) };
  });
  const order = c.weights
    .map((w, j) => ({ j, score: w * axes[j].lambda }))
    .sort((a, b) => b.score - a.score || a.j - b.j)
    .slice(0, count);
  return order.map(({ j }) => {
    const step = axes[j].v.map((x) => 0.5 * Math.sqrt(axes[j].lambda) * x);
    const next: Components = {
      weights: [...c.weights, c.weights[j] / 2],
      means: [...c.means, c.means[j].map((x, i) => x - step[i])],
      covs: [...c.covs, c.covs[j]],
    };
    next.weights[j] /= 2;
    next.means[j] = c.means[j].map((x, i) => x + step[i]);
    return toInitParams(next, p.covarianceType, d);
  });
}

/**
 * Up to `count` starts with K − 1 components from a K-component fit (K ≥ 2), most overlapping pair
 * first. resp: n × K responsibilities of that fit.
 */
export function mergeStarts(p: GaussianMixtureParams, resp: Float64Array, count: number): InitParams[] {
  const K = p.nComponents;
  const d = p.nFeatures;
  if (K < 2) return [];
  const n = resp.length / K;
  const dot = new Float64Array(K * K);
  for (let r = 0; r < n; r++) {
    const o = r * K;
    for (let a = 0; a < K; a++) {
      const ra = resp[o + a];
      if (ra === 0) continue;
      for (let b = a; b < K; b++) dot[a * K + b] += ra * resp[o + b];
    }
  }
  const pairs: { a: number; b: number; score: number }[] = [];
  for (let a = 0; a < K; a++)
    for (let b = a + 1; b < K; b++) {
      const norm = Math.sqrt(dot[a * K + a] * dot[b * K + b]);
      pairs.push({ a, b, score: norm > 0 ? dot[a * K + b] / norm : 0 });
    }
  pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  const c = components(p);
  return pairs.slice(0, count).map(({ a, b }) => {
    const wa = c.weights[a];
    const wb = c.weights[b];
    const w = wa + wb;
    const m = c.means[a].map((x, i) => (wa * x + wb * c.means[b][i]) / w);
    // Moment matching: Σ = Σ_k w_k (Σ_k + (μ_k − μ)(μ_k − μ)ᵀ) / w over the pair.
    const S = new Float64Array(d * d);
    for (const [k, wk] of [
      [a, wa],
      [b, wb],
    ] as const) {
      for (let i = 0; i < d; i++)
        for (let j = 0; j < d; j++) {
          const between = (c.means[k][i] - m[i]) * (c.means[k][j] - m[j]);
          S[i * d + j] += (wk * (c.covs[k][i * d + j] + between)) / w;
        }
    }
    const keep = [...Array(K).keys()].filter((k) => k !== a && k !== b);
    const merged: Components = {
      weights: [...keep.map((k) => c.weights[k]), w],
      means: [...keep.map((k) => c.means[k]), m],
      covs: [...keep.map((k) => c.covs[k]), S],
    };
    return toInitParams(merged, p.covarianceType, d);
  });
}
