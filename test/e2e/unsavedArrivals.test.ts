/**
 * Files that arrive while an unsaved, fitted analysis is open — from a second launch of the app,
 * dropped on the window — ask about the unsaved work first; and a project comes back from the File
 * menu's recent list by keyboard alone.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, type RunningApp } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { pickColumn, withApp } from './pageHelpers';
import { repoRoot } from '../support/paths';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-unsaved-e2e-'));
const irisFile = path.join(dir, 'iris.csv');
copyFileSync(path.join(repoRoot, 'build', 'samples', 'iris.csv'), irisFile);
const projectFile = path.join(dir, 'geyser.mixlab');

/** A file dropped on the window, as Chromium delivers it (its path known to the bridge, as webUtils does). */
async function drop(page: Page, name: string, filePath: string): Promise<void> {
  await page.evaluate(
    ({ name, filePath }) => {
      window.__mixlabDroppedPaths = { [name]: filePath };
      const data = new DataTransfer();
      data.items.add(new File(['x'], name));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { name, filePath },
  );
}

/** The faithful sample, both columns, fitted: unsaved work. */
async function unsavedFit(app: RunningApp): Promise<void> {
  const { page } = app;
  await page.getByTestId('sample-faithful').click();
  await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
  await pickColumn(page, 'eruptions');
  await pickColumn(page, 'waiting');
  await page.getByTestId('fit').click();
  await page.locator('[data-chart="scatter"]').waitFor({ timeout: 60_000 });
  await page.getByTestId('dirty-marker').waitFor();
}

const fileName = (page: Page) => page.getByTestId('current-file').innerText();

describe('files arriving over unsaved work (Chromium, real services and engine process)', () => {
  it('a second launch with a data file or a project, and a dropped file, ask first', async () => {
    await withApp({ viewport: { width: 1280, height: 800 } }, async (app) => {
      const { page } = app;
      await unsavedFit(app);

      // A second launch with a data file: the question first; Cancel keeps the fitted analysis.
      await app.openFiles([{ path: irisFile, kind: 'data' }]);
      await page.getByTestId('unsaved-dialog').waitFor();
      await app.screenshot('unsaved-second-launch-data');
      await page.getByTestId('unsaved-cancel').click();
      await page.getByTestId('unsaved-dialog').waitFor({ state: 'detached' });
      expect(await page.getByTestId('import-dialog').count()).toBe(0);
      expect(await fileName(page)).toContain('faithful');
      await page.locator('[data-chart="scatter"]').waitFor();

      // Dropped on the window: asks too; Escape is Cancel.
      await drop(page, 'iris.csv', irisFile);
      await page.getByTestId('unsaved-dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.getByTestId('unsaved-dialog').waitFor({ state: 'detached' });
      expect(await page.getByTestId('import-dialog').count()).toBe(0);
      expect(await fileName(page)).toContain('faithful');

      // Save the work, change it again, then a launch with that project asks; Discard opens it.
      app.dialogs.nextSavePath = projectFile;
      await page.keyboard.press('Control+s');
      await page.getByTestId('save-as-choose').click();
      await expect.poll(() => page.title()).toBe('Mixture Lab — geyser.mixlab');
      await page.getByTestId('model-k').fill('4');
      await page.getByTestId('dirty-marker').waitFor();
      await app.openFiles([{ path: projectFile, kind: 'project' }]);
      await page.getByTestId('unsaved-dialog').waitFor();
      await page.getByTestId('unsaved-discard').click();
      await expect.poll(() => page.getByTestId('model-k').inputValue(), { timeout: 20_000 }).not.toBe('4');
      await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(0);

      // A dropped data file over saved work goes straight to the import dialog.
      await drop(page, 'iris.csv', irisFile);
      await page.getByTestId('import-dialog').waitFor();
      await expect(page.getByTestId('import-file').innerText()).resolves.toContain('iris.csv');
      await page.getByTestId('import-cancel').click();
    });
  }, 180_000);

  it('opens a recent project from the File menu by keyboard alone', async () => {
    await withApp({ viewport: { width: 900, height: 600 }, locale: 'zh-CN' }, async (app) => {
      const { page } = app;
      await unsavedFit(app);
      app.dialogs.nextSavePath = projectFile;
      await page.keyboard.press('Control+s');
      await page.getByTestId('save-as-choose').click();
      await expect.poll(() => page.title()).toBe('Mixture Lab — geyser.mixlab');
      await page.getByTestId('close-file').click();
      await page.getByTestId('start-screen').waitFor();

      await page.getByTestId('file-menu').focus();
      await page.keyboard.press('ArrowDown');
      const recent = page.getByTestId('menu-recent');
      await expect(recent.innerText()).resolves.toContain('geyser.mixlab');
      // New, Open data, Open project, Open frame folder, Open animated GIF, then the first recent file.
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.testid)).toBe(
        'menu-recent',
      );
      await app.screenshot('unsaved-recent-menu-900-zh');
      await page.keyboard.press('Enter');
      await page.getByTestId('workspace').waitFor({ timeout: 30_000 });
      await expect.poll(() => page.title()).toBe('Mixture Lab — geyser.mixlab');
      await page.locator('[data-chart="scatter"]').waitFor({ timeout: 30_000 });
    });
  }, 180_000);
});
