/**
 * Model-based agglomerative hierarchical clustering with mclust's default criterion, VVV (Fraley,
 * "Algorithms for model-based Gaussian hierarchical clustering", SIAM J. Sci. Comput. 20, 1998;
 * mclust's hcvvv in src/mclust.f, called by hcVVV in R/mbahc.R with alpha = beta = 1).
 *
 * Starting from singletons, every step merges the pair of clusters whose merge costs least,
 *
 *   d(i, j) = T(i ∪ j) − T(i) − T(j),   T(m, W) = m · log(|W/m| + β (tr W + α) / m),
 *
 * for a cluster of m rows with scatter W; while m ≤ p the determinant is zero and T is
 * m · log(β (tr W + α) / m). α = tr of the data's total scatter / (n p) keeps singletons and small
 * clusters finite. The clusters sit in positions 0 … g − 1 as in mclust's routine: the merged
 * cluster takes the smaller position and the last cluster moves into the larger one, and of equal
 * costs the last pair in column order (j, then i) is merged — so duplicated rows, whose merges tie
 * exactly, merge in mclust's order.
 *
 * The determinant, as hcvvv computes it. hcvvv keeps each cluster's scatter as a triangular factor R
 * (RᵀR = W). The cluster just formed uses the factor of its merge; an older cluster uses the copy
 * hcvvv stored in its rows of the data array, and that copy repeats R's first row in every stored
 * row (the loop after label 200 copies r(1,1) each time), so it stands for
 * W̃ = Σ_{k < min(m − 1, p)} u_k u_kᵀ with u_k = R's first row from column k on. hcvvv's costs, and
 * so its merges once clusters outgrow p rows, follow from these matrices; we compute them the same
 * way (as Gram matrices: the first row of R is W's first row / √W₁₁), which reproduces mclust's
 * merges and therefore its starting classifications.
 */

/** √½ as mclust writes it: a merge of two singletons scales their difference by it. */
const RTHALF = 0.7071067811865476;
const BETA = 1;

interface Clusters {
  size: Int32Array;
  /** √m × the cluster mean, p per position (the running scaled sums of hcvvv). */
  xs: Float64Array;
  /** tr W, exact. */
  trace: Float64Array;
  /** T of the cluster, as computed when it was formed. */
  term: Float64Array;
  /** RᵀR of the factor found when the cluster was formed (null for a singleton). */
  formed: (Float64Array | null)[];
  /** W̃, the stored copy's Gram matrix (header; null for a singleton). */
  stored: (Float64Array | null)[];
  /** Smallest row index in the cluster (mclust's label of a merge). */
  label: Int32Array;
  /** Working space: p, p², p² values. */
  scratch: Float64Array;
  scratchW: Float64Array;
  scratchL: Float64Array;
}

interface Merge {
  cost: number;
  trace: number;
  term: number;
  /** The merged cluster's scatter as this evaluation built it (only when it needed one). */
  scatter: Float64Array | null;
}

/**
 * Z: n × p row-major (svdTransform.ts). Returns the n − 1 merges in order, each as the smallest row
 * index of the two clusters (first < second): mclust's hcPairs, 0-based.
 */
export function hcVVV(Z: Float64Array, n: number, p: number): Int32Array {
  const merges = new Int32Array(2 * Math.max(0, n - 1));
  if (n < 2) return merges;
  const alpha = Math.max(scaledTraceW(Z, n, p), Number.EPSILON);
  const c: Clusters = {
    size: new Int32Array(n).fill(1),
    xs: Float64Array.from(Z),
    trace: new Float64Array(n),
    term: new Float64Array(n).fill(Math.log(BETA * alpha)),
    formed: new Array<Float64Array | null>(n).fill(null),
    stored: new Array<Float64Array | null>(n).fill(null),
    label: Int32Array.from({ length: n }, (_, i) => i),
    scratch: new Float64Array(p),
    scratchW: new Float64Array(p * p),
    scratchL: new Float64Array(p * p),
  };
  const costs = new PairCosts(n);
  for (let j = 1; j < n; j++) {
    for (let i = 0; i < j; i++) costs.set(i, j, mergeOf(c, i, j, -1, p, alpha).cost);
    costs.rescan(j);
  }
  let g = n;
  let newest = -1;
  for (let step = 0; step < n - 1; step++) {
    const { i: a, j: b } = costs.cheapest(g);
    const value = costs.get(a, b);
    // A pair with the newest cluster was costed with its own factor, and hcvvv keeps that merge's
    // factor and term; any other pair it re-forms from the stored copies and recovers the term from
    // the stored cost.
    const recent = a === newest || b === newest;
    const merge = mergeOf(c, a, b, recent ? newest : -1, p, alpha, true);
    const term = step === 0 || recent ? merge.term : value + (c.term[a] + c.term[b]);
    const first = Math.min(c.label[a], c.label[b]);
    merges[2 * step] = first;
    merges[2 * step + 1] = Math.max(c.label[a], c.label[b]);
    combine(c, a, b, merge, term, p);
    c.label[a] = first;
    const last = g - 1;
    if (b !== last) {
      move(c, last, b, p);
      costs.move(last, b, g);
    }
    g--;
    for (let m = 0; m < g; m++)
      if (m !== a) costs.set(a, m, mergeOf(c, Math.min(a, m), Math.max(a, m), a, p, alpha).cost);
    costs.refresh(a, b, g);
    newest = a;
  }
  return merges;
}

