/**
 * The generated k-means assignment (steps.ts assignNearest, Lloyd's step), per row:
 *   dist_k = Σ_j (x_j − c_kj)²  for two centres per v128 (lanes as layout.ts, centres in the
 *            parameter block's means), j in order;
 *   best   = the first k with the smallest dist_k (strict <, as the JavaScript loop);
 *   then the chunk's slot: label changes, labels[i] = best, inertia += dist_best, the farthest
 *   row, counts[best] += 1, sums[best] += x.
 * Same operations in the same order as assignNearest, so the same bits.
 *
 *   assign(X, labels, start, end, par, slot)
 *       labels: byte address of the Int32Array; slot: byte address of the chunk's partial slot
 *       [inertia, farthest distance², farthest row, label changes, counts (K), Σ x (K × d)], which
 *       this function fills (zeroed first, farthest row −1).
 */
import { FunctionCode, F64, I32, OP, SIMD, V128 } from './encoder';
import { ASSIGN_HEADER } from '../steps';
import { add, closeRowLoop, loadRow, mul, openRowLoop, param, sub, type Shape } from './rowFrame';

export function assignFunction(s: Shape): FunctionCode {
  const { d, K, layout } = s;
  const P = layout.pairs;
  const c = new FunctionCode([I32, I32, I32, I32, I32, I32], []);
  const [X, labels, start, end, par, slot] = [0, 1, 2, 3, 4, 5];
  const x = Array.from({ length: d }, () => c.local(V128));
  const dist = Array.from({ length: P }, () => c.local(V128));
  const t = c.local(V128);
  const [best, lab, changes, address] = [c.local(I32), c.local(I32), c.local(I32), c.local(I32)];
  const [bestDist, lane, inertia, far, farRow] = Array.from({ length: 5 }, () => c.local(F64));
  const counts = ASSIGN_HEADER * 8;
  const sums = counts + K * 8;

  // Zero the slot, farthest row −1.
  for (let e = 0; e < ASSIGN_HEADER + K + K * d; e++)
    c.get(slot)
      .f64(0)
      .f64Store(e * 8);
  c.f64(0).set(inertia);
  c.f64(-1).set(far);
  c.f64(-1).set(farRow);
  c.i32(0).set(changes);
  c.get(start).i32(4).op(OP.i32Mul).get(labels).op(OP.i32Add).set(lab);

  // The row loop over X only (resp is not used: pass X for both pointers).
  const loop = openRowLoop(c, { ...s, K: 0 }, X, X, start, end);
  loadRow(c, s, loop.xo, x);
  for (let p = 0; p < P; p++) {
    for (let j = 0; j < d; j++) {
      c.get(x[j]);
      param(c, par, layout.means, p * d + j);
      sub(c);
      c.tee(t).get(t);
      mul(c);
      if (j > 0) {
        c.get(dist[p]);
        add(c);
      }
      c.set(dist[p]);
    }
  }
  c.i32(0).set(best);
  c.f64(Infinity).set(bestDist);
  for (let k = 0; k < K; k++) {
    c.get(dist[k >> 1])
      .lane(SIMD.f64x2ExtractLane, k & 1)
      .set(lane);
    c.get(lane).get(bestDist).op(OP.f64Lt);
    c.if();
    c.get(lane).set(bestDist).i32(k).set(best);
    c.end();
  }
  // changes += labels[i] ≠ best; labels[i] = best
  c.get(lab).i32Load(0);
  c.get(best).op(OP.i32Ne).get(changes).op(OP.i32Add).set(changes);
  c.get(lab).get(best).i32Store(0);
  c.get(inertia).get(bestDist).op(OP.f64Add).set(inertia);
  c.get(bestDist).get(far).op(OP.f64Gt);
  c.if();
  c.get(bestDist).set(far).get(loop.i).op(OP.f64ConvertI32S).set(farRow);
  c.end();
  // counts[best] += 1; sums[best·d + j] += x_j
  c.get(best).i32(3).op(OP.i32Shl).get(slot).op(OP.i32Add).set(address);
  c.get(address).get(address).f64Load(counts).f64(1).op(OP.f64Add).f64Store(counts);
  c.get(best)
    .i32(d * 8)
    .op(OP.i32Mul)
    .get(slot)
    .op(OP.i32Add)
    .set(address);
  for (let j = 0; j < d; j++) {
    c.get(address)
      .get(address)
      .f64Load(sums + j * 8);
    c.get(x[j])
      .lane(SIMD.f64x2ExtractLane, 0)
      .op(OP.f64Add)
      .f64Store(sums + j * 8);
  }
  c.get(lab).i32(4).op(OP.i32Add).set(lab);
  closeRowLoop(c, { ...s, K: 0 }, loop);

  c.get(slot).get(inertia).f64Store(0);
  c.get(slot).get(far).f64Store(8);
  c.get(slot).get(farRow).f64Store(16);
  c.get(slot).get(changes).op(OP.f64ConvertI32S).f64Store(24);
  return c;
}
