/**
 * One number format per column in the tables of a fit (iris, K = 3): the Clusters table's means
 * and certainties, each quantity of the Parameters table across the clusters, each covariance
 * matrix, the Compare cross-tab's shares and the data table's probabilities — the same decimals
 * down each, so they line up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { closeBrowser } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { pickColumn, settle, withApp } from './pageHelpers';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

/** The decimals of each cell's text ("12.50" → 2, "7" → 0, "9.1%" → 1). */
const decimalsOf = (cells: Locator) =>
  cells.evaluateAll((tds) =>
    tds.map((td) => {
      const m = /[.,](\d+)\D*$/.exec((td.textContent ?? '').trim());
      return m ? m[1].length : 0;
    }),
  );

describe('number formats (Chromium, real services and engine process)', () => {
  it('gives every column of the Clusters, Parameters, Compare and data tables one number of decimals', async () => {
    await withApp({ viewport: { width: 1280, height: 800 } }, async (app) => {
      const { page } = app;
      await page.getByTestId('sample-iris').click();
      await page.getByTestId('workspace').waitFor();
      for (const name of ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'])
        await pickColumn(page, name);
      await page.getByTestId('model-k').fill('3');
      await page.getByTestId('view-tab-summary').click();
      await page.getByTestId('fit').click();
      const clusters = page.getByTestId('cluster-table');
      await clusters.waitFor({ timeout: 60_000 });

      // Columns 2.. of the Clusters table: weight, certainty, then each data column's means.
      const nColumns = await clusters.locator('tbody tr').first().locator('td').count();
      for (let c = 3; c <= nColumns; c++) {
        const decimals = await decimalsOf(clusters.locator(`tbody tr td:nth-child(${c})`));
        expect(decimals).toHaveLength(3);
        expect(new Set(decimals).size, `column ${c}: ${decimals}`).toBe(1);
      }
      // The data table's probabilities: three decimals each.
      const probabilities = page.locator('[data-testid="data-table"] .rows .cell.num.label-col');
      await probabilities.first().waitFor();
      expect(new Set(await decimalsOf(probabilities))).toEqual(new Set([3]));
      await settle(page);
      await app.screenshot('numbers-clusters-iris');

      await page.getByTestId('view-tab-parameters').click();
      const params = page.getByTestId('params-table');
      await params.waitFor();
      const rows = await params.locator('tbody tr').all();
      expect(rows.length).toBeGreaterThan(8);
      for (const row of rows) expect(new Set(await decimalsOf(row.locator('td.num'))).size).toBe(1);
      for (const matrix of await page.locator('table.matrix[data-matrix="covariance"]').all())
        expect(new Set(await decimalsOf(matrix.locator('td.num'))).size).toBe(1);
      await settle(page);
      await app.screenshot('numbers-parameters-iris');

      await page.getByTestId('view-tab-compare').click();
      await page.getByTestId('compare-reference').selectOption({ label: 'species' });
      await page.getByTestId('compare-mode-rowShares').click();
      const shares = page.locator('[data-testid="compare-table"] tbody tr[data-cluster] td[data-count]');
      await shares.first().waitFor();
      expect(new Set(await decimalsOf(shares))).toEqual(new Set([1]));
    });
  }, 180_000);
});
