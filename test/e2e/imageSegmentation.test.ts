/**
 * Images as data through the real page, services and engine process: a grey PNG with a bright
 * rectangle on a dark background and a colour PNG of three flat regions, both generated here with
 * sensor-like noise. Each is opened through the import dialog (its size, pixel count and colour
 * columns), fitted, looked at in the Segmentation view (side by side, overlay with its slider, the
 * uncertainty overlay, the histogram's thresholds) and its label image exported as PNG and read
 * back pixel by pixel. Screenshots in English and Chinese, light and dark.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decode, encode } from 'fast-png';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, type RunningApp } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { LABEL_PALETTE } from '../../shared/export/labelImage';
import { settle, withApp } from './pageHelpers';

beforeAll(() => ensureRendererBuilt());
afterAll(() => closeBrowser());

const VIEWPORT = { width: 1440, height: 900 };
const W = 64;
const H = 48;

/** A deterministic generator (mulberry32), so the images are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whether pixel (x, y) is inside the grey image's bright rectangle. */
const inRectangle = (x: number, y: number) => x >= 20 && x < 44 && y >= 12 && y < 36;
/** The colour image's region of pixel (x, y): 0 left third, 1 middle, 2 right. */
const regionOf = (x: number) => Math.min(2, Math.floor((x * 3) / W));
const REGION_RGB = [
  [200, 40, 40],
  [40, 170, 60],
  [50, 70, 210],
];

/** Grey 60 ± 12 with a 190 ± 12 rectangle (uniform noise). */
function writeGrey(file: string): void {
  const rand = random(3);
  const data = new Uint8Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      data[y * W + x] = (inRectangle(x, y) ? 190 : 60) + Math.round((rand() - 0.5) * 24);
  writeFileSync(file, encode({ width: W, height: H, data, channels: 1, depth: 8 }));
}

/** Three vertical bands of flat colour, each channel ± 10. */
function writeColour(file: string): void {
  const rand = random(5);
  const data = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      for (let c = 0; c < 3; c++)
        data[(y * W + x) * 3 + c] = REGION_RGB[regionOf(x)][c] + Math.round((rand() - 0.5) * 20);
  writeFileSync(file, encode({ width: W, height: H, data, channels: 3, depth: 8 }));
}

const hexRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const key = (rgb: ArrayLike<number>) => Array.from(rgb).slice(0, 3).join(',');

async function openImage(app: RunningApp, file: string): Promise<void> {
  app.dialogs.nextDataFile = file;
  await app.page.getByTestId('open-file').click();
  await app.page.getByTestId('import-image-size').waitFor({ timeout: 30_000 });
}

async function fit(page: Page, k: number): Promise<void> {
  await page.getByTestId('model-k').fill(String(k));
  await page.getByTestId('fit').click();
  await expect.poll(() => page.getByTestId('fit').isEnabled(), { timeout: 60_000 }).toBe(true);
}

async function showSegmentation(page: Page): Promise<void> {
  await page.getByTestId('view-tab-segmentation').click();
  await page.locator('[data-testid="segmentation-labels"]').waitFor({ timeout: 30_000 });
  await settle(page);
}

/** The RGBA of the label canvas at display pixel (x, y). */
function labelPixel(page: Page, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    ([px, py]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="segmentation-labels"]')!;
      return Array.from(canvas.getContext('2d')!.getImageData(px, py, 1, 1).data);
    },
    [x, y],
  );
}

/** Export labels as PNG (with the given colours) to `file`, and decode what was written. */
async function exportPng(app: RunningApp, file: string, colours: 'palette' | 'mean') {
  const { page } = app;
  app.dialogs.nextSavePath = file;
  await page.getByTestId('file-menu').click();
  await page.getByTestId('menu-export-labels').click();
  await page.getByTestId('export-dialog').waitFor();
  await page.getByTestId('export-format-png').check();
  await page.getByTestId('export-label-colours').selectOption(colours);
  await settle(page);
  await page.getByTestId('export-run').click();
  await page.getByTestId('export-summary').waitFor({ timeout: 30_000 });
  await page.getByTestId('export-close').click();
  return decode(readFileSync(file));
}

