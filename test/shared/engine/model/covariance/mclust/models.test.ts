/**
 * mclust's models as covariance models: the table, the free-parameter counts (mclust's
 * nVarParams), the structure of every M-step's estimate (which parts are equal across
 * components), how reg_covar enters, the warm start, and one column.
 */
import { describe, expect, it } from 'vitest';
import { COVARIANCE_MODELS } from '../../../../../../shared/engine/model/covariance/index';
import { decomposeCovariances } from '../../../../../../shared/engine/model/covariance/decompose';
import {
  COVARIANCE_LAYOUT,
  COVARIANCE_MODEL_NAMES,
  MCLUST_MODEL_NAMES,
  type CovarianceType,
} from '../../../../../../shared/engine/model/types';
import { Rng } from '../../../../../../shared/engine/model/rng';

/** mclust's nVarParams (R/mclust.R), written out as the oracle. */
const N_VAR_PARAMS: Record<(typeof MCLUST_MODEL_NAMES)[number], (G: number, d: number) => number> = {
  EII: () => 1,
  VII: (G) => G,
  EEI: (_G, d) => d,
  VEI: (G, d) => G + (d - 1),
  EVI: (G, d) => 1 + G * (d - 1),
  VVI: (G, d) => G * d,
  EEE: (_G, d) => (d * (d + 1)) / 2,
  EVE: (G, d) => 1 + G * (d - 1) + (d * (d - 1)) / 2,
  VEE: (G, d) => G + (d - 1) + (d * (d - 1)) / 2,
  VVE: (G, d) => G + G * (d - 1) + (d * (d - 1)) / 2,
  EEV: (G, d) => 1 + (d - 1) + (G * d * (d - 1)) / 2,
  VEV: (G, d) => G + (d - 1) + (G * d * (d - 1)) / 2,
  EVV: (G, d) => 1 - G + (G * d * (d + 1)) / 2,
  VVV: (G, d) => (G * d * (d + 1)) / 2,
};

/** Random positive definite scatters W_k = A Aᵀ · nk for K components (dense and diagonal layouts). */
function randomScatters(
  K: number,
  d: number,
  seed: number,
): { dense: Float64Array; diag: Float64Array; nk: Float64Array } {
  const rng = new Rng(seed);
  const nk = Float64Array.from({ length: K }, () => 20 + 30 * rng.random());
  const dense = new Float64Array(K * d * d);
  for (let k = 0; k < K; k++) {
    const A = Array.from({ length: d * (d + 2) }, () => rng.normal());
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let m = 0; m < d + 2; m++) s += A[i * (d + 2) + m] * A[j * (d + 2) + m];
        dense[k * d * d + i * d + j] = (s * nk[k]) / (d + 2);
      }
  }
  const diag = new Float64Array(K * d);
  for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) diag[k * d + j] = dense[k * d * d + j * d + j];
  return { dense, diag, nk };
}

function estimate(type: CovarianceType, K: number, d: number, seed: number, regCovar = 0) {
  const model = COVARIANCE_MODELS[type];
  const s = randomScatters(K, d, seed);
  const scatter = model.family === 'dense' ? s.dense : s.diag;
  return { model, ...s, ...model.estimate(scatter, s.nk, regCovar, K, d, null) };
}

const spread = (values: number[]): number =>
  (Math.max(...values) - Math.min(...values)) / Math.max(...values.map(Math.abs));

describe('the model table', () => {
  it('has every name, each storing the layout the vocabulary states, with its mclust name', () => {
    for (const name of COVARIANCE_MODEL_NAMES) {
      const model = COVARIANCE_MODELS[name];
      expect(model.layout).toBe(COVARIANCE_LAYOUT[name]);
      expect(model.family).toBe(model.layout === 'full' || model.layout === 'tied' ? 'dense' : 'diagonal');
    }
    for (const name of MCLUST_MODEL_NAMES) expect(COVARIANCE_MODELS[name].mclustName).toBe(name);
  });

  it("makes scikit-learn's names the very same models as VII, VVI, EEE and VVV, and E, V those of EII, VII", () => {
    expect(COVARIANCE_MODELS.spherical).toBe(COVARIANCE_MODELS.VII);
    expect(COVARIANCE_MODELS.diag).toBe(COVARIANCE_MODELS.VVI);
    expect(COVARIANCE_MODELS.tied).toBe(COVARIANCE_MODELS.EEE);
    expect(COVARIANCE_MODELS.full).toBe(COVARIANCE_MODELS.VVV);
    expect(COVARIANCE_MODELS.E).toBe(COVARIANCE_MODELS.EII);
    expect(COVARIANCE_MODELS.V).toBe(COVARIANCE_MODELS.VII);
  });

  it.each(MCLUST_MODEL_NAMES)("%s counts mclust's nVarParams", (name) => {
    for (const [K, d] of [[1, 1], [3, 4], [5, 2], [9, 6]])
      expect(COVARIANCE_MODELS[name].nCovarianceParameters(K, d)).toBe(N_VAR_PARAMS[name](K, d));
  }); // prettier-ignore
});

