/**
 * mclust's fourteen models in the app: the settings panel's grouped picker with its letter glyphs,
 * and the model-selection tab swept over all fourteen on iris and Old Faithful — one line per
 * model on the chart, a row per cell in the table, the "scikit-learn's four / all fourteen" switch
 * — read in English and Chinese. The chart reads at a glance at every window size from 900 × 600 to
 * 1920 × 1080, light and dark: whole in view, all fourteen in its legend, every K labelled, no
 * marker over a text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, startApp, type RunningApp } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { chart, pickColumn, settle } from './pageHelpers';
import { coveredTexts, inside, kTickLabels } from './chartLayout';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

const MCLUST = [
  'EII',
  'VII',
  'EEI',
  'VEI',
  'EVI',
  'VVI',
  'EEE',
  'VEE',
  'EVE',
  'VVE',
  'EEV',
  'VEV',
  'EVV',
  'VVV',
];
const rows = (page: Page) => page.locator('[data-testid="sweep-table"] tbody tr');
const SIZES = [
  [900, 600],
  [1280, 800],
  [1360, 900],
  [1920, 1080],
] as const;
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/**
 * The chart at each window size: the chart (its controls and plot) wholly inside the window and
 * inside the visible part of the tab, at least 240 px tall; its legend shows all fourteen models at
 * once (no page counter); K = 2..9 each labelled (K = 1 is off the chart by default) — and 1..9
 * once asked for; no marker covers a text. One screenshot per size.
 */
async function checkChartAtEachSize(app: RunningApp, tag: string): Promise<void> {
  const { page } = app;
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await settle(page);
    const frame = (await page.locator('[data-chart="criteria"]').boundingBox())!;
    const plot = (await page.locator('[data-chart="criteria"] .echart').boundingBox())!;
    const view = (await page.getByTestId('model-selection').boundingBox())!;
    const where = `${tag} at ${width}×${height}`;
    for (const box of [frame, plot]) {
      expect(inside(box, { x: 0, y: 0, width, height }), where).toBe(true);
      expect(inside(box, view), where).toBe(true);
    }
    expect(frame.height, where).toBeGreaterThanOrEqual(240);
    const drawn = (await chart(page, 'criteria'))!.drawn!;
    const texts = drawn.texts.map((t) => t.text);
    for (const model of MCLUST) expect(texts, where).toContain(model);
    expect(
      texts.filter((t) => /^\d+\/\d+$/.test(t)),
      where,
    ).toEqual([]);
    expect(kTickLabels(drawn), where).toEqual(range(2, 9));
    expect(coveredTexts(drawn), where).toEqual([]);
    await app.screenshot(`mclust-${tag}-${width}x${height}`);
  }
  await page.getByTestId('sweep-include-k1').check();
  await settle(page);
  const withK1 = (await chart(page, 'criteria'))!.drawn!;
  expect(kTickLabels(withK1), tag).toEqual(range(1, 9));
  expect(coveredTexts(withK1), tag).toEqual([]);
  await page.getByTestId('sweep-include-k1').uncheck();
  await page.setViewportSize({ width: 1360, height: 900 });
}

async function openSample(page: Page, sample: string, columns: string[]): Promise<void> {
  await page.getByTestId(`sample-${sample}`).click();
  await page.getByTestId('workspace').waitFor();
  for (const name of columns) await pickColumn(page, name);
}

interface Look {
  locale: 'en' | 'zh-CN';
  theme: 'light' | 'dark';
  mclustSign: boolean;
}

/**
 * Sweeps K 1..9 over all fourteen models and checks chart, table and switch; screenshots en and zh;
 * the chart at each window size in English and light, then in each of `looks`.
 */
