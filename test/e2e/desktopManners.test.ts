/**
 * Desktop manners, as a keyboard user and a careful analyst meet them: the whole path from opening a
 * file to saving the project without the mouse, focus visible and never on the page body; dialogs
 * that take focus, close on Escape and give it back; the File menu by arrow keys; the question
 * before another file replaces unsaved work; undo/redo; one-column data on the histogram — at the
 * smallest window the app allows and two larger ones, in English and Chinese, light and dark.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, type RunningApp } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { repoRoot } from '../support/paths';
import { withApp } from './pageHelpers';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

const faithful = path.join(repoRoot, 'build', 'samples', 'faithful.csv');

/** Where the keyboard focus is: the element's test id (or tag), and whether it shows a focus ring. */
function focus(page: Page): Promise<{ on: string; visible: boolean }> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return { on: 'BODY', visible: false };
    return {
      on: a.dataset.testid ?? a.dataset.column ?? a.tagName.toLowerCase(),
      visible: a.matches(':focus-visible'),
    };
  });
}

/** Focus is on `on` (test id or column), visibly; polls while the page settles. */
async function expectFocus(page: Page, on: string): Promise<void> {
  await expect.poll(() => focus(page), { timeout: 20_000 }).toEqual({ on, visible: true });
}

/** Presses Tab until focus reaches `on` (never passing the body on the way). */
async function tabTo(page: Page, on: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const now = await focus(page);
    expect(now.on).not.toBe('BODY');
    expect(now.visible).toBe(true);
    if (now.on === on) return;
  }
  throw new Error(`Tab never reached ${on}`);
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]);
}

describe('keyboard only: open → import → fit → export → save', () => {
  it('never needs the mouse, and focus is visible and never on the page body (900×600)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-keyboard-'));
    await withApp({ viewport: { width: 900, height: 600 } }, async (app: RunningApp) => {
      const { page } = app;
      await page.getByTestId('start-screen').waitFor();
      await tabTo(page, 'open-file');
      app.dialogs.nextDataFile = faithful;
      await page.keyboard.press('Enter');
      await page.getByTestId('import-dialog').waitFor();
      // The dialog takes focus; Import, its default answer, once the preview enables it.
      await expectFocus(page, 'import-confirm');
      await app.screenshot('keyboard-import-900');
      await page.keyboard.press('Enter');
      await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
      // The button that opened the dialog is gone with the start screen: focus lands in the side panel.
      const landed = await focus(page);
      expect(landed.on).not.toBe('BODY');

      await tabTo(page, 'eruptions');
      await page.keyboard.press('Space');
      await tabTo(page, 'waiting');
      await page.keyboard.press('Space');
      await tabTo(page, 'fit');
      await page.keyboard.press('Enter');
      await page.locator('[data-chart="scatter"]').waitFor({ timeout: 60_000 });
      // Back on the button once the fit is done (it was replaced by the progress bar meanwhile).
      await expectFocus(page, 'fit');
      await app.screenshot('keyboard-fitted-900');

      app.dialogs.nextSavePath = path.join(dir, 'labels.csv');
      await page.keyboard.press('Control+e');
      await expectFocus(page, 'export-run');
      await page.keyboard.press('Enter');
      await expectFocus(page, 'export-close');
      await app.screenshot('keyboard-exported-900');
      await page.keyboard.press('Enter');
      await expectFocus(page, 'fit');
      expect(existsSync(path.join(dir, 'labels.csv'))).toBe(true);

      app.dialogs.nextSavePath = path.join(dir, 'faithful.mixlab');
      await page.keyboard.press('Control+s');
      await expectFocus(page, 'save-as-choose');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('project-name').textContent()).toContain('faithful.mixlab');
      await expectFocus(page, 'fit');
      expect(existsSync(path.join(dir, 'faithful.mixlab'))).toBe(true);
    });
  }, 240_000);
});

const SIZES = [
  { width: 900, height: 600, locale: 'en-US', colorScheme: 'light' },
  { width: 1280, height: 800, locale: 'zh-CN', colorScheme: 'dark' },
  { width: 1920, height: 1080, locale: 'en-US', colorScheme: 'dark' },
] as const;

