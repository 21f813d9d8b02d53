/**
 * Focus through a fit, from the keyboard: pressing Fit puts focus on Cancel (the one thing to do
 * while EM runs), and when the fit is cancelled or ends it comes back to Fit — visible, never on the
 * page body, never left in the K field.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { importDataFile, pickColumn, withApp } from './pageHelpers';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

/** Where the keyboard focus is (test id or tag) and whether it shows a focus ring. */
function focus(page: Page): Promise<{ on: string; visible: boolean }> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return { on: 'BODY', visible: false };
    return { on: a.dataset.testid ?? a.tagName.toLowerCase(), visible: a.matches(':focus-visible') };
  });
}

/** 60,000 rows of nine round clusters on a grid: EM at a 1e-12 tolerance runs long enough to cancel. */
function writeGrid(file: string, n: number): void {
  let seed = 99;
  const uniform = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return (seed + 0.5) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const lines = ['x,y'];
  for (let i = 0; i < n; i++) {
    const k = i % 9;
    lines.push(`${((k % 3) * 8 + normal()).toFixed(3)},${(Math.floor(k / 3) * 8 + normal()).toFixed(3)}`);
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

describe('focus through a fit', () => {
  it('moves from Fit to Cancel while EM runs, and back to Fit when cancelled or done (900×600)', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'mixlab-fit-focus-')), 'grid.csv');
    writeGrid(file, 60_000);
    await withApp({ viewport: { width: 900, height: 600 } }, async (app) => {
      const { page } = app;
      await importDataFile(app, file);
      await pickColumn(page, 'x');
      await pickColumn(page, 'y');
      await page.getByTestId('model-k').fill('12');
      await page.getByTestId('advanced-toggle').click();
      await page.getByTestId('model-maxIter').fill('100000');
      await page.getByTestId('model-tol').fill('1e-12');
      await page.getByTestId('model-nInit').fill('5');

      // Fit pressed from the keyboard.
      await page.getByTestId('fit').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => focus(page), { timeout: 20_000 }).toEqual({ on: 'fit-cancel', visible: true });
      await page.getByTestId('fit-progress-iteration').waitFor({ timeout: 60_000 });
      expect(await focus(page)).toEqual({ on: 'fit-cancel', visible: true });
      await app.screenshot('fit-focus-cancel-900');
      await page.keyboard.press('Enter');
      await page.getByTestId('fit-cancelled').waitFor({ timeout: 10_000 });
      await expect.poll(() => focus(page), { timeout: 10_000 }).toEqual({ on: 'fit', visible: true });

      // A fit that runs to its end gives focus back to Fit as well.
      await page.getByTestId('model-maxIter').fill('40');
      await page.getByTestId('model-nInit').fill('1');
      await page.getByTestId('fit').focus();
      await page.keyboard.press('Enter');
      await page.locator('[data-chart="scatter"]').waitFor({ timeout: 120_000 });
      await expect.poll(() => focus(page), { timeout: 20_000 }).toEqual({ on: 'fit', visible: true });
    });
  }, 240_000);
});
