/**
 * The generated E-step (see simdKernels.ts for the signature), block by block of BLOCK rows, in
 * the three passes of the JavaScript blocked E-step (js/estep.ts):
 *   1a  row by row: per pair of components the squared Mahalanobis distance q and w = c − q/2,
 *       stored to resp;
 *   1b  two rows at a time: the log-sum-exp over all K lanes (normalise.ts: max, exp(w − max),
 *       their sum in component order, its log); r = e/sum stored over w, log p to logNorm, added
 *       to the running total;
 *   2   pair by pair, row by row: nk += r and Σ r x += r·x, r read back from resp.
 *
 * Measured (n = 1e6, d = 10, K = 8, diag, one thread): one fused row loop took 140 ms, these
 * passes 85 ms. A large loop body with K·d sums and the distances' temporaries live at once spills
 * most of them (16 vector registers), and a row's log-sum-exp is one long chain of dependent
 * operations (max, exp, a sum over K in order, the logarithm's polynomial, a division) that the
 * processor cannot overlap with the next row's inside a loop body of hundreds of instructions.
 * Pass 1b therefore takes two rows' sums through the sum, the logarithm and the division
 * together, one row per lane (the scalar code's operations in each lane). Each accumulator is
 * still added to in row order and the running total takes the rows in order, so the bits are
 * those of the JavaScript kernels.
 */
import { FunctionCode, F64, I32, OP, SIMD, V128 } from './encoder';
import { emitExpPair, emitLog, emitLogPair, expTemps, logPairTemps, logTemps } from './expLog';
import { packedUpper } from './layout';
import {
  add,
  closeBlockLoop,
  closeRowLoop,
  full,
  loadPair,
  loadRow,
  mul,
  openBlockLoop,
  openRowLoop,
  param,
  rowValue,
  storePair,
  sub,
  type Shape,
} from './rowFrame';

/** Function index of the imported Math.log. */
export const LOG_FUNC = 0;

/**
 * q = squared Mahalanobis distance of the row at xo + xOff to pair p's components:
 *   diagonal  y_j = (x_j − μ_j)·f_j,                  q = y_0² + … + y_{d−1}²
 *   dense     y_j = t_0 P[0][j] + … + t_j P[j][j],    q = y_0² + … + y_{d−1}²,  t = x − μ
 */
function emitDistance(
  c: FunctionCode,
  s: Shape,
  par: number,
  p: number,
  xo: number,
  xOff: number,
  t: number[],
  y: number,
  q: number,
  x?: number[],
): void {
  const { d, layout } = s;
  const value = (j: number) => (x ? c.get(x[j]) : rowValue(c, xo, j, xOff));
  const mean = (j: number) => param(c, par, layout.means, p * d + j);
  const factor = (u: number) => param(c, par, layout.factors, p * layout.factorsPerComponent + u);
  if (s.family === 'dense') {
    for (let m = 0; m < d; m++) {
      value(m);
      mean(m);
      sub(c);
      c.set(t[m]);
    }
  }
  for (let j = 0; j < d; j++) {
    if (s.family === 'diagonal') {
      value(j);
      mean(j);
      sub(c);
      factor(j);
      mul(c);
    } else {
      c.get(t[0]);
      factor(packedUpper(0, j));
      mul(c);
      for (let m = 1; m <= j; m++) {
        c.get(t[m]);
        factor(packedUpper(m, j));
        mul(c);
        add(c);
      }
    }
    c.tee(y).get(y);
    mul(c);
    if (j > 0) {
      c.get(q);
      add(c); // q + y² (addition commutes bit for bit)
    }
    c.set(q);
  }
}

/** Rows per block (even): X and resp of a block (d = 10, K = 8: 20 KB) stay in cache for pass 2. */
export const BLOCK = 128;

/** Shuffle lanes: the low f64 of a and of b, and the high f64 of a and of b. */
const LOW_LANES = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
const HIGH_LANES = [8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31];

