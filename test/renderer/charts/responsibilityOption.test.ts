import { describe, expect, it } from 'vitest';
import {
  buildResponsibilityOption,
  responsibilityBins,
} from '../../../renderer/src/charts/responsibilityOption';
import { CHART_THEMES } from '../../../renderer/src/charts/theme';
import { panelBoxes } from '../../../renderer/src/charts/panelGrid';

const text = { title: 'Per cluster', note: 'left out', probability: 'Probability', rows: 'Rows' };

/** 4 rows × 2 clusters. */
const resp = Float64Array.of(0.99, 0.01, 0.93, 0.07, 0.5, 0.5, 0.00001, 0.99999);

describe('responsibilityBins', () => {
  it('counts each cluster’s probabilities, leaving out those below 1e-4', () => {
    const { edges, counts } = responsibilityBins(resp, 2, 0.9);
    expect(counts[0].reduce((a, b) => a + b)).toBe(3); // 0.00001 is left out
    expect(counts[1].reduce((a, b) => a + b)).toBe(4);
    expect(edges[0]).toBe(0);
    expect(edges[edges.length - 1]).toBe(1);
  });

  it('splits the bin holding a threshold between edges', () => {
    const { edges, counts } = responsibilityBins(resp, 2, 0.94);
    const i = edges.indexOf(0.94);
    expect(i).toBeGreaterThan(0);
    // Cluster 1: 0.93 below the line, 0.99 above it, never in one bar.
    expect(counts[0].slice(0, i).reduce((a, b) => a + b)).toBe(2);
    expect(counts[0].slice(i).reduce((a, b) => a + b)).toBe(1);
  });
});

describe('buildResponsibilityOption', () => {
  it('draws one panel per cluster with its pale and full bars on that panel’s axes', () => {
    const o = buildResponsibilityOption(
      { resp, nComponents: 2, threshold: 0.9, clusterNames: ['C1', 'C2'], text },
      CHART_THEMES.dark,
    );
    expect(o.grid).toHaveLength(2);
    const series = o.series as { name: string; xAxisIndex: number; yAxisIndex: number }[];
    expect(series.map((s) => [s.name, s.xAxisIndex, s.yAxisIndex])).toEqual([
      ['C1', 0, 0],
      ['C1', 0, 0],
      ['C2', 1, 1],
      ['C2', 1, 1],
    ]);
    const titles = (o.title as { text: string }[]).map((t) => t.text);
    expect(titles).toEqual(['Per cluster', 'C1', 'C2']);
  });
});

describe('panelBoxes', () => {
  it('lays 5 panels out in 3 columns and 2 rows, the last row marked', () => {
    const boxes = panelBoxes(5);
    expect(new Set(boxes.map((b) => b.left)).size).toBe(3);
    expect(new Set(boxes.map((b) => b.top)).size).toBe(2);
    // Panel 3 (second row) and panels 4, 5 carry the axis name; panel 3 is above nothing.
    expect(boxes.map((b) => b.bottomRow)).toEqual([false, false, true, true, true]);
  });
});
