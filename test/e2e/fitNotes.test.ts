/**
 * A fit that succeeded but should not be trusted as it stands says so beside the Fit button: a
 * cluster that collapsed onto repeated rows (held up only by the covariance regularisation) and EM
 * stopped at the iteration limit — in the user's language, and gone once the fit is proper.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, type RunningApp } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { importDataFile, pickColumn, settle, withApp } from './pageHelpers';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

/** 25 copies of (5, 5) beside a spread cloud of 200 rows. */
function writeRepeatedRows(file: string): void {
  const lines = ['x,y'];
  for (let i = 0; i < 25; i++) lines.push('5,5');
  for (let i = 0; i < 200; i++) lines.push(`${Math.sin(i) * 3 - 4},${Math.cos(1.3 * i) * 2 - 3}`);
  writeFileSync(file, lines.join('\n') + '\n');
}

async function openAndPick(app: RunningApp, file: string): Promise<Page> {
  const { page } = app;
  await page.getByTestId('start-screen').waitFor();
  await importDataFile(app, file);
  await pickColumn(page, 'x');
  await pickColumn(page, 'y');
  return page;
}

async function fitAndWait(page: Page): Promise<void> {
  await page.getByTestId('fit').click();
  await page.locator('[data-chart="scatter"]').waitFor({ timeout: 30_000 });
  await expect.poll(() => page.getByTestId('fit').isEnabled()).toBe(true);
}

describe('notes on a fitted model (Chromium, real services and engine process)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mixlab-e2e-notes-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names a collapsed cluster and a fit stopped at the iteration limit, then clears', async () => {
    const file = path.join(dir, 'repeated.csv');
    writeRepeatedRows(file);
    await withApp({ locale: 'en-US', viewport: { width: 1360, height: 860 } }, async (app) => {
      const page = await openAndPick(app, file);
      await page.getByTestId('model-k').fill('2');
      await page.getByTestId('covariance-full').click();
      await fitAndWait(page);

      const notes = page.getByTestId('fit-notes');
      await notes.waitFor();
      const collapsed = notes.locator('[data-kind="collapsed"]');
      await expect(collapsed.count()).resolves.toBe(1);
      const cluster = await collapsed.getAttribute('data-component');
      expect(['1', '2']).toContain(cluster);
      await expect(collapsed.innerText()).resolves.toMatch(
        new RegExp(
          `Cluster ${cluster} collapsed onto repeated values: its smallest variance, 0\\.000001, .*\\(0\\.00001\\)`,
        ),
      );
      await settle(page);
      await app.screenshot('fit-notes-collapsed');

      // K = 3 splits the cloud, which takes EM many iterations: two are not enough.
      await page.getByRole('button', { name: 'Advanced' }).click();
      await page.getByTestId('model-k').fill('3');
      await page.getByTestId('model-maxIter').fill('2');
      await page.getByTestId('model-tol').fill('1e-9');
      await fitAndWait(page);
      await expect.poll(() => notes.locator('[data-kind="notConverged"]').count()).toBe(1);
      await expect(notes.locator('[data-kind="notConverged"]').innerText()).resolves.toMatch(
        /iteration limit \(2\)/,
      );
      // The copies' cluster is still the one collapsed cluster, listed after the iteration note.
      await expect(notes.locator('.note').first().getAttribute('data-kind')).resolves.toBe('notConverged');
      await expect(notes.locator('[data-kind="collapsed"]').count()).resolves.toBe(1);
      await app.screenshot('fit-notes-not-converged');

      // A proper, converged fit: no notes.
      await page.getByTestId('model-maxIter').fill('300');
      await page.getByTestId('model-k').fill('1');
      await fitAndWait(page);
      await expect.poll(() => page.getByTestId('fit-notes').count()).toBe(0);
    });
  });

  it('speaks Chinese', async () => {
    const file = path.join(dir, 'repeated-zh.csv');
    writeRepeatedRows(file);
    await withApp(
      { locale: 'zh-CN', colorScheme: 'dark', viewport: { width: 1360, height: 860 } },
      async (app) => {
        const page = await openAndPick(app, file);
        await page.getByTestId('model-k').fill('2');
        await fitAndWait(page);
        const collapsed = page.locator('[data-testid="fit-notes"] [data-kind="collapsed"]');
        await expect(collapsed.innerText()).resolves.toMatch(/聚类 [12] 塌缩到了重复值上/);
        // Scrolled into view at the foot of the left panel: the user who pressed Fit sees it.
        const box = await page.getByTestId('fit-notes').boundingBox();
        expect(box!.y + box!.height).toBeLessThanOrEqual(860);
        await settle(page);
        await app.screenshot('fit-notes-collapsed-zh-dark');
      },
    );
  });
});
