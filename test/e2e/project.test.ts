import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, startApp, type RunningApp } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { importDataFile, pickColumn } from './pageHelpers';
import { repoRoot } from '../support/paths';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-project-e2e-'));
const dataFile = path.join(dir, 'faithful.csv');
copyFileSync(path.join(repoRoot, 'build', 'samples', 'faithful.csv'), dataFile);

/** The cluster shown in the first `n` table rows (the table is virtual: only rows on screen exist). */
async function tableClusters(page: Page): Promise<string[]> {
  const cells = page.locator('[data-testid="data-table"] .rows [data-cluster]');
  await cells.first().waitFor({ timeout: 15_000 });
  return cells.evaluateAll((els) => els.slice(0, 20).map((e) => e.getAttribute('data-cluster') ?? ''));
}

async function menu(page: Page, item: string): Promise<void> {
  await page.getByTestId('file-menu').click();
  await page.getByTestId(item).click();
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

describe('project files and label export (Chromium, real services and engine process)', () => {
  let app: RunningApp | null = null;
  afterAll(async () => {
    await app?.close();
  });

  const projectFile = path.join(dir, 'geyser.mixlab');
  let clustersBefore: string[] = [];

  it('fits, exports labels and saves the project', async () => {
    app = await startApp({ viewport: { width: 1360, height: 860 } });
    const { page } = app;
    await importDataFile(app, dataFile); // the import dialog: detected settings are right
    await pickColumn(page, 'eruptions');
    await pickColumn(page, 'waiting');
    await page.getByTestId('model-k').fill('2');
    await page.getByTestId('covariance-full').click();
    await page.getByTestId('fit').click();
    await page.getByTestId('data-table').getByTestId('table-header-cluster').waitFor({ timeout: 20_000 });
    await page.getByTestId('table-sort').selectOption('cluster:asc');
    clustersBefore = await tableClusters(page);
    expect(new Set(clustersBefore).size).toBeGreaterThan(0);
    await expect.poll(() => page.title()).toBe('Mixture Lab — Untitled •');

    // A small model selection (K 1..3, full and spherical) is part of what the project keeps.
    await page.getByTestId('view-tab-selection').click();
    await page.getByTestId('sweep-kmax').fill('3');
    await page.getByTestId('sweep-kmax').dispatchEvent('change');
    for (const type of ['tied', 'diag']) await page.getByTestId(`sweep-type-${type}`).uncheck();
    await page.getByTestId('sweep-run').click();
    await page.getByTestId('sweep-status').waitFor({ timeout: 60_000 });
    await expect(page.locator('[data-testid="sweep-table"] tbody tr').count()).resolves.toBe(6);
    await page.getByTestId('view-tab-scatter').click();

    // Export labels: the harness answers the save dialog with a temporary path.
    const labels = path.join(dir, 'labels.csv');
    app.dialogs.nextSavePath = labels;
    await menu(page, 'menu-export-labels');
    await page.getByTestId('export-dialog').waitFor();
    await page.getByTestId('export-probabilities').check();
    await app.screenshot('project-export-dialog');
    await page.getByTestId('export-run').click();
    await page.getByTestId('export-summary').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('export-summary').textContent()).resolves.toContain('272 rows written');
    await expect(page.getByTestId('export-path').textContent()).resolves.toContain(labels);
    await app.screenshot('project-export-summary');
    await page.getByTestId('export-close').click();
    expect(existsSync(labels)).toBe(true);
    const lines = readFileSync(labels, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0].split(',')).toEqual(['eruptions', 'waiting', 'cluster', 'probability', 'p_1', 'p_2']);
    expect(lines).toHaveLength(1 + 272);

    // Save: no project file yet, so Save asks where (Save As with the embed option).
    app.dialogs.nextSavePath = projectFile;
    await page.keyboard.press('Control+s');
    await page.getByTestId('save-as-dialog').waitFor();
    await page.getByTestId('save-as-choose').click();
    await expect.poll(() => page.title()).toBe('Mixture Lab — geyser.mixlab');
    await expect(page.getByTestId('dirty-marker').count()).resolves.toBe(0);
    expect(existsSync(projectFile)).toBe(true);
    expect(app.problems).toEqual([]);
    await app.close();
    app = null;
  });

  it('reopens the project in a fresh page exactly: columns, settings, params, labels, view', async () => {
    app = await startApp({ viewport: { width: 1360, height: 860 } });
    const { page } = app;
    app.dialogs.nextOpenPath = projectFile;
    await page.keyboard.press('Control+Shift+O');
    await page.getByTestId('workspace').waitFor({ timeout: 20_000 });
    for (const name of ['eruptions', 'waiting'])
      await expect
        .poll(() => page.locator(`[data-column="${name}"]`).getAttribute('data-selected'))
        .toBe('true');
    await expect(page.getByTestId('model-k').inputValue()).resolves.toBe('2');
    await expect(page.getByTestId('covariance-full').getAttribute('aria-checked')).resolves.toBe('true');
    await expect(page.getByTestId('table-sort').inputValue()).resolves.toBe('cluster:asc');
    // Labels recomputed from the stored model (applyModel), not refitted: the same clusters.
    await expect.poll(() => tableClusters(page), { timeout: 15_000 }).toEqual(clustersBefore);
    await expect.poll(() => page.title()).toBe('Mixture Lab — geyser.mixlab');
    await app.screenshot('project-restored-workspace');
    await page.getByTestId('view-tab-selection').click();
    await expect(page.locator('[data-testid="sweep-table"] tbody tr').count()).resolves.toBe(6);
    await expect(page.getByTestId('sweep-kmax').inputValue()).resolves.toBe('3');

    // Saved again as it was restored, the file says the same: settings, selection, view, exact params.
    const again = path.join(dir, 'again.mixlab');
    app.dialogs.nextSavePath = again;
    await menu(page, 'menu-save-as');
    await page.getByTestId('save-as-choose').click();
    await expect.poll(() => existsSync(again)).toBe(true);
    const [a, b] = [readJson(projectFile), readJson(again)];
    for (const key of ['selection', 'modelSettings', 'fits', 'viewState', 'dataSource'])
      expect(JSON.stringify(b[key]), key).toBe(JSON.stringify(a[key]));
    // The sweep's cells (with their params) exactly; its request names this session's dataset id.
    const [sweepA, sweepB] = [a.sweep, b.sweep] as { cells: unknown[] }[];
    expect(sweepA.cells).toHaveLength(6);
    expect(JSON.stringify(sweepB.cells)).toBe(JSON.stringify(sweepA.cells));
    const fit = (a.fits as { params: { nComponents: number; covarianceType: string } }[])[0];
    expect(fit.params.nComponents).toBe(2);
    expect(fit.params.covarianceType).toBe('full');
    expect(app.problems).toEqual([]);
    await app.close();
    app = null;
  });

  it('refuses a damaged project with a translated reason, the specific detail and nothing lost', async () => {
    // A saved project cut off in the middle, as a full disk or a copy that stopped would leave it.
    const truncated = path.join(dir, 'truncated.mixlab');
    writeFileSync(
      truncated,
      '{"format":"mixlab-project","version":1,"dataSource":{"path":"/data/geyser.csv","si',
    );
    // 100 levels of nesting: refused from its bytes before parsing, with the limit named.
    const deep = path.join(dir, 'deep.mixlab');
    writeFileSync(deep, '['.repeat(100) + ']'.repeat(100));
    app = await startApp({ locale: 'zh-CN', viewport: { width: 1360, height: 860 } });
    const { page } = app;
    await page.getByTestId('sample-iris').click();
    await page.getByTestId('workspace').waitFor();
    await pickColumn(page, 'petal_length');
    for (const [file, code, reason, detail] of [
      [truncated, 'project_corrupt', /已损坏/, /详细信息：.+/],
      [
        deep,
        'project_invalid',
        /不完整或内容不一致/,
        /详细信息：The project file nests more than 64 levels deep/,
      ],
    ] as const) {
      app.dialogs.nextOpenPath = file;
      await menu(page, 'menu-open-project');
      // The open analysis has unsaved changes: "Don't save" — and still it must survive the refusal.
      await page.getByTestId('unsaved-discard').click();
      const message = page.getByTestId('project-error-message');
      await message.waitFor({ timeout: 15_000 });
      await expect(message.getAttribute('data-code')).resolves.toBe(code);
      await expect(message.innerText()).resolves.toMatch(reason);
      await expect(page.getByTestId('project-error-detail').innerText()).resolves.toMatch(detail);
      if (file === deep) await app.screenshot('project-damaged-zh');
      const ok = page.getByTestId('project-error-ok');
      await expect(ok.innerText()).resolves.toBe('确定');
      await ok.click();
      await message.waitFor({ state: 'detached' });
      // What was open stays open.
      await expect(page.locator('[data-column="petal_length"]').getAttribute('data-selected')).resolves.toBe(
        'true',
      );
    }
    expect(app.problems).toEqual([]);
    await app.close();
    app = null;
  });

  it('opens a project whose data file was moved: says so, and opens without data', async () => {
    renameSync(dataFile, path.join(dir, 'faithful-moved.csv'));
    app = await startApp({ viewport: { width: 1360, height: 860 } });
    const { page } = app;
    app.dialogs.nextOpenPath = projectFile;
    await menu(page, 'menu-open-project');
    const dialog = page.getByTestId('missing-data-dialog');
    await dialog.waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('missing-data-message').getAttribute('data-state')).resolves.toBe(
      'missing',
    );
    await expect(page.getByTestId('missing-data-message').textContent()).resolves.toContain(dataFile);
    await app.screenshot('project-missing-data-dialog');
    await page.getByTestId('open-without-data').click();
    await page.getByTestId('project-without-data').waitFor();
    await expect(page.getByTestId('detached-columns').textContent()).resolves.toContain('eruptions, waiting');
    await expect(page.getByTestId('detached-fit').count()).resolves.toBe(1);
    await expect(page.getByTestId('data-not-loaded').isVisible()).resolves.toBe(true);
    // The model-selection results still show: chart and the table of its 6 cells.
    await expect(page.getByTestId('detached-sweep').textContent()).resolves.toContain('6 cells');
    await expect(page.locator('[data-testid="sweep-table"] tbody tr').count()).resolves.toBe(6);
    await app.screenshot('project-without-data');
    expect(app.problems).toEqual([]);
  });
});
