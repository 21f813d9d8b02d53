/**
 * Typed arrays that grow in place of a plain JS array. Import sizes them from an estimate of the row
 * count (file size / bytes per row so far), so a big file is allocated about once and the peak
 * memory stays near the final size instead of the 2-3× a doubling strategy costs.
 */
export function grownFloat64(a: Float64Array, capacity: number): Float64Array {
  const next = new Float64Array(capacity);
  next.set(a.subarray(0, Math.min(a.length, capacity)));
  return next;
}

export function grownUint8(a: Uint8Array, capacity: number): Uint8Array {
  const next = new Uint8Array(capacity);
  next.set(a.subarray(0, Math.min(a.length, capacity)));
  return next;
}

export function grownInt32(a: Int32Array, capacity: number, fill: number): Int32Array {
  const next = new Int32Array(capacity);
  const kept = Math.min(a.length, capacity);
  next.set(a.subarray(0, kept));
  if (fill !== 0) next.fill(fill, kept);
  return next;
}

/** A view of the first `length` items, copied when the spare capacity is worth giving back. */
export function trimmed<T extends Float64Array | Uint8Array | Int32Array>(a: T, length: number): T {
  if (a.length - length <= Math.max(1024, length >> 3)) return a.subarray(0, length) as T;
  return a.slice(0, length) as T;
}
