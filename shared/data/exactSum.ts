/**
 * An exactly rounded running sum of doubles: Shewchuk's non-overlapping partials ("Adaptive
 * Precision Floating-Point Arithmetic and Fast Robust Geometric Predicates", 1997), the algorithm
 * behind Python's `math.fsum` and d3-array's `Adder`. The fixtures' sums are `math.fsum` values,
 * so a column's sum is the exact sum rounded once, independent of row order.
 *
 * Each `add` is a few two-sums over the partials list, which stays 1-3 long for real data; still
 * ~40 ns a value, so the import sums columns with numberStats.ts and uses this only to round
 * partial results once.
 */
export class ExactSum {
  private partials = new Float64Array(8);
  private n = 0;

  add(x: number): void {
    const p = this.partials;
    let i = 0;
    for (let j = 0; j < this.n; j++) {
      let y = p[j];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      // Two-sum (Dekker/Knuth): hi + lo == x + y exactly when |x| >= |y|.
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    if (i === p.length) this.grow();
    this.partials[i++] = x;
    this.n = i;
  }

  private grow(): void {
    const next = new Float64Array(this.partials.length * 2);
    next.set(this.partials);
    this.partials = next;
  }

  /** The sum rounded once to the nearest double (ties to even), as `math.fsum` returns it. */
  value(): number {
    const p = this.partials;
    let n = this.n;
    if (n === 0) return 0;
    let hi = p[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // Half-way case: if the remaining partials push the same way as lo, the rounding of hi + lo
    // must go away from hi (Python's fsum correction).
    if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }
}
