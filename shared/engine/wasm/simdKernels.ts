/**
 * Generates, for one kernel family and one (d, K), a WebAssembly module whose two functions do
 * the E-step and the scatter of kernels/types.ts on rows [start, end), with two components per
 * v128 (layout.ts). Every lane performs the scalar operations of the JavaScript kernels in their
 * order (kernels/diagonal.ts, dense.ts, normalise.ts, sums.ts, estep.ts), and every accumulator
 * is added to row by row in row order, so the results are bit-identical to the JavaScript path
 * (test/electron/engine/wasm/wasmKernels.test.ts); what changes is that two components' work
 * shares one instruction, with no bounds checks and no JIT deoptimisation.
 *
 *   estep(X, resp, logNorm, start, end, par, acc, tab, total) → total + Σ log p(x_i)
 *       X, resp, logNorm, acc: byte addresses of element 0; acc as EStep's acc[accOff…]
 *       (nk: K, then Σ r x: K × d), added to; par: the parameter block; tab: the tables block.
 *   scatter(X, resp, start, end, par, acc)
 *       acc as RowKernels.scatter's acc[accOff…] (diagonal K × d, dense K × d × d), added to.
 *
 * One row at a time: its d values are splatted once, then per pair the distance, the
 * log-sum-exp over all K, and the responsibility-weighted sums, all in locals.
 */
import { FunctionCode, F64, I32, OP, SIMD, V128, encodeModule } from './encoder';
import { emitExpPair, emitLog, expTemps, logTemps } from './expLog';
import { packedUpper, paramLayout, type ParamLayout } from './layout';
import type { KernelFamilyName } from '../kernels/types';

/** Function index of the imported Math.log. */
const LOG_FUNC = 0;

/** Largest K and d the generated kernels cover (beyond them the JavaScript kernels run). */
export const WASM_MAX_K = 32;
export const WASM_MAX_D: Record<KernelFamilyName, number> = { diagonal: 32, dense: 12 };

export function wasmKernelsSupported(family: KernelFamilyName, d: number, K: number): boolean {
  return K >= 1 && K <= WASM_MAX_K && d >= 1 && d <= WASM_MAX_D[family];
}

interface Shape {
  family: KernelFamilyName;
  d: number;
  K: number;
  layout: ParamLayout;
}

const add = (c: FunctionCode) => c.simd(SIMD.f64x2Add);
const sub = (c: FunctionCode) => c.simd(SIMD.f64x2Sub);
const mul = (c: FunctionCode) => c.simd(SIMD.f64x2Mul);

/** Does pair p hold a second real component? */
const full = (s: Shape, p: number) => 2 * p + 1 < s.K;

/**
 * Sets v to the pair (a[0], a[stride]) at byte address base + offset; the tail pair loads one
 * (its second lane is 0).
 */
function loadPair(
  c: FunctionCode,
  base: number,
  offset: number,
  strideBytes: number,
  both: boolean,
  v: number,
): void {
  c.get(base).simdMem(SIMD.v128Load64Zero, offset).set(v);
  if (both)
    c.get(base)
      .get(v)
      .simdMem(SIMD.v128Load64Lane, offset + strideBytes, 1)
      .set(v);
}

function storePair(
  c: FunctionCode,
  base: number,
  offset: number,
  strideBytes: number,
  both: boolean,
  v: number,
): void {
  c.get(base).get(v).simdMem(SIMD.v128Store64Lane, offset, 0);
  if (both)
    c.get(base)
      .get(v)
      .simdMem(SIMD.v128Store64Lane, offset + strideBytes, 1);
}

/** Row-loop frame: i from start to end with xo (= X + i·d·8) and ro (= resp + i·K·8). */
interface RowLoop {
  i: number;
  xo: number;
  ro: number;
}

function openRowLoop(
  c: FunctionCode,
  s: Shape,
  X: number,
  resp: number,
  start: number,
  end: number,
): RowLoop {
  const loop = { i: c.local(I32), xo: c.local(I32), ro: c.local(I32) };
  c.get(start).set(loop.i);
  c.get(start)
    .i32(s.d * 8)
    .op(OP.i32Mul)
    .get(X)
    .op(OP.i32Add)
    .set(loop.xo);
  c.get(start)
    .i32(s.K * 8)
    .op(OP.i32Mul)
    .get(resp)
    .op(OP.i32Add)
    .set(loop.ro);
  c.block().loop();
  c.get(loop.i).get(end).op(OP.i32GeS).brIf(1);
  return loop;
}

function closeRowLoop(c: FunctionCode, s: Shape, loop: RowLoop): void {
  c.get(loop.i).i32(1).op(OP.i32Add).set(loop.i);
  c.get(loop.xo)
    .i32(s.d * 8)
    .op(OP.i32Add)
    .set(loop.xo);
  c.get(loop.ro)
    .i32(s.K * 8)
    .op(OP.i32Add)
    .set(loop.ro);
  c.br(0).end().end();
}

/** Splats the row's d values into v128 locals. */
function loadRow(c: FunctionCode, s: Shape, xo: number, x: number[]): void {
  for (let j = 0; j < s.d; j++)
    c.get(xo)
      .simdMem(SIMD.v128Load64Splat, j * 8)
      .set(x[j]);
}

