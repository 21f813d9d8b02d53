/**
 * The generated (unrolled) kernels perform exactly the generic loops' operations, so both paths
 * give bit-identical numbers for every kernel, family, d and K — including the d beyond the
 * unrolling limit, where 'auto' falls back to the generic code.
 */
import { describe, expect, it, vi } from 'vitest';
import { rowKernels } from '../../../../../shared/engine/compute/js/compile';
import type { KernelFamilyName } from '../../../../../shared/engine/compute/js/types';
import { Rng } from '../../../../../shared/engine/model/rng';

function random(length: number, rng: Rng, scale = 1): Float64Array {
  return Float64Array.from({ length }, () => scale * rng.normal());
}

function sameBits(a: Float64Array, b: Float64Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
}

const cases: [KernelFamilyName, number, number][] = [];
for (const family of ['dense', 'diagonal'] as const)
  for (const d of [1, 2, 3, 5, 10, 13, 40]) for (const K of [1, 3, 8]) cases.push([family, d, K]);

describe('specialised kernels equal the generic ones bit for bit', () => {
  it.each(cases)('%s d=%i K=%i', (family, d, K) => {
    const rng = new Rng(d * 100 + K);
    const n = 300;
    const start = 17;
    const end = 281;
    const X = random(n * d, rng, 3);
    const means = random(K * d, rng);
    const factors = family === 'dense' ? new Float64Array(K * d * d) : random(K * d, rng).map(Math.abs);
    if (family === 'dense')
      for (let k = 0; k < K; k++)
        for (let a = 0; a < d; a++)
          for (let b = a; b < d; b++)
            factors[k * d * d + a * d + b] = a === b ? 0.5 + rng.random() : 0.3 * rng.normal();
    const generic = rowKernels(family, d, K, 'generic');
    const auto = rowKernels(family, d, K, 'auto');
    expect(auto).not.toBe(generic);

    const q1 = new Float64Array(n * K);
    const q2 = new Float64Array(n * K);
    generic.mahalanobis(X, start, end, K, means, factors, q1);
    auto.mahalanobis(X, start, end, K, means, factors, q2);
    expect(sameBits(q1, q2)).toBe(true);
    expect(q1.subarray(start * K, end * K).every((v) => v >= 0 && Number.isFinite(v))).toBe(true);

    // Normalise (log-sum-exp), with c chosen so some exponents underflow.
    const c = Float64Array.from({ length: K }, (_, k) => -k * 200 + rng.normal());
    const log1 = new Float64Array(n);
    const log2 = new Float64Array(n);
    const nk1 = new Float64Array(K + 2);
    const nk2 = new Float64Array(K + 2);
    const t1 = generic.normalise(q1, log1, start, end, K, c, nk1, 2, 0);
    const t2 = auto.normalise(q2, log2, start, end, K, c, nk2, 2, 0);
    expect(t1).toBe(t2);
    expect(sameBits(q1, q2) && sameBits(log1, log2) && sameBits(nk1, nk2)).toBe(true);

    const s1 = new Float64Array(5 + K * d * d);
    const s2 = new Float64Array(5 + K * d * d);
    generic.scatter(X, q1, start, end, K, means, s1, 5);
    auto.scatter(X, q2, start, end, K, means, s2, 5);
    expect(sameBits(s1, s2)).toBe(true);

    const w1 = new Float64Array(3 + K * d);
    const w2 = new Float64Array(3 + K * d);
    generic.weightedSums(X, q1, start, end, K, w1, 3);
    auto.weightedSums(X, q2, start, end, K, w2, 3);
    expect(sameBits(w1, w2)).toBe(true);

    // The whole E-step (fused for the diagonal family), with one row every component finds
    // infinitely far (its distances overflow: an even split with log p = −∞).
    X.fill(1e200, 40 * d, 41 * d);
    const runEStep = (kernels: typeof generic) => {
      const resp = new Float64Array(n * K);
      const logNorm = new Float64Array(n);
      const acc = new Float64Array(4 + K + K * d);
      const total = kernels.estep(X, resp, logNorm, start, end, K, means, factors, c, acc, 4, 0);
      return { resp, logNorm, acc, total };
    };
    const e1 = runEStep(generic);
    const e2 = runEStep(auto);
    expect(e2.total).toBe(e1.total);
    expect(e1.total).toBe(-Infinity);
    expect(sameBits(e1.resp, e2.resp) && sameBits(e1.logNorm, e2.logNorm) && sameBits(e1.acc, e2.acc)).toBe(
      true,
    );
    expect(e1.resp[40 * K]).toBe(1 / K);
    // Without that row the total is finite and still bit-identical.
    X.fill(0, 40 * d, 41 * d);
    const f1 = runEStep(generic);
    const f2 = runEStep(auto);
    expect(Number.isFinite(f1.total) && f2.total === f1.total).toBe(true);
    expect(sameBits(f1.resp, f2.resp) && sameBits(f1.acc, f2.acc)).toBe(true);
  });
});

