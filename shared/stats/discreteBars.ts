/**
 * Bars of a discrete column with each class's fitted distribution, the discrete families'
 * counterpart of the histogram with its component densities: the observed count of every level
 * (categories) or value (counts, successes) among the fitted rows, and class k's expected count
 * there,
 *
 *   categorical  E_k(l) = n · π_k · p_kl
 *   Poisson      E_k(x) = n · π_k · Pois(x; λ_k)     = n · π_k · λ_k^x e^(−λ_k) / x!
 *   binomial     E_k(x) = π_k · Σ_i w_i · Bin(x; m_i, p_k),  Bin(x; m, p) = C(m, x) p^x (1 − p)^(m−x)
 *
 * where n = Σ_i w_i over the fitted rows whose cell in this column is observed (w_i the row's
 * frequency weight, 1 without a weight column). A missing cell contributes nothing to its row's
 * density, so it is in neither the bars nor n. With a constant number of trials m the binomial sum
 * is n · π_k · Bin(x; m, p_k); with a trials column each row brings its own m_i. The mixture's
 * expected count is Σ_k E_k. Probabilities are computed in the log domain (ln x! from the
 * engine's own table), so a large rate or many trials never underflow to 0 · ∞.
 *
 * Counts and successes show the values 0 … the largest observed (the largest number of trials
 * for a binomial column): the fitted tail past the largest observed count is not drawn.
 *
 * Shapes: n fitted rows, K classes, L levels (or values 0 … L−1); π K; categorical p K × L
 * row-major; rates and probabilities K.
 */
import { logBinomialCoefficient, logFactorial } from '../engine/families/logFactorial';

export interface DiscreteBars {
  /** L: the level names, or the values 0 … L−1 as text. */
  labels: string[];
  /** L: observed (weighted) count of each level or value. */
  observed: number[];
  /** K × L: class k's expected count of each level or value. */
  expected: number[][];
  /** L: the mixture's expected count, Σ_k expected[k]. */
  total: number[];
  /** Σ of the weights of the rows with an observed cell. */
  n: number;
}

/** A fitted row's cell and weight, by fitted row: the caller maps dataset rows through rowIndex. */
export interface DiscreteCells {
  /** n: a level code (categorical) or a value; a negative code or a non-finite value = missing. */
  values: ArrayLike<number>;
  /** n frequency weights; absent = every row counts once. */
  weights?: ArrayLike<number>;
}

/** An observed cell: a non-negative integer (codes, counts and trials all are). */
const observedOf = (v: number) => Number.isInteger(v) && v >= 0;

/** Weighted tally of integer values 0 … L−1 (others skipped), and the weight tallied. */
function tally(cells: DiscreteCells, L: number): { observed: number[]; n: number } {
  const observed = new Array<number>(L).fill(0);
  let n = 0;
  for (let i = 0; i < cells.values.length; i++) {
    const v = cells.values[i];
    if (!observedOf(v) || v >= L) continue;
    const w = cells.weights ? cells.weights[i] : 1;
    observed[v] += w;
    n += w;
  }
  return { observed, n };
}

function largestValue(values: ArrayLike<number>): number {
  let max = -1;
  for (let i = 0; i < values.length; i++) if (observedOf(values[i]) && values[i] > max) max = values[i];
  return max;
}

function bars(labels: string[], observed: number[], n: number, expected: number[][]): DiscreteBars {
  const total = labels.map((_, l) => expected.reduce((s, row) => s + row[l], 0));
  return { labels, observed, expected, total, n };
}

/** Bars of a categorical column: codes 0 … L−1 of `levels`, p K × L. */
export function categoricalBars(
  cells: DiscreteCells,
  levels: readonly string[],
  weights: ArrayLike<number>,
  probabilities: ArrayLike<number>,
): DiscreteBars {
  const L = levels.length;
  const { observed, n } = tally(cells, L);
  const expected = Array.from(weights, (pi, k) =>
    Array.from({ length: L }, (_, l) => n * pi * probabilities[k * L + l]),
  );
  return bars([...levels], observed, n, expected);
}

/** ln of x^a with 0^0 = 1 (a zero rate or probability puts all its mass on 0 successes). */
const xLogY = (x: number, y: number) => (x === 0 ? 0 : x * Math.log(y));

/** Bars of a Poisson count column: values 0 … the largest observed; rates K. */
export function poissonBars(
  cells: DiscreteCells,
  weights: ArrayLike<number>,
  rates: ArrayLike<number>,
): DiscreteBars {
  const L = largestValue(cells.values) + 1;
  const { observed, n } = tally(cells, L);
  const expected = Array.from(weights, (pi, k) =>
    Array.from({ length: L }, (_, x) => n * pi * Math.exp(xLogY(x, rates[k]) - rates[k] - logFactorial(x))),
  );
  return bars(valueLabels(L), observed, n, expected);
}

/**
 * Bars of a binomial column: values 0 … the largest number of trials; `trials` a constant or,
 * by fitted row, each row's number (a row whose trials are missing has no observed cell).
 */
export function binomialBars(
  cells: DiscreteCells,
  trials: number | ArrayLike<number>,
  weights: ArrayLike<number>,
  probabilities: ArrayLike<number>,
): DiscreteBars {
  const trialsOf = (i: number) => (typeof trials === 'number' ? trials : trials[i]);
  // Weight of the observed rows by their number of trials: the sum over rows, grouped by m.
  const byTrials = new Map<number, number>();
  const kept: number[] = [];
  for (let i = 0; i < cells.values.length; i++) {
    const m = trialsOf(i);
    if (!observedOf(cells.values[i]) || !observedOf(m)) continue;
    kept.push(i);
    byTrials.set(m, (byTrials.get(m) ?? 0) + (cells.weights ? cells.weights[i] : 1));
  }
  const L = Math.max(-1, ...byTrials.keys()) + 1;
  const keptCells: DiscreteCells = {
    values: kept.map((i) => cells.values[i]),
    ...(cells.weights ? { weights: kept.map((i) => cells.weights![i]) } : {}),
  };
  const { observed, n } = tally(keptCells, L);
  const expected = Array.from(weights, (pi, k) => {
    const p = probabilities[k];
    const row = new Array<number>(L).fill(0);
    for (const [m, w] of byTrials)
      for (let x = 0; x <= m; x++)
        row[x] += pi * w * Math.exp(logBinomialCoefficient(m, x) + xLogY(x, p) + xLogY(m - x, 1 - p));
    return row;
  });
  return bars(valueLabels(L), observed, n, expected);
}

const valueLabels = (L: number) => Array.from({ length: L }, (_, x) => String(x));