/** The pair's entry `index` (a v128) of a parameter array starting at byte `offset` in par. */
function param(c: FunctionCode, par: number, offset: number, index: number): FunctionCode {
  return c.get(par).simdMem(SIMD.v128Load, offset + index * 16);
}

/**
 * q = squared Mahalanobis distance of the row to pair p's components:
 *   diagonal  y_j = (x_j − μ_j)·f_j,                  q = y_0² + … + y_{d−1}²
 *   dense     y_j = t_0 P[0][j] + … + t_j P[j][j],    q = y_0² + … + y_{d−1}²,  t = x − μ
 */
function emitDistance(
  c: FunctionCode,
  s: Shape,
  par: number,
  p: number,
  x: number[],
  t: number[],
  y: number,
  q: number,
): void {
  const { d, layout } = s;
  const mean = (j: number) => param(c, par, layout.means, p * d + j);
  const factor = (u: number) => param(c, par, layout.factors, p * layout.factorsPerComponent + u);
  if (s.family === 'dense') {
    for (let m = 0; m < d; m++) {
      c.get(x[m]);
      mean(m);
      sub(c);
      c.set(t[m]);
    }
  }
  for (let j = 0; j < d; j++) {
    if (s.family === 'diagonal') {
      c.get(x[j]);
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

function estepFunction(s: Shape): FunctionCode {
  const { d, K, layout } = s;
  const P = layout.pairs;
  const c = new FunctionCode([I32, I32, I32, I32, I32, I32, I32, I32, F64], [F64]);
  const [X, resp, logNorm, start, end, par, acc, tab, total] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const x = Array.from({ length: d }, () => c.local(V128));
  const t = s.family === 'dense' ? Array.from({ length: d }, () => c.local(V128)) : [];
  const y = c.local(V128);
  const w = Array.from({ length: P }, () => c.local(V128));
  const e = Array.from({ length: P }, () => c.local(V128));
  const nk = Array.from({ length: P }, () => c.local(V128));
  const sums = Array.from({ length: P * d }, () => c.local(V128));
  const [max, sum, logSum, lse, inv] = [c.local(F64), c.local(F64), c.local(F64), c.local(F64), c.local(F64)];
  const r = c.local(V128);
  const lo = c.local(I32);
  const et = expTemps(c);
  const lt = logTemps(c);
  const sumsAt = (p: number, j: number) => (K + 2 * p * d + j) * 8;

  for (let p = 0; p < P; p++) {
    loadPair(c, acc, 2 * p * 8, 8, full(s, p), nk[p]);
    for (let j = 0; j < d; j++) loadPair(c, acc, sumsAt(p, j), d * 8, full(s, p), sums[p * d + j]);
  }
  c.get(start).i32(8).op(OP.i32Mul).get(logNorm).op(OP.i32Add).set(lo);
  const loop = openRowLoop(c, s, X, resp, start, end);
  loadRow(c, s, loop.xo, x);
  // w = c − q/2 per pair; max over the K real lanes (the padding lane is −∞).
  for (let p = 0; p < P; p++) {
    emitDistance(c, s, par, p, x, t, y, w[p]);
    param(c, par, layout.c, p);
    c.get(w[p]).f64x2Const(0.5);
    mul(c);
    sub(c);
    c.set(w[p]);
  }
  c.get(w[0]);
  for (let p = 1; p < P; p++) c.get(w[p]).simd(SIMD.f64x2Max);
  c.set(r);
  c.get(r).lane(SIMD.f64x2ExtractLane, 0).get(r).lane(SIMD.f64x2ExtractLane, 1).op(OP.f64Max).set(max);

  /** resp ← r (the pair's lanes), nk += r, Σ r x += r·x. */
  const accumulate = (p: number): void => {
    c.get(loop.ro)
      .get(r)
      .simdMem(full(s, p) ? SIMD.v128Store : SIMD.v128Store64Lane, p * 16, full(s, p) ? undefined : 0);
    c.get(nk[p]).get(r);
    add(c);
    c.set(nk[p]);
    for (let j = 0; j < d; j++) {
      c.get(sums[p * d + j])
        .get(r)
        .get(x[j]);
      mul(c);
      add(c);
      c.set(sums[p * d + j]);
    }
  };

  c.get(max).f64(-Infinity).op(OP.f64Eq);
  c.if();
  {
    // No component can explain the row: an even split with log p = −∞ (normalise.ts evenRow).
    c.f64x2Const(1 / K).set(r);
    for (let p = 0; p < P; p++) accumulate(p);
    c.get(lo).f64(-Infinity).f64Store(0);
    c.f64(-Infinity).set(total);
  }
  c.else();
  {
    for (let p = 0; p < P; p++) {
      c.get(w[p]).get(max).simd(SIMD.f64x2Splat);
      sub(c);
      c.set(w[p]);
      emitExpPair(c, w[p], e[p], tab, et);
    }
    c.get(e[0]).lane(SIMD.f64x2ExtractLane, 0);
    for (let k = 1; k < K; k++)
      c.get(e[k >> 1])
        .lane(SIMD.f64x2ExtractLane, k & 1)
        .op(OP.f64Add);
    c.set(sum);
    emitLog(c, sum, logSum, tab, LOG_FUNC, lt);
    c.get(max).get(logSum).op(OP.f64Add).set(lse);
    c.get(lo).get(lse).f64Store(0);
    c.get(total).get(lse).op(OP.f64Add).set(total);
    c.f64(1).get(sum).op(OP.f64Div).set(inv);
    for (let p = 0; p < P; p++) {
      c.get(e[p]).get(inv).simd(SIMD.f64x2Splat);
      mul(c);
      c.set(r);
      accumulate(p);
    }
  }
  c.end();
  c.get(lo).i32(8).op(OP.i32Add).set(lo);
  closeRowLoop(c, s, loop);

  for (let p = 0; p < P; p++) {
    storePair(c, acc, 2 * p * 8, 8, full(s, p), nk[p]);
    for (let j = 0; j < d; j++) storePair(c, acc, sumsAt(p, j), d * 8, full(s, p), sums[p * d + j]);
  }
  c.get(total);
  return c;
}

/**
 * Scatter about the means in par:
 *   diagonal  acc[k·d + j]       += Σ_i r_ik (x_ij − μ_kj)²            (as r·t·t)
 *   dense     acc[k·d² + a·d + b] += Σ_i (r_ik t_a) t_b, a ≤ b, then mirrored below the diagonal
 */
function scatterFunction(s: Shape): FunctionCode {
  const { d, layout } = s;
  const P = layout.pairs;
  const c = new FunctionCode([I32, I32, I32, I32, I32, I32], []);
  const [X, resp, start, end, par, acc] = [0, 1, 2, 3, 4, 5];
  const x = Array.from({ length: d }, () => c.local(V128));
  const tt = Array.from({ length: d }, () => c.local(V128));
  const u = Array.from({ length: d }, () => c.local(V128));
  const r = c.local(V128);
  const entries: [number, number][] =
    s.family === 'diagonal'
      ? Array.from({ length: d }, (_, j) => [j, j])
      : Array.from({ length: d }, (_, b) =>
          Array.from({ length: b + 1 }, (_, a): [number, number] => [a, b]),
        ).flat();
  const at = (p: number, [a, b]: [number, number]) =>
    s.family === 'diagonal' ? (2 * p * d + a) * 8 : (2 * p * d * d + a * d + b) * 8;
  const stride = (s.family === 'diagonal' ? d : d * d) * 8;
  const sums = Array.from({ length: P * entries.length }, () => c.local(V128));

  for (let p = 0; p < P; p++)
    entries.forEach((entry, n) =>
      loadPair(c, acc, at(p, entry), stride, full(s, p), sums[p * entries.length + n]),
    );
  const loop = openRowLoop(c, s, X, resp, start, end);
  loadRow(c, s, loop.xo, x);
  for (let p = 0; p < P; p++) {
    c.get(loop.ro)
      .simdMem(full(s, p) ? SIMD.v128Load : SIMD.v128Load64Zero, p * 16)
      .set(r);
    for (let j = 0; j < d; j++) {
      c.get(x[j]);
      param(c, par, layout.means, p * d + j);
      sub(c);
      c.set(tt[j]);
    }
    if (s.family === 'diagonal') {
      for (let j = 0; j < d; j++) {
        c.get(sums[p * d + j])
          .get(r)
          .get(tt[j]);
        mul(c);
        c.get(tt[j]);
        mul(c);
        add(c);
        c.set(sums[p * d + j]);
      }
    } else {
      for (let a = 0; a < d; a++) {
        c.get(r).get(tt[a]);
        mul(c);
        c.set(u[a]);
      }
      entries.forEach(([a, b], n) => {
        const v = sums[p * entries.length + n];
        c.get(v).get(u[a]).get(tt[b]);
        mul(c);
        add(c);
        c.set(v);
      });
    }
  }
  closeRowLoop(c, s, loop);
  for (let p = 0; p < P; p++)
    entries.forEach(([a, b], n) => {
      const v = sums[p * entries.length + n];
      storePair(c, acc, at(p, [a, b]), stride, full(s, p), v);
      if (a !== b) storePair(c, acc, at(p, [b, a]), stride, full(s, p), v);
    });
  return c;
}

/** The module's bytes; it imports env.log (Math.log) and the shared memory env.memory. */
export function simdKernelsModule(
  family: KernelFamilyName,
  d: number,
  K: number,
  maxPages: number,
): Uint8Array {
  if (!wasmKernelsSupported(family, d, K)) throw new Error(`simdKernelsModule: unsupported d=${d} K=${K}`);
  const shape: Shape = { family, d, K, layout: paramLayout(family, d, K) };
  return encodeModule({
    functions: [{ module: 'env', name: 'log', params: [F64], results: [F64] }],
    memory: { module: 'env', name: 'memory', minPages: 1, maxPages, shared: true },
    exports: [
      { name: 'estep', code: estepFunction(shape) },
      { name: 'scatter', code: scatterFunction(shape) },
    ],
  });
}
