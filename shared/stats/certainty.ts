/** Classification certainty: each row's largest posterior probability, and how many fall short. */

/** max_k resp[i][k] for resp (n × K, row-major). */
export function maxPosterior(resp: Float64Array, n: number, K: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let k = 0; k < K; k++) if (resp[i * K + k] > m) m = resp[i * K + k];
    out[i] = m;
  }
  return out;
}

/** Rows whose certainty is strictly below the threshold (0.9 by default in the UI). */
export function countUncertain(certainty: ArrayLike<number>, threshold: number): number {
  let c = 0;
  for (let i = 0; i < certainty.length; i++) if (certainty[i] < threshold) c++;
  return c;
}
