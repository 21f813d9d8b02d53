/**
 * The pieces every generated row kernel shares (estepKernel.ts, scatterKernel.ts): the shape it
 * is generated for, f64x2 arithmetic, loads and stores of two components' accumulators (not
 * adjacent in the JavaScript layout), the row loop, and access to the parameter block (layout.ts).
 */
import { FunctionCode, I32, OP, SIMD } from './encoder';
import type { ParamLayout } from './layout';
import type { KernelFamilyName } from '../js/types';

export interface Shape {
  family: KernelFamilyName;
  d: number;
  K: number;
  layout: ParamLayout;
}

export const add = (c: FunctionCode) => c.simd(SIMD.f64x2Add);
export const sub = (c: FunctionCode) => c.simd(SIMD.f64x2Sub);
export const mul = (c: FunctionCode) => c.simd(SIMD.f64x2Mul);

/** Does pair p hold a second real component? */
export const full = (s: Shape, p: number) => 2 * p + 1 < s.K;

/**
 * Sets v to the pair (a[0], a[stride]) at byte address base + offset; the tail pair loads one
 * (its second lane is 0).
 */
export function loadPair(
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

export function storePair(
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
export interface RowLoop {
  i: number;
  xo: number;
  ro: number;
}

export function openRowLoop(
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

export function closeRowLoop(c: FunctionCode, s: Shape, loop: RowLoop): void {
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

/** Pushes x_j of the row at xo, splatted to both lanes (a load: cheaper than a spilled local). */
export function rowValue(c: FunctionCode, xo: number, j: number, byteOffset = 0): FunctionCode {
  return c.get(xo).simdMem(SIMD.v128Load64Splat, byteOffset + j * 8);
}

/** Blocks [start, start + rows) … of [startLocal, endLocal): the block's bounds in two locals. */
export interface BlockLoop {
  start: number;
  end: number;
}

export function openBlockLoop(
  c: FunctionCode,
  startLocal: number,
  endLocal: number,
  rows: number,
): BlockLoop {
  const block = { start: c.local(I32), end: c.local(I32), rows, limit: endLocal };
  c.get(startLocal).set(block.start);
  c.block().loop();
  c.get(block.start).get(endLocal).op(OP.i32GeS).brIf(1);
  // end = min(start + rows, limit)
  c.get(block.start).i32(rows).op(OP.i32Add).tee(block.end);
  c.get(endLocal).get(block.end).get(endLocal).op(OP.i32LtS).op(OP.select).set(block.end);
  return block;
}

export function closeBlockLoop(c: FunctionCode, block: BlockLoop): void {
  c.get(block.end).set(block.start);
  c.br(0).end().end();
}

/** Splats the row's d values into v128 locals. */
export function loadRow(c: FunctionCode, s: Shape, xo: number, x: number[]): void {
  for (let j = 0; j < s.d; j++)
    c.get(xo)
      .simdMem(SIMD.v128Load64Splat, j * 8)
      .set(x[j]);
}

/** The pair's entry `index` (a v128) of a parameter array starting at byte `offset` in par. */
export function param(c: FunctionCode, par: number, offset: number, index: number): FunctionCode {
  return c.get(par).simdMem(SIMD.v128Load, offset + index * 16);
}
