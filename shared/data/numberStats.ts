/**
 * Count, exactly rounded sum, min and max of a column's numbers, in one pass over its stored values
 * (NaN = not a number: missing, text or non-finite), fed chunk by chunk during the import
 * (NumberAccumulator). Not cell by cell inside the scanner, so its inner loop only stores the value
 * (profiled on the import benchmark, scripts/bench-import.mjs: a per-cell Shewchuk `add` cost
 * ~40 ns, more than scanning the cell); this pass
 * costs ~2-3 ns per value.
 *
 * The sum is the exact sum of the doubles rounded once, as Python's math.fsum (the fixtures'
 * oracle), in two steps:
 *
 * 1. Fast and almost always enough: cascaded two-sum (Ogita, Rump & Oishi, "Accurate sum and dot
 *    product", SIAM J. Sci. Comput. 2005, Sum2). h_i + t_i = h_{i-1} + x_i exactly (Knuth's
 *    TwoSum), so Σx = h + Σt exactly. Each |t_i| ≤ u·|h_i| (u = 2^-53), so Σ|t| ≤ n·u·H with
 *    H = max |h_i|, and summing the t naively into l errs by at most γ_{n-1}·Σ|t| (Higham,
 *    "Accuracy and Stability of Numerical Algorithms", §4.2) ≤ 1.01·n²·u²·H, bounded here by
 *    n²·H·2^-105. With h + l = r + e exactly (TwoSum again), r is the correctly rounded sum
 *    whenever |e| + bound is below half the gap to r's nearer neighbour.
 * 2. Otherwise (heavy cancellation, a near-tie, overflow): the exact sum by exponent bins,
 *    `binnedExactSum` below.
 */
import { ExactSum } from './exactSum';

export interface NumberStats {
  count: number;
  sum: number;
  min: number;
  max: number;
}

export function numberStats(values: Float64Array, length: number): NumberStats {
  const acc = new NumberAccumulator();
  acc.add(values, 0, length);
  return acc.stats(values, length);
}

/**
 * The same pass in pieces, as rows arrive: the importer feeds each chunk's new rows while they are
 * still in cache (and V8 has optimised the loop long before the end). Feeding rows [0, n) in
 * consecutive ranges does exactly the operations of one pass, so the result is identical.
 */
export class NumberAccumulator {
  private readonly acc = new Float64Array(ACC_SIZE);
  /** Rows fed so far. */
  fed = 0;

  constructor() {
    this.acc[MIN] = Infinity;
    this.acc[MAX] = -Infinity;
  }

  /** Feeds values[from, to); `from` must be where the previous range ended. */
  add(values: Float64Array, from: number, to: number): void {
    if (to <= from) return;
    accumulate(values, from, to, this.acc);
    this.fed = to;
  }

  /** The statistics of values[0, length), all of which have been fed. */
  stats(values: Float64Array, length: number): NumberStats {
    const acc = this.acc;
    const count = acc[COUNT];
    let sum = count === 0 ? 0 : certainlyRounded(acc[H], acc[L], acc[H_MAX], count);
    if (Number.isNaN(sum)) sum = binnedExactSum(values, length);
    return { count, sum, min: acc[MIN], max: acc[MAX] };
  }
}

/** Index of the 32-bit half holding sign and exponent (platform byte order). */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const word = new Float64Array(1);
const halves = new Uint32Array(word.buffer);

const COUNT = 0;
const MIN = 1;
const MAX = 2;
const H = 3;
const L = 4;
const H_MAX = 5;
const ACC_SIZE = 6;

/**
 * The one pass, alone in its function: code after a loop that has not run yet has no type
 * feedback, and V8 would throw away the loop's on-stack-replaced optimised code on reaching it.
 */
function accumulate(values: Float64Array, from: number, to: number, acc: Float64Array): void {
  let count = acc[COUNT];
  let min = acc[MIN];
  let max = acc[MAX];
  let h = acc[H];
  let l = acc[L];
  let hMax = acc[H_MAX];
  for (let i = from; i < to; i++) {
    const x = values[i];
    if (x !== x) continue;
    count++;
    if (x < min) min = x;
    if (x > max) max = x;
    const s = h + x;
    const b = s - h;
    const t = h - (s - b) + (x - b);
    h = s;
    l += t;
    // (Math.max of |s| measured 5× faster in V8 than accumulating Math.abs(t).)
    hMax = Math.max(hMax, Math.abs(s));
  }
  acc[COUNT] = count;
  acc[MIN] = min;
  acc[MAX] = max;
  acc[H] = h;
  acc[L] = l;
  acc[H_MAX] = hMax;
}

