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
 * Pushes the v128 of two table entries: lane l from byte address tab + offset + (lane l of the
 * i32x4 in `indices`). `tmp` is a v128 scratch local.
 */
function emitGather(c: FunctionCode, tab: number, indices: number, offset: number, tmp: number): void {
  c.get(tab).get(indices).lane(SIMD.i32x4ExtractLane, 0).op(OP.i32Add);
  c.simdMem(SIMD.v128Load64Zero, offset).set(tmp);
  c.get(tab).get(indices).lane(SIMD.i32x4ExtractLane, 1).op(OP.i32Add);
  c.get(tmp).simdMem(SIMD.v128Load64Lane, offset, 1);
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
  const gather = (indexLocal: number, offset: number) => emitGather(c, tab, indexLocal, offset, t.index);
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

/** Temporaries of emitLogPair. */
export interface LogPairTemps {
  mask: number;
  index: number;
  r: number;
  h: number;
  tmp: number;
  lanes: [number, number];
  results: [number, number];
  scalar: LogTemps;
}

export function logPairTemps(c: FunctionCode): LogPairTemps {
  return {
    mask: c.local(V128),
    index: c.local(V128),
    r: c.local(V128),
    h: c.local(V128),
    tmp: c.local(V128),
    lanes: [c.local(F64), c.local(F64)],
    results: [c.local(F64), c.local(F64)],
    scalar: logTemps(c),
  };
}

/**
 * out = logAtLeastOne(s) in each lane of the v128 s (two rows' sums): emitLog's operations lane
 * by lane when both lanes are in [1, LOG_MAX), else emitLog on each lane.
 */
export function emitLogPair(
  c: FunctionCode,
  s: number,
  out: number,
  tab: number,
  logFunc: number,
  t: LogPairTemps,
): void {
  const L = LOG_CONSTANTS;
  const add = () => c.simd(SIMD.f64x2Add);
  const mul = () => c.simd(SIMD.f64x2Mul);
  c.get(s).f64x2Const(1).simd(SIMD.f64x2Ge);
  c.get(s).f64x2Const(L.LOG_MAX).simd(SIMD.f64x2Lt).simd(SIMD.v128And);
  c.simd(SIMD.i64x2AllTrue);
  c.if();
  {
    // j = ⌊s·N⌋ per lane; its byte offset j·8 for the table loads; r = (s − j/N)·(N/j)
    c.get(s).f64x2Const(L.LOG_N);
    mul();
    c.simd(SIMD.i32x4TruncSatF64x2SZero).set(t.index);
    c.get(s)
      .get(t.index)
      .simd(SIMD.f64x2ConvertLowI32x4S)
      .f64x2Const(1 / L.LOG_N);
    mul();
    c.simd(SIMD.f64x2Sub);
    c.get(t.index).i32(3).simd(SIMD.i32x4Shl).set(t.index);
    emitGather(c, tab, t.index, TABLE_OFFSETS.inverse, t.tmp);
    mul();
    c.set(t.r);
    c.get(t.r).f64x2Const(-0.125);
    mul();
    for (const coefficient of [1 / 7, -1 / 6, 0.2, -0.25, 1 / 3]) {
      c.f64x2Const(coefficient);
      add();
      c.get(t.r);
      mul();
    }
    c.f64x2Const(-0.5);
    add();
    c.set(t.h);
    c.get(t.r).get(t.r);
    mul();
    c.get(t.h);
    mul();
    c.get(t.r);
    add();
    emitGather(c, tab, t.index, TABLE_OFFSETS.log, t.tmp);
    add();
    c.set(out);
  }
  c.else();
  {
    for (const lane of [0, 1]) {
      c.get(s).lane(SIMD.f64x2ExtractLane, lane).set(t.lanes[lane]);
      emitLog(c, t.lanes[lane], t.results[lane], tab, logFunc, t.scalar);
    }
    c.get(t.results[0]).simd(SIMD.f64x2Splat).get(t.results[1]).lane(SIMD.f64x2ReplaceLane, 1).set(out);
  }
  c.end();
}
