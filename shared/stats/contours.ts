/**
 * Contour lines of a gridded function by marching squares (Lorensen & Cline 1987, in its 2-D
 * form): each grid cell's four corners are classified above/below the level, and the cell's case
 * (one of 16) says which edges the line crosses; the crossing points are linearly interpolated.
 * The saddle cases (5 and 10) are split by the cell's centre value. Segments are returned
 * unjoined — a chart draws them as they are.
 *
 * Shapes: values ny × nx row-major at (xs[c], ys[r]); a segment is [x0, y0, x1, y1].
 */

export type Segment = [number, number, number, number];

export function contourSegments(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  values: ArrayLike<number>,
  level: number,
): Segment[] {
  const nx = xs.length;
  const ny = ys.length;
  const out: Segment[] = [];
  const at = (r: number, c: number) => values[r * nx + c];
  // Point where the level crosses the edge from corner (r0, c0) to (r1, c1).
  const cross = (r0: number, c0: number, r1: number, c1: number): [number, number] => {
    const v0 = at(r0, c0);
    const v1 = at(r1, c1);
    const t = v1 === v0 ? 0.5 : (level - v0) / (v1 - v0);
    return [xs[c0] + t * (xs[c1] - xs[c0]), ys[r0] + t * (ys[r1] - ys[r0])];
  };
  for (let r = 0; r < ny - 1; r++)
    for (let c = 0; c < nx - 1; c++) {
      // Corners: bottom-left (r, c) = 1, bottom-right (r, c+1) = 2, top-right = 4, top-left = 8.
      const bl = at(r, c) >= level ? 1 : 0;
      const br = at(r, c + 1) >= level ? 2 : 0;
      const tr = at(r + 1, c + 1) >= level ? 4 : 0;
      const tl = at(r + 1, c) >= level ? 8 : 0;
      const code = bl | br | tr | tl;
      if (code === 0 || code === 15) continue;
      const bottom = () => cross(r, c, r, c + 1);
      const right = () => cross(r, c + 1, r + 1, c + 1);
      const top = () => cross(r + 1, c, r + 1, c + 1);
      const left = () => cross(r, c, r + 1, c);
      const seg = (a: [number, number], b: [number, number]) => out.push([a[0], a[1], b[0], b[1]]);
      switch (code) {
        case 1:
        case 14:
          seg(left(), bottom());
          break;
        case 2:
        case 13:
          seg(bottom(), right());
          break;
        case 3:
        case 12:
          seg(left(), right());
          break;
        case 4:
        case 11:
          seg(right(), top());
          break;
        case 6:
        case 9:
          seg(bottom(), top());
          break;
        case 7:
        case 8:
          seg(left(), top());
          break;
        case 5:
        case 10: {
          const centre = (at(r, c) + at(r, c + 1) + at(r + 1, c) + at(r + 1, c + 1)) / 4;
          // Centre on the same side as bottom-left: the two "above" corners are joined through it.
          const joined = centre >= level === (code === 5);
          if (joined) {
            seg(left(), top());
            seg(bottom(), right());
          } else {
            seg(left(), bottom());
            seg(right(), top());
          }
          break;
        }
      }
    }
  return out;
}