describe('dialogs, menus, unsaved work and undo', () => {
  for (const size of SIZES) {
    const name = `${size.width}-${size.locale}-${size.colorScheme}`;
    it(`at ${size.width}×${size.height}, ${size.locale}, ${size.colorScheme}`, async () => {
      await withApp(
        {
          viewport: { width: size.width, height: size.height },
          locale: size.locale,
          colorScheme: size.colorScheme,
        },
        async (app) => {
          const { page } = app;
          await page.getByTestId('sample-faithful').click();
          await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
          const column = (c: string) => page.locator(`[data-testid="column-list"] [data-column="${c}"]`);
          await column('eruptions').click();
          await column('waiting').click();
          await expect.poll(() => column('waiting').getAttribute('data-selected')).toBe('true');
          await noHorizontalOverflow(page);
          await app.screenshot(`manners-workspace-${name}`);

          // Undo and redo the column choice from the page (not while typing in K).
          await page.keyboard.press('Control+z');
          await expect.poll(() => column('waiting').getAttribute('data-selected')).toBe('false');
          await page.keyboard.press('Control+Shift+z');
          await expect.poll(() => column('waiting').getAttribute('data-selected')).toBe('true');
          await page.getByTestId('model-k').focus();
          await page.keyboard.press('Control+z');
          await expect.poll(() => column('waiting').getAttribute('data-selected')).toBe('true');

          // The top bar's Open file… with unsaved work asks first; Escape cancels, focus returns.
          const open = page.getByTestId('open-file-topbar');
          await open.focus();
          await page.keyboard.press('Enter');
          await page.getByTestId('unsaved-dialog').waitFor();
          await expectFocus(page, 'unsaved-save');
          await noHorizontalOverflow(page);
          await app.screenshot(`manners-unsaved-${name}`);
          // Tab wraps inside the dialog: Save → Cancel (first), Shift+Tab back to Save.
          await page.keyboard.press('Tab');
          await expectFocus(page, 'unsaved-cancel');
          await page.keyboard.press('Shift+Tab');
          await expectFocus(page, 'unsaved-save');
          await page.keyboard.press('Escape');
          await page.getByTestId('unsaved-dialog').waitFor({ state: 'detached' });
          await expectFocus(page, 'open-file-topbar');
          await expect.poll(() => column('waiting').getAttribute('data-selected')).toBe('true');

          // The File menu by arrow keys; Escape closes it back onto its button.
          const menu = page.getByTestId('file-menu');
          await menu.focus();
          await page.keyboard.press('ArrowDown');
          await expectFocus(page, 'menu-new');
          await page.keyboard.press('ArrowDown');
          await expectFocus(page, 'menu-open-data');
          await page.keyboard.press('End');
          await expectFocus(page, 'menu-apply-model');
          await page.keyboard.press('ArrowDown');
          await expectFocus(page, 'menu-new');
          await app.screenshot(`manners-menu-${name}`);
          await page.keyboard.press('Escape');
          await expectFocus(page, 'file-menu');
          expect(await page.locator('[role="menu"]').count()).toBe(0);
        },
      );
    }, 240_000);
  }
});

describe('one-column data', () => {
  it('opens on the histogram with its column selected, and File → New asks nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-onecol-'));
    const file = path.join(dir, 'one.csv');
    // Li Hang, Statistical Learning Methods, exercise 9.3: fifteen observations of one variable.
    const values = [-67, -48, 6, 8, 14, 16, 23, 24, 28, 29, 41, 49, 56, 60, 75];
    writeFileSync(file, ['y', ...values.map(String)].join('\n') + '\n');
    await withApp({ viewport: { width: 900, height: 600 }, locale: 'zh-CN' }, async (app) => {
      const { page } = app;
      app.dialogs.nextDataFile = file;
      await page.getByTestId('open-file').click();
      await page.getByTestId('import-confirm').click();
      await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
      await expect.poll(() => page.locator('[data-column="y"]').getAttribute('data-selected')).toBe('true');
      expect(await page.getByTestId('view-tab-histogram').getAttribute('aria-selected')).toBe('true');
      expect(await page.getByTestId('current-file').textContent()).toMatch(/15 行 · 1 列/);
      await app.screenshot('manners-one-column-900-zh');
      await page.getByTestId('close-file').click();
      await page.getByTestId('start-screen').waitFor();
      expect(await page.getByTestId('unsaved-dialog').count()).toBe(0);
    });
  }, 180_000);
});