export function estepFunction(s: Shape): FunctionCode {
  const { d, K, layout } = s;
  const P = layout.pairs;
  const c = new FunctionCode([I32, I32, I32, I32, I32, I32, I32, I32, F64], [F64]);
  const [X, resp, logNorm, start, end, par, acc, tab, total] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const t = s.family === 'dense' ? Array.from({ length: d }, () => c.local(V128)) : [];
  const y = c.local(V128);
  const x = Array.from({ length: d }, () => c.local(V128));
  const wA = Array.from({ length: P }, () => c.local(V128));
  const wB = Array.from({ length: P }, () => c.local(V128));
  const [maxA, maxB, sum, logSum, lse, inv] = Array.from({ length: 6 }, () => c.local(F64));
  const [r, pairSum, pairLog, pairInv] = Array.from({ length: 4 }, () => c.local(V128));
  const nk = c.local(V128);
  const sums = Array.from({ length: d }, () => c.local(V128));
  const [i, xo, ro, lo] = Array.from({ length: 4 }, () => c.local(I32));
  const et = expTemps(c);
  const lt = logTemps(c);
  const lpt = logPairTemps(c);

  /** w[p] of the row `row` (0 or 1) after ro, as pass 1a left them; max over the K real lanes. */
  const weights = (row: number, w: number[], max: number): void => {
    for (let p = 0; p < P; p++) {
      if (full(s, p)) c.get(ro).simdMem(SIMD.v128Load, row * K * 8 + p * 16);
      else
        c.get(ro)
          .simdMem(SIMD.v128Load64Zero, row * K * 8 + p * 16)
          .f64(-Infinity)
          .lane(SIMD.f64x2ReplaceLane, 1);
      c.set(w[p]);
    }
    c.get(w[0]);
    for (let p = 1; p < P; p++) c.get(w[p]).simd(SIMD.f64x2Max);
    c.set(r);
    c.get(r).lane(SIMD.f64x2ExtractLane, 0).get(r).lane(SIMD.f64x2ExtractLane, 1).op(OP.f64Max).set(max);
  };
  /** Stores the pair's responsibilities (in `v`) of row `row` after ro. */
  const store = (row: number, p: number, v: number): void => {
    c.get(ro).get(v);
    if (full(s, p)) c.simdMem(SIMD.v128Store, row * K * 8 + p * 16);
    else c.simdMem(SIMD.v128Store64Lane, row * K * 8 + p * 16, 0);
  };
  /** e = exp(w − max) for every pair, in place. */
  const exponentials = (w: number[], max: number): void => {
    for (let p = 0; p < P; p++) {
      c.get(w[p]).get(max).simd(SIMD.f64x2Splat);
      sub(c);
      c.set(w[p]);
      emitExpPair(c, w[p], w[p], tab, et);
    }
  };
  /** The whole of pass 1 for the row `row` after xo, ro, lo, on its own. */
  const singleRow = (row: number): void => {
    weights(row, wA, maxA);
    c.get(maxA).f64(-Infinity).op(OP.f64Eq);
    c.if();
    {
      // No component can explain the row: an even split with log p = −∞ (normalise.ts evenRow).
      c.f64x2Const(1 / K).set(r);
      for (let p = 0; p < P; p++) store(row, p, r);
      c.get(lo)
        .f64(-Infinity)
        .f64Store(row * 8);
      c.f64(-Infinity).set(total);
    }
    c.else();
    {
      exponentials(wA, maxA);
      c.get(wA[0]).lane(SIMD.f64x2ExtractLane, 0);
      for (let k = 1; k < K; k++)
        c.get(wA[k >> 1])
          .lane(SIMD.f64x2ExtractLane, k & 1)
          .op(OP.f64Add);
      c.set(sum);
      emitLog(c, sum, logSum, tab, LOG_FUNC, lt);
      c.get(maxA).get(logSum).op(OP.f64Add).set(lse);
      c.get(lo)
        .get(lse)
        .f64Store(row * 8);
      c.get(total).get(lse).op(OP.f64Add).set(total);
      c.f64(1).get(sum).op(OP.f64Div).set(inv);
      for (let p = 0; p < P; p++) {
        c.get(wA[p]).get(inv).simd(SIMD.f64x2Splat);
        mul(c);
        c.set(r);
        store(row, p, r);
      }
    }
    c.end();
  };
  /** Pass 1 for rows A (after xo) and B (the next), the sums' tail in one lane per row. */
  const twoRows = (): void => {
    weights(0, wA, maxA);
    weights(1, wB, maxB);
    c.get(maxA).f64(-Infinity).op(OP.f64Eq).get(maxB).f64(-Infinity).op(OP.f64Eq).op(OP.i32Or);
    c.if();
    singleRow(0); // rare: a row no component explains; each row on its own
    singleRow(1);
    c.else();
    {
      exponentials(wA, maxA);
      exponentials(wB, maxB);
      // Σ_k e_k per row, in component order: lane 0 row A, lane 1 row B.
      for (let k = 0; k < K; k++) {
        c.get(wA[k >> 1])
          .get(wB[k >> 1])
          .shuffle(k & 1 ? HIGH_LANES : LOW_LANES);
        if (k > 0) add(c);
      }
      c.set(pairSum);
      emitLogPair(c, pairSum, pairLog, tab, LOG_FUNC, lpt);
      // lse = max + log Σ; the total takes row A, then row B.
      c.get(maxA).simd(SIMD.f64x2Splat).get(maxB).lane(SIMD.f64x2ReplaceLane, 1).get(pairLog);
      add(c);
      c.set(pairLog);
      c.get(lo).get(pairLog).simdMem(SIMD.v128Store64Lane, 0, 0);
      c.get(lo).get(pairLog).simdMem(SIMD.v128Store64Lane, 8, 1);
      c.get(total).get(pairLog).lane(SIMD.f64x2ExtractLane, 0).op(OP.f64Add);
      c.get(pairLog).lane(SIMD.f64x2ExtractLane, 1).op(OP.f64Add).set(total);
      c.f64x2Const(1).get(pairSum).simd(SIMD.f64x2Div).set(pairInv);
      for (const [row, w] of [
        [0, wA],
        [1, wB],
      ] as const) {
        for (let p = 0; p < P; p++) {
          c.get(w[p]).get(pairInv).lane(SIMD.f64x2ExtractLane, row).simd(SIMD.f64x2Splat);
          mul(c);
          c.set(r);
          store(row, p, r);
        }
      }
    }
    c.end();
  };
  const advance = (rows: number): void => {
    c.get(i).i32(rows).op(OP.i32Add).set(i);
    c.get(xo)
      .i32(rows * d * 8)
      .op(OP.i32Add)
      .set(xo);
    c.get(ro)
      .i32(rows * K * 8)
      .op(OP.i32Add)
      .set(ro);
    c.get(lo)
      .i32(rows * 8)
      .op(OP.i32Add)
      .set(lo);
  };

  const block = openBlockLoop(c, start, end, BLOCK);
  // Pass 1a: w = c − q/2 into resp (the padding lane is not stored; pass 1b reads it as −∞).
  {
    const rows = openRowLoop(c, s, X, resp, block.start, block.end);
    loadRow(c, s, rows.xo, x);
    for (let p = 0; p < P; p++) {
      emitDistance(c, s, par, p, rows.xo, 0, t, y, r, x);
      param(c, par, layout.c, p);
      c.get(r).f64x2Const(0.5);
      mul(c);
      sub(c);
      c.set(r);
      c.get(rows.ro).get(r);
      if (full(s, p)) c.simdMem(SIMD.v128Store, p * 16);
      else c.simdMem(SIMD.v128Store64Lane, p * 16, 0);
    }
    closeRowLoop(c, s, rows);
  }
  // Pass 1b: responsibilities, log densities and the total.
  c.get(block.start).set(i);
  c.get(block.start)
    .i32(d * 8)
    .op(OP.i32Mul)
    .get(X)
    .op(OP.i32Add)
    .set(xo);
  c.get(block.start)
    .i32(K * 8)
    .op(OP.i32Mul)
    .get(resp)
    .op(OP.i32Add)
    .set(ro);
  c.get(block.start).i32(8).op(OP.i32Mul).get(logNorm).op(OP.i32Add).set(lo);
  c.block().loop();
  c.get(i).i32(1).op(OP.i32Add).get(block.end).op(OP.i32GeS).brIf(1);
  twoRows();
  advance(2);
  c.br(0).end().end();
  c.get(i).get(block.end).op(OP.i32LtS);
  c.if();
  singleRow(0);
  c.end();

  // Pass 2, per pair: nk += r, Σ r x += r·x (acc: nk K, then Σ r x K × d).
  const sumsAt = (p: number, j: number) => (K + 2 * p * d + j) * 8;
  for (let p = 0; p < P; p++) {
    loadPair(c, acc, 2 * p * 8, 8, full(s, p), nk);
    for (let j = 0; j < d; j++) loadPair(c, acc, sumsAt(p, j), d * 8, full(s, p), sums[j]);
    const pass = openRowLoop(c, s, X, resp, block.start, block.end);
    c.get(pass.ro)
      .simdMem(full(s, p) ? SIMD.v128Load : SIMD.v128Load64Zero, p * 16)
      .set(r);
    c.get(nk).get(r);
    add(c);
    c.set(nk);
    for (let j = 0; j < d; j++) {
      c.get(sums[j]).get(r);
      rowValue(c, pass.xo, j);
      mul(c);
      add(c);
      c.set(sums[j]);
    }
    closeRowLoop(c, s, pass);
    storePair(c, acc, 2 * p * 8, 8, full(s, p), nk);
    for (let j = 0; j < d; j++) storePair(c, acc, sumsAt(p, j), d * 8, full(s, p), sums[j]);
  }
  closeBlockLoop(c, block);
  c.get(total);
  return c;
}
