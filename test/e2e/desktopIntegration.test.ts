/**
 * Desktop integration end to end: native menu commands, files from the OS (command line, second
 * launch) and a dropped project reach the real page, its stores and the real main-side services and
 * engine. Electron's menu and single-instance plumbing are stood in for by the harness, which sends
 * the same events main.ts sends and runs the same launch queue (electron/main/launchFiles.ts).
 */
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { MenuCommand, MenuState } from '../../shared/api';
import { closeBrowser, type RunningApp } from './harness';
import { pickColumn, withApp } from './pageHelpers';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { repoRoot } from '../support/paths';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-desktop-e2e-'));
const dataFile = path.join(dir, 'faithful.csv');
copyFileSync(path.join(repoRoot, 'build', 'samples', 'faithful.csv'), dataFile);
const irisFile = path.join(dir, 'iris.csv');
copyFileSync(path.join(repoRoot, 'build', 'samples', 'iris.csv'), irisFile);
const projectFile = path.join(dir, 'geyser.mixlab');
const viewport = { width: 1360, height: 860 };

const menu = (app: RunningApp, command: MenuCommand, filePath?: string) =>
  app.pushEvent(filePath ? { type: 'menu', command, path: filePath } : { type: 'menu', command });
const lastMenuState = (app: RunningApp): MenuState | undefined => app.menuStates.at(-1);

