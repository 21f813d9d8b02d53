/**
 * Checks on what a chart painted (ChartSnapshot.drawn): which K tick labels stand under the plot,
 * and whether any data marker, or a marker's label, covers a text (a tick label, the title, a legend
 * entry).
 */
import type { DrawnBox, DrawnLayout } from '../../renderer/src/lib/chartDrawn';

/** Overlap of two boxes in px² (0 when apart or only touching). */
function overlap(a: DrawnBox, b: DrawnBox): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The integer labels drawn under the plot, left to right: the K axis's tick labels. */
export function kTickLabels(drawn: DrawnLayout): number[] {
  const grid = drawn.grid!;
  return drawn.texts
    .filter((t) => /^\d+$/.test(t.text) && t.y >= grid.y + grid.height && t.y < grid.y + grid.height + 30)
    .sort((a, b) => a.x - b.x)
    .map((t) => Number(t.text));
}

/**
 * Every text a marker covers by more than `tolerance` px² (anti-aliased edges may touch), as
 * "series covers 'text'". Text drawn on a marker itself (the pin's "Best") is not counted.
 */
export function coveredTexts(drawn: DrawnLayout, tolerance = 2): string[] {
  const out: string[] = [];
  const free = drawn.texts.filter((t) => !t.onMarker);
  for (const t of free)
    for (const m of drawn.markers) if (overlap(t, m) > tolerance) out.push(`${m.series} covers '${t.text}'`);
  // A marker's own label (the pin's "Best") may not cover a text either.
  for (const label of drawn.texts.filter((t) => t.onMarker))
    for (const t of free) if (overlap(label, t) > tolerance) out.push(`'${label.text}' covers '${t.text}'`);
  return out;
}

/** Whether `inner` lies inside `outer` (to a pixel's rounding). */
export function inside(inner: DrawnBox, outer: DrawnBox): boolean {
  return (
    inner.x >= outer.x - 0.5 &&
    inner.y >= outer.y - 0.5 &&
    inner.x + inner.width <= outer.x + outer.width + 0.5 &&
    inner.y + inner.height <= outer.y + outer.height + 0.5
  );
}