/**
 * The costs of positions i < j, packed column by column at j(j − 1)/2 + i as hcvvv stores them,
 * with each column's least cost and its last row, so the cheapest pair is found in O(g) instead of
 * O(g²) per merge. hcvvv scans the packed array and keeps the last of equal costs: that is the
 * last column holding the least cost, and its last row holding it.
 */
class PairCosts {
  private readonly d: Float64Array;
  private readonly colMin: Float64Array;
  private readonly colArg: Int32Array;

  constructor(n: number) {
    this.d = new Float64Array((n * (n - 1)) / 2);
    this.colMin = new Float64Array(n).fill(Infinity);
    this.colArg = new Int32Array(n);
  }

  get(x: number, y: number): number {
    return this.d[pairIndex(x, y)];
  }

  set(x: number, y: number, value: number): void {
    this.d[pairIndex(x, y)] = value;
  }

  /** Column j's least cost and the last row with it. */
  rescan(j: number): void {
    const base = (j * (j - 1)) / 2;
    let best = Infinity;
    let arg = 0;
    for (let i = 0; i < j; i++) {
      const v = this.d[base + i];
      if (v <= best) {
        best = v;
        arg = i;
      }
    }
    this.colMin[j] = best;
    this.colArg[j] = arg;
  }

  /** The last pair (i < j < g) of least cost in column order. */
  cheapest(g: number): { i: number; j: number } {
    let best = Infinity;
    let bj = 1;
    for (let j = 1; j < g; j++) {
      if (this.colMin[j] <= best) {
        best = this.colMin[j];
        bj = j;
      }
    }
    return { i: this.colArg[bj], j: bj };
  }

  /** The cluster at `from` (the last of g) moves to `to`, with its costs (mclust's wardsw). */
  move(from: number, to: number, g: number): void {
    for (let m = 0; m < g - 1; m++) if (m !== to) this.set(to, m, this.get(from, m));
  }

  /**
   * After a merge into position a, whose partner's position b now holds the moved last cluster (or
   * is gone): columns a and b changed throughout, every other column at most in rows a and b.
   */
  refresh(a: number, b: number, g: number): void {
    for (let j = 1; j < g; j++) {
      if (j === a || j === b || this.colArg[j] === a || this.colArg[j] === b) {
        this.rescan(j);
        continue;
      }
      for (const r of [a, b]) {
        if (r >= j) continue;
        const v = this.get(r, j);
        if (v < this.colMin[j] || (v === this.colMin[j] && r > this.colArg[j])) {
          this.colMin[j] = v;
          this.colArg[j] = r;
        }
      }
    }
  }
}

function pairIndex(x: number, y: number): number {
  const i = Math.min(x, y);
  const j = Math.max(x, y);
  return (j * (j - 1)) / 2 + i;
}

/**
 * The merge of positions a < b: its cost d(a, b), trace and term; `own` is the position whose
 * formation factor enters the scatter (the newest cluster; −1: both stored copies). With
 * `keepScatter` the merged scatter is returned (built even when T needs no determinant).
 */
function mergeOf(
  c: Clusters,
  a: number,
  b: number,
  own: number,
  p: number,
  alpha: number,
  keepScatter = false,
): Merge {
  const ma = c.size[a];
  const mb = c.size[b];
  const m = ma + mb;
  // Costs are computed O(n²) times: v lives in a scratch array unless the merge is kept.
  const v = keepScatter ? new Float64Array(p) : c.scratch;
  let trace: number;
  let term: number;
  let scatter: Float64Array | null = null;
  if (ma === 1 && mb === 1) {
    let s = 0;
    for (let j = 0; j < p; j++) {
      v[j] = (c.xs[a * p + j] - c.xs[b * p + j]) * RTHALF;
      s += v[j] * v[j];
    }
    trace = s;
    term = 2 * Math.log((BETA * (trace + alpha)) / 2);
  } else {
    const q = 1 / m;
    const sa = Math.sqrt(ma * q);
    const sb = Math.sqrt(mb * q);
    let s = 0;
    for (let j = 0; j < p; j++) {
      v[j] = sb * c.xs[a * p + j] - sa * c.xs[b * p + j];
      s += v[j] * v[j];
    }
    trace = c.trace[a] + c.trace[b] + s;
    if (m > p && trace !== 0)
      scatter = mergedScatter(c, a, b, own, v, p, keepScatter ? new Float64Array(p * p) : c.scratchW);
    term = clusterTerm(m, p, trace, alpha, scatter, c.scratchL);
  }
  if (keepScatter) scatter ??= mergedScatter(c, a, b, own, v, p, new Float64Array(p * p));
  return { cost: term - (c.term[a] + c.term[b]), trace, term, scatter };
}

