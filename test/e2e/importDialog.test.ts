import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, type AppOptions, type RunningApp } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { withApp } from './pageHelpers';
import { fixturesDir } from '../support/paths';
import { formatStat } from '../../renderer/src/lib/format';
import en, { type Messages } from '../../renderer/src/i18n/en';
import zh from '../../renderer/src/i18n/zh-CN';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

interface ExpectedColumn {
  name: string;
  kind: string;
  missing: number;
  sum?: number;
}
interface Expected {
  rows: number;
  columns: ExpectedColumn[];
}

const csv = (name: string) => path.join(fixturesDir, 'csv', `${name}.csv`);
const expected = (name: string) =>
  JSON.parse(readFileSync(path.join(fixturesDir, 'csv', `${name}.expect.json`), 'utf8')) as Expected;

/** Every test here runs at the dialog's design size. */
const withDialogApp = (options: AppOptions, run: (app: RunningApp) => Promise<void>) =>
  withApp({ viewport: { width: 1360, height: 860 }, ...options }, run);

/** The import dialog's column entries as (name, kind), in file order. */
async function dialogColumns(page: Page): Promise<[string, string][]> {
  return page
    .locator('[data-testid="import-columns"] li')
    .evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-column') ?? '', e.getAttribute('data-kind') ?? '']),
    );
}

/** After confirming: every column of the workspace's list shows the whole file's mean and missing count. */
async function expectWorkspaceStats(page: Page, want: Expected, locale: string, messages: Messages) {
  await page.getByTestId('workspace').waitFor({ timeout: 30_000 });
  for (const column of want.columns) {
    const item = page.locator(`[data-testid="column-list"] [data-column="${column.name}"]`);
    await item.waitFor();
    const text = await item.innerText();
    if (column.kind === 'numeric') {
      // The fixture states the sum over the non-missing rows; the list shows their mean.
      const mean = column.sum! / (want.rows - column.missing);
      expect(text).toContain(`${messages.data.mean} ${formatStat(mean, locale)}`);
    }
    const missing = (await item.getByTestId('column-missing').innerText()).trim();
    if (column.missing === 0) expect(missing).toBe(messages.data.complete);
    else expect(missing).toContain(String(column.missing));
  }
}

