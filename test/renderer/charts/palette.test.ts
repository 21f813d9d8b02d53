import { describe, expect, it } from 'vitest';
import { CLUSTER_COLORS, clusterColor, clusterSymbol } from '../../../renderer/src/charts/palette';
import { CHART_THEMES } from '../../../renderer/src/charts/theme';

/** WCAG 2 relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
};
/** sRGB → CIELAB (D65), for ΔE*76. */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const X = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const Y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const Z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}

describe('cluster palette', () => {
  it('has at least 12 colours', () => {
    expect(CLUSTER_COLORS.length).toBeGreaterThanOrEqual(12);
  });

  it('every colour is visible on both the light and the dark chart background (contrast ≥ 3:1)', () => {
    for (const c of CLUSTER_COLORS) {
      expect(contrast(c, CHART_THEMES.light.background), c).toBeGreaterThanOrEqual(3);
      expect(contrast(c, CHART_THEMES.dark.background), c).toBeGreaterThanOrEqual(3);
    }
  });

  it('any two colours are distinguishable (ΔE*76 ≥ 20)', () => {
    for (let i = 0; i < CLUSTER_COLORS.length; i++)
      for (let j = i + 1; j < CLUSTER_COLORS.length; j++) {
        const [a, b] = [lab(CLUSTER_COLORS[i]), lab(CLUSTER_COLORS[j])];
        expect(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]), `${i} vs ${j}`).toBeGreaterThanOrEqual(20);
      }
  });

  it('changes the marker when colours repeat, so 30 clusters stay distinct', () => {
    const seen = new Set<string>();
    for (let k = 0; k < 30; k++) seen.add(`${clusterColor(k)} ${clusterSymbol(k)}`);
    expect(seen.size).toBe(30);
  });
});
