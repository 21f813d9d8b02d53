/**
 * The analyst's views, end to end: the fitted parameters of Li Hang's example 9.3 in data units,
 * iris against its species (cross-tab and adjusted Rand index), the four classic plots on the mall
 * customers (data before a fit, histogram with curves, per-cluster responsibilities beside the
 * certainty view, pairs), and model selection that reads at a glance — at the smallest window
 * (900 × 600), a common laptop size (1280 × 800) and a full-HD screen (1920 × 1080), in English and
 * Chinese, light and dark.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, type AppOptions } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { FIXTURES } from '../shared/engine/emFixtures';
import { chart, importDataFile, pickColumn, settle, withApp } from './pageHelpers';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

/**
 * Every size × language × theme for the parameters and the classic plots; the comparison and model
 * selection (longer flows) in three of them, which between them still cover each size, language
 * and theme.
 */
const CONFIGS: { tag: string; options: AppOptions; few?: boolean }[] = [
  {
    tag: '900x600-en-light',
    options: { locale: 'en-US', colorScheme: 'light', viewport: { width: 900, height: 600 } },
  },
  {
    tag: '1280x800-zh-dark',
    options: { locale: 'zh-CN', colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
  },
  {
    tag: '900x600-zh-dark',
    options: { locale: 'zh-CN', colorScheme: 'dark', viewport: { width: 900, height: 600 } },
    few: true,
  },
  {
    tag: '1280x800-en-light',
    options: { locale: 'en-US', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
    few: true,
  },
  {
    tag: '1920x1080-en-dark',
    options: { locale: 'en-US', colorScheme: 'dark', viewport: { width: 1920, height: 1080 } },
  },
  {
    tag: '1920x1080-zh-light',
    options: { locale: 'zh-CN', colorScheme: 'light', viewport: { width: 1920, height: 1080 } },
    few: true,
  },
];

/**
 * Sets K, fits, and waits for `ready` (a view that exists only once a fit is in) and for the fit
 * button to come back.
 */
async function fit(page: Page, k: number, ready: string): Promise<void> {
  await page.getByTestId('model-k').fill(String(k));
  await page.getByTestId('fit').click();
  await page.locator(ready).waitFor({ timeout: 60_000 });
  await expect.poll(() => page.getByTestId('fit').isEnabled(), { timeout: 60_000 }).toBe(true);
}

/** Numbers as shown ("−57.511", "0.13317", "429.46", grouped or not) back to numbers. */
const num = (s: string) => Number(s.replace(/[,\s]/g, '').replace('−', '-'));

/** ARI from the counts, by the pair-counting definition (Hubert & Arabie 1985), as an oracle. */
function ariFromCounts(counts: number[][]): number {
  const c2 = (m: number) => (m * (m - 1)) / 2;
  const rows = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = counts[0].map((_, j) => counts.reduce((a, r) => a + r[j], 0));
  const n = rows.reduce((a, b) => a + b, 0);
  const index = counts.flat().reduce((a, m) => a + c2(m), 0);
  const sa = rows.reduce((a, m) => a + c2(m), 0);
  const sb = cols.reduce((a, m) => a + c2(m), 0);
  const expected = (sa * sb) / c2(n);
  return (index - expected) / ((sa + sb) / 2 - expected);
}

describe('the analyst’s views (Chromium, real services and engine process)', () => {
  for (const { tag, options, few } of CONFIGS) {
    it(`shows Li Hang’s example 9.3 parameters in data units (${tag})`, async () => {
      await withApp(options, async (app) => {
        const { page } = app;
        await page.getByTestId('start-screen').waitFor();
        await importDataFile(app, path.join(FIXTURES, 'data', 'li_hang_9_3.csv'));
        await pickColumn(page, 'y');
        await page.getByTestId('view-tab-parameters').click();
        await fit(page, 2, '[data-testid="params-table"]');
        const table = page.getByTestId('params-table');
        await table.waitFor();
        const values = async (kind: string) =>
          (await table.locator(`tr[data-kind="${kind}"] td.num`).allInnerTexts()).map(num);
        // Clusters in whichever order EM left them: sort by mean.
        const means = await values('mean');
        const order = means[0] < means[1] ? [0, 1] : [1, 0];
        const pick = (v: number[]) => order.map((i) => v[i]);
        expect(pick(await values('weight')).map((w) => w.toFixed(3))).toEqual(['0.133', '0.867']);
        expect(pick(means).map((m) => m.toFixed(2))).toEqual(['-57.51', '32.98']);
        expect(pick(await values('variance')).map((v) => v.toFixed(2))).toEqual(['90.25', '429.46']);
        // The full value is in the cell's title, for whoever needs more digits. (The fixture ran EM
        // to a 1e-10 change; the app's default tolerance, 1e-3 as scikit-learn's, stops within 0.001.)
        const title = await table
          .locator('tr[data-kind="variance"] td.num')
          .nth(order[1])
          .getAttribute('title');
        expect(Number(title)).toBeCloseTo(429.4583435625713, 2);
        await settle(page);
        await app.screenshot(`views-parameters-lihang-${tag}`);

        // The Clusters table says which numbers are fitted and which are averages of rows.
        await page.getByTestId('view-tab-summary').click();
        const summary = page.getByTestId('cluster-summary');
        await expect(summary.innerText()).resolves.toMatch(
          options.locale === 'zh-CN'
            ? /所分配行的平均值[\s\S]*拟合值|拟合值[\s\S]*所分配行的平均值/
            : /Weight \(fitted\)[\s\S]*average of assigned rows|average of assigned rows[\s\S]*Weight \(fitted\)/,
        );
      });
    });

    if (!few)
      it(`compares iris clusters with the species: cross-tab and ARI (${tag})`, async () => {
        await withApp(options, async (app) => {
          const { page } = app;
          await page.getByTestId('sample-iris').click();
          await page.getByTestId('workspace').waitFor();
          for (const name of ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'])
            await pickColumn(page, name);
          await page.getByTestId('view-tab-compare').click();
          await fit(page, 3, '[data-testid="compare-view"]');
          await page.getByTestId('compare-reference').selectOption({ label: 'species' });
          const table = page.getByTestId('compare-table');
          await table.waitFor();
          const counts: number[][] = [];
          for (const row of await table.locator('tbody tr[data-cluster]').all())
            counts.push(
              await row
                .locator('td[data-count]')
                .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-count')))),
            );
          expect(counts).toHaveLength(3);
          expect(counts[0]).toHaveLength(3);
          expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(150);
          const ari = Number(await page.getByTestId('compare-ari').getAttribute('data-value'));
          expect(ari).toBeCloseTo(ariFromCounts(counts), 12);
          // A full-covariance GMM separates iris well (ARI about 0.90; k-means gets 0.73).
          expect(ari).toBeGreaterThan(0.85);
          await expect(page.getByTestId('compare-ari').innerText()).resolves.toBe(ari.toFixed(3));
          await page.getByTestId('compare-mode-rowShares').click();
          await settle(page);
          await app.screenshot(`views-compare-iris-${tag}`);

          // The pairs plot: 4 × 4 panels.
          await page.getByTestId('view-tab-pairs').click();
          await page.locator('[data-chart="pairs"]').waitFor();
          const pairs = (await chart(page, 'pairs'))!;
          expect(pairs.series.filter((s) => s.type === 'custom')).toHaveLength(4);
          await settle(page);
          await app.screenshot(`views-pairs-iris-${tag}`);
        });
      });

    it(`shows the classic plots of the mall customers (${tag})`, async () => {
      await withApp(options, async (app) => {
        const { page } = app;
        await page.getByTestId('sample-mall_customers').click();
        await page.getByTestId('workspace').waitFor();
        for (const name of ['Annual Income (k$)', 'Spending Score (1-100)']) await pickColumn(page, name);
        // 1. Before any fit: the data as it is.
        await page.getByTestId('view-tab-scatter').click();
        await page.locator('[data-chart="raw-scatter"]').waitFor();
        const raw = (await chart(page, 'raw-scatter'))!;
        expect(raw.series[0].data).toHaveLength(200);
        await settle(page);
        await app.screenshot(`views-raw-scatter-mall-${tag}`);
        await page.getByTestId('view-tab-histogram').click();
        await page.locator('[data-chart="raw-histogram"]').waitFor();
        await page.getByTestId('histogram-bin-width').fill('10');
        await page.getByTestId('histogram-bin-width').dispatchEvent('change');
        await expect
          .poll(async () => {
            const bars = (await chart(page, 'raw-histogram'))!.series[0].data as number[][];
            return bars.every((b) => Math.abs(b[1] - b[0] - 10) < 1e-9);
          })
          .toBe(true);
        await settle(page);
        await app.screenshot(`views-raw-histogram-mall-${tag}`);

        // 2. Histogram with the mixture and its components drawn above it.
        await fit(page, 5, '[data-chart="histogram"]');
        await settle(page);
        await app.screenshot(`views-histogram-mall-${tag}`);
        // 3. Scatter with density contours.
        await page.getByTestId('view-tab-scatter').click();
        await page.getByTestId('scatter-contours').check();
        await expect
          .poll(async () =>
            (await chart(page, 'scatter'))!.series.some((s) => s.type === 'custom' && s.data.length > 50),
          )
          .toBe(true);
        await settle(page);
        await app.screenshot(`views-scatter-contours-mall-${tag}`);
        // 4. Certainty with one responsibility histogram per cluster beside it.
        await page.getByTestId('view-tab-certainty').click();
        await page.locator('[data-chart="responsibility"]').waitFor();
        const resp = (await chart(page, 'responsibility'))!;
        expect(resp.series).toHaveLength(10);
        await settle(page);
        await app.screenshot(`views-certainty-mall-${tag}`);
        // The Clusters view: Gender (a text column) as shares of each cluster's rows.
        await page.getByTestId('view-tab-summary').click();
        const gender = page.locator('[data-testid="category-shares"] table[data-column="Gender"]');
        await gender.waitFor();
        const shares = await gender
          .locator('tbody tr')
          .evaluateAll((rows) =>
            rows.map((r) => [...r.querySelectorAll('td.num')].map((td) => parseFloat(td.textContent ?? ''))),
          );
        expect(shares).toHaveLength(5);
        for (const row of shares) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
        await settle(page);
        await app.screenshot(`views-clusters-mall-${tag}`);
      });
    });

    if (!few)
      it(`model selection reads at a glance (${tag})`, async () => {
        await withApp(options, async (app) => {
          const { page } = app;
          await page.getByTestId('sample-faithful').click();
          await page.getByTestId('workspace').waitFor();
          for (const name of ['eruptions', 'waiting']) await pickColumn(page, name);
          await page.getByTestId('view-tab-selection').click();
          await page.getByTestId('sweep-kmax').fill('5');
          await page.getByTestId('sweep-kmax').dispatchEvent('change');
          await page.getByTestId('sweep-run').click();
          await page.getByTestId('sweep-status').waitFor({ timeout: 90_000 });
          // K = 1 is off the chart: the axis starts at 2 and no point sits at K = 1.
          const option = await page.evaluate(() => {
            const el = document.querySelector('[data-chart="criteria"]');
            return el ? el.getAttribute('data-series-count') : null;
          });
          expect(Number(option)).toBeGreaterThan(0);
          const criteria = (await chart(page, 'criteria'))!;
          for (const s of criteria.series)
            for (const item of s.data) {
              const v = (Array.isArray(item) ? item : (item as { value: unknown[] }).value) as unknown[];
              if (v[0] === 1) expect(v[1]).toBe('-');
            }
          // The chart is tall enough to read.
          const box = await page.locator('[data-chart="criteria"]').boundingBox();
          expect(box!.height).toBeGreaterThanOrEqual(240);
          // Δ to the best cell: 0 on the best, and the BICs differ in the table's text.
          const deltas = await page.locator('[data-testid^="sweep-delta-"]').allInnerTexts();
          expect(deltas.filter((d) => d.trim() === '0')).toHaveLength(1);
          // (K = 1 is left out: there a tied and a full model are the same model, with the same BIC.)
          const bics = await page
            .locator('[data-testid="sweep-table"] tbody tr:not([data-testid$="-1"]) td.num.on')
            .allInnerTexts();
          expect(bics.length).toBeGreaterThan(10);
          expect(new Set(bics).size).toBe(bics.length);
          await settle(page);
          await app.screenshot(`views-selection-faithful-${tag}`);
          // The split moves from the keyboard.
          const handle = page.getByTestId('split-handle');
          const before = Number(await handle.getAttribute('aria-valuenow'));
          await handle.focus();
          await page.keyboard.press('ArrowDown');
          await expect
            .poll(async () => Number(await handle.getAttribute('aria-valuenow')))
            .toBeGreaterThan(before);
          await page.getByTestId('sweep-include-k1').check();
          await expect
            .poll(async () => {
              const c = (await chart(page, 'criteria'))!;
              return c.series.some((s) =>
                s.data.some((item) => {
                  const v = (Array.isArray(item) ? item : (item as { value: unknown[] }).value) as unknown[];
                  return v[0] === 1 && typeof v[1] === 'number';
                }),
              );
            })
            .toBe(true);
        });
      });
  }
});
