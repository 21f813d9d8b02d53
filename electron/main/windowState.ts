/**
 * The main window's size, position and maximised state, remembered between sessions in a small JSON
 * file in the app's data folder. Reading never fails: a missing, corrupt or out-of-range file gives
 * the defaults, and a position on a display that is no longer attached is moved onto one that is.
 * The placement is pure (display work areas are passed in), so it is tested without Electron.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The window's normal (not maximised) bounds. */
  bounds: Rect;
  maximized: boolean;
}

/** What BrowserWindow gets: no x/y means "let the OS centre it". */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 900, height: 600 } as const;
export const WINDOW_STATE_FILE = 'window-state.json';

// Pixels are integers within any plausible desktop (several 8K displays side by side).
const coordinate = z.number().int().min(-100_000).max(100_000);
const extent = z.number().int().min(1).max(100_000);
const windowStateSchema = z
  .object({
    bounds: z.object({ x: coordinate, y: coordinate, width: extent, height: extent }).strict(),
    maximized: z.boolean(),
  })
  .strict();

/** The saved state, or null if the text is not a valid one (never throws). */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = windowStateSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** `lo` wins when the range is empty (a window wider than its display keeps its left edge on it). */
const clamp = (v: number, lo: number, hi: number) => Math.max(Math.min(v, hi), lo);

/**
 * Where to open the window. `workAreas`: the displays' work areas (screen minus taskbar/dock), the
 * primary display first. The saved bounds go to the display they overlap most; if they overlap
 * none (that monitor was unplugged), the window opens centred on the primary display at its saved
 * size. Either way the size is shrunk to fit the display (but not below the window's minimum) and
 * the window is moved so it lies entirely inside the work area, title bar reachable.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): WindowPlacement {
  const primary = workAreas[0];
  if (!saved) {
    if (!primary) return { ...DEFAULT_SIZE, maximized: false };
    return { ...fitSize(DEFAULT_SIZE, primary), maximized: false };
  }
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const a = overlapArea(saved.bounds, area);
    if (a > bestArea) {
      best = area;
      bestArea = a;
    }
  }
  if (!best) {
    if (!primary)
      return { width: saved.bounds.width, height: saved.bounds.height, maximized: saved.maximized };
    return { ...fitSize(saved.bounds, primary), maximized: saved.maximized };
  }
  const size = fitSize(saved.bounds, best);
  return {
    x: clamp(saved.bounds.x, best.x, best.x + best.width - size.width),
    y: clamp(saved.bounds.y, best.y, best.y + best.height - size.height),
    ...size,
    maximized: saved.maximized,
  };
}

/** The size shrunk to the work area; the minimum wins only where the display is smaller still. */
function fitSize(size: { width: number; height: number }, area: Rect): { width: number; height: number } {
  return {
    width: Math.max(Math.min(size.width, area.width), Math.min(MIN_SIZE.width, size.width)),
    height: Math.max(Math.min(size.height, area.height), Math.min(MIN_SIZE.height, size.height)),
  };
}

/**
 * Reads the saved state; null when there is none or it is unreadable. Synchronous: a few bytes, read
 * once before the window is created (its options need them).
 */
export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Writes the state: a temporary file renamed over the old one, so a crash mid-write leaves the
 * previous state, never half a file. Synchronous because it runs as the window closes, when the
 * app may be quitting. Invalid bounds (a minimised window on some platforms reports zeros) are not
 * written.
 */
export function saveWindowState(file: string, state: WindowState): boolean {
  if (!windowStateSchema.safeParse(state).success) return false;
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(state));
    renameSync(temp, file);
    return true;
  } catch {
    rmSync(temp, { force: true });
    return false;
  }
}