describe('M-step structure: the parts the name says are equal are equal', () => {
  const K = 4;
  const d = 3;
  // letter index: 0 volume, 1 shape, 2 orientation; 'E' equal across components, 'V' free.
  it.each(MCLUST_MODEL_NAMES)('%s', (name) => {
    const { covariances } = estimate(name, K, d, 7);
    const parts = decomposeCovariances(name, covariances, K, d);
    const volumes = Array.from(parts.scale);
    if (name[0] === 'E') expect(spread(volumes)).toBeLessThan(1e-9);
    else expect(spread(volumes)).toBeGreaterThan(1e-3);
    const shapeSpread = Array.from({ length: d }, (_, j) =>
      spread(Array.from({ length: K }, (_, k) => parts.shape[k * d + j])),
    );
    if (name[1] === 'E' || name[1] === 'I') expect(Math.max(...shapeSpread)).toBeLessThan(1e-7);
    else expect(Math.max(...shapeSpread)).toBeGreaterThan(1e-3);
    for (let k = 0; k < K; k++) {
      let logDet = 0;
      for (let j = 0; j < d; j++) logDet += Math.log(parts.shape[k * d + j]);
      expect(Math.abs(logDet)).toBeLessThan(1e-9);
    }
    if (name[1] === 'I') expect(Math.max(...parts.shape.map((a) => Math.abs(a - 1)))).toBeLessThan(1e-12);
    if (name[2] === 'I') expect(parts.orientation).toBeNull();
    else {
      // Orientation equal across components: the same axes up to sign.
      const D = parts.orientation!;
      let gap = 0;
      for (let k = 1; k < K; k++)
        for (let j = 0; j < d; j++) {
          let dot = 0;
          for (let r = 0; r < d; r++) dot += D[r * d + j] * D[k * d * d + r * d + j];
          gap = Math.max(gap, 1 - Math.abs(dot));
        }
      if (name[2] === 'E') expect(gap).toBeLessThan(1e-7);
      else expect(gap).toBeGreaterThan(1e-3);
    }
  });
});

describe('reg_covar', () => {
  it.each(MCLUST_MODEL_NAMES)('%s: the M-step of W_k + nk · reg_covar · I', (name) => {
    const K = 3;
    const d = 3;
    const reg = 0.05;
    const { model, dense, diag, nk, covariances } = estimate(name, K, d, 11, reg);
    const scatter = Float64Array.from(model.family === 'dense' ? dense : diag);
    for (let k = 0; k < K; k++)
      for (let j = 0; j < d; j++) scatter[model.family === 'dense' ? k * d * d + j * d + j : k * d + j] += nk[k] * reg;
    const ridged = model.estimate(scatter, nk, 0, K, d, null).covariances;
    const err = Math.max(...covariances.map((c, e) => Math.abs(c - ridged[e])));
    expect(err).toBeLessThan(1e-6 * Math.max(...ridged.map(Math.abs)));
  }); // prettier-ignore
});

/**
 * The M-step's objective, Σ_k nk log|Σ_k| + tr(Σ_k⁻¹ W_k) (−2 × the expected complete-data
 * log-likelihood's covariance terms): the iterative M-steps stop on its relative change, so that —
 * not every parameter digit — is what two runs agree on.
 */
function objective(
  type: CovarianceType,
  covariances: Float64Array,
  dense: Float64Array,
  nk: Float64Array,
  K: number,
  d: number,
): number {
  const model = COVARIANCE_MODELS[type];
  const S = new Float64Array(d * d);
  let total = 0;
  for (let k = 0; k < K; k++) {
    model.denseCovariance(covariances, k, d, S);
    const P = COVARIANCE_MODELS.full.precisionCholesky(S, 1, d) as Float64Array;
    let logDet = 0;
    for (let j = 0; j < d; j++) logDet -= 2 * Math.log(P[j * d + j]);
    // tr(Σ⁻¹ W) = Σ_ij (P Pᵀ)_ij W_ij
    let trace = 0;
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        let pp = 0;
        for (let m = 0; m < d; m++) pp += P[i * d + m] * P[j * d + m];
        trace += pp * dense[k * d * d + i * d + j];
      }
    total += nk[k] * logDet + trace;
  }
  return total;
}

describe('iterative M-steps start from the previous parts', () => {
  // Not VVE: mclust's orientation update for it weighs components by A_k, not λ_k A_k, so it is no
  // exact maximiser and where it ends depends on where it starts (em.ts, keepBestIterate).
  it.each(['VEI', 'VEV', 'VEE', 'EVE'] as const)('%s: a warm start reaches the cold estimate', (name) => {
    const K = 3;
    const d = 4;
    const { model, dense, diag, nk, covariances, parts } = estimate(name, K, d, 5);
    const scatter = model.family === 'dense' ? dense : diag;
    const warm = model.estimate(scatter, nk, 0, K, d, parts);
    const cold = objective(name, covariances, dense, nk, K, d);
    expect(Math.abs(objective(name, warm.covariances, dense, nk, K, d) - cold)).toBeLessThan(
      1e-7 * Math.abs(cold),
    );
  });

  it('EVE and VVE carry their orientation and shapes, VEI and VEV their volumes and shape', () => {
    for (const name of ['VEI', 'VEV', 'EVE', 'VVE'] as const)
      expect(estimate(name, 3, 4, 5).parts).not.toBeNull();
  });

  it("a cold M-step of EVE is mclust's: the fixed-point iterations from D = I, A_k = 1", () => {
    // The same scatter twice from cold gives the same bits: no hidden state between calls.
    const a = estimate('EVE', 3, 4, 9).covariances;
    const b = estimate('EVE', 3, 4, 9).covariances;
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});

describe('one column', () => {
  it.each(MCLUST_MODEL_NAMES)('%s is E or V by its volume letter', (name) => {
    const K = 3;
    const got = estimate(name, K, 1, 3).covariances;
    const expected = estimate(name[0] === 'E' ? 'E' : 'V', K, 1, 3).covariances;
    const layout = COVARIANCE_MODELS[name].layout;
    for (let k = 0; k < K; k++) {
      const value = layout === 'tied' ? got[0] : got[k];
      expect(Math.abs(value - expected[k])).toBeLessThan(1e-9 * expected[k]);
    }
  });
});