/** A file dropped on the window, as Chromium delivers it (its path known to the bridge, as webUtils does). */
async function drop(page: Page, name: string, filePath: string): Promise<void> {
  await page.evaluate(
    ({ name, filePath }) => {
      window.__mixlabDroppedPaths = { [name]: filePath };
      const data = new DataTransfer();
      data.items.add(new File(['{}'], name));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { name, filePath },
  );
}

describe('desktop integration (Chromium, real services and engine process)', () => {
  it('File menu commands: open-path data shows the import dialog, Save, New, Open Project and Open Recent', async () => {
    await withApp({ viewport }, async (app) => {
      const { page } = app;
      await page.getByTestId('start-screen').waitFor();
      // The page tells main what its menu shows: nothing open yet.
      await expect.poll(() => lastMenuState(app)).toMatchObject({ hasDocument: false, canSave: false });

      // A data file from the OS goes through the import dialog, with that file.
      await app.pushEvent({ type: 'open-path', path: dataFile, kind: 'data' });
      await page.getByTestId('import-dialog').waitFor();
      await expect(page.getByTestId('import-file').innerText()).resolves.toContain('faithful.csv');
      await page.getByTestId('import-preview').waitFor();
      await app.screenshot('desktop-open-path-import-dialog');
      await page.getByTestId('import-confirm').click();
      await page.getByTestId('workspace').waitFor({ timeout: 20_000 });
      await expect.poll(() => lastMenuState(app)).toMatchObject({ hasDocument: true, canExport: false });

      await pickColumn(page, 'eruptions');
      await pickColumn(page, 'waiting');
      await page.getByTestId('model-k').fill('2');
      await page.getByTestId('fit').click();
      await page.getByTestId('data-table').getByTestId('table-header-cluster').waitFor({ timeout: 20_000 });
      await expect.poll(() => lastMenuState(app)).toMatchObject({ canExport: true, dirty: true });

      // Save from the native menu: no file yet, so the Save As dialog asks first (as Ctrl+S does).
      app.dialogs.nextSavePath = projectFile;
      await menu(app, 'save');
      await page.getByTestId('save-as-dialog').waitFor();
      await page.getByTestId('save-as-choose').click();
      await expect.poll(() => page.title()).toBe('Mixture Lab — geyser.mixlab');
      expect(existsSync(projectFile)).toBe(true);
      await expect.poll(() => lastMenuState(app)?.recent).toEqual([projectFile]);
      await expect.poll(() => lastMenuState(app)?.dirty).toBe(false);

      // New: saved, so no question; back to the start screen, and the menu knows.
      await menu(app, 'new');
      await page.getByTestId('start-screen').waitFor();
      await expect.poll(() => lastMenuState(app)).toMatchObject({ hasDocument: false, canExport: false });

      // Open Project with the harness's stand-in for the native dialog.
      app.dialogs.nextOpenPath = projectFile;
      await menu(app, 'open-project');
      await page.getByTestId('workspace').waitFor({ timeout: 20_000 });
      await expect.poll(() => page.title()).toBe('Mixture Lab — geyser.mixlab');
      await expect(page.getByTestId('model-k').inputValue()).resolves.toBe('2');

      // Export labels opens the same dialog as the page's File menu.
      await menu(app, 'export-labels');
      await page.getByTestId('export-dialog').waitFor();
      await app.screenshot('desktop-menu-export-labels');
      await page.getByTestId('export-close').click();
      await expect(page.getByTestId('export-dialog').count()).resolves.toBe(0);

      // Open Recent reopens it from the start screen.
      await menu(app, 'new');
      await page.getByTestId('start-screen').waitFor();
      await menu(app, 'open-recent', projectFile);
      await page.getByTestId('workspace').waitFor({ timeout: 20_000 });
      await expect.poll(() => page.title()).toBe('Mixture Lab — geyser.mixlab');

      // Closing the window with unsaved changes (main sends 'close-window'): the page asks, and answers main.
      await page.getByTestId('model-k').fill('3');
      await expect.poll(() => lastMenuState(app)?.dirty).toBe(true);
      await menu(app, 'close-window');
      await page.getByTestId('unsaved-dialog').waitFor();
      await app.screenshot('desktop-close-unsaved');
      await page.getByTestId('unsaved-cancel').click();
      await expect.poll(() => app.closeAnswers).toEqual([false]);
      await menu(app, 'close-window');
      await page.getByTestId('unsaved-discard').click();
      await expect.poll(() => app.closeAnswers).toEqual([false, true]);
    });
  });

  it('View commands switch the theme and the language of the page', async () => {
    await withApp({ viewport }, async (app) => {
      const { page } = app;
      await page.getByTestId('start-screen').waitFor();
      const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
      await expect.poll(theme).toBe('light');
      await menu(app, 'theme-dark');
      await expect.poll(theme).toBe('dark');
      await menu(app, 'language-zh-CN');
      await expect.poll(() => page.getByTestId('file-menu').innerText()).toContain('文件');
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      await expect.poll(() => lastMenuState(app)).toMatchObject({ locale: 'zh-CN', themeMode: 'dark' });
      await app.screenshot('desktop-menu-dark-chinese');
      await menu(app, 'theme-system');
      await menu(app, 'language-en');
      await expect.poll(theme).toBe('light');
      await expect.poll(() => page.getByTestId('file-menu').innerText()).toContain('File');
      await expect.poll(() => lastMenuState(app)).toMatchObject({ locale: 'en', themeMode: 'auto' });
    });
  });

  it('a project given on the command line opens once the page is ready; a later launch’s data file asks to import', async () => {
    expect(existsSync(projectFile)).toBe(true); // saved by the first test
    await withApp({ viewport, launchFiles: [{ path: projectFile, kind: 'project' }] }, async (app) => {
      const { page } = app;
      await page.getByTestId('workspace').waitFor({ timeout: 20_000 });
      await expect.poll(() => page.title()).toBe('Mixture Lab — geyser.mixlab');
      // A second launch with a data file: straight to the page, which is ready now.
      await app.openFiles([{ path: irisFile, kind: 'data' }]);
      await page.getByTestId('import-dialog').waitFor();
      await expect(page.getByTestId('import-file').innerText()).resolves.toContain('iris.csv');
      await page.getByTestId('import-cancel').click();
      await expect.poll(() => page.title()).toBe('Mixture Lab — geyser.mixlab');
    });
  });

  it('a .mixlab dropped on the window opens as a project; a dropped .csv still goes to the import dialog', async () => {
    await withApp({ viewport }, async (app) => {
      const { page } = app;
      await page.getByTestId('start-screen').waitFor();
      await drop(page, 'geyser.mixlab', projectFile);
      await page.getByTestId('workspace').waitFor({ timeout: 20_000 });
      await expect.poll(() => page.title()).toBe('Mixture Lab — geyser.mixlab');
      await app.screenshot('desktop-dropped-project');
      await drop(page, 'iris.csv', irisFile);
      await page.getByTestId('import-dialog').waitFor();
      await expect(page.getByTestId('import-file').innerText()).resolves.toContain('iris.csv');
    });
  });
});
