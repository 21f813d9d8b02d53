/**
 * A small WebAssembly binary encoder: enough of the format (types, imported memory and
 * functions, exported functions, code) and of the instruction set (scalar and 128-bit SIMD) to
 * emit the E-step and scatter kernels of simdKernels.ts at run time, for one (family, d, K).
 * Pure: it produces bytes; electron/engine/wasm compiles and instantiates them.
 *
 * Reference: the WebAssembly Core Specification 2.0, chapter 5 (binary format), and the SIMD
 * proposal's BinarySIMD.md for the 0xFD-prefixed opcodes.
 */

/** Value types (spec 5.3.1). */
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;
export type ValType = typeof I32 | typeof F64 | typeof V128;

/** One-byte opcodes used by the kernels (spec 5.4). */
export const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  call: 0x10,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  f64Load: 0x2b,
  i32Store: 0x36,
  f64Store: 0x39,
  i32Const: 0x41,
  f64Const: 0x44,
  i32Eqz: 0x45,
  i32Ne: 0x47,
  i32LtS: 0x48,
  i32GeS: 0x4e,
  f64Eq: 0x61,
  f64Lt: 0x63,
  f64Gt: 0x64,
  f64Ge: 0x66,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32And: 0x71,
  i32Or: 0x72,
  i32Shl: 0x74,
  i32ShrS: 0x75,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
  f64Div: 0xa3,
  f64Max: 0xa5,
  f64ConvertI32S: 0xb7,
} as const;

/** 0xFC-prefixed: saturating truncation (never traps, unlike i32.trunc_f64_s). */
export const I32_TRUNC_SAT_F64_S = 2;

/** 0xFD-prefixed SIMD opcodes (BinarySIMD.md). */
export const SIMD = {
  v128Load: 0x00,
  v128Load64Splat: 0x0a,
  v128Store: 0x0b,
  f64x2Splat: 0x14,
  i32x4ExtractLane: 0x1b,
  f64x2ExtractLane: 0x21,
  f64x2ReplaceLane: 0x22,
  i8x16Shuffle: 0x0d,
  f64x2Lt: 0x49,
  f64x2Ge: 0x4c,
  v128And: 0x4e,
  v128Load64Lane: 0x57,
  v128Store64Lane: 0x5b,
  v128Load64Zero: 0x5d,
  i64x2AllTrue: 0xc3,
  i32x4Shl: 0xab,
  i32x4ShrS: 0xac,
  i32x4Add: 0xae,
  f64x2Add: 0xf0,
  f64x2Sub: 0xf1,
  f64x2Mul: 0xf2,
  f64x2Div: 0xf3,
  f64x2Max: 0xf5,
  f64x2Pmax: 0xf7,
  i32x4TruncSatF64x2SZero: 0xfc,
  f64x2ConvertLowI32x4S: 0xfe,
} as const;

/** Block type of a block/loop/if that yields nothing. */
const EMPTY_BLOCK = 0x40;

export function unsignedLeb(value: number, out: number[] = []): number[] {
  let v = value >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v === 0 ? byte : byte | 0x80);
  } while (v !== 0);
  return out;
}

export function signedLeb(value: number, out: number[] = []): number[] {
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** A name; the kernels' names are ASCII, so one byte per character is their UTF-8. */
function name(text: string): number[] {
  const bytes = Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    if (code > 0x7f) throw new Error(`encodeModule: non-ASCII name ${text}`);
    return code;
  });
  return [...unsignedLeb(bytes.length), ...bytes];
}

function vector(items: number[][]): number[] {
  return [...unsignedLeb(items.length), ...items.flat()];
}

/** log2 of the natural alignment of an access of `bytes` bytes (a hint; unaligned is allowed). */
function alignOf(bytes: number): number {
  return Math.log2(bytes);
}

/**
 * The body of one function, written as a stack machine. Locals are declared as they are needed;
 * each helper appends one instruction and returns `this`, so code reads in evaluation order:
 * `c.get(a).get(b).f64x2(SIMD.f64x2Add).set(s)` is s = a + b.
 */
export class FunctionCode {
  readonly bytes: number[] = [];
  private readonly localTypes: ValType[] = [];

  constructor(
    readonly params: readonly ValType[],
    readonly results: readonly ValType[],
  ) {}

  /** A new local of `type`; returns its index. */
  local(type: ValType): number {
    this.localTypes.push(type);
    return this.params.length + this.localTypes.length - 1;
  }

  op(opcode: number): this {
    this.bytes.push(opcode);
    return this;
  }

  get(index: number): this {
    this.bytes.push(OP.localGet, ...unsignedLeb(index));
    return this;
  }

  set(index: number): this {
    this.bytes.push(OP.localSet, ...unsignedLeb(index));
    return this;
  }

  tee(index: number): this {
    this.bytes.push(OP.localTee, ...unsignedLeb(index));
    return this;
  }

  i32(value: number): this {
    this.bytes.push(OP.i32Const, ...signedLeb(value));
    return this;
  }

  f64(value: number): this {
    const raw = new Uint8Array(new Float64Array([value]).buffer);
    this.bytes.push(OP.f64Const, ...raw);
    return this;
  }

  /** f64.load from (address on the stack) + offset. */
  f64Load(offset: number): this {
    this.bytes.push(OP.f64Load, alignOf(8), ...unsignedLeb(offset));
    return this;
  }

  i32Load(offset: number): this {
    this.bytes.push(OP.i32Load, alignOf(4), ...unsignedLeb(offset));
    return this;
  }

  i32Store(offset: number): this {
    this.bytes.push(OP.i32Store, alignOf(4), ...unsignedLeb(offset));
    return this;
  }