/** r = fl(h + l) when it is provably the rounded exact sum (see the file comment), else NaN. */
function certainlyRounded(h: number, l: number, hMax: number, n: number): number {
  // Non-finite: an overflow on the way; tiny hMax: the bound below could underflow.
  if (!Number.isFinite(h) || !Number.isFinite(l) || hMax < 2 ** -800) return NaN;
  const r = h + l;
  if (!Number.isFinite(r)) return NaN;
  const b = r - h;
  const e = h - (r - b) + (l - b);
  const bound = n * n * hMax * 2 ** -105;
  // The spacing of doubles at r, from its biased exponent (r near the subnormals: give up).
  word[0] = r;
  const exponent = (halves[HIGH] >>> 20) & 0x7ff;
  if (exponent <= 53) return NaN;
  const powerOfTwo = (halves[HIGH] & 0xfffff) === 0 && halves[1 - HIGH] === 0;
  halves[HIGH] = (exponent - 52) << 20;
  halves[1 - HIGH] = 0;
  const ulp = word[0];
  // Half the gap to the nearer neighbour (below a power of two the gap is half as wide); the
  // small factor covers the rounding of the left side's addition.
  const halfGap = powerOfTwo ? ulp / 4 : ulp / 2;
  return (Math.abs(e) + bound) * (1 + 2 ** -50) < halfGap ? r : NaN;
}

const BINS = 2048;
const BLOCK = 1 << 20;
const BIG_EXPONENT = 2000;

/**
 * The exact sum by exponent binning (the idea of Zhu & Hayes' OnlineExactSum, ACM TOMS 2010, and
 * Demmel & Hida's accumulation by exponent): every double with biased exponent e is an integer
 * multiple of u_e = 2^(max(e,1) - 1075) below 2^53·u_e. Bin e keeps (hi, lo) with an error-free
 * two-sum: hi + lo is exactly the sum of the values added to the bin, because
 *   - hi and each error term stay multiples of u_e (rounding to a coarser grid keeps them so);
 *   - over a block of at most 2^20 values, |hi| < 2^73·u_e, so each error is ≤ ulp(hi)/2 ≤ 2^20·u_e
 *     and |lo| ≤ 2^40·u_e < 2^53·u_e: every addition to lo is exact.
 * After each block the 2×2048 bins are folded into Shewchuk partials (ExactSum), which round the
 * exact total once. Values with e ≥ BIG_EXPONENT (|x| ≥ 2^977) go to the partials directly, so no
 * bin can overflow. NaN values are skipped.
 */
export function binnedExactSum(values: Float64Array, length: number): number {
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * length);
  const hi = new Float64Array(BINS);
  const lo = new Float64Array(BINS);
  const partials = new ExactSum();
  let count = 0;
  for (let start = 0; start < length; start += BLOCK) {
    const stop = Math.min(length, start + BLOCK);
    for (let i = start; i < stop; i++) {
      const x = values[i];
      if (x !== x) continue;
      count++;
      const e = (words[2 * i + HIGH] >>> 20) & 0x7ff;
      if (e >= BIG_EXPONENT) {
        partials.add(x);
        continue;
      }
      const a = hi[e];
      const s = a + x;
      const b = s - a;
      hi[e] = s;
      lo[e] += a - (s - b) + (x - b);
    }
    for (let e = 0; e < BINS; e++) {
      if (hi[e] !== 0) partials.add(hi[e]);
      if (lo[e] !== 0) partials.add(lo[e]);
    }
    hi.fill(0);
    lo.fill(0);
  }
  const sum = partials.value();
  // IEEE (and fsum) give -0 only when every addend is -0; the bins above start from +0.
  if (sum === 0 && count > 0 && allNegativeZero(values, length)) return -0;
  return sum;
}

function allNegativeZero(values: Float64Array, length: number): boolean {
  for (let i = 0; i < length; i++) {
    const x = values[i];
    if (x === x && !Object.is(x, -0)) return false;
  }
  return true;
}