async function sweepFourteen(app: RunningApp, name: string, looks: Look[]): Promise<void> {
  const { page } = app;
  await page.getByTestId('view-tab-selection').click();
  await page.getByTestId('model-selection').waitFor();
  await page.getByTestId('sweep-models-mclust').click();
  for (const type of MCLUST)
    await expect(page.getByTestId(`sweep-type-${type}`).isChecked()).resolves.toBe(true);
  await expect(page.getByTestId('sweep-type-full').count()).resolves.toBe(0);
  await page.getByTestId('sweep-run').click();
  await page.getByTestId('sweep-status').waitFor({ timeout: 300_000 });
  await expect(rows(page).count()).resolves.toBe(14 * 9);

  // One line per model (a solid and a dashed series under one legend name each).
  const criteria = (await chart(page, 'criteria'))!;
  expect(criteria.series).toHaveLength(28);
  expect(new Set(criteria.series.map((s) => s.name))).toEqual(new Set(MCLUST));
  await page.getByTestId('sweep-sort-bic').click();
  await expect(rows(page).first().getAttribute('class')).resolves.toContain('best');
  await settle(page);
  await app.screenshot(`mclust-${name}-selection-en`);

  // scikit-learn's four: the same cells of VII, VVI, EEE and VVV only.
  await page.getByTestId('sweep-models-sklearn').click();
  await expect.poll(async () => (await chart(page, 'criteria'))!.series.length).toBe(8);
  expect(new Set((await chart(page, 'criteria'))!.series.map((s) => s.name))).toEqual(
    new Set(['VII', 'VVI', 'EEE', 'VVV']),
  );
  await page.getByTestId('sweep-models-mclust').click();
  await expect.poll(async () => (await chart(page, 'criteria'))!.series.length).toBe(28);

  await checkChartAtEachSize(app, `${name}-en-light`);

  await page.getByTestId('lang-switch').selectOption('zh-CN');
  await settle(page);
  await expect(page.getByTestId('sweep-models-mclust').textContent()).resolves.toContain('全部十四种');
  await expect(page.getByTestId('sweep-sign').textContent()).resolves.toContain('越小越好');
  await app.screenshot(`mclust-${name}-selection-zh`);
  for (const look of looks) {
    await page.getByTestId('lang-switch').selectOption(look.locale);
    await page.getByTestId(`theme-${look.theme}`).click();
    // mclust's sign puts the best cell at the top: its pin hangs into the plot, over no text.
    await page.getByTestId('sweep-mclust').setChecked(look.mclustSign);
    await checkChartAtEachSize(
      app,
      `${name}-${look.locale}-${look.theme}${look.mclustSign ? '-mclust-sign' : ''}`,
    );
  }
  await page.getByTestId('sweep-mclust').uncheck();
  await page.getByTestId('theme-light').click();
  await page.getByTestId('lang-switch').selectOption('en');
}

