/**
 * A mixed-type model end to end through the real page, services and engine process: a text column
 * (Plan) as categories, a count column (Visits) as Poisson, a numeric column (Spend) as a Gaussian,
 * a frequency-weight column, missing cells in all three. Fitted, drawn as bars of the discrete
 * columns with each class's expected counts, saved as a project and reopened in a fresh page with
 * the same roles, fit and profiles. A model of categories and counts alone hides the covariance
 * choice and the sweep varies K alone. Screenshots in English and Chinese, light and dark.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { chart, importDataFile, pickColumn, settle, withApp, type ChartSnapshot } from './pageHelpers';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

const VIEWPORT = { width: 1440, height: 900 };

/** A deterministic generator (mulberry32), so the file is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Knuth's Poisson sampler (fine for small rates). */
function poisson(rand: () => number, rate: number): number {
  const limit = Math.exp(-rate);
  let k = 0;
  for (let p = rand(); p > limit; p *= rand()) k++;
  return k;
}

/**
 * 240 customers from two segments: Plan (text), Visits (count), Spend (numeric), Weight (1–3).
 * About 6% of each model cell is blank, never all three in a row. Returns what the bars must add up
 * to: the weight of the rows whose Plan (Visits) is answered, and the number of rows with a Plan.
 */
interface Answered {
  planWeight: number;
  planRows: number;
  visitsWeight: number;
}
function writeCustomers(file: string): Answered {
  const rand = random(23);
  const lines = ['Plan,Visits,Spend,Weight'];
  const answered: Answered = { planWeight: 0, planRows: 0, visitsWeight: 0 };
  for (let i = 0; i < 240; i++) {
    const loyal = rand() < 0.45;
    const u = rand();
    const plan = loyal
      ? u < 0.1
        ? 'basic'
        : u < 0.4
          ? 'plus'
          : 'pro'
      : u < 0.7
        ? 'basic'
        : u < 0.9
          ? 'plus'
          : 'pro';
    const visits = poisson(rand, loyal ? 6 : 1.5);
    const spend = (loyal ? 45 : 20) + (rand() + rand() + rand() - 1.5) * (loyal ? 8 : 5);
    const weight = 1 + Math.floor(rand() * 3);
    const row = [plan, String(visits), spend.toFixed(2)];
    const hole = rand() < 0.18 ? Math.floor(rand() * 3) : -1;
    if (hole >= 0) row[hole] = '';
    if (row[0] !== '') {
      answered.planWeight += weight;
      answered.planRows++;
    }
    if (row[1] !== '') answered.visitsWeight += weight;
    lines.push([...row, String(weight)].join(','));
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return answered;
}

async function fit(page: Page, k: number): Promise<void> {
  await page.getByTestId('model-k').fill(String(k));
  await page.getByTestId('fit').click();
  await expect.poll(() => page.getByTestId('fit').isEnabled(), { timeout: 60_000 }).toBe(true);
}

async function waitForChart(page: Page, name: string): Promise<ChartSnapshot> {
  await page.locator(`[data-chart="${name}"]`).waitFor({ timeout: 30_000 });
  let snap: ChartSnapshot | null = null;
  await expect
    .poll(
      async () => {
        snap = await chart(page, name);
        return snap !== null && (snap.series[0]?.data.length ?? 0) > 0;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return snap!;
}

const sum = (xs: unknown[]) => xs.reduce<number>((s, x) => s + Number(x), 0);

/** The bar view of one column: observed bars, the mixture and K classes, each adding up to n. */
async function showBars(page: Page, column: number, k: number, n: number): Promise<ChartSnapshot> {
  await page.getByTestId('view-tab-histogram').click();
  await page.getByTestId('histogram-column').selectOption(String(column));
  const bars = await waitForChart(page, 'bars');
  expect(bars.series.map((s) => s.type)[0]).toBe('bar');
  expect(bars.series).toHaveLength(2 + k);
  expect(sum(bars.series[0].data)).toBe(n);
  // The expected counts of the mixture add up to n too (all of a category's levels are shown).
  if (column === 0) expect(sum(bars.series[1].data)).toBeCloseTo(n, 6);
  await settle(page);
  return bars;
}

describe('a mixed-type project: bars of discrete columns, saved and reopened (Chromium, real engine)', () => {
  let dir: string;
  let file: string;
  let project: string;
  let answered: Answered = { planWeight: 0, planRows: 0, visitsWeight: 0 };
  let planBars: ChartSnapshot | null = null;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mixlab-e2e-mixed-project-'));
    file = path.join(dir, 'customers.csv');
    project = path.join(dir, 'customers.mixlab');
    answered = writeCustomers(file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('categories, counts and a Gaussian with weights and missing cells: fit, bars, profiles, save (en-US, light)', async () => {
    await withApp({ locale: 'en-US', colorScheme: 'light', viewport: VIEWPORT }, async (app) => {
      const { page } = app;
      await page.getByTestId('start-screen').waitFor();
      await importDataFile(app, file);
      await page.getByTestId('include-0').click();
      await pickColumn(page, 'Visits');
      await page.getByTestId('family-1').selectOption('count');
      // Categories and counts alone: no covariance to choose, and the sweep says it varies K alone.
      await page.getByTestId('covariance-none').waitFor();
      await expect(page.getByTestId('model-covariance').count()).resolves.toBe(0);
      await pickColumn(page, 'Spend');
      await page.getByTestId('model-covariance').waitFor();
      await page.getByTestId('covariance-diag').click();
      await page.getByTestId('weights-column').selectOption('3');
      await fit(page, 2);

      await page.getByTestId('view-tab-profiles').click();
      const profiles = page.getByTestId('class-profiles');
      await profiles.waitFor({ timeout: 30_000 });
      for (const name of ['Plan', 'Visits', 'Spend'])
        await expect
          .poll(() => profiles.locator(`tr[data-column="${name}"]`).count(), { timeout: 30_000 })
          .toBe(1);
      await settle(page);
      await app.screenshot('mixed-project-profiles-en-US-light');

      planBars = await showBars(page, 0, 2, answered.planWeight);
      expect(planBars.series.slice(1).map((s) => s.type)).toEqual(['scatter', 'scatter', 'scatter']);
      await app.screenshot('mixed-project-bars-plan-en-US-light');
      const visits = await showBars(page, 1, 2, answered.visitsWeight);
      expect(visits.series.slice(1).map((s) => s.type)).toEqual(['line', 'line', 'line']);
      await app.screenshot('mixed-project-bars-visits-en-US-light');

      app.dialogs.nextSavePath = project;
      await page.keyboard.press('Control+s');
      await page.getByTestId('save-as-dialog').waitFor();
      await page.getByTestId('save-as-choose').click();
      await expect.poll(() => existsSync(project), { timeout: 15_000 }).toBe(true);
      await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(0);
    });
    // A mixed-type fit is saved as the mixture model mixture.predict reads.
    const saved = JSON.parse(readFileSync(project, 'utf8')) as { fits: unknown[]; mixtureFits?: unknown[] };
    expect(saved.fits).toHaveLength(0);
    expect(saved.mixtureFits).toHaveLength(1);
  });

  it('reopens the project with the same roles, fit, profiles and bars (zh-CN, dark)', async () => {
    await withApp({ locale: 'zh-CN', colorScheme: 'dark', viewport: VIEWPORT }, async (app) => {
      const { page } = app;
      await page.getByTestId('start-screen').waitFor();
      app.dialogs.nextOpenPath = project;
      await page.keyboard.press('Control+Shift+O');
      await page.getByTestId('workspace').waitFor({ timeout: 30_000 });
      for (const name of ['Plan', 'Visits', 'Spend'])
        await expect
          .poll(() => page.locator(`[data-column="${name}"]`).getAttribute('data-selected'))
          .toBe('true');
      await expect(page.getByTestId('family-0').inputValue()).resolves.toBe('categorical');
      await expect(page.getByTestId('family-1').inputValue()).resolves.toBe('count');
      await expect(page.getByTestId('family-2').inputValue()).resolves.toBe('gaussian');
      await expect(page.getByTestId('weights-column').inputValue()).resolves.toBe('3');
      await expect(page.getByTestId('covariance-diag').getAttribute('aria-checked')).resolves.toBe('true');
      await expect(page.getByTestId('model-k').inputValue()).resolves.toBe('2');
      // Opened as saved: nothing to save yet.
      await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(0);

      await page.getByTestId('view-tab-profiles').click();
      const profiles = page.getByTestId('class-profiles');
      await profiles.waitFor({ timeout: 30_000 });
      await expect
        .poll(() => profiles.locator('tr[data-column="Plan"] .bar').count(), { timeout: 30_000 })
        .toBe(2);
      await settle(page);
      await app.screenshot('mixed-project-reopened-profiles-zh-CN-dark');

      // The restored model draws the same bars: the same observed counts and expected counts.
      const again = await showBars(page, 0, 2, answered.planWeight);
      expect(again.series.map((s) => s.data)).toEqual(planBars!.series.map((s) => s.data));
      await app.screenshot('mixed-project-reopened-bars-plan-zh-CN-dark');
    });
  });

  for (const [locale, scheme] of [
    ['zh-CN', 'light'],
    ['en-US', 'dark'],
  ] as const) {
    it(`a model of categories and counts alone: no covariance to choose, K alone swept, bars (${locale}, ${scheme})`, async () => {
      await withApp({ locale, colorScheme: scheme, viewport: VIEWPORT }, async (app) => {
        const { page } = app;
        await page.getByTestId('start-screen').waitFor();
        await importDataFile(app, file);
        await page.getByTestId('include-0').click();
        // Before a fit a text column alone has nothing to plot, and the view says so.
        await page.getByTestId('view-tab-scatter').click();
        await page.getByTestId('raw-only-text').waitFor({ timeout: 15_000 });
        await pickColumn(page, 'Visits');
        await page.getByTestId('family-1').selectOption('count');
        await page.locator('[data-chart="raw-histogram"]').waitFor({ timeout: 15_000 });
        const none = page.getByTestId('covariance-none');
        await expect(none.innerText()).resolves.toMatch(locale === 'zh-CN' ? /协方差/ : /covariance/);
        await none.scrollIntoViewIfNeeded();
        await settle(page);
        await app.screenshot(`mixed-discrete-only-model-settings-${locale}-${scheme}`);
        await page.getByTestId('view-tab-selection').click();
        await expect(page.getByTestId('sweep-no-covariance').innerText()).resolves.toMatch(/K/);
        await expect(page.getByTestId('sweep-type-full').count()).resolves.toBe(0);
        await page.getByTestId('sweep-kmax').fill('4');
        await page.getByTestId('sweep-kmax').dispatchEvent('change');
        await page.getByTestId('sweep-run').click();
        await page.getByTestId('sweep-status').waitFor({ timeout: 120_000 });
        // One row per K, each named by its model rather than by a covariance it does not have.
        const rows = page.locator('[data-testid="sweep-table"] tbody tr');
        await expect(rows.count()).resolves.toBe(4);
        await expect(rows.first().locator('td').nth(1).innerText()).resolves.toMatch(
          locale === 'zh-CN' ? /无协方差/ : /No covariance/,
        );
        await settle(page);
        await app.screenshot(`mixed-discrete-only-sweep-${locale}-${scheme}`);
        await fit(page, 2);
        // The histogram tab shows the first discrete column as bars: the model has no numeric one.
        await page.getByTestId('view-tab-histogram').click();
        const bars = await waitForChart(page, 'bars');
        // No weight column this time: every row with a Plan counts once.
        expect(bars.series).toHaveLength(4);
        expect(sum(bars.series[0].data)).toBe(answered.planRows);
        expect(sum(bars.series[1].data)).toBeCloseTo(answered.planRows, 6);
        await settle(page);
        await app.screenshot(`mixed-discrete-only-bars-${locale}-${scheme}`);
      });
    });
  }
});
