import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  loadWindowState,
  parseWindowState,
  placeWindow,
  saveWindowState,
  type Rect,
  type WindowState,
} from '../../../electron/main/windowState';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1050 }; // 1080 minus a 30 px taskbar
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

const state = (x: number, y: number, width: number, height: number, maximized = false): WindowState => ({
  bounds: { x, y, width, height },
  maximized,
});

describe('parseWindowState', () => {
  it('reads a saved state back', () => {
    const saved = state(100, 80, 1400, 900, true);
    expect(parseWindowState(JSON.stringify(saved))).toEqual(saved);
  });

  it.each([
    ['missing file', null],
    ['not JSON', '{"bounds": {'],
    ['empty', ''],
    ['an array', '[1,2,3]'],
    ['a missing field', JSON.stringify({ bounds: { x: 0, y: 0, width: 800 }, maximized: false })],
    ['a zero width', JSON.stringify(state(0, 0, 0, 600))],
    ['a fractional coordinate', JSON.stringify(state(0.5, 0, 1000, 700))],
    ['a huge coordinate', JSON.stringify(state(1e9, 0, 1000, 700))],
    [
      'a string number',
      JSON.stringify({ bounds: { x: '0', y: 0, width: 1000, height: 700 }, maximized: false }),
    ],
    ['an extra field', JSON.stringify({ ...state(0, 0, 1000, 700), evil: true })],
  ])('gives null for %s (the defaults are used)', (_name, text) => {
    expect(parseWindowState(text)).toBeNull();
  });
});

describe('placeWindow', () => {
  it('opens at the default size, centred by the OS, when nothing was saved', () => {
    expect(placeWindow(null, [laptop])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('restores bounds that lie on a display as they were, maximised included', () => {
    expect(placeWindow(state(120, 60, 1400, 900, true), [laptop, rightMonitor])).toEqual({
      x: 120,
      y: 60,
      width: 1400,
      height: 900,
      maximized: true,
    });
  });

  it('keeps a window on the second monitor there', () => {
    expect(placeWindow(state(2200, 100, 1600, 1000), [laptop, rightMonitor])).toMatchObject({
      x: 2200,
      y: 100,
    });
  });

  it('centres the window on the primary display when its monitor was unplugged', () => {
    expect(placeWindow(state(2200, 100, 1600, 1000, true), [laptop])).toEqual({
      width: 1600,
      height: 1000,
      maximized: true,
    });
  });

  it('pulls a window hanging off the edge back inside the work area', () => {
    // 1000 px of the window were right of the laptop screen, and its title bar above it.
    expect(placeWindow(state(1420, -40, 1500, 900), [laptop])).toEqual({
      x: 1920 - 1500,
      y: 0,
      width: 1500,
      height: 900,
      maximized: false,
    });
  });

  it('shrinks a window larger than its display to the work area', () => {
    expect(placeWindow(state(0, 0, 2560, 1440), [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1050,
      maximized: false,
    });
  });

  it('never goes below the minimum size, keeping the top-left corner on a tiny display', () => {
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 560 };
    expect(placeWindow(state(10, 10, 1280, 820), [tiny])).toEqual({
      x: 0,
      y: 0,
      width: MIN_SIZE.width,
      height: MIN_SIZE.height,
      maximized: false,
    });
  });

  it('handles a display left of or above the primary (negative coordinates)', () => {
    const left: Rect = { x: -1680, y: -200, width: 1680, height: 1010 };
    expect(placeWindow(state(-1500, -150, 1200, 800), [laptop, left])).toMatchObject({ x: -1500, y: -150 });
  });
});

describe('loadWindowState / saveWindowState', () => {
  it('round-trips through the file and falls back to null on a corrupt one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-window-'));
    const file = path.join(dir, 'window-state.json');
    expect(loadWindowState(file)).toBeNull();
    const saved = state(30, 40, 1300, 850, false);
    expect(saveWindowState(file, saved)).toBe(true);
    expect(loadWindowState(file)).toEqual(saved);
    writeFileSync(file, '\u0000\u0000garbage');
    expect(loadWindowState(file)).toBeNull();
  });

  it('does not write bounds a minimised window reports (zero size)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-window-'));
    const file = path.join(dir, 'window-state.json');
    saveWindowState(file, state(1, 2, 1000, 700));
    expect(saveWindowState(file, state(0, 0, 0, 0))).toBe(false);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state(1, 2, 1000, 700));
  });
});
