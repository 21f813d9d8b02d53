import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { withApp } from './pageHelpers';
import { fixturesDir } from '../support/paths';
import en from '../../renderer/src/i18n/en';
import zh from '../../renderer/src/i18n/zh-CN';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

describe('start screen (Chromium, real services and engine process)', () => {
  it('renders in English and opens a sample dataset through the engine process', async () => {
    await withApp({ locale: 'en-US', colorScheme: 'light' }, async (app) => {
      const { page } = app;
      await page.getByTestId('start-screen').waitFor();
      await page.getByText(en.app.tagline).waitFor();
      await expect(page.getByTestId('open-file').innerText()).resolves.toContain(en.start.openFile);
      for (const id of ['iris', 'faithful', 'mall_customers']) {
        await page.getByTestId(`sample-${id}`).waitFor();
      }
      await page.waitForTimeout(300); // let fonts and the engine status settle for the picture
      await app.screenshot('start-en-light');

      await page.getByTestId('sample-iris').click();
      await page.getByTestId('workspace').waitFor();
      const columns = page.getByTestId('column-list');
      await columns.getByText('petal_length').waitFor();
      for (const name of ['sepal_length', 'sepal_width', 'petal_width', 'species']) {
        await expect(columns.getByText(name, { exact: true }).count()).resolves.toBeGreaterThan(0);
      }
      // The table shows the file's rows, fetched from the engine: row 1 of iris.csv.
      const table = page.getByTestId('data-table');
      await table.getByText('setosa').first().waitFor();
      await expect(table.innerText()).resolves.toMatch(/5\.1[\s\S]*3\.5[\s\S]*1\.4[\s\S]*0\.2/);
      await app.screenshot('workspace-iris-en-light');
    });
  });

  it('renders in Simplified Chinese when the OS locale is zh-CN, dark theme following the OS', async () => {
    await withApp({ locale: 'zh-CN', colorScheme: 'dark' }, async (app) => {
      const { page } = app;
      await page.getByTestId('start-screen').waitFor();
      await page.getByText(zh.app.tagline).waitFor();
      await expect(page.getByTestId('open-file').innerText()).resolves.toContain(zh.start.openFile);
      await page.getByText(zh.start.samplesTitle).waitFor();
      await page.getByTestId('sample-faithful').waitFor();
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = background.match(/\d+/g)!.map(Number);
      expect(r + g + b).toBeLessThan(200); // a dark background, not the light theme
      await page.waitForTimeout(300);
      await app.screenshot('start-zh-dark');
    });
  });

  it('opens a file the user picks in the native dialog and reports a rejected file clearly', async () => {
    await withApp({ locale: 'en-US' }, async (app) => {
      const { page } = app;
      await page.getByTestId('start-screen').waitFor();
      app.dialogs.nextDataFile = path.join(fixturesDir, 'csv', '15_empty.csv');
      await page.getByTestId('open-file').click();
      const banner = page.getByTestId('error-banner');
      await banner.waitFor();
      await expect(banner.innerText()).resolves.toMatch(/empty/i);
      await expect(page.getByTestId('start-screen').isVisible()).resolves.toBe(true);
    });
  });
});
