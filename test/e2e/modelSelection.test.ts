import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, startApp, type RunningApp } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { chart, settle, type ChartSnapshot } from './pageHelpers';
import type { SweepProgress } from '../../shared/engine/sweep/types';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

const rows = (page: Page) => page.locator('[data-testid="sweep-table"] tbody tr');

describe('model selection (Chromium, real services and engine process)', () => {
  let app: RunningApp;
  afterAll(async () => {
    await app?.close();
  });

  it('sweeps Old Faithful K 1..6 × four types, fills chart and table as cells finish, uses the best cell', async () => {
    app = await startApp({ locale: 'en-US', colorScheme: 'light', viewport: { width: 1360, height: 900 } });
    const { page } = app;
    await page.getByTestId('sample-faithful').click();
    await page.getByTestId('workspace').waitFor();
    for (const name of ['eruptions', 'waiting']) {
      await page.locator(`[data-testid="column-list"] [data-column="${name}"]`).click();
      await expect
        .poll(() => page.locator(`[data-column="${name}"]`).getAttribute('data-selected'))
        .toBe('true');
    }
    await page.getByTestId('view-tab-selection').click();
    await page.getByTestId('model-selection').waitFor();
    // Defaults: K 1..9, all four covariance types.
    await expect(page.getByTestId('sweep-kmin').inputValue()).resolves.toBe('1');
    await expect(page.getByTestId('sweep-kmax').inputValue()).resolves.toBe('9');
    for (const type of ['full', 'tied', 'diag', 'spherical'])
      await expect(page.getByTestId(`sweep-type-${type}`).isChecked()).resolves.toBe(true);
    await page.getByTestId('sweep-kmax').fill('6');
    await page.getByTestId('sweep-kmax').dispatchEvent('change');
    await app.screenshot('selection-empty');

    // Watch the table while the sweep runs: its row count is sampled on every animation frame.
    await page.evaluate(() => {
      const w = window as unknown as { __rowCounts: number[] };
      w.__rowCounts = [];
      const sample = () => {
        w.__rowCounts.push(document.querySelectorAll('[data-testid="sweep-table"] tbody tr').length);
        if (!document.querySelector('[data-testid="sweep-status"]')) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await page.getByTestId('sweep-run').click();
    await page.getByTestId('sweep-status').waitFor({ timeout: 60_000 });
    await expect(rows(page).count()).resolves.toBe(24);

    // Cells streamed: progress events carried finished cells while the count was below the total…
    const progress = app.events.flatMap((e) =>
      e.type === 'progress' && (e.progress as SweepProgress).cell ? [e.progress as SweepProgress] : [],
    );
    expect(new Set(progress.map((p) => `${p.cell!.covarianceType}/${p.cell!.k}`)).size).toBe(24);
    expect(progress.filter((p) => p.done < p.total).length).toBeGreaterThan(0);
    // …and the page showed a partly filled table before the end (counts never shrink).
    const counts = await page.evaluate(() => (window as unknown as { __rowCounts: number[] }).__rowCounts);
    expect(counts.some((c) => c > 0 && c < 24)).toBe(true);
    expect(counts.every((c, i) => i === 0 || c >= counts[i - 1])).toBe(true);

    // Chart: one solid and one dashed series per covariance type, the sign convention in words.
    const criteria = (await chart(page, 'criteria'))!;
    expect(criteria.series).toHaveLength(8);
    expect(criteria.subtitle).toContain('lower is better');
    await expect(page.getByTestId('sweep-sign').textContent()).resolves.toContain('scikit-learn');
    await settle(page);
    await app.screenshot('selection-bic-light');

    // mclust's convention and another criterion.
    await page.getByTestId('sweep-mclust').check();
    await page.getByTestId('sweep-criterion-icl').click();
    await expect.poll(async () => (await chart(page, 'criteria'))!.subtitle).toContain('higher is better');
    await page.getByTestId('sweep-mclust').uncheck();
    await page.getByTestId('sweep-criterion-bic').click();

    // Sort by BIC: the first row is the best BIC cell (highlighted, never a degenerate one).
    await page.getByTestId('sweep-sort-bic').click();
    const first = rows(page).first();
    await expect(first.getAttribute('class')).resolves.toContain('best');
    await expect(first.getAttribute('data-status')).resolves.toBe('ok');
    const testid = (await first.getAttribute('data-testid'))!;
    const [, type, kText] = /^sweep-row-(\w+)-(\d+)$/.exec(testid)!;
    const k = Number(kText);
    expect(k).toBeGreaterThanOrEqual(2);

    // Dark theme and the Chinese UI of the same tab.
    await page.getByTestId('theme-dark').click();
    await settle(page);
    await app.screenshot('selection-bic-dark');
    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await settle(page);
    await expect(page.getByTestId('sweep-sign').textContent()).resolves.toContain('越小越好');
    await app.screenshot('selection-bic-zh-dark');
    await page.getByTestId('lang-switch').selectOption('en');
    await page.getByTestId('theme-light').click();

    // Use the best cell: the scatter shows it, one point series per cluster.
    await page.getByTestId(`sweep-use-${type}-${k}`).click();
    await page.locator('[data-chart="scatter"]').waitFor({ timeout: 15_000 });
    let scatter: ChartSnapshot | null = null;
    await expect
      .poll(async () => {
        scatter = await chart(page, 'scatter');
        return scatter?.series.filter((s) => s.type === 'scatter' && s.data.length > 1).length ?? 0;
      })
      .toBe(k);
    await expect(page.getByTestId('model-k').inputValue()).resolves.toBe(String(k));
    await settle(page);
    await app.screenshot('selection-used-scatter');

    // The trace view says why it has nothing to show; the sweep is still there.
    await page.getByTestId('view-tab-trace').click();
    await page.getByTestId('views-no-trace').waitFor();
    await page.getByTestId('view-tab-selection').click();
    await expect(rows(page).count()).resolves.toBe(24);
    await expect(page.getByTestId(`sweep-row-${type}-${k}`).textContent()).resolves.toContain('In use');
    expect(app.problems).toEqual([]);
  });
});
