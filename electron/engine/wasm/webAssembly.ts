/**
 * The part of the WebAssembly JavaScript API the engine uses, typed here because the Node types
 * this project builds with do not declare it (TypeScript keeps it in its DOM library). Node and
 * Electron's utility process both provide the global.
 */
export interface WasmMemory {
  readonly buffer: SharedArrayBuffer;
  grow(deltaPages: number): number;
}

export interface WasmModule {
  readonly __brand?: 'WasmModule';
}

export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

interface WebAssemblyApi {
  Memory: new (descriptor: { initial: number; maximum: number; shared: true }) => WasmMemory;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => WasmInstance;
  validate(bytes: Uint8Array): boolean;
}

/** The runtime's WebAssembly namespace, or null where there is none. */
export const wasmApi: WebAssemblyApi | null =
  (globalThis as unknown as { WebAssembly?: WebAssemblyApi }).WebAssembly ?? null;
