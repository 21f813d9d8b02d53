/** Messages between the sweep's cell pool and its worker threads (electron/engine/sweepWorker.ts). */
import type { CovarianceType } from '../../../shared/engine/types';
import type { SweepCell, SweepFitOptions } from '../../../shared/engine/sweepTypes';

export type SweepWorkerRequest =
  /** Sent once: X lives in a SharedArrayBuffer, so every worker maps the same memory. */
  | { type: 'data'; X: Float64Array; nSamples: number; nFeatures: number }
  | { type: 'cell'; id: number; k: number; covarianceType: CovarianceType; options: SweepFitOptions };

export type SweepWorkerReply =
  | { type: 'cell'; id: number; cell: SweepCell }
  | { type: 'error'; id: number; code: string; message: string; details?: Record<string, unknown> };
