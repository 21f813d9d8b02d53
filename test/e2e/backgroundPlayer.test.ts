/**
 * The background model through the real page, services and engine process: a synthetic frame
 * folder (sensor noise and a square moving across a fixed scene) opened from the File menu, run,
 * played and stepped; the mask the player shows for a frame is the engine's own mask for it, pixel
 * for pixel; a long run is cancelled; the masks are exported into a folder chosen in the folder
 * dialog. Screenshots in English and Chinese, light and dark.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, encode } from 'fast-png';
import type { Page } from 'playwright-core';
import { closeBrowser, type RunningApp } from './harness';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { withApp } from './pageHelpers';
import { repoRoot } from '../support/paths';

const VIEWPORT = { width: 1440, height: 900 };
const W = 128;
const H = 64;
const FRAMES = 40;
const SQUARE = 10;

let tmp: string;
let frames: string;
beforeAll(() => {
  ensureRendererBuilt();
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-e2e-background-'));
  frames = path.join(tmp, 'walk');
  writeSequence(frames, FRAMES);
});
afterAll(async () => {
  await closeBrowser();
  rmSync(tmp, { recursive: true, force: true });
});

/** A deterministic generator (mulberry32), so the frames are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` colour frames f1.png … (names not zero-padded: f10 comes after f9): a fixed scene of a
 * green gradient with ±6 of sensor noise per channel, and a red square crossing it left to right.
 */
function writeSequence(folder: string, count: number, width = W, height = H): void {
  mkdirSync(folder, { recursive: true });
  const rand = random(5);
  for (let t = 0; t < count; t++) {
    const data = new Uint8Array(width * height * 3);
    // 3 pixels a frame, one pass over the 40 frames: each pixel is covered for about three frames,
    // too few to become background.
    const x0 = (t * 3) % (width - SQUARE);
    const y0 = Math.round(height / 2 - SQUARE / 2);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 3;
        const inside = x >= x0 && x < x0 + SQUARE && y >= y0 && y < y0 + SQUARE;
        const base = inside ? [220, 40, 40] : [60, 90 + Math.round((x / width) * 80), 70];
        for (let c = 0; c < 3; c++)
          data[i + c] = Math.max(0, Math.min(255, base[c] + Math.round((rand() - 0.5) * 12)));
      }
    writeFileSync(path.join(folder, `f${t + 1}.png`), encode({ width, height, channels: 3, depth: 8, data }));
  }
}

async function openFolder(app: RunningApp, folder: string): Promise<void> {
  app.dialogs.nextFolder = folder;
  await app.page.getByTestId('file-menu').click();
  await app.page.getByTestId('menu-open-frames').click();
  await app.page.getByTestId('background-workspace').waitFor({ timeout: 30_000 });
}

async function run(page: Page, k: number): Promise<void> {
  await page.getByTestId('bg-components').fill(String(k));
  await page.getByTestId('background-run').click();
  await page.getByTestId('background-player').waitFor({ timeout: 120_000 });
  await page.getByTestId('player-mask').waitFor();
}

/** The red channel of a player canvas: for the mask, its 255/0 values. */
function canvasChannel(page: Page, testid: string): Promise<number[]> {
  return page.evaluate((id) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${id}"]`)!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    return Array.from(data.filter((_, i) => i % 4 === 0));
  }, testid);
}

