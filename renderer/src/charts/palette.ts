/**
 * Cluster colours shared by every chart, the table and the legend. Chosen so that each has a
 * WCAG contrast ratio of at least 3:1 against both the light surface (#ffffff) and the dark one
 * (#171a1f) — marks stay visible in either theme without a second palette — and so that any two
 * differ by at least 20 in CIELAB (ΔE*76), with the most distinct ones first (the first six are
 * the familiar category10 hues). Both properties are checked in palette.test.ts.
 *
 * Past 16 clusters colours repeat and the marker shape changes instead (`clusterSymbol`).
 */
export const CLUSTER_COLORS: readonly string[] = [
  '#3b7dd8',
  '#e8720c',
  '#2ca02c',
  '#d62f4b',
  '#9467bd',
  '#0f9b9b',
  '#f20dad',
  '#817131',
  '#8f9c16',
  '#3b759b',
  '#d47a54',
  '#ad0df2',
  '#318149',
  '#c4648a',
  '#0d69f2',
  '#f20d0d',
];

const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond'] as const;

/** Colour of cluster k (0-based). */
export function clusterColor(k: number): string {
  return CLUSTER_COLORS[k % CLUSTER_COLORS.length];
}

/** Marker of cluster k: circles for the first 16, then another shape each time colours repeat. */
export function clusterSymbol(k: number): (typeof SYMBOLS)[number] {
  return SYMBOLS[Math.floor(k / CLUSTER_COLORS.length) % SYMBOLS.length];
}
