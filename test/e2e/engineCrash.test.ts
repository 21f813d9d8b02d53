/**
 * The engine process dies in the middle of a long fit (SIGKILL, as the OS or the Linux OOM killer
 * does): the user is told in plain words, the fit ends, the engine restarts, the open file is read
 * into it again, and nothing the user did is lost — settings, the earlier fit's views, a sweep.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { chart, importDataFile, pickColumn, settle, withApp } from './pageHelpers';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

const ROWS = 300_000;
const CLUSTERS = 12;

/** Point series of the scatter (one per cluster; rings and centroids excluded). */
async function scatterClusters(page: Page): Promise<number> {
  const snap = await chart(page, 'scatter');
  return snap?.series.filter((s) => s.type === 'scatter' && s.data.length > 1).length ?? 0;
}

async function setNumber(page: Page, testid: string, value: number): Promise<void> {
  await page.getByTestId(testid).fill(String(value));
}

describe('engine crash during a fit (Chromium, real services and engine process)', () => {
  it('says what happened, ends the fit, keeps settings, the earlier fit and the sweep, then fits again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-e2e-crash-'));
    try {
      const file = path.join(dir, 'clusters.csv');
      writeMixture(file, ROWS, CLUSTERS);
      await withApp({ locale: 'en-US', viewport: { width: 1360, height: 860 } }, async (app) => {
        const { page } = app;
        await page.getByTestId('start-screen').waitFor();
        await importDataFile(app, file);
        await expect(page.getByTestId('data-table').getAttribute('data-rows')).resolves.toBe(String(ROWS));
        await pickColumn(page, 'x');
        await pickColumn(page, 'y');

        // An earlier result: K = 3 spherical.
        await setNumber(page, 'model-k', 3);
        await page.getByTestId('covariance-spherical').click();
        await page.getByTestId('fit').click();
        await page.locator('[data-chart="scatter"]').waitFor({ timeout: 60_000 });
        await expect.poll(() => scatterClusters(page), { timeout: 60_000 }).toBe(3);

        // And a sweep: K 1..3, spherical and diag.
        await page.getByTestId('view-tab-selection').click();
        await page.getByTestId('model-selection').waitFor();
        await page.getByTestId('sweep-kmax').fill('3');
        await page.getByTestId('sweep-kmax').dispatchEvent('change');
        for (const type of ['full', 'tied']) await page.getByTestId(`sweep-type-${type}`).uncheck();
        await page.getByTestId('sweep-run').click();
        await page.getByTestId('sweep-status').waitFor({ timeout: 120_000 });
        const sweepRows = page.locator('[data-testid="sweep-table"] tbody tr');
        await expect(sweepRows.count()).resolves.toBe(6);
        const sweepText = await page.getByTestId('sweep-table').innerText();
        await page.getByTestId('view-tab-scatter').click();

        // New settings, and a fit long enough to be killed in the middle.
        await setNumber(page, 'model-k', CLUSTERS);
        await page.getByTestId('covariance-diag').click();
        await page.getByTestId('model-advanced').evaluate((el) => ((el as HTMLElement).style.display = ''));
        // 100 restarts of up to 100 000 iterations that converge only when the lower bound stops
        // changing at all (tol 1e-300; the form refuses 0): minutes of work whatever the data
        // converge to. (30 restarts at tol 1e-12 finished within seconds once the E-step, scatter
        // and k-means ran as SIMD kernels.)
        await setNumber(page, 'model-nInit', 100);
        await setNumber(page, 'model-maxIter', 100_000);
        await setNumber(page, 'model-tol', 1e-300);
        await page.getByTestId('fit').click();
        const iteration = page.getByTestId('fit-progress-iteration');
        await iteration.waitFor({ timeout: 60_000 });
        await expect
          .poll(async () => /Iteration (\d+)/.exec(await iteration.innerText())?.[1] ?? '0', {
            timeout: 60_000,
          })
          .not.toBe('1');
        await app.screenshot('engine-crash-1-long-fit');

        const killed = await app.killEngine('SIGKILL');

        // The user is told, in plain words, once in the banner and once where the fit was.
        const banner = page.getByTestId('engine-crash-banner');
        await banner.waitFor({ timeout: 10_000 });
        await expect(banner.getAttribute('data-reason')).resolves.toBe('killed');
        const bannerText = await banner.innerText();
        expect(bannerText).toContain('The computing engine was stopped from outside');
        expect(bannerText).toContain('was restarted');
        expect(bannerText).toContain('Details: signal SIGKILL');
        expect(bannerText).not.toMatch(/\bat \S+:\d+|Error:/); // no stack
        const fitError = page.getByTestId('fit-error');
        await fitError.waitFor();
        await expect(fitError.getAttribute('data-code')).resolves.toBe('engine_crashed');
        await expect(fitError.innerText()).resolves.toContain('earlier results are kept');

        // The fit is over: no progress bar, the Fit button works.
        await expect(page.getByTestId('fit-progress').count()).resolves.toBe(0);
        await expect(page.getByTestId('fit').isEnabled()).resolves.toBe(true);

        // Settings intact: columns, K, covariance type, the advanced options.
        await expect(page.getByTestId('model-k').inputValue()).resolves.toBe(String(CLUSTERS));
        await expect(page.getByTestId('covariance-diag').getAttribute('aria-checked')).resolves.toBe('true');
        await expect(page.getByTestId('model-maxIter').inputValue()).resolves.toBe('100000');
        for (const name of ['x', 'y'])
          await expect(page.locator(`[data-column="${name}"]`).getAttribute('data-selected')).resolves.toBe(
            'true',
          );
        // The earlier fit's views are still shown (marked as not matching the new settings).
        await expect.poll(() => scatterClusters(page)).toBe(3);
        await page.getByTestId('fit-stale').waitFor();
        await expect(page.getByTestId('table-lost').count()).resolves.toBe(0);
        await fitError.scrollIntoViewIfNeeded();
        await settle(page);
        await app.screenshot('engine-crash-2-after-kill');

        // The same in Chinese.
        await page.getByTestId('lang-switch').selectOption('zh-CN');
        await expect(banner.innerText()).resolves.toContain('计算引擎被外部终止');
        await expect(fitError.innerText()).resolves.toContain('之前的结果均已保留');
        await settle(page);
        await app.screenshot('engine-crash-3-after-kill-zh');
        await page.getByTestId('lang-switch').selectOption('en');
        // Read, the banner is dismissed (it floats over the view tabs).
        await banner.getByRole('button').click();
        await expect(banner.count()).resolves.toBe(0);

        // The sweep too.
        await page.getByTestId('view-tab-selection').click();
        await expect(sweepRows.count()).resolves.toBe(6);
        await expect(page.getByTestId('sweep-table').innerText()).resolves.toBe(sweepText);
        await page.getByTestId('view-tab-scatter').click();

        // Fitting again works: a new engine, the file read into it again, K = 12 clusters drawn.
        await setNumber(page, 'model-nInit', 1);
        await setNumber(page, 'model-maxIter', 5);
        await page.getByTestId('fit').click();
        await expect.poll(() => scatterClusters(page), { timeout: 120_000 }).toBe(CLUSTERS);
        await expect(page.getByTestId('fit-error').count()).resolves.toBe(0);
        expect(app.engine.pid).not.toBe(killed);
        expect(app.engine.generation).toBe(2);
        await expect(page.getByTestId('data-table').getAttribute('data-rows')).resolves.toBe(String(ROWS));
        await page.getByTestId('view-tab-summary').click();
        await page.getByTestId('cluster-summary').waitFor();
        await expect(page.getByTestId('cluster-summary').locator('tbody tr').count()).resolves.toBe(CLUSTERS);
        await page.getByTestId('view-tab-scatter').click();
        await settle(page);
        await app.screenshot('engine-crash-4-fitted-again');
        expect(app.events.filter((e) => e.type === 'engine-crashed')).toHaveLength(1);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('engine out of memory (Chromium, real services, engine with a 48 MB heap)', () => {
  it('says the engine ran out of memory and what to try, and the app stays usable', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-e2e-oom-'));
    try {
      // Parsing 400 000 rows with a text column needs far more than 48 MB of V8 heap: the engine
      // aborts with "JavaScript heap out of memory" in the middle of the import, as a real one would
      // on a file too big for the machine.
      const file = path.join(dir, 'too_big.csv');
      const rows = ['id,a,b,label,c,e'];
      for (let i = 0; i < 400_000; i++)
        rows.push(`${i},${Math.sin(i)},${Math.cos(i)},site${i % 1000},${i * 2},${Math.sin(7 * i)}`);
      writeFileSync(file, rows.join('\n'));
      await withApp(
        {
          locale: 'en-US',
          engineExecArgv: ['--max-old-space-size=48'],
          viewport: { width: 1280, height: 800 },
        },
        async (app) => {
          const { page } = app;
          await page.getByTestId('start-screen').waitFor();
          app.dialogs.nextDataFile = file;
          await page.getByTestId('open-file').click();
          await page.getByTestId('import-confirm').click();

          const banner = page.getByTestId('engine-crash-banner');
          await banner.waitFor({ timeout: 60_000 });
          await expect(banner.getAttribute('data-reason')).resolves.toBe('out-of-memory');
          const text = await banner.innerText();
          expect(text).toContain('The computing engine ran out of memory and was restarted');
          expect(text).toContain('Try fewer rows or columns, or fewer clusters (K)');
          expect(text).toContain('Details: signal SIGABRT');
          expect(text).not.toMatch(/FATAL|heap limit|node::/);
          // The import that was running says the same, with its code.
          const error = page.getByTestId('error-banner');
          await error.waitFor();
          await expect(error.getAttribute('data-code')).resolves.toBe('engine_out_of_memory');
          await expect(error.innerText()).resolves.toContain('ran out of memory');
          // V8's own report went to the engine's output (engine.log in the app), not to the user.
          expect(app.engineOutput.some((l) => /JavaScript heap out of memory/.test(l))).toBe(true);
          await settle(page);
          await app.screenshot('engine-oom-import');

          // Still usable: the restarted engine opens a sample.
          await banner.getByRole('button').click();
          await page.getByTestId('error-dismiss').click();
          await page.getByTestId('start-screen').waitFor();
          await page.getByTestId('sample-iris').click();
          await page.getByTestId('workspace').waitFor({ timeout: 30_000 });
          expect(app.engine.generation).toBe(2);
        },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

/** n rows of x, y from K round clusters on a grid (deterministic LCG + Box–Muller). */
function writeMixture(file: string, n: number, K: number): void {
  let seed = 2024;
  const uniform = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return (seed + 0.5) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const side = Math.ceil(Math.sqrt(K));
  const lines = ['x,y'];
  for (let i = 0; i < n; i++) {
    const k = i % K;
    lines.push(
      `${((k % side) * 10 + normal()).toFixed(3)},${(Math.floor(k / side) * 10 + normal()).toFixed(3)}`,
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
}
