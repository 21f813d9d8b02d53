import type { DatasetSummary } from '../../../shared/data/types';

/** The colour columns of an image's pixel rows (electron/engine/import/importImage.ts names them). */
const COLOUR_NAMES = new Set(['grey', 'r', 'g', 'b', 'L*', 'a*', 'b*']);

/**
 * The columns an image's segmentation starts from: its colour columns (grey; r, g, b; L*, a*, b*),
 * never x, y — position is a choice, not the default. Empty for a dataset that is not an image.
 */
export function pixelColourColumns(summary: DatasetSummary | null): number[] {
  if (!summary?.image) return [];
  return summary.columns.filter((c) => COLOUR_NAMES.has(c.name) && c.kind === 'numeric').map((c) => c.index);
}
