/**
 * WebAssembly twins of expNonPositive.ts (on a pair of lanes) and logAtLeastOne.ts (scalar), with
 * exactly their operations in their order, so every lane gives the bits of the JavaScript
 * function. WebAssembly, like JavaScript, never fuses a multiply and an add, and its f64 (and
 * f64x2 lane) arithmetic is IEEE 754 round-to-nearest, so the same sequence gives the same bits.
 *
 * The exponential's table lookups have no SIMD form: the two lanes' indices are extracted and
 * each entry loaded into its lane. Below the underflow threshold (and for NaN) the JavaScript
 * version returns 0 without computing; here both lanes always compute, on max(x, UNDERFLOW) so
 * the indices stay inside the tables, and a mask then zeroes those lanes.
 */
import { FunctionCode, F64, I32, OP, SIMD, V128 } from './encoder';
import { EXP_CONSTANTS } from '../expNonPositive';
import { LOG_CONSTANTS } from '../logAtLeastOne';
import { TABLE_OFFSETS } from './layout';

const E = EXP_CONSTANTS;

/** Temporaries of emitExpPair, declared once per function. */
export interface ExpTemps {
  x: number;
  k: number;
  r: number;
  q: number;
  index: number;
  mask: number;
  fraction: number;
  integer: number;
}

export function expTemps(c: FunctionCode): ExpTemps {
  return {
    x: c.local(V128),
    k: c.local(V128),
    r: c.local(V128),
    q: c.local(V128),
    index: c.local(V128),
    mask: c.local(V128),
    fraction: c.local(V128),
    integer: c.local(V128),
  };
}

/**
 * out = exp(z) lane by lane (z ≤ 0 expected; z < −745.2, −∞ or NaN give 0). `tab` is the local
 * holding the tables block's address.
 */
export function emitExpPair(c: FunctionCode, z: number, out: number, tab: number, t: ExpTemps): void {
  const add = () => c.simd(SIMD.f64x2Add);
  const sub = () => c.simd(SIMD.f64x2Sub);
  const mul = () => c.simd(SIMD.f64x2Mul);
  // mask = z ≥ UNDERFLOW; x = pmax(UNDERFLOW, z), i.e. z where z > UNDERFLOW, else UNDERFLOW.
  c.get(z).f64x2Const(E.UNDERFLOW).simd(SIMD.f64x2Ge).set(t.mask);
  c.f64x2Const(E.UNDERFLOW).get(z).simd(SIMD.f64x2Pmax).set(t.x);
  // k = x·N/ln2 + 1.5·2^52 − 1.5·2^52 (round to nearest integer)
  c.get(t.x).f64x2Const(E.INV_LN2_N);
  mul();
  c.f64x2Const(E.ROUND_SHIFT);
  add();
  c.f64x2Const(E.ROUND_SHIFT);
  sub();
  c.set(t.k);
  // r = x − k·ln2_hi/N − k·ln2_lo/N
  c.get(t.x).get(t.k).f64x2Const(E.LN2_N_HI);
  mul();
  sub();
  c.get(t.k).f64x2Const(E.LN2_N_LO);
  mul();
  sub();
  c.set(t.r);
  c.get(t.r).get(t.r);
  mul();
  c.set(t.q);
  // i = k | 0 in the low two i32 lanes
  c.get(t.k).simd(SIMD.i32x4TruncSatF64x2SZero).set(t.index);
  // 2^(j/N), j = i & (N − 1)
  const N = E.TWO_POW_FRACTION.length;
  c.get(t.index)
    .i32x4Const(N - 1)
    .simd(SIMD.v128And)
    .i32(3)
    .simd(SIMD.i32x4Shl)
    .set(t.fraction);
  // 2^m, m = i >> 8, at index m + MIN_EXP
  c.get(t.index).i32(Math.log2(N)).simd(SIMD.i32x4ShrS).i32x4Const(E.MIN_EXP).simd(SIMD.i32x4Add);
  c.i32(3).simd(SIMD.i32x4Shl).set(t.integer);
  const gather = (indexLocal: number, offset: number): void => {
    c.get(tab)
      .get(indexLocal)
      .lane(SIMD.i32x4ExtractLane, 0)
      .op(OP.i32Add)
      .simdMem(SIMD.v128Load64Zero, offset);
    c.set(t.index); // reuse: the indices are in t.fraction / t.integer now
    c.get(tab).get(indexLocal).lane(SIMD.i32x4ExtractLane, 1).op(OP.i32Add);
    c.get(t.index).simdMem(SIMD.v128Load64Lane, offset, 1);
  };
  // polynomial 1 + r + q·(1/2 + r/6 + q/24)
  c.f64x2Const(1).get(t.r);
  add();
  c.f64x2Const(0.5)
    .get(t.r)
    .f64x2Const(1 / 6);
  mul();
  add();
  c.get(t.q).f64x2Const(1 / 24);
  mul();
  add();
  c.get(t.q);
  mul();
  add();
  c.set(t.x); // polynomial
  gather(t.fraction, TABLE_OFFSETS.fraction);
  c.get(t.x);
  mul();
  gather(t.integer, TABLE_OFFSETS.integer);
  mul();
  c.get(t.mask).simd(SIMD.v128And).set(out);
}

/** Temporaries of emitLog. */
export interface LogTemps {
  j: number;
  address: number;
  r: number;
  h: number;
}

export function logTemps(c: FunctionCode): LogTemps {
  return { j: c.local(I32), address: c.local(I32), r: c.local(F64), h: c.local(F64) };
}

/**
 * out = logAtLeastOne(s) (scalar). `logFunc` is the index of the imported Math.log used outside
 * [1, LOG_MAX), as in the JavaScript version.
 */
export function emitLog(
  c: FunctionCode,
  s: number,
  out: number,
  tab: number,
  logFunc: number,
  t: LogTemps,
): void {
  const L = LOG_CONSTANTS;
  c.get(s).f64(1).op(OP.f64Ge).get(s).f64(L.LOG_MAX).op(OP.f64Lt).op(OP.i32And);
  c.if();
  {
    // j = ⌊s·N⌋; r = (s − j/N)·(N/j)
    c.get(s).f64(L.LOG_N).op(OP.f64Mul).truncSat().set(t.j);
    c.get(t.j).i32(3).op(OP.i32Shl).get(tab).op(OP.i32Add).set(t.address);
    c.get(s)
      .get(t.j)
      .op(OP.f64ConvertI32S)
      .f64(1 / L.LOG_N)
      .op(OP.f64Mul)
      .op(OP.f64Sub);
    c.get(t.address).f64Load(TABLE_OFFSETS.inverse).op(OP.f64Mul).set(t.r);
    // Horner from the inside: r·(−1/8), then each coefficient added and multiplied by r.
    c.get(t.r).f64(-0.125).op(OP.f64Mul);
    for (const coefficient of [1 / 7, -1 / 6, 0.2, -0.25, 1 / 3]) {
      c.f64(coefficient).op(OP.f64Add).get(t.r).op(OP.f64Mul);
    }
    c.f64(-0.5).op(OP.f64Add).set(t.h);
    c.get(t.r).get(t.r).op(OP.f64Mul).get(t.h).op(OP.f64Mul).get(t.r).op(OP.f64Add);
    c.get(t.address).f64Load(TABLE_OFFSETS.log).op(OP.f64Add).set(out);
  }
  c.else();
  c.get(s).call(logFunc).set(out);
  c.end();
}
