/**
 * Mixed-type models and missing cells through the real page, services and engine process: a text
 * column (mall customers' Gender) modelled as categories beside numeric columns; a survey of text
 * items profiled as latent classes, the numeric-only views explaining themselves; the three-coin
 * outcomes as a Bernoulli mixture after the few-values advice; a file with 10% of its cells missing
 * fitted with no row left out, then with those rows dropped from the note's action. Screenshots in
 * English and Chinese, light and dark.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, type RunningApp } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { repoRoot } from '../support/paths';
import { importDataFile, pickColumn, settle, withApp } from './pageHelpers';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

const VIEWPORT = { width: 1440, height: 900 };

/** A deterministic generator (mulberry32), so the files are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 300 answers to four text items from two latent classes (agreeing / disagreeing respondents). */
function writeSurvey(file: string): void {
  const rand = random(7);
  const answers = ['agree', 'neutral', 'disagree'];
  const lines = ['"Q1 service","Q2 price","Q3 staff","Q4 return"'];
  for (let i = 0; i < 300; i++) {
    const agreeing = rand() < 0.6;
    const probs = agreeing ? [0.75, 0.15, 0.1] : [0.1, 0.25, 0.65];
    const pick = () => {
      const u = rand();
      return u < probs[0] ? answers[0] : u < probs[0] + probs[1] ? answers[1] : answers[2];
    };
    lines.push([pick(), pick(), pick(), pick()].join(','));
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

/** 400 rows of three numeric columns from two groups, 10% of the cells blank (never a whole row). */
function writeWithMissing(file: string): number {
  const rand = random(11);
  const lines = ['a,b,c'];
  let blanks = 0;
  for (let i = 0; i < 400; i++) {
    const shift = i % 2 === 0 ? 0 : 6;
    const row = [0, 1, 2].map((j) => (shift + j + rand() * 2).toFixed(3));
    const hole = rand() < 0.3 ? Math.floor(rand() * 3) : -1;
    if (hole >= 0) {
      row[hole] = '';
      blanks++;
    }
    lines.push(row.join(','));
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return blanks;
}

async function fit(page: Page, k: number): Promise<void> {
  await page.getByTestId('model-k').fill(String(k));
  await page.getByTestId('fit').click();
  await expect.poll(() => page.getByTestId('fit').isEnabled(), { timeout: 60_000 }).toBe(true);
}

/**
 * Exports the labels with the imputed values from the dialog and checks the file against the data:
 * every row written; `<col>_filled` equal to the cell where it was observed (flag 0) and, where it was
 * blank (flag 1), the model's expected value — near the row's group mean (j + 1 for even rows, j + 7 for
 * odd ones, as written by writeWithMissing) since the columns are independent within a group.
 */
async function exportImputed(
  app: RunningApp,
  target: string,
  source: string,
  locale: string,
  scheme: string,
): Promise<void> {
  const { page } = app;
  app.dialogs.nextSavePath = target;
  await page.getByTestId('file-menu').click();
  await page.getByTestId('menu-export-labels').click();
  await page.getByTestId('export-dialog').waitFor();
  await page.getByTestId('export-imputed').check();
  await app.screenshot(`missing-export-imputed-${locale}-${scheme}`);
  await page.getByTestId('export-run').click();
  await page.getByTestId('export-summary').waitFor({ timeout: 30_000 });
  await page.getByTestId('export-close').click();

  const table = (file: string) =>
    readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));
  const [header, ...rows] = table(target);
  const [, ...original] = table(source);
  expect(rows).toHaveLength(400);
  let filledCells = 0;
  ['a', 'b', 'c'].forEach((name, j) => {
    const filled = header.indexOf(`${name}_filled`);
    const flag = header.indexOf(`${name}_imputed`);
    expect(filled).toBeGreaterThan(-1);
    expect(flag).toBeGreaterThan(-1);
    rows.forEach((row, i) => {
      const cell = original[i][j] ?? '';
      if (cell === '') {
        filledCells++;
        expect(row[flag]).toBe('1');
        const groupMean = (i % 2 === 0 ? 0 : 6) + j + 1;
        expect(Math.abs(Number(row[filled]) - groupMean)).toBeLessThan(1);
      } else {
        expect(row[flag]).toBe('0');
        expect(Number(row[filled])).toBeCloseTo(Number(cell), 9);
      }
    });
  });
  expect(filledCells).toBeGreaterThan(0);
}

async function showProfiles(page: Page): Promise<void> {
  await page.getByTestId('view-tab-profiles').click();
  await page.getByTestId('class-profiles').waitFor({ timeout: 30_000 });
  await settle(page);
}

describe('mixed-type models and missing cells (Chromium, real services and engine process)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mixlab-e2e-mixed-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const [locale, scheme] of [
    ['en-US', 'light'],
    ['zh-CN', 'dark'],
  ] as const) {
    it(`mall customers with Gender as categories: profiles and category shares (${locale}, ${scheme})`, async () => {
      await withApp({ locale, colorScheme: scheme, viewport: VIEWPORT }, async (app) => {
        const { page } = app;
        await page.getByTestId('sample-mall_customers').click();
        await page.getByTestId('workspace').waitFor();
        await page.getByTestId('include-1').click();
        await expect
          .poll(() => page.locator('[data-column="Gender"]').getAttribute('data-selected'))
          .toBe('true');
        await expect(page.getByTestId('family-1').inputValue()).resolves.toBe('categorical');
        await pickColumn(page, 'Age');
        await pickColumn(page, 'Annual Income (k$)');
        await pickColumn(page, 'Spending Score (1-100)');
        await fit(page, 4);
        await showProfiles(page);
        const gender = page.locator('[data-testid="class-profiles"] tr[data-column="Gender"]');
        await expect.poll(() => gender.locator('.bar').count(), { timeout: 30_000 }).toBe(4);
        // Each class's Gender bar holds its two values' probabilities, summing to 100%.
        const widths = await gender
          .locator('td')
          .first()
          .locator('.segment')
          .evaluateAll((els) => els.map((e) => parseFloat((e as HTMLElement).style.width)));
        expect(widths).toHaveLength(2);
        expect(widths[0] + widths[1]).toBeCloseTo(100, 6);
        await expect
          .poll(() => page.locator('[data-testid="class-profiles"] tr[data-column="Age"]').count(), {
            timeout: 30_000,
          })
          .toBe(1);
        await app.screenshot(`mixed-mall-profiles-${locale}-${scheme}`);

        await page.getByTestId('view-tab-summary').click();
        const shares = page.locator('[data-testid="category-shares"] table[data-column="Gender"]');
        await shares.waitFor({ timeout: 30_000 });
        await expect.poll(() => shares.locator('tbody tr').count(), { timeout: 30_000 }).toBe(4);
        await settle(page);
        await app.screenshot(`mixed-mall-clusters-${locale}-${scheme}`);
      });
    });
  }

  it('a survey of text items becomes a latent class profile; numeric-only views explain themselves', async () => {
    const file = path.join(dir, 'survey.csv');
    writeSurvey(file);
    await withApp({ locale: 'en-US', colorScheme: 'dark', viewport: VIEWPORT }, async (app) => {
      const { page } = app;
      await page.getByTestId('start-screen').waitFor();
      await importDataFile(app, file);
      for (let c = 0; c < 4; c++) await page.getByTestId(`include-${c}`).click();
      await fit(page, 2);
      await showProfiles(page);
      await expect
        .poll(() => page.locator('[data-testid="class-profiles"] tr[data-column] .bar').count(), {
          timeout: 30_000,
        })
        .toBe(8);
      // Two classes found: one where "agree" dominates Q1, one where "disagree" does.
      const q1 = page.locator('[data-testid="class-profiles"] tr[data-column="Q1 service"]');
      const shares = await q1
        .locator('td')
        .evaluateAll((tds) =>
          tds.map((td) =>
            Array.from(td.querySelectorAll<HTMLElement>('.segment')).map((s) => parseFloat(s.style.width)),
          ),
        );
      const agreeFirst = shares.map((s) => s[0]).sort((a, b) => b - a);
      expect(agreeFirst[0]).toBeGreaterThan(60);
      expect(agreeFirst[1]).toBeLessThan(25);
      await app.screenshot('mixed-survey-profiles-en-US-dark');
      await page.getByTestId('view-tab-scatter').click();
      await expect(page.getByTestId('views-noNumeric').innerText()).resolves.toMatch(/no(ne| numeric)/);
      await settle(page);
      await app.screenshot('mixed-survey-scatter-explains-en-US-dark');
    });
  });

  it('three coins: the few-values advice turns the outcome into categories, a Bernoulli mixture (zh)', async () => {
    const file = path.join(repoRoot, 'test/fixtures/data/three_coins.csv');
    await withApp({ locale: 'zh-CN', colorScheme: 'light', viewport: VIEWPORT }, async (app) => {
      const { page } = app;
      await page.getByTestId('start-screen').waitFor();
      await importDataFile(app, file);
      await pickColumn(page, 'outcome');
      const advice = page.getByTestId('few-values-0');
      await advice.waitFor({ timeout: 15_000 });
      await expect(advice.innerText()).resolves.toMatch(/2 个不同取值/);
      await settle(page);
      await app.screenshot('mixed-three-coins-advice-zh-CN-light');
      await advice.getByRole('button').click();
      await expect(page.getByTestId('family-0').inputValue()).resolves.toBe('categorical');
      await fit(page, 2);
      await showProfiles(page);
      const outcome = page.locator('[data-testid="class-profiles"] tr[data-column="outcome"]');
      await expect.poll(() => outcome.locator('.bar').count(), { timeout: 30_000 }).toBe(2);
      await expect.poll(() => outcome.locator('.legend li').count(), { timeout: 30_000 }).toBe(2);
      await app.screenshot('mixed-three-coins-profiles-zh-CN-light');
      await page.getByTestId('view-tab-summary').click();
      const shares = page.locator(
        '[data-testid="modelled-category-shares"] [role="table"][data-column="outcome"]',
      );
      await expect
        .poll(() => shares.locator('[role="row"][data-cluster]').count(), { timeout: 30_000 })
        .toBe(2);
      await settle(page);
      await app.screenshot('mixed-three-coins-clusters-zh-CN-light');
    });
  });

  for (const [locale, scheme] of [
    ['en-US', 'light'],
    ['zh-CN', 'dark'],
  ] as const) {
    it(`a file with 10% missing cells is fitted with no row left out, or with them dropped (${locale}, ${scheme})`, async () => {
      const file = path.join(dir, `missing-${locale}.csv`);
      const blanks = writeWithMissing(file);
      await withApp({ locale, colorScheme: scheme, viewport: VIEWPORT }, async (app) => {
        const { page } = app;
        await page.getByTestId('start-screen').waitFor();
        await importDataFile(app, file);
        await page.getByTestId('select-all-numeric').click();
        // The panel counts the cells the fit will model before any fit.
        const counted = new RegExp(`${blanks}`);
        await expect.poll(() => page.getByTestId('dropped-rows').innerText()).toMatch(counted);
        await page.getByTestId('covariance-full').click();
        await fit(page, 2);
        const note = page.getByTestId('fit-rows');
        await note.waitFor({ timeout: 30_000 });
        await expect(note.locator('[data-kind="modelled"]').innerText()).resolves.toMatch(
          locale === 'en-US'
            ? new RegExp(`No rows left out; ${blanks} missing cells modelled`)
            : new RegExp(`未剔除任何行；已对 ${blanks} 个缺失单元格建模`),
        );
        // The table shows the model's expected value in the missing cells in view, set apart.
        const imputedCells = page.locator('[data-testid="data-table"] [data-imputed="true"]');
        await expect.poll(() => imputedCells.count(), { timeout: 30_000 }).toBeGreaterThan(0);
        const first = (await imputedCells.first().innerText()).trim();
        expect(Number(first.replace(/,/g, ''))).not.toBeNaN();
        await page.getByTestId('view-tab-summary').click();
        await page.getByTestId('cluster-summary').waitFor({ timeout: 30_000 });
        const sizes = await page
          .locator('[data-testid="cluster-summary"] tbody tr td:nth-child(2)')
          .allInnerTexts();
        expect(sizes.reduce((n, s) => n + Number(s.replace(/[^\d]/g, '')), 0)).toBe(400);
        await settle(page);
        await app.screenshot(`missing-modelled-${locale}-${scheme}`);
        await exportImputed(app, path.join(dir, `missing-${locale}-labels.csv`), file, locale, scheme);

        await page.getByTestId('drop-instead').click();
        // Rows with a missing cell are now left out: nothing is filled in.
        await expect.poll(() => imputedCells.count(), { timeout: 30_000 }).toBe(0);
        await expect.poll(() => note.locator('[data-kind="dropped"]').count(), { timeout: 60_000 }).toBe(1);
        await expect(note.locator('[data-kind="dropped"]').innerText()).resolves.toMatch(
          new RegExp(`${blanks}`),
        );
        await expect(page.getByTestId('missing-drop').isChecked()).resolves.toBe(true);
        await settle(page);
        await app.screenshot(`missing-dropped-${locale}-${scheme}`);
      });
    });
  }
});