describe('mclust models (Chromium, real services and engine process)', () => {
  let app: RunningApp;
  afterAll(async () => {
    await app?.close();
  });

  it('picks a model from the grouped picker and explains its letters, in English and Chinese', async () => {
    app = await startApp({ locale: 'en-US', colorScheme: 'light', viewport: { width: 1360, height: 900 } });
    const { page } = app;
    await openSample(page, 'iris', ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    await page.getByTestId('mclust-models-toggle').click();
    const picker = page.getByTestId('mclust-models');
    await picker.waitFor();
    for (const [group, count] of [
      ['spherical', 2],
      ['diagonal', 4],
      ['ellipsoidal', 8],
    ] as const)
      await expect(picker.locator(`[data-group="${group}"] button`).count()).resolves.toBe(count);
    // Three glyphs a model: VEV varies its volume, keeps one shape, varies its orientation.
    const vev = page.getByTestId('covariance-VEV');
    await expect(
      vev.locator('svg').evaluateAll((s) => s.map((e) => e.getAttribute('data-glyph'))),
    ).resolves.toEqual(['volume-V', 'shape-E', 'orientation-V']);
    await vev.click();
    await expect(vev.getAttribute('aria-checked')).resolves.toBe('true');
    await expect(page.getByTestId('covariance-help').textContent()).resolves.toBe(
      'VEV: volume varies · shape equal · orientation varies',
    );
    await settle(page);
    await app.screenshot('mclust-picker-en');
    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect(page.getByTestId('covariance-help').textContent()).resolves.toBe(
      'VEV: 体积不同 · 形状相同 · 方向不同',
    );
    await settle(page);
    await app.screenshot('mclust-picker-zh');
    await page.getByTestId('lang-switch').selectOption('en');

    // The fit runs under the mclust name and labels the rows.
    await page.getByTestId('fit').click();
    await page.getByTestId('data-table').getByTestId('table-header-cluster').waitFor({ timeout: 60_000 });

    // The Parameters view states VEV's parts: λ varies, A equal, D varies (one matrix a cluster).
    await page.getByTestId('view-tab-parameters').click();
    const parts = page.getByTestId('params-mclust-parts');
    await parts.waitFor();
    await expect(parts.getAttribute('data-model')).resolves.toBe('VEV');
    await expect(
      parts.locator('[data-letter]').evaluateAll((e) => e.map((x) => x.getAttribute('data-letter'))),
    ).resolves.toEqual(['V', 'E', 'V']);
    const K = await page.locator('[data-testid="params-table"] thead th[data-cluster]').count();
    await expect(parts.locator('[data-matrix="orientation"]').count()).resolves.toBe(K);
    await expect(page.getByTestId('params-type-note').textContent()).resolves.toBe(
      'mclust model VEV: volume varies, shape equal, orientation varies.',
    );
    await settle(page);
    await app.screenshot('mclust-parameters-en');
    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect(parts.locator('h4').textContent()).resolves.toContain('体积、形状与方向');
    await settle(page);
    await app.screenshot('mclust-parameters-zh');
    await page.getByTestId('lang-switch').selectOption('en');

    // The sweep's fourteen models sit behind one button, grouped as the picker groups them.
    await page.getByTestId('view-tab-selection').click();
    await page.getByTestId('sweep-models-mclust').click();
    const menu = page.getByTestId('sweep-types-menu');
    const panel = page.getByTestId('sweep-types-panel');
    await expect(menu.textContent()).resolves.toContain('14 of 14');
    await expect(panel.isVisible()).resolves.toBe(false);
    await menu.click();
    await expect(panel.locator('fieldset').count()).resolves.toBe(3);
    await expect(panel.locator('[data-group="ellipsoidal"] input').count()).resolves.toBe(8);
    await page.getByTestId('sweep-type-VEV').uncheck();
    await expect(menu.textContent()).resolves.toContain('13 of 14');
    await settle(page);
    await app.screenshot('mclust-sweep-models-menu-en');
    await page.getByTestId('sweep-type-VEV').check();
    await page.keyboard.press('Escape');
    await expect(panel.isVisible()).resolves.toBe(false);
    await expect(menu.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // A click elsewhere closes it too.
    await menu.click();
    await page.getByTestId('model-selection').click({ position: { x: 5, y: 200 } });
    await expect(panel.isVisible()).resolves.toBe(false);
    expect(app.problems).toEqual([]);
  }, 180_000);

  it('sweeps iris over all fourteen models, K 1..9', async () => {
    await sweepFourteen(app, 'iris', [
      { locale: 'zh-CN', theme: 'dark', mclustSign: false },
      { locale: 'zh-CN', theme: 'dark', mclustSign: true },
    ]);
    expect(app.problems).toEqual([]);
  }, 600_000);

  it('sweeps Old Faithful over all fourteen models, K 1..9', async () => {
    await app.close();
    app = await startApp({ locale: 'en-US', colorScheme: 'light', viewport: { width: 1360, height: 900 } });
    await openSample(app.page, 'faithful', ['eruptions', 'waiting']);
    await sweepFourteen(app, 'faithful', [
      { locale: 'zh-CN', theme: 'light', mclustSign: false },
      { locale: 'en', theme: 'dark', mclustSign: true },
    ]);
    expect(app.problems).toEqual([]);
  }, 600_000);
});
