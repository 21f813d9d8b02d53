import { describe, expect, it } from 'vitest';
import { buildThresholdsOption } from '../../../renderer/src/charts/thresholdsOption';
import { chartTheme } from '../../../renderer/src/charts/theme';
import { densityHistogram } from '../../../shared/stats/histogram';

const input = (thresholds: { x: number; below: number; above: number }[]) => ({
  histogram: densityHistogram(Float64Array.from([10, 12, 14, 200, 210, 220])),
  marginal: {
    x: Float64Array.from([0, 128, 255]),
    total: Float64Array.from([0.01, 0.001, 0.01]),
    components: [Float64Array.from([0.01, 0.0005, 0]), Float64Array.from([0, 0.0005, 0.01])],
  },
  clusterNames: ['Cluster 1', 'Cluster 2'],
  axisName: 'grey',
  text: { title: 'grey', density: 'Density', data: 'Data', mixture: 'Mixture' },
  thresholds,
});

describe('buildThresholdsOption', () => {
  it('draws one dashed vertical line per threshold on the mixture curve', () => {
    const option = buildThresholdsOption(input([{ x: 111.5, below: 0, above: 1 }]), chartTheme('light'));
    const series = option.series as { markLine?: { data: { xAxis: number }[] } }[];
    expect(series).toHaveLength(4);
    expect(series[1].markLine?.data).toEqual([{ xAxis: 111.5 }]);
    expect(series[0].markLine).toBeUndefined();
  });

  it('adds nothing when there is no threshold', () => {
    const option = buildThresholdsOption(input([]), chartTheme('dark'));
    expect((option.series as { markLine?: unknown }[]).every((s) => s.markLine === undefined)).toBe(true);
  });
});