describe('images as data: import, segmentation, thresholds, label image (Chromium, real engine)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mixlab-e2e-image-'));
    writeGrey(path.join(dir, 'two-regions.png'));
    writeColour(path.join(dir, 'bands.png'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const [locale, scheme] of [
    ['en-US', 'light'],
    ['zh-CN', 'dark'],
  ] as const) {
    it(`a grey picture: two clusters, one threshold between the levels, label PNG (${locale}, ${scheme})`, async () => {
      await withApp({ locale, colorScheme: scheme, viewport: VIEWPORT }, async (app) => {
        const { page } = app;
        await page.getByTestId('start-screen').waitFor();
        await openImage(app, path.join(dir, 'two-regions.png'));
        await expect(page.getByTestId('import-image-size').innerText()).resolves.toMatch(/64 × 48.*3,072/s);
        // A single-channel image has one colour column: grey; no spreadsheet settings are offered.
        await expect(page.getByTestId('import-colour-space').isDisabled()).resolves.toBe(true);
        await expect(page.getByTestId('import-delimiter').count()).resolves.toBe(0);
        await settle(page);
        await app.screenshot(`image-grey-import-${locale}-${scheme}`);
        await page.getByTestId('import-confirm').click();
        await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
        await expect
          .poll(() =>
            page.locator('[data-testid="column-list"] [data-column="grey"]').getAttribute('data-selected'),
          )
          .toBe('true');
        await fit(page, 2);
        await showSegmentation(page);

        // The label image: the rectangle in one palette colour, the background in the other.
        const inside = await labelPixel(page, 32, 24);
        const outside = await labelPixel(page, 2, 2);
        const palette = LABEL_PALETTE.slice(0, 2).map((h) => key(hexRgb(h)));
        expect(palette).toContain(key(inside));
        expect(palette).toContain(key(outside));
        expect(key(inside)).not.toBe(key(outside));

        // One threshold, between the two levels (equal noise: near the middle, 125).
        const thresholds = page.getByTestId('segmentation-thresholds');
        await expect(thresholds.getAttribute('data-count')).resolves.toBe('1');
        const x = Number(await thresholds.locator('li[data-x]').getAttribute('data-x'));
        expect(x).toBeGreaterThan(100);
        expect(x).toBeLessThan(150);
        await app.screenshot(`image-grey-segmentation-${locale}-${scheme}`);

        // Overlay: the slider moves the edge between label image and picture.
        await page.getByTestId('segmentation-layout-overlay').click();
        const slider = page.getByTestId('segmentation-split');
        await slider.evaluate((el: HTMLInputElement) => {
          el.value = '0.3';
          el.dispatchEvent(new Event('input', { bubbles: true }));
        });
        await expect
          .poll(() =>
            page
              .locator('[data-testid="segmentation-labels"]')
              .evaluate((el) => (el as HTMLElement).style.clipPath),
          )
          .toBe('inset(0px 70% 0px 0px)');
        const layers = await page.locator('.segmentation canvas').count();
        await page.getByTestId('segmentation-uncertainty').check();
        await expect.poll(() => page.locator('.segmentation canvas').count()).toBe(layers + 1);
        await settle(page);
        await app.screenshot(`image-grey-overlay-uncertainty-${locale}-${scheme}`);

        // The label PNG: the picture's size, the rectangle and the background in their clusters' colours.
        const png = await exportPng(app, path.join(dir, `grey-${locale}.png`), 'palette');
        expect([png.width, png.height, png.channels]).toEqual([W, H, 3]);
        const at = (px: number, py: number) => key(png.data.slice((py * W + px) * 3, (py * W + px) * 3 + 3));
        for (let py = 0; py < H; py++)
          for (let px = 0; px < W; px++)
            expect(at(px, py)).toBe(inRectangle(px, py) ? key(inside) : key(outside));
      });
    });
  }

  it('a colour picture in CIELAB: three clusters, mean colours in the view, label PNG (zh-CN, light)', async () => {
    await withApp({ locale: 'zh-CN', colorScheme: 'light', viewport: VIEWPORT }, async (app) => {
      const { page } = app;
      await page.getByTestId('start-screen').waitFor();
      await openImage(app, path.join(dir, 'bands.png'));
      await page.getByTestId('import-colour-space').selectOption('lab');
      await expect
        .poll(() =>
          page
            .locator('[data-testid="import-columns"] li')
            .evaluateAll((l) => l.map((e) => e.getAttribute('data-column'))),
        )
        .toEqual(['L*', 'a*', 'b*']);
      await settle(page);
      await app.screenshot('image-colour-import-lab-zh-CN-light');
      await page.getByTestId('import-confirm').click();
      await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
      await fit(page, 3);
      await showSegmentation(page);
      await page.getByTestId('segmentation-colours').selectOption('mean');
      await settle(page);
      // Mean colours: each band's label is close to the band's own colour (the picture shown whole).
      for (let r = 0; r < 3; r++) {
        const rgba = await labelPixel(page, Math.floor(((r + 0.5) * W) / 3), 20);
        for (let c = 0; c < 3; c++) expect(Math.abs(rgba[c] - REGION_RGB[r][c])).toBeLessThanOrEqual(4);
      }
      await app.screenshot('image-colour-segmentation-mean-zh-CN-light');

      // Imported as L*a*b* only, the file is written in the cluster colours (mean colours need r, g, b).
      const png = await exportPng(app, path.join(dir, 'bands-labels.png'), 'palette');
      expect([png.width, png.height]).toEqual([W, H]);
      const colours = new Map<number, Set<string>>();
      for (let p = 0; p < W * H; p++) {
        const region = regionOf(p % W);
        const set = colours.get(region) ?? new Set<string>();
        set.add(key(png.data.slice(p * 3, p * 3 + 3)));
        colours.set(region, set);
      }
      // One colour per band, three bands, three palette colours: the clusters are the bands.
      expect([...colours.values()].map((s) => s.size)).toEqual([1, 1, 1]);
      const used = new Set([...colours.values()].map((s) => [...s][0]));
      expect([...used].sort()).toEqual(
        LABEL_PALETTE.slice(0, 3)
          .map((h) => key(hexRgb(h)))
          .sort(),
      );
    });
  });
});
