/**
 * A background run as the page holds it (window.mixlab runBackground): what the engine's summary
 * says, plus the id under which the main process keeps the run's masks and background estimates in
 * a temporary folder. The page asks for one frame at a time (getBackgroundFrame) and never receives
 * the sequence whole.
 */
import type { BackgroundOptions } from '../engine/background/backgroundOptions';

export interface BackgroundRun {
  /** Main's name for the run's folder; the page never learns the folder itself. */
  runId: string;
  /** The folder of frames or the animated GIF, as the user chose it. */
  source: string;
  frames: number;
  width: number;
  height: number;
  channels: number;
  options: BackgroundOptions;
  /** Per frame, the mask's file name (the frame's own name with .png), in frame order. */
  masks: string[];
  /** Per frame, the share of pixels marked foreground. */
  foregroundFraction: number[];
  seconds: number;
}

/** Progress of a mask export: files copied so far. */
export interface MaskExportProgress {
  written: number;
  total: number;
}

export interface MaskExportSummary {
  folder: string;
  files: number;
}

/** What a frame source dialog picks: a folder of frames, or an animated GIF (never both in one dialog). */
export type FrameSourceKind = 'folder' | 'gif';
