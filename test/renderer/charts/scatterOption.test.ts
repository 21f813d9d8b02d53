import { describe, expect, it } from 'vitest';
import { buildScatterOption } from '../../../renderer/src/charts/scatterOption';
import { CHART_THEMES } from '../../../renderer/src/charts/theme';
import { CLUSTER_COLORS } from '../../../renderer/src/charts/palette';
import { irisScatterInput, syntheticScatterInput } from './chartFixtures';

type AnySeries = Record<string, unknown> & { name: string; type: string; data: unknown };
const seriesOf = (o: ReturnType<typeof buildScatterOption>) => o.series as AnySeries[];
const pointCount = (s: AnySeries) =>
  s.data instanceof Float64Array ? s.data.length / 2 : (s.data as unknown[]).length;

describe('buildScatterOption', () => {
  const { input, model } = irisScatterInput();
  const option = buildScatterOption(input, CHART_THEMES.light);
  const series = seriesOf(option);

  it('has K point series, 2K ellipses (1σ, 2σ) and K centroids, named after the clusters', () => {
    expect(series).toHaveLength(4 * 3);
    expect(series.slice(0, 3).map((s) => [s.type, s.name])).toEqual([
      ['scatter', 'Cluster 1'],
      ['scatter', 'Cluster 2'],
      ['scatter', 'Cluster 3'],
    ]);
    expect(series.slice(3, 9).map((s) => s.type)).toEqual(new Array(6).fill('line'));
    expect(series.slice(3, 9).map((s) => s.name)).toEqual([
      'Cluster 1',
      'Cluster 1',
      'Cluster 2',
      'Cluster 2',
      'Cluster 3',
      'Cluster 3',
    ]);
    expect(series.slice(9).map((s) => s.name)).toEqual(['Cluster 1', 'Cluster 2', 'Cluster 3']);
    expect((option.legend as { data: string[] }).data).toEqual(['Cluster 1', 'Cluster 2', 'Cluster 3']);
  });

  it('puts every row in its cluster’s series with its coordinates and certainty', () => {
    for (let k = 0; k < 3; k++) {
      const rows = Array.from(model.labels.keys()).filter((i) => model.labels[i] === k);
      expect(series[k].data).toEqual(rows.map((i) => [input.x[i], input.y[i], model.certainty[i]]));
      expect((series[k].itemStyle as { color: string }).color).toBe(CLUSTER_COLORS[k]);
    }
  });

  it('draws the 1σ ring solid and the 2σ ring dashed, through the geometry’s points', () => {
    const c0 = input.components[0];
    expect(series[3].data).toBe(c0.rings[0].points);
    expect((series[3].lineStyle as { type: string }).type).toBe('solid');
    expect(series[4].data).toBe(c0.rings[1].points);
    expect((series[4].lineStyle as { type: string }).type).toBe('dashed');
    expect(series[9].data).toEqual([[c0.center[0], c0.center[1], c0.weight]]);
    expect(series[9].symbol).toBe('diamond');
  });

  it('zooms and pans with the wheel (inside) and with sliders on both axes', () => {
    const dz = option.dataZoom as { type: string; xAxisIndex?: number; yAxisIndex?: number }[];
    expect(dz.map((z) => `${z.type}:${z.xAxisIndex ?? ''}${z.yAxisIndex ?? ''}`)).toEqual([
      'inside:0',
      'inside:0',
      'slider:0',
      'slider:0',
    ]);
    expect(dz.filter((z) => z.xAxisIndex === 0)).toHaveLength(2);
    expect(dz.filter((z) => z.yAxisIndex === 0)).toHaveLength(2);
  });

  it('shades points by certainty only when asked', () => {
    expect(option.visualMap).toBeUndefined();
    const shaded = buildScatterOption({ ...input, opacityByCertainty: true }, CHART_THEMES.light);
    expect(shaded.visualMap).toMatchObject({ dimension: 2, seriesIndex: [0, 1, 2], min: 1 / 3, max: 1 });
  });

  it('leaves out rows with a non-finite coordinate (log of a value ≤ 0)', () => {
    const x = Float64Array.from(input.x);
    x[0] = Number.NaN;
    const o = buildScatterOption({ ...input, x }, CHART_THEMES.light);
    const total = seriesOf(o)
      .slice(0, 3)
      .reduce((s, p) => s + pointCount(p), 0);
    expect(total).toBe(model.n - 1);
  });

  it('takes its colours from the theme', () => {
    const dark = buildScatterOption(input, CHART_THEMES.dark);
    expect(dark.backgroundColor).toBe(CHART_THEMES.dark.background);
    expect((dark.title as { textStyle: { color: string } }).textStyle.color).toBe(CHART_THEMES.dark.text);
    expect((seriesOf(dark)[9].itemStyle as { borderColor: string }).borderColor).toBe('#ffffff');
  });
});

describe('buildScatterOption with many points', () => {
  it('draws up to 50 000 points one by one, with no note', () => {
    const o = buildScatterOption(syntheticScatterInput(50_000), CHART_THEMES.light);
    expect(seriesOf(o)[0].large).toBe(false);
    expect((o.title as { subtext: string }).subtext).toBe('');
  });

  it('switches to large, progressive mode above 50 000 points and draws them all', () => {
    const input = syntheticScatterInput(60_000);
    const o = buildScatterOption(input, CHART_THEMES.light);
    const pts = seriesOf(o).slice(0, 3);
    for (const s of pts) {
      expect(s.large).toBe(true);
      expect(s.progressive).toBeGreaterThan(0);
      expect(s.data).toBeInstanceOf(Float64Array);
    }
    expect(pts.reduce((s, p) => s + pointCount(p), 0)).toBe(60_000);
    expect((o.title as { subtext: string }).subtext).toBe('All 60000 points, fast drawing');
    // Per-point shading is not possible in large mode; it is dropped, not half-applied.
    expect(
      buildScatterOption({ ...input, opacityByCertainty: true }, CHART_THEMES.light).visualMap,
    ).toBeUndefined();
  });

  it('draws a stratified sample above maxPoints and says so in the subtitle', () => {
    const o = buildScatterOption(syntheticScatterInput(250_000), CHART_THEMES.light);
    const pts = seriesOf(o).slice(0, 3);
    const shown = pts.reduce((s, p) => s + pointCount(p), 0);
    expect(Math.abs(shown - 200_000)).toBeLessThan(10);
    expect((o.title as { subtext: string }).subtext).toBe(`Showing a sample of ${shown} of 250000 points`);
    expect(pts.every((s) => s.large === true)).toBe(true);
  });

  it('draws a sample chosen elsewhere whole, even a few rows over maxPoints, and names the full count', () => {
    const o = buildScatterOption(
      { ...syntheticScatterInput(200_004), sampleOf: 300_000 },
      CHART_THEMES.light,
    );
    const pts = seriesOf(o).slice(0, 3);
    expect(pts.reduce((s, p) => s + pointCount(p), 0)).toBe(200_004);
    expect((o.title as { subtext: string }).subtext).toBe('Showing a sample of 200004 of 300000 points');
  });

  it('samples above 50 000 when the caller sets maxPoints to 50 000', () => {
    const o = buildScatterOption({ ...syntheticScatterInput(80_000), maxPoints: 50_000 }, CHART_THEMES.light);
    expect((o.title as { subtext: string }).subtext).toMatch(/^Showing a sample of \d+ of 80000 points$/);
  });
});
