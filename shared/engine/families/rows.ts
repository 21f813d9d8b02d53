/**
 * The rows of a mixed-type mixture and the layout of their per-chunk statistics.
 *
 * Columns belong to families: one Gaussian block over the numeric columns (any covariance type),
 * and categorical, Poisson and binomial columns, independent of each other and of the Gaussian
 * block given the class (local independence, as in latent class analysis: Goodman 1974; poLCA;
 * VarSelLCM). A missing cell is NaN (Gaussian, counts, trials) or −1 (categorical codes) and
 * contributes nothing to its row's density in the discrete families and in a diagonal Gaussian
 * block, whose coordinates are independent within a class. A correlated (dense) Gaussian block with
 * missing cells uses the marginal over each row's observed coordinates, grouped by missingness
 * pattern (gaussianBlock.ts).
 *
 * The arrays may live in SharedArrayBuffers: worker threads then run chunks of the same rows.
 */
import { logBinomialCoefficient, logFactorial } from './logFactorial';

export interface MixedRows {
  nSamples: number;
  /** Gaussian block: nSamples × d, row-major, column-centred; NaN = missing. d may be 0. */
  X: Float64Array;
  d: number;
  /**
   * Dense Gaussian block with missing cells: each row's missingness pattern (index into
   * `patterns`); null when the block is diagonal or complete.
   */
  pattern: Int32Array | null;
  /** Observed-coordinate masks of the patterns, P × d (1 = observed). */
  patterns: Uint8Array;
  /** Categorical: nSamples × m level codes, −1 = missing; levels[j] is column j's level count. */
  codes: Int32Array;
  levels: number[];
  /** Poisson counts: nSamples × q, NaN = missing. */
  counts: Float64Array;
  q: number;
  /** Binomial successes and trials: nSamples × b, NaN = missing. */
  successes: Float64Array;
  trials: Float64Array;
  b: number;
  /**
   * Per row, the log base measure of its count and trial cells: Σ −log x! (Poisson) + Σ log C(n, x)
   * (binomial). It does not depend on the class, so it is added to log p(x_i) after normalising.
   */
  rowConstant: Float64Array | null;
  /** Frequency weights (a row of weight w counts as w rows); null = all 1. */
  weights: Float64Array | null;
}

/** Offsets of each statistic inside one chunk's slot of the E-step pass. */
export interface MixedLayout {
  /** [0] Σ_i w_i log p(x_i). */
  nk: number;
  gaussianSum: number;
  /** Diagonal block: Σ_i w_i r_ik over rows where coordinate j is observed, K × d. */
  gaussianObserved: number;
  /** Σ_j K × L_j, column j at categoricalOffsets[j]: Σ_i w_i r_ik [code_ij = l]. */
  categorical: number;
  categoricalOffsets: number[];
  /** K × q: Σ w r x and Σ w r over observed counts. */
  poissonSum: number;
  poissonObserved: number;
  /** K × b: Σ w r x and Σ w r n over observed cells. */
  binomialSum: number;
  binomialTrials: number;
  /** Length of the E-step's statistics. */
  estepSize: number;
  /** Length of the scatter pass's statistics (dense K × d × d or diagonal K × d). */
  scatterSize: number;
}

export function mixedLayout(
  rows: Pick<MixedRows, 'd' | 'levels' | 'q' | 'b'>,
  K: number,
  dense: boolean,
): MixedLayout {
  const { d, q, b } = rows;
  let at = 1;
  const take = (size: number): number => {
    const off = at;
    at += size;
    return off;
  };
  const nk = take(K);
  const gaussianSum = take(K * d);
  const gaussianObserved = take(dense ? 0 : K * d);
  const categoricalOffsets: number[] = [];
  const categorical = at;
  for (const L of rows.levels) categoricalOffsets.push(take(K * L));
  const poissonSum = take(K * q);
  const poissonObserved = take(K * q);
  const binomialSum = take(K * b);
  const binomialTrials = take(K * b);
  return {
    nk,
    gaussianSum,
    gaussianObserved,
    categorical,
    categoricalOffsets,
    poissonSum,
    poissonObserved,
    binomialSum,
    binomialTrials,
    estepSize: at,
    scatterSize: dense ? K * d * d : K * d,
  };
}

/** The parts of MixedRows a caller gives; the rest is derived (createMixedRows). */
export interface MixedColumns {
  nSamples: number;
  X?: Float64Array;
  d?: number;
  codes?: Int32Array;
  levels?: number[];
  counts?: Float64Array;
  q?: number;
  successes?: Float64Array;
  trials?: Float64Array;
  b?: number;
  weights?: Float64Array | null;
  /** Dense Gaussian block only: group its rows by missingness pattern. */
  patternsFor?: 'dense' | 'diagonal';
}

/** MixedRows with the row constants (log base measures) and, for a dense block, the patterns. */
export function createMixedRows(c: MixedColumns): MixedRows {
  const n = c.nSamples;
  const d = c.d ?? 0;
  const q = c.q ?? 0;
  const b = c.b ?? 0;
  const X = c.X ?? new Float64Array(0);
  const counts = c.counts ?? new Float64Array(0);
  const successes = c.successes ?? new Float64Array(0);
  const trials = c.trials ?? new Float64Array(0);
  let rowConstant: Float64Array | null = null;
  if (q + b > 0) {
    rowConstant = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < q; j++) {
        const x = counts[i * q + j];
        if (x === x) s -= logFactorial(x);
      }
      for (let j = 0; j < b; j++) {
        const x = successes[i * b + j];
        const t = trials[i * b + j];
        if (x === x && t === t) s += logBinomialCoefficient(t, x);
      }
      rowConstant[i] = s;
    }
  }
  const grouping = c.patternsFor === 'dense' ? missingPatterns(X, n, d) : null;
  return {
    nSamples: n,
    X,
    d,
    pattern: grouping?.pattern ?? null,
    patterns: grouping?.patterns ?? new Uint8Array(0),
    codes: c.codes ?? new Int32Array(0),
    levels: c.levels ?? [],
    counts,
    q,
    successes,
    trials,
    b,
    rowConstant,
    weights: c.weights ?? null,
  };
}

/**
 * Each row's missingness pattern over the d coordinates of X (NaN = missing): the index into the
 * distinct patterns, numbered by first appearance; null when no cell is missing.
 */
export function missingPatterns(
  X: Float64Array,
  n: number,
  d: number,
): { pattern: Int32Array; patterns: Uint8Array } | null {
  if (!X.some((x) => x !== x)) return null;
  const pattern = new Int32Array(n);
  const index = new Map<string, number>();
  const masks: number[] = [];
  const mask = new Uint8Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) mask[j] = X[i * d + j] === X[i * d + j] ? 1 : 0;
    const key = mask.join('');
    let p = index.get(key);
    if (p === undefined) {
      p = index.size;
      index.set(key, p);
      masks.push(...mask);
    }
    pattern[i] = p;
  }
  return { pattern, patterns: Uint8Array.from(masks) };
}
