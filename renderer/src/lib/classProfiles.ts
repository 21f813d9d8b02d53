/**
 * A latent-class profile of a fitted model, per class: its share, each categorical column's level
 * probabilities, each count column's Poisson rate, each binomial column's success probability and
 * each Gaussian column's mean (in display units: the column's own, or ln x for a logged one) —
 * the table poLCA's plot and StepMix's summaries show. Read straight from the parameters.
 *
 * Shapes (params.discrete): categorical[j] K × L_j, poisson K × q, binomial K × b, row-major;
 * params.means K × d in the fitted (standardised) space, z = (t − center) / scale.
 */
import type { GaussianMixtureParams, Preprocessing } from '../../../shared/engine/model/types';

export interface ClassProfiles {
  /** K class shares. */
  weights: number[];
  categorical: { index: number; name: string; levels: string[]; probabilities: number[][] }[];
  poisson: { index: number; name: string; rates: number[] }[];
  binomial: { index: number; name: string; trials: number | string; probabilities: number[] }[];
  gaussian: { index: number; name: string; log: boolean; means: number[] }[];
}

/** Row k of a K × m row-major block, column j. */
const column = (block: ArrayLike<number>, K: number, m: number, j: number) =>
  Array.from({ length: K }, (_, k) => block[k * m + j]);

export function classProfiles(params: GaussianMixtureParams, pre: Preprocessing): ClassProfiles {
  const K = params.nComponents;
  const d = params.nFeatures;
  const discrete = params.discrete;
  const categorical = (pre.categorical ?? []).map((c, j) => {
    const p = discrete?.categorical[j] ?? new Float64Array(0);
    const L = c.levels.length;
    return {
      index: c.column,
      name: c.name,
      levels: [...c.levels],
      probabilities: Array.from({ length: K }, (_, k) => Array.from(p.subarray(k * L, (k + 1) * L))),
    };
  });
  const q = pre.poisson?.length ?? 0;
  const poisson = (pre.poisson ?? []).map((c, j) => ({
    index: c.column,
    name: c.name,
    rates: column(discrete?.poisson ?? [], K, q, j),
  }));
  const b = pre.binomial?.length ?? 0;
  const binomial = (pre.binomial ?? []).map((c, j) => ({
    index: c.column,
    name: c.name,
    trials: typeof c.trials === 'number' ? c.trials : c.trials.name,
    probabilities: column(discrete?.binomial ?? [], K, b, j),
  }));
  const gaussian = pre.columns.map((c, j) => ({
    index: c,
    name: pre.columnNames[j],
    log: pre.log[j],
    means: column(params.means, K, d, j).map((z) => z * pre.scale[j] + pre.center[j]),
  }));
  return { weights: Array.from(params.weights), categorical, poisson, binomial, gaussian };
}

/** A model with a family other than the Gaussian block (the profiles view has something to show). */
export function hasDiscreteColumns(pre: Preprocessing): boolean {
  return (pre.categorical?.length ?? 0) + (pre.poisson?.length ?? 0) + (pre.binomial?.length ?? 0) > 0;
}
