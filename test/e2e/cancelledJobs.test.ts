/**
 * A job the user cancels ends quietly — no error banner, no "failed" line — even when the engine's
 * "cancelled" refusal reaches the page before the answer to the cancel itself. In that order only
 * the refusal's code tells a cancel from a failure, and across Electron's contextBridge the code
 * survives only because the preload rejects with plain data (the harness copies values by the
 * bridge's rules, test/e2e/contextBridge.ts, and holds cancelJob's answer back).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, type RunningApp } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { pickColumn, settle, withApp } from './pageHelpers';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

const ROWS = 1_000_000;

/** Two Gaussian clusters, `n` rows of x,y (a fixed linear congruential generator: the same file every run). */
function writeTwoClusters(file: string, n: number): void {
  let seed = 7;
  const uniform = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return (seed + 0.5) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const lines = ['x,y'];
  for (let i = 0; i < n; i++) {
    const c = (i % 2) * 6;
    lines.push(`${(c + normal()).toFixed(4)},${(c + normal()).toFixed(4)}`);
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

/**
 * Nothing on the page reads as a failure after `flow`. Soft: the test goes on to the next flow, so
 * a run reports every flow that shows an error, not only the first.
 */
async function expectNoError(page: Page, flow: string): Promise<void> {
  for (const testid of ['error-banner', 'export-error', 'sweep-error', 'fit-error'])
    expect.soft(await page.getByTestId(testid).count(), `${flow}: ${testid}`).toBe(0);
}

async function openDataFile(app: RunningApp, file: string): Promise<void> {
  app.dialogs.nextDataFile = file;
  await app.page.getByTestId('open-file').click();
  await app.page.getByTestId('import-confirm').click();
}

/** Long EM runs (many restarts, a tolerance never met), so a sweep is still running when cancelled. */
async function slowSettings(page: Page): Promise<void> {
  await page.getByTestId('advanced-toggle').click();
  await page.getByTestId('model-nInit').fill('50');
  await page.getByTestId('model-maxIter').fill('100000');
  await page.getByTestId('model-tol').fill('1e-300');
}

async function exportAndCancel(app: RunningApp, target: string, flow: string): Promise<void> {
  const { page } = app;
  app.dialogs.nextSavePath = target;
  await page.getByTestId('file-menu').click();
  await page.getByTestId('menu-export-labels').click();
  await page.getByTestId('export-dialog').waitFor();
  await page.getByTestId('export-run').click();
  await page.getByTestId('export-progress').waitFor({ timeout: 20_000 });
  await page.getByTestId('export-cancel').click();
  // The dialog is back at its form, ready to export again, and says nothing failed.
  await page.getByTestId('export-run').waitFor({ timeout: 20_000 });
  await expectNoError(page, flow);
}

/** Runs a sweep, cancels it, and checks the status line says it was cancelled (`said`). */
async function sweepAndCancel(page: Page, flow: string, said: string | RegExp): Promise<void> {
  await page.getByTestId('view-tab-selection').click();
  await page.getByTestId('sweep-run').click();
  await page.getByTestId('sweep-progress').waitFor({ timeout: 20_000 });
  await page.getByTestId('sweep-cancel').click();
  await page.getByTestId('sweep-progress').waitFor({ state: 'detached', timeout: 30_000 });
  await expectNoError(page, flow);
  const status = page.getByTestId('sweep-status');
  expect.soft(await status.count(), `${flow}: the status line`).toBe(1);
  if (await status.count()) expect.soft(await status.innerText(), flow).toMatch(said);
}

describe('cancelled jobs across the bridge (Chromium, real preload, services and engine process)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-e2e-cancel-'));
  const file = path.join(dir, 'two_clusters.csv');
  beforeAll(() => writeTwoClusters(file, ROWS));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('cancelling an import, a label export or a sweep shows no error, in English and Chinese', async () => {
    const options = { cancelAnsweredAfterJob: true, viewport: { width: 1360, height: 860 } };
    await withApp(options, async (app) => {
      const { page } = app;
      // Import: cancelled while reading; the start screen stays, nothing failed.
      await openDataFile(app, file);
      await page.getByTestId('import-progress').waitFor({ timeout: 20_000 });
      await page.getByTestId('cancel-import').click();
      await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 30_000 });
      await expect(page.getByTestId('start-screen').isVisible()).resolves.toBe(true);
      await expectNoError(page, 'import');
      await settle(page);
      await app.screenshot('cancelled-import-en');
      // (A banner left by a failing run would hide the next flows' own result.)
      if (await page.getByTestId('error-dismiss').count()) await page.getByTestId('error-dismiss').click();

      // The same file imported in full, fitted, then a label export and a sweep cancelled.
      await openDataFile(app, file);
      await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
      await pickColumn(page, 'x');
      await pickColumn(page, 'y');
      await page.getByTestId('model-k').fill('2');
      await page.getByTestId('fit').click();
      await page.getByTestId('data-table').getByTestId('table-header-cluster').waitFor({ timeout: 60_000 });

      await exportAndCancel(app, path.join(dir, 'labels-en.csv'), 'export');
      await settle(page);
      await app.screenshot('cancelled-export-en');
      await page.getByTestId('export-close').click();

      await slowSettings(page);
      await sweepAndCancel(page, 'sweep', /^Cancelled after \d+ cells/);
      await settle(page);
      await app.screenshot('cancelled-sweep-en');

      // The same in Chinese.
      await page.getByTestId('lang-switch').selectOption('zh-CN');
      await sweepAndCancel(page, 'sweep, Chinese', /^已在完成 \d+ 个单元后取消/);
      await settle(page);
      await app.screenshot('cancelled-sweep-zh');
      await page.getByTestId('view-tab-scatter').click();
      await exportAndCancel(app, path.join(dir, 'labels-zh.csv'), 'export, Chinese');
      await settle(page);
      await app.screenshot('cancelled-export-zh');
    });
  }, 300_000);
});