describe('import dialog (Chromium, real services and engine process)', () => {
  it('previews the GBK Chinese-locale export, then imports it with the right columns and stats', async () => {
    await withDialogApp({ locale: 'zh-CN', colorScheme: 'light' }, async (app) => {
      const { page } = app;
      const want = expected('10_gbk_chinese');
      await page.getByTestId('start-screen').waitFor();
      app.dialogs.nextDataFile = csv('10_gbk_chinese');
      await page.getByTestId('open-file').click();
      const dialog = page.getByTestId('import-dialog');
      await dialog.getByTestId('import-preview').waitFor();

      await expect(dialog.getByTestId('import-encoding').inputValue()).resolves.toMatch(/^(gbk|gb18030)$/);
      await expect(dialog.getByTestId('import-delimiter').inputValue()).resolves.toBe(',');
      await expect(dialog.getByTestId('import-decimal').inputValue()).resolves.toBe('.');
      expect(await dialogColumns(page)).toEqual(want.columns.map((c) => [c.name, c.kind]));
      // Headers decoded, not mojibake; the dialog speaks the UI's language.
      await expect(dialog.locator('thead').innerText()).resolves.toContain('年收入');
      await expect(dialog.innerText()).resolves.toContain(zh.importDialog.import);
      await expect(page.getByTestId('import-file').innerText()).resolves.toContain('10_gbk_chinese.csv');
      await app.screenshot('import-dialog-gbk-zh');

      await dialog.getByTestId('import-confirm').click();
      await expectWorkspaceStats(page, want, 'zh-CN', zh);
      await expect(page.getByTestId('data-table').getAttribute('data-rows')).resolves.toBe(String(want.rows));
    });
  });

  it('detects semicolons and decimal commas, shows 1.234,5 as a number, then imports it right', async () => {
    await withDialogApp({ locale: 'en-US', colorScheme: 'light' }, async (app) => {
      const { page } = app;
      const want = expected('03_semicolon_decimal_comma');
      await page.getByTestId('start-screen').waitFor();
      app.dialogs.nextDataFile = csv('03_semicolon_decimal_comma');
      await page.getByTestId('open-file').click();
      const dialog = page.getByTestId('import-dialog');
      await dialog.getByTestId('import-preview').waitFor();

      await expect(dialog.getByTestId('import-delimiter').inputValue()).resolves.toBe(';');
      await expect(dialog.getByTestId('import-decimal').inputValue()).resolves.toBe(',');
      await expect(dialog.getByTestId('import-preview').innerText()).resolves.toContain('1.234,5');
      expect(await dialogColumns(page)).toEqual(want.columns.map((c) => [c.name, c.kind]));
      await app.screenshot('import-dialog-semicolon-en');

      // Read with a decimal point instead, "1.234,5" is no number: the preview follows the setting.
      await dialog.getByTestId('import-decimal').selectOption('.');
      await expect
        .poll(() => dialog.locator('[data-column="Umsatz"]').getAttribute('data-kind'), { timeout: 10_000 })
        .not.toBe('numeric');
      await dialog.getByTestId('import-decimal').selectOption(',');
      await expect
        .poll(() => dialog.locator('[data-column="Umsatz"]').getAttribute('data-kind'), { timeout: 10_000 })
        .toBe('numeric');
      await expect.poll(() => dialog.getByTestId('import-confirm').isEnabled()).toBe(true);

      await dialog.getByTestId('import-confirm').click();
      await expectWorkspaceStats(page, want, 'en-US', en);
      await expect(page.getByTestId('data-table').getAttribute('data-rows')).resolves.toBe(String(want.rows));
    });
  });

  it('imports nothing when the user cancels the dialog', async () => {
    await withDialogApp({ locale: 'en-US' }, async (app) => {
      const { page } = app;
      await page.getByTestId('start-screen').waitFor();
      app.dialogs.nextDataFile = csv('03_semicolon_decimal_comma');
      await page.getByTestId('open-file').click();
      await page.getByTestId('import-preview').waitFor();
      await page.getByTestId('import-cancel').click();
      await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
      await expect(page.getByTestId('start-screen').isVisible()).resolves.toBe(true);
      expect(app.events.some((e) => e.type === 'progress')).toBe(false);
    });
  });

  it('says when the first line is read as data, then imports every row under Column names', async () => {
    await withDialogApp({ locale: 'en-US' }, async (app) => {
      const { page } = app;
      await page.getByTestId('start-screen').waitFor();
      app.dialogs.nextDataFile = path.join(fixturesDir, 'hostile', 'h04_headerless_numeric.csv');
      await page.getByTestId('open-file').click();
      const dialog = page.getByTestId('import-dialog');
      await dialog.getByTestId('import-preview').waitFor();
      await expect(dialog.getByTestId('import-headerless').innerText()).resolves.toBe(
        en.importDialog.headerless,
      );
      await expect(dialog.getByTestId('import-header').isChecked()).resolves.toBe(false);
      expect((await dialogColumns(page)).map(([name]) => name)).toEqual([
        'Column 1',
        'Column 2',
        'Column 3',
        'Column 4',
      ]);
      await app.screenshot('import-dialog-headerless-en');
      await dialog.getByTestId('import-confirm').click();
      await page.getByTestId('workspace').waitFor({ timeout: 30_000 });
      await expect(page.getByTestId('data-table').getAttribute('data-rows')).resolves.toBe('30');
    });
  });

  it('lists the subtotal and total rows of a Chinese sales sheet and says they are left out', async () => {
    await withDialogApp({ locale: 'zh-CN' }, async (app) => {
      const { page } = app;
      await page.getByTestId('start-screen').waitFor();
      app.dialogs.nextDataFile = path.join(fixturesDir, 'hostile', 'h08_subtotals_zh.csv');
      await page.getByTestId('open-file').click();
      const dialog = page.getByTestId('import-dialog');
      await dialog.getByTestId('import-preview').waitFor();
      await expect(dialog.getByTestId('import-problems').innerText()).resolves.toContain(
        zh.importDialog.problem.totalRows.replace('{count}', '4'),
      );
      await expect(dialog.getByTestId('import-header').isChecked()).resolves.toBe(true);
      await dialog.getByTestId('import-confirm').click();
      await page.getByTestId('workspace').waitFor({ timeout: 30_000 });
      const problems = page.locator('[data-testid="problem-list"] [data-kind="total_row"]');
      await expect(problems.innerText()).resolves.toContain(zh.problems.group.total_row);
      await expect(problems.innerText()).resolves.toContain('第 14 行：“合计”是第 1–13 行之和');
      await expect(page.getByTestId('total-rows-left-out').innerText()).resolves.toContain('4 个汇总行');
      await app.screenshot('workspace-total-rows-zh');
    });
  });
});