async function goTo(page: Page, index: number): Promise<void> {
  await page.getByTestId('player-slider').evaluate((el, i) => {
    const input = el as HTMLInputElement;
    input.value = String(i);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, index);
  await expect.poll(() => page.getByTestId('player-name').textContent()).toBe(`f${index + 1}.png`);
}

describe('background model: open a frame folder and play it', () => {
  it('runs, plays and steps; the mask shown is the engine’s; a run is cancelled; masks are exported', async () => {
    await withApp({ viewport: VIEWPORT }, async (app) => {
      const { page } = app;
      await openFolder(app, frames);
      expect(await page.getByTestId('background-source').textContent()).toBe('walk');
      await run(page, 3);
      expect(await page.getByTestId('background-summary').textContent()).toMatch(
        /^40 frames · 128 × 64 px · colour/,
      );
      expect(await page.getByTestId('player-position').textContent()).toBe('Frame 1 of 40');
      expect(await page.getByTestId('player-name').textContent()).toBe('f1.png');

      // Step forward and back; the slider jumps.
      await page.getByTestId('player-next').click();
      await expect.poll(() => page.getByTestId('player-name').textContent()).toBe('f2.png');
      expect(await page.getByTestId('player-position').textContent()).toBe('Frame 2 of 40');
      await page.getByTestId('player-previous').click();
      await expect.poll(() => page.getByTestId('player-name').textContent()).toBe('f1.png');
      await goTo(page, 29);

      // The mask shown is the engine's mask for that frame (the same run `mixlab background` makes).
      const direct = path.join(tmp, 'direct');
      const summary = await app.engine.call('background', {
        source: frames,
        out: direct,
        options: { components: 3 },
      });
      const engineMask = Array.from(decode(readFileSync(path.join(direct, 'f30.png'))).data);
      expect(engineMask.filter((v) => v === 255).length).toBeGreaterThan((SQUARE * SQUARE) / 2);
      expect(await canvasChannel(page, 'player-mask')).toEqual(engineMask);
      const share = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(
        summary.foregroundFraction[29],
      );
      expect(await page.getByTestId('player-foreground').textContent()).toBe(`Foreground: ${share}`);
      await app.screenshot('background-player-en');

      // Play runs on through the frames; pause stops it.
      await goTo(page, 0);
      await page.getByTestId('player-play').click();
      await expect
        .poll(async () => Number((await page.getByTestId('player-slider').inputValue()) ?? 0), {
          timeout: 20_000,
        })
        .toBeGreaterThanOrEqual(5);
      await page.getByTestId('player-play').click();
      expect(await page.getByTestId('player-play').getAttribute('aria-pressed')).toBe('false');
      const stopped = await page.getByTestId('player-slider').inputValue();
      await page.waitForTimeout(400);
      expect(await page.getByTestId('player-slider').inputValue()).toBe(stopped);

      // Export: into the folder chosen in the folder dialog, one mask per frame named after it.
      const exportDir = path.join(tmp, 'exported');
      mkdirSync(exportDir);
      app.dialogs.nextFolder = exportDir;
      await page.getByTestId('background-export').click();
      await page.getByTestId('background-exported').waitFor({ timeout: 30_000 });
      expect(readdirSync(exportDir).sort()).toEqual(summary.masks.slice().sort());
      expect(Array.from(decode(readFileSync(path.join(exportDir, 'f30.png'))).data)).toEqual(engineMask);

      // A long sequence, cancelled while it runs: no player, a note, and Run again.
      const long = path.join(tmp, 'long');
      mkdirSync(long);
      const still = readFileSync(path.join(frames, 'f1.png'));
      for (let t = 0; t < 3000; t++) writeFileSync(path.join(long, `s${t}.png`), still);
      await openFolder(app, long);
      expect(await page.getByTestId('background-player').count()).toBe(0);
      await page.getByTestId('background-run').click();
      await expect
        .poll(() => page.getByTestId('background-progress-text').textContent(), { timeout: 30_000 })
        .toMatch(/^Frame \d+ of 3,000$/);
      await page.getByTestId('background-cancel').click();
      await page.getByTestId('background-cancelled').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('background-player').count()).toBe(0);
      expect(await page.getByTestId('background-run').isEnabled()).toBe(true);

      await page.getByTestId('background-close').click();
      await page.getByTestId('background-workspace').waitFor({ state: 'detached' });
    });
  });

  for (const [locale, colorScheme] of [
    ['en-US', 'dark'],
    ['zh-CN', 'light'],
    ['zh-CN', 'dark'],
  ] as const) {
    it(`screenshot: ${locale}, ${colorScheme}`, async () => {
      await withApp({ locale, colorScheme, viewport: VIEWPORT }, async (app) => {
        await openFolder(app, frames);
        await run(app.page, 3);
        await goTo(app.page, 29);
        if (locale === 'zh-CN')
          expect(await app.page.getByTestId('player-position').textContent()).toBe('第 30 帧，共 40 帧');
        await app.screenshot(`background-player-${locale === 'zh-CN' ? 'zh' : 'en'}-${colorScheme}`);
        if (locale !== 'en-US') return;
        // Data opened from the File menu replaces the background screen with the workspace.
        app.dialogs.nextDataFile = path.join(repoRoot, 'build', 'samples', 'faithful.csv');
        await app.page.getByTestId('file-menu').click();
        await app.page.getByTestId('menu-open-data').click();
        await app.page.getByTestId('import-confirm').click();
        await app.page.getByTestId('workspace').waitFor({ timeout: 60_000 });
        expect(await app.page.getByTestId('background-workspace').count()).toBe(0);
      });
    });
  }
});