/** T(m, W) (header), computed as hcvvv's vvvtij does to keep its rounding. */
function clusterTerm(
  m: number,
  p: number,
  trace: number,
  alpha: number,
  W: Float64Array | null,
  work: Float64Array,
): number {
  if (m <= p) return m * Math.log((BETA * (trace + alpha)) / m);
  if (trace === 0 || !W) return m * Math.log((alpha * BETA) / m);
  const detLog = logDetOver(W, p, m, work);
  const b = (BETA * (trace + alpha)) / m;
  if (detLog === -Infinity) return m * Math.log(b);
  if (detLog <= 0) return m * Math.log(Math.exp(detLog) + b);
  return m * (Math.log(1 + Math.exp(-detLog) * b) + detLog);
}

/** log det(W / m) by Cholesky (L: p² working space); −∞ when W is singular to rounding (hcvvv's zero pivot). */
function logDetOver(W: Float64Array, p: number, m: number, L: Float64Array): number {
  const s = Math.sqrt(1 / m);
  let sum = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let t = W[i * p + j];
      for (let k = 0; k < j; k++) t -= L[i * p + k] * L[j * p + k];
      if (i === j) {
        if (!(t > 0)) return -Infinity;
        L[i * p + i] = Math.sqrt(t);
        sum += Math.log(L[i * p + i] * s);
      } else L[i * p + j] = t / L[j * p + j];
    }
  }
  return 2 * sum;
}

/** The scatter of a ∪ b as hcvvv forms it: each side's formation factor (`own`) or stored copy, plus v vᵀ. */
function mergedScatter(
  c: Clusters,
  a: number,
  b: number,
  own: number,
  v: Float64Array,
  p: number,
  W: Float64Array,
): Float64Array {
  W.fill(0);
  for (const x of [a, b]) {
    const side = x === own ? c.formed[x] : c.stored[x];
    if (side) for (let e = 0; e < p * p; e++) W[e] += side[e];
  }
  for (let r = 0; r < p; r++) for (let s = 0; s < p; s++) W[r * p + s] += v[r] * v[s];
  return W;
}

/**
 * W̃ of a cluster of m rows formed with scatter W (header): min(m − 1, p) copies of the factor's
 * first row r₁ = W's first row / √W₁₁, the k-th read from column k on.
 */
function storedCopy(W: Float64Array, m: number, p: number): Float64Array {
  const out = new Float64Array(p * p);
  const pivot = Math.sqrt(W[0]);
  if (!(pivot > 0)) return out;
  const r1 = Float64Array.from({ length: p }, (_, j) => W[j] / pivot);
  for (let k = 0; k < Math.min(m - 1, p); k++)
    for (let r = k; r < p; r++) for (let s = k; s < p; s++) out[r * p + s] += r1[r] * r1[s];
  return out;
}

/** Position a becomes a ∪ b (its data; b is overwritten or dropped by the caller). */
function combine(c: Clusters, a: number, b: number, merge: Merge, term: number, p: number): void {
  const ma = c.size[a];
  const mb = c.size[b];
  const both = ma === 1 && mb === 1;
  const q = 1 / (ma + mb);
  const sa = both ? RTHALF : Math.sqrt(ma * q);
  const sb = both ? RTHALF : Math.sqrt(mb * q);
  for (let j = 0; j < p; j++) c.xs[a * p + j] = sa * c.xs[a * p + j] + sb * c.xs[b * p + j];
  c.size[a] = ma + mb;
  c.trace[a] = merge.trace;
  c.term[a] = term;
  c.formed[a] = merge.scatter;
  c.stored[a] = merge.scatter && storedCopy(merge.scatter, ma + mb, p);
}

/** The cluster at position `from` (the last) moves to position `to`. */
function move(c: Clusters, from: number, to: number, p: number): void {
  c.size[to] = c.size[from];
  c.xs.copyWithin(to * p, from * p, from * p + p);
  c.trace[to] = c.trace[from];
  c.term[to] = c.term[from];
  c.formed[to] = c.formed[from];
  c.stored[to] = c.stored[from];
  c.label[to] = c.label[from];
}

/** Σ (z − z̄)² of Z / √(n p): mclust's traceW(data / sqrt(n * p)), hcVVV's α. */
function scaledTraceW(Z: Float64Array, n: number, p: number): number {
  const scale = Math.sqrt(n * p);
  let total = 0;
  for (let j = 0; j < p; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += Z[i * p + j] / scale;
    mean /= n;
    for (let i = 0; i < n; i++) {
      const t = Z[i * p + j] / scale - mean;
      total += t * t;
    }
  }
  return total;
}
