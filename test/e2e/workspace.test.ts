import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, startApp, type RunningApp } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { chart, importDataFile, pickColumn, settle, type ChartSnapshot } from './pageHelpers';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

async function setNumber(page: Page, testid: string, value: number): Promise<void> {
  await page.getByTestId(testid).fill(String(value));
}

/** Waits for a finished fit's views (the worker's per-row work) and the chart frame of `name`. */
async function waitForChart(page: Page, name: string, timeout = 15_000): Promise<ChartSnapshot> {
  await page.locator(`[data-chart="${name}"]`).waitFor({ timeout });
  let snap: ChartSnapshot | null = null;
  await expect
    .poll(
      async () => {
        snap = await chart(page, name);
        return snap !== null && snap.series.length > 0;
      },
      { timeout },
    )
    .toBe(true);
  return snap!;
}

describe('analysis workspace (Chromium, real services and engine process)', () => {
  let app: RunningApp;
  afterAll(async () => {
    await app?.close();
  });

  it('fits K=5 full covariance on mall customers and shows every view', async () => {
    app = await startApp({ locale: 'en-US', colorScheme: 'light', viewport: { width: 1360, height: 860 } });
    const { page } = app;
    await page.getByTestId('sample-mall_customers').click();
    await page.getByTestId('workspace').waitFor();
    await pickColumn(page, 'Annual Income (k$)');
    await pickColumn(page, 'Spending Score (1-100)');
    // An invalid K is explained inline and disables the fit with the reason.
    await setNumber(page, 'model-k', 0);
    await expect(page.getByTestId('problem-nComponents').innerText()).resolves.toMatch(/1 to 30/);
    await expect(page.getByTestId('fit').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('fit-blocked').innerText()).resolves.toMatch(/settings marked in red/);
    await app.screenshot('workspace-invalid-k');
    await setNumber(page, 'model-k', 5);
    await page.getByTestId('covariance-full').click();
    await expect(page.getByTestId('fit').isEnabled()).resolves.toBe(true);
    await page.getByTestId('fit').click();

    // Scatter: 5 point series, 10 ellipse rings (1σ and 2σ per cluster), 5 centroids.
    const scatter = await waitForChart(page, 'scatter');
    const points = scatter.series.filter((s) => s.type === 'scatter' && s.data.length > 1);
    const rings = scatter.series.filter((s) => s.type === 'line');
    const centroids = scatter.series.filter((s) => s.type === 'scatter' && s.data.length === 1);
    expect(points).toHaveLength(5);
    expect(new Set(points.map((s) => s.name)).size).toBe(5);
    expect(points.reduce((n, s) => n + s.data.length, 0)).toBe(200);
    expect(rings).toHaveLength(10);
    expect(centroids).toHaveLength(5);
    // Ellipses are in the original units: centres inside the data's range (income 15..137, score 1..99).
    for (const c of centroids) {
      const [x, y] = c.data[0] as number[];
      expect(x).toBeGreaterThan(15);
      expect(x).toBeLessThan(137);
      expect(y).toBeGreaterThan(1);
      expect(y).toBeLessThan(99);
    }
    await expect(page.locator('[data-chart="scatter"]').getAttribute('data-series-count')).resolves.toBe(
      '20',
    );
    await settle(page);
    await app.screenshot('workspace-scatter-light');

    // Histogram of income: bars plus the mixture and five weighted components.
    await page.getByTestId('view-tab-histogram').click();
    const columnSelect = page.getByTestId('histogram-column');
    await columnSelect.waitFor();
    await columnSelect.selectOption({ label: 'Annual Income (k$)' });
    const histogram = await waitForChart(page, 'histogram');
    expect(histogram.title).toContain('Annual Income (k$)');
    expect(histogram.series.filter((s) => s.type === 'line')).toHaveLength(6);
    await settle(page);
    await app.screenshot('workspace-histogram');

    // Trace: the kept restart's mean log-likelihood never decreases.
    await page.getByTestId('view-tab-trace').click();
    const trace = await waitForChart(page, 'trace');
    const kept = trace.series.find((s) => s.name.includes('(kept)'))!;
    const values = (kept.data as [number, number][]).map((p) => p[1]);
    expect(values.length).toBeGreaterThan(1);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1] - 1e-12);
    await settle(page);
    await app.screenshot('workspace-trace');

    await page.getByTestId('view-tab-certainty').click();
    const certainty = await waitForChart(page, 'certainty');
    expect(certainty.subtitle).toMatch(/of 200 rows below 0\.9/);
    await settle(page);
    await app.screenshot('workspace-certainty');

    await page.getByTestId('view-tab-summary').click();
    const summary = page.getByTestId('cluster-summary');
    await summary.waitFor();
    // One row per cluster in the clusters table (the category shares of text columns sit below it).
    await expect(summary.getByTestId('cluster-table').locator('tbody tr').count()).resolves.toBe(5);
    await expect(summary.innerText()).resolves.toContain('Age');
    await app.screenshot('workspace-summary');

    // The table shows each row's cluster and can be sorted by cluster.
    const table = page.getByTestId('data-table');
    await table.getByTestId('table-header-cluster').waitFor();
    await page.getByTestId('table-sort').selectOption('cluster:asc');
    await expect
      .poll(async () =>
        table.locator('.rows .row').first().locator('[data-cluster]').getAttribute('data-cluster'),
      )
      .toBe('1');
    await page.getByTestId('table-filter').selectOption('2');
    await expect
      .poll(
        async () =>
          new Set(
            await table
              .locator('.rows [data-cluster]')
              .evaluateAll((els) => els.map((e) => e.getAttribute('data-cluster'))),
          ),
      )
      .toEqual(new Set(['3']));

    // Every chart saves as PNG and SVG through a download.
    await page.getByTestId('view-tab-scatter').click();
    await waitForChart(page, 'scatter');
    for (const type of ['png', 'svg'] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`export-${type}-scatter`).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`Clusters.${type}`);
      const saved = path.join(tmpdir(), `mixlab-e2e-scatter.${type}`);
      await download.saveAs(saved);
      const head = readFileSync(saved).subarray(0, 256);
      if (type === 'png') expect(head.subarray(1, 4).toString()).toBe('PNG');
      else expect(head.toString()).toMatch(/<svg/);
      rmSync(saved);
    }

    // The first two principal components as axes, ellipses projected onto them.
    await page.getByTestId('scatter-axes-pca').click();
    await expect
      .poll(async () => (await chart(page, 'scatter'))?.series.filter((s) => s.type === 'line').length)
      .toBe(10);
    await expect(page.locator('[data-chart="scatter"]').innerText()).resolves.toContain('PC1 / PC2');
    await settle(page);
    await app.screenshot('workspace-scatter-pca');
    await page.getByTestId('scatter-axes-features').click();

    // Dark theme (the top bar's switch), same scatter; and the Chinese UI.
    await page.getByTestId('theme-dark').click();
    await settle(page);
    await app.screenshot('workspace-scatter-dark');
    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await settle(page);
    await app.screenshot('workspace-scatter-zh-dark');
    expect(app.problems).toEqual([]);
  });

  it('cancels a long fit on 2M rows within a second, stays responsive, then fits again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-e2e-'));
    try {
      const file = path.join(dir, 'two_million.csv');
      writeBigMixture(file, 2_000_000, 20);
      await app?.close();
      app = await startApp({ locale: 'en-US', colorScheme: 'dark', viewport: { width: 1360, height: 860 } });
      const { page } = app;
      await page.getByTestId('start-screen').waitFor();
      await importDataFile(app, file); // the import dialog: detected settings are right
      await expect(page.getByTestId('data-table').getAttribute('data-rows')).resolves.toBe('2000000');
      // Whole columns arrive for the sparklines before the fit (their decoding is not part of the fit).
      await page.locator('[data-column="x"] svg rect').first().waitFor({ timeout: 60_000 });
      await pickColumn(page, 'x');
      await pickColumn(page, 'y');
      await setNumber(page, 'model-k', 20);
      await page.getByTestId('model-advanced').evaluate((el) => ((el as HTMLElement).style.display = ''));
      await setNumber(page, 'model-maxIter', 10_000);
      await setNumber(page, 'model-tol', 1e-12);

      // Long tasks (> 50 ms by definition) on the page during the fit; none may exceed 100 ms.
      await page.evaluate(() => {
        const w = window as unknown as { __longTasks: number[] };
        w.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTasks.push(e.duration);
        }).observe({ type: 'longtask', buffered: false });
      });
      await page.getByTestId('fit').click();
      const progress = page.getByTestId('fit-progress-iteration');
      await progress.waitFor({ timeout: 60_000 });
      // Let it run a few iterations, reading the progress while it does.
      await expect
        .poll(async () => /Iteration (\d+)/.exec(await progress.innerText())?.[1] ?? '0', {
          timeout: 60_000,
        })
        .not.toBe('1');
      await app.screenshot('workspace-long-fit-progress-dark');
      const cancelledAt = Date.now();
      await page.getByTestId('fit-cancel').click();
      await page.getByTestId('fit-cancelled').waitFor({ timeout: 5_000 });
      const stopMs = Date.now() - cancelledAt;
      expect(stopMs).toBeLessThan(1000);
      const longTasks = await page.evaluate(
        () => (window as unknown as { __longTasks: number[] }).__longTasks,
      );
      expect(longTasks.filter((ms) => ms > 100)).toEqual([]);

      // Fit again, smaller: the app still fits after a cancel, and a 2M-row scatter is sampled and says so.
      await setNumber(page, 'model-k', 2);
      await setNumber(page, 'model-maxIter', 3);
      await page.getByTestId('fit').click();
      const scatter = await waitForChart(page, 'scatter', 120_000);
      // For the record (not asserted: the harness decodes the response's typed arrays from base64
      // on the page, work Electron's structured clone does not do): long tasks after the fit.
      const after = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
      console.log(
        `long tasks while the 2M-row results arrived and were drawn (ms): ${after.map(Math.round).join(', ')}`,
      );
      expect(scatter.series.filter((s) => s.type === 'scatter' && s.data.length > 1)).toHaveLength(2);
      expect(scatter.subtitle).toMatch(/sample of [\d,]+ of 2,000,000 points/);
      await settle(page);
      await app.screenshot('workspace-scatter-2m-dark');
      expect(app.problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

/** n rows of x, y from K well-separated round clusters on a grid (deterministic LCG + Box–Muller). */
function writeBigMixture(file: string, n: number, K: number): void {
  let seed = 12345;
  const uniform = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return (seed + 0.5) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const side = Math.ceil(Math.sqrt(K));
  const parts: string[] = ['x,y\n'];
  let chunk: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % K;
    const cx = (k % side) * 10;
    const cy = Math.floor(k / side) * 10;
    chunk.push(`${(cx + normal()).toFixed(3)},${(cy + normal()).toFixed(3)}`);
    if (chunk.length === 100_000) {
      parts.push(chunk.join('\n') + '\n');
      chunk = [];
    }
  }
  if (chunk.length) parts.push(chunk.join('\n') + '\n');
  writeFileSync(file, parts.join(''));
}
