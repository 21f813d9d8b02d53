/**
 * The view tabs and the split between views and data table at the smallest window the app allows
 * (900 × 600): the tabs that do not fit are one "more" menu away, by mouse or keyboard, the active
 * tab is always whole in sight, the views get most of the height, and the split is remembered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { withApp } from './pageHelpers';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

/** Whether the tab's box lies wholly inside the strip's visible box. */
function tabInSight(page: Page, id: string): Promise<boolean> {
  return page.evaluate((tab) => {
    const el = document.getElementById(`tab-${tab}`)!;
    const strip = el.parentElement!.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return box.left >= strip.left - 0.5 && box.right <= strip.right + 0.5;
  }, id);
}

const activeTab = (page: Page) =>
  page.evaluate(() => document.querySelector('[role="tab"][aria-selected="true"]')?.id ?? null);
const focusedId = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return a?.dataset.testid ?? a?.id ?? 'BODY';
  });

async function openFaithful(page: Page): Promise<void> {
  await page.getByTestId('sample-faithful').click();
  await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
}

describe('view tabs and the views/table split at 900×600', () => {
  for (const run of [
    { locale: 'en-US', colorScheme: 'light', tag: 'en-light' },
    { locale: 'zh-CN', colorScheme: 'dark', tag: 'zh-dark' },
  ] as const) {
    it(`reaches every tab by the "more" menu and keyboard, and keeps the active one in sight (${run.tag})`, async () => {
      await withApp(
        { viewport: { width: 900, height: 600 }, locale: run.locale, colorScheme: run.colorScheme },
        async (app) => {
          const { page } = app;
          await openFaithful(page);
          const more = page.getByTestId('view-tabs-more');
          await more.waitFor();
          expect(await tabInSight(page, 'selection')).toBe(false);

          // The views take most of the height; the table keeps a few rows.
          const views = (await page.getByTestId('view-area').boundingBox())!;
          const table = (await page.getByTestId('data-table').boundingBox())!;
          expect(views.height / (views.height + table.height)).toBeGreaterThan(0.65);
          expect(table.height).toBeGreaterThanOrEqual(120);
          await app.screenshot(`tabs-900-${run.tag}`);

          // Arrow keys in the strip: End shows the last tab whole, Home the first.
          await page.getByTestId('view-tab-scatter').focus();
          await page.keyboard.press('End');
          await expect.poll(() => activeTab(page)).toBe('tab-selection');
          expect(await focusedId(page)).toBe('view-tab-selection');
          await expect.poll(() => tabInSight(page, 'selection')).toBe(true);
          await page.keyboard.press('Home');
          await expect.poll(() => tabInSight(page, 'scatter')).toBe(true);

          // Tab leaves the strip for the "more" button; the menu lists exactly the tabs cut off.
          await page.keyboard.press('Tab');
          expect(await focusedId(page)).toBe('view-tabs-more');
          await page.keyboard.press('Enter');
          const items = page.locator('[data-testid="view-tabs-menu"] [role="menuitem"]');
          await items.first().waitFor();
          const listed = (
            await items.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.testid!))
          ).map((t) => t.replace('view-more-', ''));
          expect(listed).toContain('selection');
          for (const id of listed) expect(await tabInSight(page, id)).toBe(false);
          expect(await focusedId(page)).toBe(`view-more-${listed[0]}`);
          await app.screenshot(`tabs-more-menu-900-${run.tag}`);
          // Up wraps to the last item; Escape closes back onto the button.
          await page.keyboard.press('ArrowUp');
          expect(await focusedId(page)).toBe(`view-more-${listed.at(-1)}`);
          await page.keyboard.press('Escape');
          expect(await page.getByTestId('view-tabs-menu').count()).toBe(0);
          expect(await focusedId(page)).toBe('view-tabs-more');

          // Choosing from the menu shows that view, with its tab focused and scrolled into sight.
          await page.keyboard.press('ArrowDown');
          await page.keyboard.press('End');
          await page.keyboard.press('Enter');
          const chosen = listed.at(-1)!;
          await expect.poll(() => activeTab(page)).toBe(`tab-${chosen}`);
          await expect.poll(() => tabInSight(page, chosen)).toBe(true);
          expect(await focusedId(page)).toBe(`view-tab-${chosen}`);
          expect(await page.getByTestId('view-tabs-menu').count()).toBe(0);
          // By mouse too.
          await more.click();
          await page.locator('[data-testid^="view-more-"]').first().click();
          await expect.poll(async () => (await activeTab(page)) !== `tab-${chosen}`).toBe(true);
          expect(await tabInSight(page, (await activeTab(page))!.replace('tab-', ''))).toBe(true);
        },
      );
    }, 180_000);
  }

  it('moves the split from the keyboard and remembers it in the next session', async () => {
    await withApp({ viewport: { width: 900, height: 600 } }, async (app) => {
      const { page } = app;
      await openFaithful(page);
      const handle = page.getByTestId('workspace-split');
      const before = Number(await handle.getAttribute('aria-valuenow'));
      const tableBefore = (await page.getByTestId('data-table').boundingBox())!.height;
      await handle.focus();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await expect.poll(async () => Number(await handle.getAttribute('aria-valuenow'))).toBe(before - 10);
      const tableAfter = (await page.getByTestId('data-table').boundingBox())!.height;
      expect(tableAfter).toBeGreaterThan(tableBefore + 40);

      await page.reload();
      await openFaithful(page);
      expect(Number(await page.getByTestId('workspace-split').getAttribute('aria-valuenow'))).toBe(
        before - 10,
      );
      const tableReopened = (await page.getByTestId('data-table').boundingBox())!.height;
      expect(Math.abs(tableReopened - tableAfter)).toBeLessThan(2);
    });
  }, 120_000);
});