  f64Store(offset: number): this {
    this.bytes.push(OP.f64Store, alignOf(8), ...unsignedLeb(offset));
    return this;
  }

  /** A SIMD instruction without immediates. */
  simd(opcode: number): this {
    this.bytes.push(0xfd, ...unsignedLeb(opcode));
    return this;
  }

  /** A SIMD memory access: v128.load/store (16 bytes) or a 64-bit lane/splat/zero access. */
  simdMem(opcode: number, offset: number, lane?: number): this {
    const bytes = opcode === SIMD.v128Load || opcode === SIMD.v128Store ? 16 : 8;
    this.bytes.push(0xfd, ...unsignedLeb(opcode), alignOf(bytes), ...unsignedLeb(offset));
    if (lane !== undefined) this.bytes.push(lane);
    return this;
  }

  /** A SIMD lane instruction (extract/replace) with its lane index. */
  lane(opcode: number, lane: number): this {
    this.bytes.push(0xfd, ...unsignedLeb(opcode), lane);
    return this;
  }

  /** v128.const with two f64 lanes. */
  f64x2Const(lane0: number, lane1: number = lane0): this {
    const raw = new Uint8Array(new Float64Array([lane0, lane1]).buffer);
    this.bytes.push(0xfd, ...unsignedLeb(0x0c), ...raw);
    return this;
  }

  /** v128.const with four i32 lanes. */
  i32x4Const(value: number): this {
    const raw = new Uint8Array(new Int32Array([value, value, value, value]).buffer);
    this.bytes.push(0xfd, ...unsignedLeb(0x0c), ...raw);
    return this;
  }

  /** i8x16.shuffle of the two v128 on the stack: result byte i = byte lanes[i] of (a ‖ b). */
  shuffle(lanes: number[]): this {
    this.bytes.push(0xfd, ...unsignedLeb(SIMD.i8x16Shuffle), ...lanes);
    return this;
  }

  truncSat(): this {
    this.bytes.push(0xfc, ...unsignedLeb(I32_TRUNC_SAT_F64_S));
    return this;
  }

  call(funcIndex: number): this {
    this.bytes.push(OP.call, ...unsignedLeb(funcIndex));
    return this;
  }

  block(): this {
    this.bytes.push(OP.block, EMPTY_BLOCK);
    return this;
  }

  loop(): this {
    this.bytes.push(OP.loop, EMPTY_BLOCK);
    return this;
  }

  /** if … (else …) end, on the i32 condition on the stack. */
  if(): this {
    this.bytes.push(OP.if, EMPTY_BLOCK);
    return this;
  }

  else(): this {
    this.bytes.push(OP.else);
    return this;
  }

  end(): this {
    this.bytes.push(OP.end);
    return this;
  }

  br(depth: number): this {
    this.bytes.push(OP.br, ...unsignedLeb(depth));
    return this;
  }

  brIf(depth: number): this {
    this.bytes.push(OP.brIf, ...unsignedLeb(depth));
    return this;
  }

  /** The encoded body: local declarations (runs of one type), the code and the final end. */
  encode(): number[] {
    const runs: number[][] = [];
    for (const type of this.localTypes) {
      const last = runs[runs.length - 1];
      if (last && last[1] === type) last[0]++;
      else runs.push([1, type]);
    }
    const body = [
      ...unsignedLeb(runs.length),
      ...runs.flatMap(([count, type]) => [...unsignedLeb(count), type]),
      ...this.bytes,
      OP.end,
    ];
    return [...unsignedLeb(body.length), ...body];
  }
}

export interface ImportedFunction {
  module: string;
  name: string;
  params: ValType[];
  results: ValType[];
}

export interface ModuleSpec {
  /** Imported functions take the first function indices, in this order. */
  functions: ImportedFunction[];
  /** The imported linear memory (shared memories need a maximum). */
  memory: { module: string; name: string; minPages: number; maxPages: number; shared: boolean };
  exports: { name: string; code: FunctionCode }[];
}

function funcType(params: readonly ValType[], results: readonly ValType[]): number[] {
  return [0x60, ...unsignedLeb(params.length), ...params, ...unsignedLeb(results.length), ...results];
}

function section(id: number, content: number[]): number[] {
  return [id, ...unsignedLeb(content.length), ...content];
}

export function encodeModule(spec: ModuleSpec): Uint8Array {
  const signatures = [
    ...spec.functions.map((f) => funcType(f.params, f.results)),
    ...spec.exports.map((e) => funcType(e.code.params, e.code.results)),
  ];
  const { memory } = spec;
  const limits = [
    memory.shared ? 0x03 : 0x01,
    ...unsignedLeb(memory.minPages),
    ...unsignedLeb(memory.maxPages),
  ];
  const imports = [
    ...spec.functions.map((f, i) => [...name(f.module), ...name(f.name), 0x00, ...unsignedLeb(i)]),
    [...name(memory.module), ...name(memory.name), 0x02, ...limits],
  ];
  const nImported = spec.functions.length;
  const bytes = [
    0x00,
    0x61,
    0x73,
    0x6d, // \0asm
    0x01,
    0x00,
    0x00,
    0x00, // version 1
    ...section(1, vector(signatures)),
    ...section(2, vector(imports)),
    ...section(3, vector(spec.exports.map((_, i) => unsignedLeb(nImported + i)))),
    ...section(7, vector(spec.exports.map((e, i) => [...name(e.name), 0x00, ...unsignedLeb(nImported + i)]))),
    ...section(10, vector(spec.exports.map((e) => e.code.encode()))),
  ];
  return Uint8Array.from(bytes);
}
