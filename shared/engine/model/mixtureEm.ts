/**
 * EM for a mixed-type mixture (families/rows.ts): the E- and M-steps the one EM loop (em.ts,
 * runEmLoop) calls, over the mixed row passes of compute/ (so any thread count gives the same bits).
 *
 *   E-step   executor runs 'mixedEstep' with the parameters derived from the state; the chunks'
 *            statistics are reduced in chunk order.
 *   M-step   w_k = nk / Σ nk (nk = Σ_i w_i r_ik + 10ε, as scikit-learn); the Gaussian block's
 *            means, then its scatter about them (a second pass) and the covariance model's
 *            estimate plus reg_covar; each discrete family's closed form (categorical.ts,
 *            poisson.ts, binomial.ts).
 */
import type { CovarianceModel } from './covariance/model';
import type { EmAlgorithm } from './em';
import type { RowExecutor, RowJob } from '../compute';
import { reducePartials } from '../compute';
import { singularComponentError } from '../../errors';
import type { MixedLayout, MixedRows } from '../families/rows';
import type { GaussianStep, MixedEStepParams, MixedState } from '../families/state';
import {
  denseGaussianStep,
  gaussianCovariances,
  gaussianMeans,
  gaussianStep,
} from '../families/gaussianBlock';
import { categoricalLogTable, categoricalMStep } from '../families/categorical';
import { poissonMStep } from '../families/poisson';
import { binomialMStep } from '../families/binomial';

const TINY = 10 * 2.220446049250313e-16;

/** What a mixed fit's EM needs to know besides the rows. */
export interface MixtureModelSpec {
  nComponents: number;
  /** The Gaussian block's covariance model; null when the model has no numeric columns. */
  covariance: CovarianceModel | null;
  regCovar: number;
  /** Dirichlet pseudo-count added to every category count (0: maximum likelihood). */
  smoothing: number;
  /** Column means of the count and binomial columns (rates for classes without observed cells). */
  overallPoisson: Float64Array;
  overallBinomial: Float64Array;
}

export interface MixedMoments {
  meanLogNorm: number;
  /** The reduced E-step statistics (families/rows.ts, MixedLayout). */
  reduced: Float64Array;
  /** The Gaussian parameters the pass used: the M-step's conditional expectations need them. */
  gaussian: GaussianStep | null;
}

export interface MixtureAlgorithm extends EmAlgorithm<MixedState, MixedMoments> {
  /** Moments of the responsibilities already in job.resp (a start from a labelling). */
  respMoments(): Promise<MixedMoments>;
}

export function mixtureAlgorithm(
  job: RowJob & { mixed: MixedRows },
  executor: RowExecutor,
  spec: MixtureModelSpec,
  layout: MixedLayout,
): MixtureAlgorithm {
  const rows = job.mixed;
  const K = spec.nComponents;
  const totalWeight = rows.weights ? rows.weights.reduce((s, w) => s + w, 0) : rows.nSamples;

  const eStepParams = (state: MixedState): MixedEStepParams => {
    let gaussian: GaussianStep | null = null;
    if (state.gaussian && spec.covariance) {
      const g = gaussianStep(state.gaussian, spec.covariance, rows, K);
      if (typeof g === 'number') throw singularComponentError(g);
      gaussian = g;
    }
    return {
      logWeights: state.weights.map(Math.log),
      gaussian,
      categoricalLog: categoricalLogTable(state.categorical, layout),
      poissonLogRate: state.poisson.map(Math.log),
      poissonRate: state.poisson,
      binomialLogP: state.binomial.map(Math.log),
      binomialLog1mP: state.binomial.map((p) => Math.log(1 - p)),
    };
  };

  const reduce = (gaussian: GaussianStep | null): MixedMoments => {
    const reduced = reducePartials(job, layout.estepSize);
    return { meanLogNorm: reduced[0] / totalWeight, reduced, gaussian };
  };

  return {
    async eStep(state) {
      const params = eStepParams(state);
      await executor.run({ kind: 'mixedEstep', params, layout });
      return reduce(params.gaussian);
    },
    async respMoments() {
      const gaussian = spec.covariance ? initialGaussianStep(rows, spec.covariance, K) : null;
      await executor.run({ kind: 'mixedMoments', gaussian, layout });
      return reduce(gaussian);
    },
    async mStep({ reduced, gaussian: previous }) {
      const nk = new Float64Array(K);
      let nkTotal = 0;
      for (let k = 0; k < K; k++) nkTotal += nk[k] = reduced[layout.nk + k] + TINY;
      const weights = nk.map((n) => n / nkTotal);
      let gaussian: MixedState['gaussian'] = null;
      if (spec.covariance && previous) {
        const diagonal = spec.covariance.family === 'diagonal';
        const means = gaussianMeans(reduced, layout, nk, rows.d, K, diagonal);
        await executor.run({ kind: 'mixedScatter', gaussian: previous, means, layout });
        const scatter = reducePartials(job, layout.scatterSize);
        const estimate = gaussianCovariances(
          scatter,
          reduced,
          layout,
          nk,
          means,
          spec.covariance,
          spec.regCovar,
          rows.d,
          K,
        );
        if (typeof estimate === 'number') throw singularComponentError(estimate);
        gaussian = estimate;
      }
      return {
        weights,
        gaussian,
        categorical: categoricalMStep(reduced, layout, rows.levels, K, spec.smoothing),
        poisson: poissonMStep(reduced, layout, K, rows.q, spec.overallPoisson),
        binomial: binomialMStep(reduced, layout, K, rows.b, spec.overallBinomial),
      };
    },
  };
}

/**
 * The Gaussian parameters a start from a labelling fills missing cells with: every class at the
 * column means (0 in the centred coordinates) with the columns' observed variances and no
 * correlation, so a missing cell counts as its column's mean with that column's spread. Complete
 * rows are taken as they are.
 */
export function initialGaussianStep(rows: MixedRows, model: CovarianceModel, K: number): GaussianStep {
  const { X, d, nSamples: n } = rows;
  const variance = new Float64Array(d);
  const count = new Float64Array(d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) {
      const x = X[i * d + j];
      if (x !== x) continue;
      variance[j] += x * x;
      count[j] += 1;
    }
  for (let j = 0; j < d; j++) variance[j] = count[j] > 0 ? variance[j] / count[j] : 1;
  const means = new Float64Array(K * d);
  if (model.family === 'diagonal') {
    const invSd = new Float64Array(K * d).fill(1);
    return { kind: 'diagonal', means, invSd, logInvSd: new Float64Array(K * d) };
  }
  const step = denseGaussianStep(
    means,
    (_k, out) => {
      out.fill(0);
      for (let j = 0; j < d; j++) out[j * d + j] = variance[j] || 1;
    },
    rows,
    K,
  );
  if (typeof step === 'number') throw singularComponentError(step);
  return step;
}
