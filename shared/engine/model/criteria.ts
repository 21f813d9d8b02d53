/**
 * Model-selection criteria with scikit-learn's parameter count and sign (smaller is better).
 * logLikelihood is the total log-likelihood Σ_i log p(x_i) (natural log), n the number of rows.
 */
import type { CovarianceType } from './types';
import { COVARIANCE_MODELS } from './covariance/index';

/** p = (K − 1) weights + K·d means + the covariance parameters of the type (GaussianMixture._n_parameters). */
export function nParameters(covarianceType: CovarianceType, K: number, d: number): number {
  return COVARIANCE_MODELS[covarianceType].nCovarianceParameters(K, d) + K * d + K - 1;
}

/** Schwarz's Bayesian information criterion: −2 logL + p ln n. */
export function bic(logLikelihood: number, p: number, n: number): number {
  return -2 * logLikelihood + p * Math.log(n);
}

/** Akaike's information criterion: −2 logL + 2p. */
export function aic(logLikelihood: number, p: number): number {
  return -2 * logLikelihood + 2 * p;
}

/**
 * Sample-size-adjusted BIC (Sclove 1987): −2 logL + p ln n* with n* = (n + 2) / 24.
 */
export function sampleSizeAdjustedBic(logLikelihood: number, p: number, n: number): number {
  return -2 * logLikelihood + p * Math.log((n + 2) / 24);
}

/** Classification entropy −Σ_i Σ_k r_ik ln r_ik of n × K responsibilities (0 ln 0 = 0). */
export function classificationEntropy(resp: Float64Array): number {
  let e = 0;
  for (let i = 0; i < resp.length; i++) {
    const r = resp[i];
    if (r > 0) e -= r * Math.log(r);
  }
  return e;
}

/**
 * Integrated completed likelihood in its BIC approximation (Biernacki, Celeux & Govaert 2000):
 * ICL = BIC + 2 × classification entropy, in the same smaller-is-better sign.
 */
export function icl(bicValue: number, resp: Float64Array): number {
  return bicValue + 2 * classificationEntropy(resp);
}
