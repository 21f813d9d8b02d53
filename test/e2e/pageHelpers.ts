/**
 * Helpers the end-to-end tests share: run a test in a fresh app and require a clean console, read a
 * chart through the automation-only hook, pick a column, wait for ECharts to paint.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type AppOptions, type RunningApp } from './harness';
import type { DrawnLayout } from '../../renderer/src/lib/chartDrawn';

/** Starts the app, runs `run`, then asserts no CSP violation, console error or uncaught exception. */
export async function withApp(options: AppOptions, run: (app: RunningApp) => Promise<void>): Promise<void> {
  const app = await startApp(options);
  try {
    await run(app);
    expect(app.problems).toEqual([]);
  } finally {
    await app.close();
  }
}

export interface ChartSnapshot {
  title: string;
  subtitle: string;
  series: { type: string; name: string; data: unknown[] }[];
  /** What the chart painted: its texts, data markers and plot rectangle (renderer/src/lib/chartDrawn.ts). */
  drawn?: DrawnLayout | null;
}

/** The chart hook (renderer/src/lib/chartHook.ts), registered under automation only. */
export function chart(page: Page, name: string): Promise<ChartSnapshot | null> {
  return page.evaluate((n) => {
    const registry = (window as unknown as { __mixlabCharts?: Record<string, () => unknown> }).__mixlabCharts;
    return (registry?.[n]?.() ?? null) as ChartSnapshot | null;
  }, name);
}

/**
 * Opens a data file as a user does — File → Open data… (the stand-in dialog answers `file`), Import
 * in the import dialog with the detected settings — and waits for the workspace.
 */
export async function importDataFile(app: RunningApp, file: string, timeout = 60_000): Promise<void> {
  app.dialogs.nextDataFile = file;
  await app.page.getByTestId('open-file').click();
  await app.page.getByTestId('import-confirm').click();
  await app.page.getByTestId('workspace').waitFor({ timeout });
}

/** Selects a column in the left panel's picker and waits until the store has it. */
export async function pickColumn(page: Page, name: string): Promise<void> {
  await page.locator(`[data-testid="column-list"] [data-column="${name}"]`).click();
  await expect.poll(() => page.locator(`[data-column="${name}"]`).getAttribute('data-selected')).toBe('true');
}

/** Two animation frames (ECharts' lazyUpdate paints on the next frame), then a short pause for the picture. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
  await page.waitForTimeout(250);
}
