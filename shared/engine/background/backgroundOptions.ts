/**
 * The background model's settings, their defaults and where each comes from. The model is the
 * adaptive per-pixel Gaussian mixture of Stauffer & Grimson (CVPR 1999) as refined by Zivkovic
 * (ICPR 2004) and Zivkovic & van der Heijden (Pattern Recognition Letters 27(7), 2006) — the one
 * OpenCV ships as BackgroundSubtractorMOG2 — and the defaults are OpenCV's (video/src/bgfg_gaussmix2.cpp).
 * With them the masks are OpenCV's on the synthetic sequence of scripts/lib/syntheticFrames.mjs,
 * pixel for pixel (scripts/background-vs-opencv.py).
 *
 *   components            5     K, the most Gaussians a pixel keeps (OpenCV nmixtures)
 *   learningRate       'auto'  α per frame; 'auto' is OpenCV's schedule α = 1 / min(2n, history) at
 *                               frame n (fast at first, then 1 / history); a number fixes α
 *   history             500    the number of frames 'auto' settles to averaging over
 *   threshold            16    squared Mahalanobis distance under which a background Gaussian explains
 *                               the pixel: 4 standard deviations (OpenCV varThreshold, Zivkovic's Cthr)
 *   backgroundRatio     0.9    the heaviest Gaussians whose weights sum to this are background
 *                               (Stauffer & Grimson's T; OpenCV backgroundRatio = 1 − cf, cf = 0.1)
 *   matchThreshold        9    squared distance under which a sample updates a Gaussian rather than
 *                               starting a new one: 3 standard deviations (OpenCV varThresholdGen)
 *   varianceInit         15    variance of a new Gaussian (OpenCV fVarInit)
 *   varianceMin / Max  4 / 75  bounds on every variance (OpenCV fVarMin, fVarMax = 5 × fVarInit)
 *   complexityReduction 0.05   Zivkovic's prior c_T: weights shrink by α·c_T each frame, so a
 *                               Gaussian that too few samples support is dropped (0: Stauffer & Grimson)
 *   shadows            true    a pixel that is a darker copy of a background Gaussian is a shadow and
 *                               written as background (Prati, Mikić, Trivedi & Cucchiara, IEEE PAMI
 *                               2003; OpenCV detectShadows). Besides cast shadows it absorbs the dark
 *                               half of sensor noise; it can also hide a dark object on a lit background,
 *                               which is what turning it off is for
 *   shadowTau           0.5    how much darker a shadow may be: brightness ratio at least τ (OpenCV fTau)
 *
 * Samples are 8-bit (0..255): the thresholds above are in those units.
 */
import { z } from 'zod';

export const BACKGROUND_DEFAULTS = {
  components: 5,
  learningRate: 'auto',
  history: 500,
  threshold: 16,
  backgroundRatio: 0.9,
  matchThreshold: 9,
  varianceInit: 15,
  varianceMin: 4,
  varianceMax: 75,
  complexityReduction: 0.05,
  shadows: true,
  shadowTau: 0.5,
} as const;

export const backgroundOptionsSchema = z
  .object({
    components: z.number().int().min(1).max(16).default(BACKGROUND_DEFAULTS.components),
    learningRate: z
      .union([z.literal('auto'), z.number().gt(0).max(1)])
      .default(BACKGROUND_DEFAULTS.learningRate),
    history: z.number().int().min(1).max(1_000_000).default(BACKGROUND_DEFAULTS.history),
    threshold: z.number().gt(0).max(1e6).default(BACKGROUND_DEFAULTS.threshold),
    backgroundRatio: z.number().gt(0).max(1).default(BACKGROUND_DEFAULTS.backgroundRatio),
    matchThreshold: z.number().gt(0).max(1e6).default(BACKGROUND_DEFAULTS.matchThreshold),
    varianceInit: z.number().gt(0).max(1e6).default(BACKGROUND_DEFAULTS.varianceInit),
    varianceMin: z.number().gt(0).max(1e6).default(BACKGROUND_DEFAULTS.varianceMin),
    varianceMax: z.number().gt(0).max(1e6).default(BACKGROUND_DEFAULTS.varianceMax),
    complexityReduction: z.number().min(0).max(1).default(BACKGROUND_DEFAULTS.complexityReduction),
    shadows: z.boolean().default(BACKGROUND_DEFAULTS.shadows),
    shadowTau: z.number().gt(0).lt(1).default(BACKGROUND_DEFAULTS.shadowTau),
  })
  .strict();

export type BackgroundOptions = z.output<typeof backgroundOptionsSchema>;

/** α for frame `n` (1-based): OpenCV's schedule, or the fixed rate (the first frame always 1/2). */
export function learningRateAt(
  options: Pick<BackgroundOptions, 'learningRate' | 'history'>,
  n: number,
): number {
  if (options.learningRate !== 'auto' && n > 1) return options.learningRate;
  return 1 / Math.min(2 * n, options.history);
}
