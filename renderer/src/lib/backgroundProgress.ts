/**
 * Progress payloads of the background model's jobs, read by shape (they cross two process
 * boundaries; see jobProgress.ts): frames modelled, mask files exported.
 */
import type { BackgroundProgress } from '../../../shared/engine/background/backgroundRequest';
import type { MaskExportProgress } from '../../../shared/background/backgroundRun';

const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function parseBackgroundProgress(raw: unknown): BackgroundProgress | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { frame, frames } = raw as Record<string, unknown>;
  return count(frame) && count(frames) && frame <= frames ? { frame, frames } : null;
}

export function parseMaskExportProgress(raw: unknown): MaskExportProgress | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { written, total } = raw as Record<string, unknown>;
  return count(written) && count(total) && written <= total ? { written, total } : null;
}
