/**
 * Encoding of values crossing the Playwright binding (JSON-like): typed arrays become tagged base64
 * so FitResponse and friends arrive as the same typed arrays Electron's structured clone delivers.
 */
type Tagged = { __typed: string; b64: string };
const CTORS = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Uint8Array,
  Uint8ClampedArray,
  Uint16Array,
  Int16Array,
  Int8Array,
} as const;

function toB64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
function fromB64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function encodeWire(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return { __typed: value.constructor.name, b64: toB64(bytes) } satisfies Tagged;
  }
  if (Array.isArray(value)) return value.map(encodeWire);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeWire(v);
    return out;
  }
  return value;
}

export function decodeWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeWire);
  if (value && typeof value === 'object') {
    const tagged = value as Partial<Tagged>;
    if (typeof tagged.__typed === 'string' && typeof tagged.b64 === 'string') {
      const Ctor = CTORS[tagged.__typed as keyof typeof CTORS];
      const bytes = fromB64(tagged.b64);
      return new Ctor(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = decodeWire(v);
    return out;
  }
  return value;
}
