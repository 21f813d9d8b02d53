import { describe, expect, it } from 'vitest';
import { buildTraceOption } from '../../../renderer/src/charts/traceOption';
import { CHART_THEMES } from '../../../renderer/src/charts/theme';
import { loadEmFixture } from '../../shared/engine/emFixtures';

const text = {
  title: 'Log-likelihood',
  iteration: 'Iteration',
  lowerBound: 'Mean log-likelihood',
  restart: (r: number) => `Restart ${r + 1}`,
  kept: '(kept)',
};

describe('buildTraceOption', () => {
  // Three restarts: the fixture's monotone trajectory and two shorter ones.
  const f = loadEmFixture('faithful__full__k2');
  const kept = Float64Array.from(f.iterations.map((it) => it.mean_log_likelihood));
  const traces = [kept.slice(0, 5), kept, kept.slice(0, 3).map((v) => v - 0.5)];
  const o = buildTraceOption({ traces, bestRestart: 1, text }, CHART_THEMES.light);
  const series = o.series as {
    name: string;
    data: [number, number][];
    lineStyle: { width: number; color: string };
    z: number;
  }[];

  it('has one line per restart, the kept one named and listed first in the legend', () => {
    expect(series.map((s) => s.name)).toEqual(['Restart 1', 'Restart 2 (kept)', 'Restart 3']);
    expect((o.legend as { data: string[] }).data).toEqual(['Restart 2 (kept)', 'Restart 1', 'Restart 3']);
  });

  it('passes the monotone lower bound through unchanged, iterations from 1', () => {
    const data = series[1].data;
    expect(data).toHaveLength(kept.length);
    data.forEach(([x, y], i) => {
      expect(x).toBe(i + 1);
      expect(y).toBe(kept[i]);
    });
    for (let i = 1; i < data.length; i++) expect(data[i][1]).toBeGreaterThanOrEqual(data[i - 1][1] - 1e-12);
  });

  it('highlights the kept restart: thicker, accent colour, drawn on top', () => {
    expect(series[1].lineStyle.width).toBeGreaterThan(series[0].lineStyle.width);
    expect(series[1].lineStyle.color).toBe(CHART_THEMES.light.accent);
    expect(series[0].lineStyle.color).toBe(CHART_THEMES.light.muted);
    expect(series[1].z).toBeGreaterThan(series[2].z);
  });
});
