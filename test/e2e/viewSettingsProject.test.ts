/**
 * A project brings back the view it was saved on and every view's settings — bin width, contours,
 * pairs columns, parameter units, the comparison's reference and cells — in a fresh app at the
 * smallest window (900 × 600, where some tabs sit behind the "more" menu); and undo steps back
 * through a view setting.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { pickColumn, settle, withApp } from './pageHelpers';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-view-settings-'));
const projectFile = path.join(dir, 'iris-views.mixlab');
const viewport = { width: 900, height: 600 };

const activeTab = (page: Page) =>
  page.evaluate(() => document.querySelector('[role="tab"][aria-selected="true"]')?.id ?? null);
const checked = (page: Page, testid: string) => page.getByTestId(testid).getAttribute('aria-checked');

describe('view settings in a project (Chromium, real services and engine process)', () => {
  it('saves the active view and its settings, and a fresh app reopens on them', async () => {
    await withApp({ viewport }, async (app) => {
      const { page } = app;
      await page.getByTestId('sample-iris').click();
      await page.getByTestId('workspace').waitFor();
      for (const name of ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'])
        await pickColumn(page, name);
      if (!(await page.getByTestId('standardize').isChecked())) await page.getByTestId('standardize').check();
      await page.getByTestId('model-k').fill('3');
      await page.getByTestId('fit').click();
      await page.locator('[data-chart="scatter"]').waitFor({ timeout: 60_000 });

      await page.getByTestId('scatter-contours').check();
      await page.getByTestId('view-tab-histogram').click();
      await page.getByTestId('histogram-bin-width').fill('0.25');
      await page.getByTestId('histogram-bin-width').dispatchEvent('change');
      await page.getByTestId('view-tab-pairs').click();
      await page.getByTestId('pairs-column-sepal_width').uncheck();
      await page.getByTestId('view-tab-parameters').click();
      await page.getByTestId('params-units-fitted').click();
      await page.getByTestId('view-tab-compare').click();
      await page.getByTestId('compare-reference').selectOption({ label: 'species' });
      await page.getByTestId('compare-mode-rowShares').click();
      await page.getByTestId('compare-table').waitFor();

      app.dialogs.nextSavePath = projectFile;
      await page.keyboard.press('Control+s');
      await page.getByTestId('save-as-choose').click();
      await expect.poll(() => page.title()).toBe('Mixture Lab — iris-views.mixlab');
      expect(existsSync(projectFile)).toBe(true);
    });
    // Optional fields of version 1: the file's version does not change for them.
    const saved = JSON.parse(readFileSync(projectFile, 'utf8')) as {
      version: number;
      activeView: string;
      viewState: { analysis: { view: Record<string, unknown> } };
    };
    expect(saved.version).toBe(1);
    expect(saved.activeView).toBe('compare');
    expect(saved.viewState.analysis.view).toMatchObject({
      contours: true,
      parameterUnits: 'fitted',
      compareCells: 'rowShares',
      binWidths: { '0': 0.25 },
      pairsColumns: [0, 2, 3],
    });

    await withApp({ viewport, locale: 'zh-CN', colorScheme: 'dark' }, async (app) => {
      const { page } = app;
      app.dialogs.nextOpenPath = projectFile;
      await page.keyboard.press('Control+Shift+O');
      await page.getByTestId('workspace').waitFor({ timeout: 30_000 });
      await expect.poll(() => activeTab(page)).toBe('tab-compare');
      await page.getByTestId('compare-table').waitFor({ timeout: 30_000 });
      const reference = page.getByTestId('compare-reference');
      expect(await reference.locator('option:checked').textContent()).toBe('species');
      expect(await checked(page, 'compare-mode-rowShares')).toBe('true');
      expect(Number(await page.getByTestId('compare-ari').getAttribute('data-value'))).toBeGreaterThan(0.5);
      await settle(page);
      await app.screenshot('view-settings-reopened-compare-900-zh-dark');

      await page.getByTestId('view-tab-parameters').click();
      await expect.poll(() => checked(page, 'params-units-fitted')).toBe('true');
      await page.getByTestId('view-tab-histogram').click();
      await expect.poll(() => page.getByTestId('histogram-bin-width').inputValue()).toBe('0.25');
      await page.getByTestId('view-tab-pairs').click();
      await expect.poll(() => page.getByTestId('pairs-column-sepal_width').isChecked()).toBe(false);
      expect(await page.getByTestId('pairs-column-petal_width').isChecked()).toBe(true);
      await settle(page);
      await app.screenshot('view-settings-reopened-pairs-900-zh-dark');
      await page.getByTestId('view-tab-scatter').click();
      await expect.poll(() => page.getByTestId('scatter-contours').isChecked()).toBe(true);
      await expect(page.getByTestId('dirty-marker').count()).resolves.toBe(0);

      // Undo steps back through a view setting, redo forward (from the page, not a text field).
      await page.getByTestId('scatter-contours').uncheck();
      await page.getByTestId('view-tab-scatter').focus();
      await page.keyboard.press('Control+z');
      await expect.poll(() => page.getByTestId('scatter-contours').isChecked()).toBe(true);
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => page.getByTestId('scatter-contours').isChecked()).toBe(false);
      await expect(page.getByTestId('dirty-marker').count()).resolves.toBe(1);
    });
  }, 240_000);
});
