/**
 * Refusals as the user meets them in the app, where they cross Electron's contextBridge (copied by
 * its rules in the harness, test/e2e/contextBridge.ts): the page reads the refusal's code and
 * details, so a recent project that is gone is marked, and a refused project and a failed fit are
 * explained in the user's language with the facts the engine sent.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { importDataFile, pickColumn, settle, withApp } from './pageHelpers';
import { PROJECT_FORMAT } from '../../shared/project/schema';
import { RECENT_KEY } from '../../renderer/src/lib/recentProjects';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-e2e-refusals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A project from a far newer Mixture Lab: refused with project_too_new. */
const tooNew = path.join(dir, 'from-the-future.mixlab');
writeFileSync(tooNew, JSON.stringify({ format: PROJECT_FORMAT, version: 99 }));

/**
 * Forty spread rows and ten copies of (3, 3): with K = 2 and no covariance regularisation, one
 * component sits on the copies and its covariance is singular (the engine names it in details).
 */
const collapsing = path.join(dir, 'collapsing.csv');
{
  let seed = 3;
  const uniform = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return (seed + 0.5) / 4294967296;
  };
  const lines = ['x,y'];
  for (let i = 0; i < 40; i++)
    lines.push(`${(-6 + 4 * uniform()).toFixed(3)},${(-6 + 4 * uniform()).toFixed(3)}`);
  for (let i = 0; i < 10; i++) lines.push('3,3');
  writeFileSync(collapsing, lines.join('\n') + '\n');
}

describe('refusals across the bridge (Chromium, real preload, services and engine process)', () => {
  it('a recent project that no longer exists is marked missing and explained', async () => {
    const gone = path.join(dir, 'deleted.mixlab');
    await withApp({ locale: 'zh-CN' }, async (app) => {
      const { page } = app;
      await page.evaluate(
        ([key, file]) => localStorage.setItem(key, JSON.stringify([{ path: file }])),
        [RECENT_KEY, gone],
      );
      await page.reload();
      await page.getByTestId('file-menu').click();
      const recent = page.getByTestId('menu-recent');
      await expect(recent.innerText()).resolves.toBe('deleted.mixlab');
      await recent.click();
      const message = page.getByTestId('project-error-message');
      await message.waitFor();
      await expect(message.getAttribute('data-code')).resolves.toBe('file_not_found');
      await expect(message.innerText()).resolves.toBe('找不到项目文件。');
      await page.getByTestId('project-error-ok').click();
      await page.getByTestId('file-menu').click();
      await expect(recent.getAttribute('class')).resolves.toContain('missing');
      await expect(recent.innerText()).resolves.toContain('未找到');
      await settle(page);
      await app.screenshot('refused-recent-missing-zh');
      // Remembered: the mark is still there after the page starts again.
      await page.reload();
      await page.getByTestId('file-menu').click();
      await expect(page.getByTestId('menu-recent').innerText()).resolves.toContain('未找到');
    });
  });

  it('a refused project is explained in Chinese and in English, with the engine’s own sentence', async () => {
    await withApp({ locale: 'zh-CN' }, async (app) => {
      const { page } = app;
      app.dialogs.nextOpenPath = tooNew;
      await page.keyboard.press('Control+Shift+O');
      const message = page.getByTestId('project-error-message');
      await message.waitFor();
      await expect(message.getAttribute('data-code')).resolves.toBe('project_too_new');
      await expect(message.innerText()).resolves.toBe(
        '此项目由更新版本的 Mixture Lab 保存。请更新应用后再打开。',
      );
      const detail = page.getByTestId('project-error-detail');
      await expect(detail.innerText()).resolves.toMatch(
        /^详细信息：This project was made by a newer Mixture Lab \(format 99\)/,
      );
      await settle(page);
      await app.screenshot('refused-project-zh');

      await page.getByTestId('lang-switch').selectOption('en');
      await expect(message.innerText()).resolves.toMatch(/newer version of Mixture Lab/);
      await expect(detail.innerText()).resolves.toContain('(format 99)');
      await settle(page);
      await app.screenshot('refused-project-en');
    });
  });

  it('a failed fit is explained in Chinese with the component the engine named', async () => {
    await withApp({ locale: 'zh-CN', viewport: { width: 1360, height: 860 } }, async (app) => {
      const { page } = app;
      await importDataFile(app, collapsing);
      await pickColumn(page, 'x');
      await pickColumn(page, 'y');
      await page.getByTestId('model-k').fill('2');
      await page.getByTestId('covariance-full').click();
      await page.getByTestId('advanced-toggle').click();
      await page.getByTestId('model-regCovar').fill('0');
      await page.getByTestId('fit').click();
      const fitError = page.getByTestId('fit-error');
      await fitError.waitFor({ timeout: 20_000 });
      await expect(fitError.getAttribute('data-code')).resolves.toBe('singular_component');
      // The component number comes from the refusal's details; without them the text says "聚类 ? 塌缩".
      await expect(fitError.innerText()).resolves.toMatch(/聚类 [12] 塌缩到了过少的不同数据点上/);
      await fitError.scrollIntoViewIfNeeded();
      await settle(page);
      await app.screenshot('failed-fit-zh');
    });
  });
});
