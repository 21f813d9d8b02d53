import { FunctionCode, I32, SIMD, V128 } from './encoder';
import {
  add,
  closeRowLoop,
  full,
  loadPair,
  loadRow,
  mul,
  openRowLoop,
  param,
  storePair,
  sub,
  type Shape,
} from './rowFrame';

/**
 * Scatter about the means in par:
 *   diagonal  acc[k·d + j]       += Σ_i r_ik (x_ij − μ_kj)²            (as r·t·t)
 *   dense     acc[k·d² + a·d + b] += Σ_i (r_ik t_a) t_b, a ≤ b, then mirrored below the diagonal
 */
export function scatterFunction(s: Shape): FunctionCode {
  const { d, layout } = s;
  const P = layout.pairs;
  const c = new FunctionCode([I32, I32, I32, I32, I32, I32], []);
  const [X, resp, start, end, par, acc] = [0, 1, 2, 3, 4, 5];
  const x = Array.from({ length: d }, () => c.local(V128));
  const tt = Array.from({ length: d }, () => c.local(V128));
  const u = Array.from({ length: d }, () => c.local(V128));
  const r = c.local(V128);
  const entries: [number, number][] =
    s.family === 'diagonal'
      ? Array.from({ length: d }, (_, j) => [j, j])
      : Array.from({ length: d }, (_, b) =>
          Array.from({ length: b + 1 }, (_, a): [number, number] => [a, b]),
        ).flat();
  const at = (p: number, [a, b]: [number, number]) =>
    s.family === 'diagonal' ? (2 * p * d + a) * 8 : (2 * p * d * d + a * d + b) * 8;
  const stride = (s.family === 'diagonal' ? d : d * d) * 8;
  const sums = Array.from({ length: P * entries.length }, () => c.local(V128));

  for (let p = 0; p < P; p++)
    entries.forEach((entry, n) =>
      loadPair(c, acc, at(p, entry), stride, full(s, p), sums[p * entries.length + n]),
    );
  const loop = openRowLoop(c, s, X, resp, start, end);
  loadRow(c, s, loop.xo, x);
  for (let p = 0; p < P; p++) {
    c.get(loop.ro)
      .simdMem(full(s, p) ? SIMD.v128Load : SIMD.v128Load64Zero, p * 16)
      .set(r);
    for (let j = 0; j < d; j++) {
      c.get(x[j]);
      param(c, par, layout.means, p * d + j);
      sub(c);
      c.set(tt[j]);
    }
    if (s.family === 'diagonal') {
      for (let j = 0; j < d; j++) {
        c.get(sums[p * d + j])
          .get(r)
          .get(tt[j]);
        mul(c);
        c.get(tt[j]);
        mul(c);
        add(c);
        c.set(sums[p * d + j]);
      }
    } else {
      for (let a = 0; a < d; a++) {
        c.get(r).get(tt[a]);
        mul(c);
        c.set(u[a]);
      }
      entries.forEach(([a, b], n) => {
        const v = sums[p * entries.length + n];
        c.get(v).get(u[a]).get(tt[b]);
        mul(c);
        add(c);
        c.set(v);
      });
    }
  }
  closeRowLoop(c, s, loop);
  for (let p = 0; p < P; p++)
    entries.forEach(([a, b], n) => {
      const v = sums[p * entries.length + n];
      storePair(c, acc, at(p, [a, b]), stride, full(s, p), v);
      if (a !== b) storePair(c, acc, at(p, [b, a]), stride, full(s, p), v);
    });
  return c;
}
