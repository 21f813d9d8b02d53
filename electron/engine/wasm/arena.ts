/**
 * A shared WebAssembly memory that holds a fit's arrays (X, responsibilities, log densities,
 * labels, chunk partials), the kernels' tables and one parameter block per thread, so the
 * generated SIMD kernels (shared/engine/compute/wasm) address them directly and every worker
 * thread sees the same bytes. Its buffer is a SharedArrayBuffer: the arrays are posted to workers
 * exactly as before, and growing the memory never moves or detaches them.
 *
 * wasm32 addresses 4 GiB; an array that would not fit is refused (null) and the caller falls back
 * to a plain SharedArrayBuffer and the JavaScript kernels.
 */
import { TABLE_OFFSETS, WASM_PAGE_BYTES, tablesContent } from '../../../shared/engine/compute';
import { wasmApi, type WasmMemory } from './webAssembly';

/** 65 536 pages of 64 KiB: the whole 32-bit address space. */
export const ARENA_MAX_PAGES = 65536;
const ALIGN = 16;
/**
 * Bytes left free after every array: a kernel may read one v128 (16 bytes) where the last
 * element is 8, and the padding keeps that read inside memory the arena owns.
 */
const GUARD = 16;

export class WasmArena {
  readonly memory: WasmMemory;
  /** Byte address of the tables block. */
  readonly tables: number;
  private top = ALIGN; // address 0 stays unused, so no array starts at a null pointer
  private afterTables = ALIGN;
  /** End of the highest block ever reserved: below it memory may hold an earlier fit's bytes. */
  private highWater = ALIGN;
  private owned = new WeakSet<object>();

  constructor() {
    if (!wasmApi) throw new Error('WasmArena: this runtime has no WebAssembly');
    this.memory = new wasmApi.Memory({ initial: 1, maximum: ARENA_MAX_PAGES, shared: true });
    const tables = this.reserve(TABLE_OFFSETS.bytes);
    if (tables === null) throw new Error('WasmArena: no room for the tables');
    this.tables = tables;
    this.afterTables = this.top;
    new Float64Array(this.memory.buffer, tables, TABLE_OFFSETS.bytes / 8).set(tablesContent());
  }

  /**
   * Forgets every array (the tables stay), so the next fit reuses the memory; a WebAssembly memory
   * never shrinks, and a new one per fit would reserve address space until the collector runs.
   * Only for an owner whose earlier fits are over: their views now alias the new arrays.
   */
  reset(): void {
    this.top = this.afterTables;
    this.owned = new WeakSet<object>();
  }

  /** Byte address of `bytes` zeroed bytes, 16-byte aligned, or null past 4 GiB. */
  reserve(bytes: number): number | null {
    const start = Math.ceil(this.top / ALIGN) * ALIGN;
    const end = start + bytes + GUARD;
    if (end > ARENA_MAX_PAGES * WASM_PAGE_BYTES) return null;
    const have = this.memory.buffer.byteLength;
    if (end > have) this.memory.grow(Math.ceil((end - have) / WASM_PAGE_BYTES));
    // Bytes never handed out are zero; those an earlier fit used (before a reset) are cleared,
    // as a new typed array would be.
    const used = Math.min(end, this.highWater);
    if (used > start) new Uint8Array(this.memory.buffer, start, used - start).fill(0);
    this.top = end;
    this.highWater = Math.max(this.highWater, end);
    return start;
  }

  float64(length: number): Float64Array | null {
    const at = this.reserve(length * 8);
    if (at === null) return null;
    const view = new Float64Array(this.memory.buffer, at, length);
    this.owned.add(view);
    return view;
  }

  int32(length: number): Int32Array | null {
    const at = this.reserve(length * 4);
    if (at === null) return null;
    const view = new Int32Array(this.memory.buffer, at, length);
    this.owned.add(view);
    return view;
  }

  /** Was this exact view allocated here (so its byteOffset is its address)? */
  owns(view: object): boolean {
    return this.owned.has(view);
  }
}