describe('the fused diagonal E-step', () => {
  it('is generated for the diagonal family while K·d ≤ 40 and composed from the row kernels otherwise', () => {
    // Generated code is named 'estep'; the composition keeps its own name.
    expect(rowKernels('diagonal', 5, 8, 'auto').estep.name).toBe('estep');
    expect(rowKernels('diagonal', 10, 3, 'auto').estep.name).toBe('estep');
    expect(rowKernels('diagonal', 2, 3, 'auto').estep.name).toBe('estep');
    expect(rowKernels('diagonal', 10, 8, 'auto').estep.name).toBe('blockedEStep');
    expect(rowKernels('diagonal', 40, 3, 'auto').estep.name).toBe('blockedEStep');
    expect(rowKernels('dense', 5, 3, 'auto').estep.name).toBe('blockedEStep');
    expect(rowKernels('diagonal', 5, 3, 'generic').estep.name).toBe('blockedEStep');
  });
});

describe('kernel arithmetic', () => {
  it('dense mahalanobis is ‖(x − μ)ᵀ P‖² and the scatter Σ r (x − μ)(x − μ)ᵀ, checked against a direct sum', () => {
    const d = 3;
    const K = 2;
    const X = Float64Array.from([1, 2, 3, -1, 0.5, 2, 4, 4, 4]);
    const means = Float64Array.from([0, 1, 2, 1, 1, 1]);
    const P = new Float64Array(K * d * d);
    P.set([1, 0.5, 0.2, 0, 2, -0.3, 0, 0, 0.7], 0);
    P.set([1, 0, 0, 0, 1, 0, 0, 0, 1], 9);
    const resp = Float64Array.from([0.25, 0.75, 1, 0, 0.5, 0.5]);
    for (const mode of ['generic', 'auto'] as const) {
      const kernels = rowKernels('dense', d, K, mode);
      const q = new Float64Array(3 * K);
      kernels.mahalanobis(X, 0, 3, K, means, P, q);
      const S = new Float64Array(K * d * d);
      kernels.scatter(X, resp, 0, 3, K, means, S, 0);
      for (let k = 0; k < K; k++) {
        for (let i = 0; i < 3; i++) {
          const t = [0, 1, 2].map((j) => X[i * d + j] - means[k * d + j]);
          const y = [0, 1, 2].map((j) => t.reduce((s, tm, m) => s + tm * P[k * 9 + m * d + j], 0));
          expect(q[i * K + k]).toBeCloseTo(
            y.reduce((s, v) => s + v * v, 0),
            12,
          );
        }
        for (let a = 0; a < d; a++)
          for (let b = 0; b < d; b++) {
            let expected = 0;
            for (let i = 0; i < 3; i++)
              expected +=
                resp[i * K + k] * (X[i * d + a] - means[k * d + a]) * (X[i * d + b] - means[k * d + b]);
            expect(S[k * 9 + a * d + b]).toBeCloseTo(expected, 12);
          }
      }
    }
  });
});

describe('without code generation', () => {
  it('falls back to the generic kernels when new Function is refused (a strict Content-Security-Policy)', () => {
    vi.stubGlobal('Function', function refused() {
      throw new EvalError('Code generation from strings disallowed for this context');
    });
    try {
      const d = 7;
      const K = 6; // a (d, K) no other test compiles, so nothing is cached
      const auto = rowKernels('diagonal', d, K, 'auto');
      // Generated code is named 'anonymous' / 'normalise'; the generic loops keep their own names.
      expect([auto.mahalanobis.name, auto.scatter.name, auto.normalise.name, auto.estep.name]).toEqual([
        'mahalanobis',
        'scatter',
        'genericNormalise',
        'blockedEStep',
      ]);
      const compiled = rowKernels('diagonal', d, K + 1, 'auto');
      vi.unstubAllGlobals();
      expect(compiled.mahalanobis.name).toBe('mahalanobis');
      expect(rowKernels('diagonal', d, K + 2, 'auto').mahalanobis.name).toBe('anonymous');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
